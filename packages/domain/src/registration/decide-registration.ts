import type { HolidayCalendar, IsoDate } from '../calendar/index.ts';
import { addCalendarDaysWithHolidayRollover } from '../calendar/index.ts';
import { DomainError, type ProblemDetail } from '../errors/index.ts';
import {
  assessPledgeEligibility,
  type ExistingPledgeRecord,
  type IpAsset,
  type PledgeCandidateAsset,
  type PledgeEligibilityInput,
  type PledgeParty,
  type Pledgee,
  type RefusalGround,
} from '../ip-asset/index.ts';
import { calculateRegistrationDueDate } from './calculate-registration-due-date.ts';
import { formatRegistrationNumber } from './format-registration-number.ts';
import type {
  ContractItem,
  RegistrationAuthority,
  RegistrationMaterial,
} from './registration-authorities.ts';

/** 出质资产 (one asset in the application) with its register record, existing pledges and co-owners' consents. */
export interface RegistrationAsset {
  readonly asset: PledgeCandidateAsset &
    Pick<IpAsset, 'kind' | 'number' | 'title' | 'ipcClasses' | 'grantDate'>;
  readonly existingPledges: readonly ExistingPledgeRecord[];
  readonly coOwnerConsentPartyIds: readonly string[];
}

/** 质押合同要素 (contract facts) the authority examines. Amounts in fen. */
export interface RegistrationContractFacts {
  readonly securedAmountFen: bigint;
  /** 债务履行期限: from `debtStartDate` to `debtMaturityDate` (the bank's loan, or the guarantor's claim under 反担保). */
  readonly debtStartDate: IsoDate;
  readonly debtMaturityDate: IsoDate;
  /** The required items the contract contains. */
  readonly presentItems: readonly ContractItem[];
  /** 合同违反法律、行政法规强制性规定. */
  readonly violatesMandatoryLaw: boolean;
}

/**
 * 质押登记申请 (pledge registration application): pledgor and pledgee (a bank, or a guarantor for 反担保), the
 * assets, the contract's facts, the materials filed, and the dates: filing, and the earlier correction round if any.
 */
export interface RegistrationApplication {
  readonly applicationId: string;
  readonly pledgor: PledgeParty;
  readonly pledgee: Pledgee;
  readonly assets: readonly RegistrationAsset[];
  readonly consentsAfterNotice: PledgeEligibilityInput['consentsAfterNotice'];
  readonly contract: RegistrationContractFacts;
  readonly materials: readonly RegistrationMaterial[];
  readonly viaAgent: boolean;
  /** The application form says a valuation report exists, so it must be filed. */
  readonly valuationReportDeclared: boolean;
  readonly filingDate: IsoDate;
  /** The earlier 补正 round: the notice's date and the day the defects were cured (null while not cured). */
  readonly correction?: { readonly requestedDate: IsoDate; readonly completedDate: IsoDate | null };
}

/** What the built-in authority needs besides the application. */
export interface RegistrationDecisionContext {
  readonly authority: RegistrationAuthority;
  readonly calendar: HolidayCalendar;
  /** The authority's next running number for the year (allocated by the caller). */
  readonly sequence: number;
  /** Two-digit province code for the number, e.g. `44`. */
  readonly regionCode: string;
  /** The day the authority acts; defaults to the due date. Must not precede the start of the period. */
  readonly decisionDate?: IsoDate;
}

/** 不予登记理由 (one refusal ground): a problem plus the regulation's numbered ground, and the asset if any. */
export interface RegistrationRefusalGround extends ProblemDetail {
  readonly ground: RefusalGround;
  readonly assetId: string | null;
}

/** 登记通知书 (registration notice): what the notice or certificate states. */
export interface RegistrationNotice {
  readonly titleZh: string;
  readonly titleEn: string;
  readonly registrationNumber: string;
  readonly authorityId: RegistrationAuthority['authorityId'];
  readonly registrationDate: IsoDate;
  readonly pledgor: PledgeParty;
  readonly pledgee: Pledgee;
  readonly assets: readonly {
    readonly assetId: string;
    readonly kind: IpAsset['kind'];
    readonly number: string;
    readonly title: string;
    readonly mainIpcClass: string | null;
    readonly grantDate: IsoDate | null;
  }[];
  readonly securedAmountFen: bigint;
  /** 质权登记期限: registration date to the debt's maturity; for trademarks the period after which it lapses. */
  readonly registrationPeriod: { readonly startDate: IsoDate; readonly endDate: IsoDate };
  readonly lapsesAtPeriodEnd: boolean;
}

/** Common to every outcome: the period's start, its due date, and when the authority acted. */
interface DecisionTiming {
  readonly periodStartDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly decisionDate: IsoDate;
  readonly withinTimeLimit: boolean;
  /** The holiday calendar lacked a year the count crossed. */
  readonly provisional: boolean;
}

/** 登记决定 (decision of the authority): registered with a notice, refused with every ground, or 补正 with what is missing. */
export type RegistrationDecision =
  | (DecisionTiming & {
      readonly outcome: 'registered';
      readonly registrationNumber: string;
      readonly notice: RegistrationNotice;
    })
  | (DecisionTiming & { readonly outcome: 'refused'; readonly grounds: readonly RegistrationRefusalGround[] })
  | (DecisionTiming & {
      readonly outcome: 'correction_requested';
      readonly missing: readonly ProblemDetail[];
      readonly correctionDeadline: IsoDate | null;
    });

/** Materials the application needs, given its facts. */
function requiredMaterials(
  application: RegistrationApplication,
  authority: RegistrationAuthority,
): RegistrationMaterial[] {
  const required: RegistrationMaterial[] = [
    'application_form',
    'pledge_contract',
    'identity_or_commitment_letter',
  ];
  if (application.viaAgent) required.push('power_of_attorney');
  if (application.valuationReportDeclared) required.push('valuation_report');
  if (authority.jointApplication && application.assets.some((a) => a.asset.owners.length > 1))
    required.push('co_owner_consents');
  if (
    authority.regulation === 'copyright_pledge_measures_2010' &&
    application.assets.some((a) => a.asset.licences.length > 0)
  )
    required.push('prior_licence_contracts');
  return required;
}

function refusalGrounds(
  application: RegistrationApplication,
  authority: RegistrationAuthority,
  decisionDate: IsoDate,
): RegistrationRefusalGround[] {
  const grounds: RegistrationRefusalGround[] = [];
  const other: RefusalGround = {
    regulation: authority.regulation,
    item:
      authority.regulation === 'civil_code_2020'
        ? null
        : (
            {
              patent_pledge_measures_2021: 12,
              trademark_pledge_rules_2020: 5,
              copyright_pledge_measures_2010: 6,
            } as const
          )[authority.regulation],
  };

  application.assets.forEach((entry, index) => {
    const { asset } = entry;
    if (!authority.kinds.includes(asset.kind)) {
      grounds.push({
        code: 'REGISTRATION_WRONG_AUTHORITY',
        field: `assets[${index}].asset.kind`,
        params: { kind: asset.kind, authorityId: authority.authorityId },
        ground: other,
        assetId: asset.assetId,
      });
      return;
    }
    if (!authority.examinesSubstance) return;
    const reasons = assessPledgeEligibility({
      asset,
      existingPledges: entry.existingPledges,
      pledgor: application.pledgor,
      pledgee: application.pledgee,
      coOwnerConsentPartyIds: entry.coOwnerConsentPartyIds,
      coPledgedAssetIds: application.assets.map((a) => a.asset.assetId).filter((id) => id !== asset.assetId),
      consentsAfterNotice: application.consentsAfterNotice,
      debtMaturityDate: application.contract.debtMaturityDate,
      decisionDate,
    });
    for (const reason of reasons) {
      // Prior licences are materials to file (《著作权质权登记办法》 art. 6), cured by 补正, not refused.
      if (reason.code === 'PLEDGE_PRIOR_LICENCE_NOT_DISCLOSED') continue;
      grounds.push({
        code: reason.code,
        field: `assets[${index}].${reason.field}`,
        params: reason.params ?? {},
        ground: reason.ground,
        assetId: asset.assetId,
      });
    }
  });

  const contractGround: RefusalGround = {
    regulation: authority.regulation,
    item: authority.contractGroundItem ?? other.item,
  };
  const present = new Set(application.contract.presentItems);
  const missingItems = authority.requiredContractItems.filter(
    (item) => !present.has(item) || (item === 'secured_claim' && application.contract.securedAmountFen <= 0n),
  );
  if (missingItems.length > 0) {
    grounds.push({
      code: 'REGISTRATION_CONTRACT_CONTENT_MISSING',
      field: 'contract.presentItems',
      params: { missingItems: missingItems.join(',') },
      ground: contractGround,
      assetId: null,
    });
  }
  if (application.contract.violatesMandatoryLaw)
    grounds.push({
      code: 'REGISTRATION_CONTRACT_UNLAWFUL',
      field: 'contract',
      params: {},
      ground: contractGround,
      assetId: null,
    });
  if (application.contract.debtMaturityDate < application.contract.debtStartDate) {
    grounds.push({
      code: 'REGISTRATION_DEBT_TERM_INVALID',
      field: 'contract.debtMaturityDate',
      params: {
        debtStartDate: application.contract.debtStartDate,
        debtMaturityDate: application.contract.debtMaturityDate,
      },
      ground: contractGround,
      assetId: null,
    });
  }
  return grounds;
}

/**
 * 内置登记机关审查 (a built-in authority's decision on a pledge registration application), pure and
 * deterministic. The service period starts on the filing date, or on the day the defects were cured after a
 * 补正 notice, and its due date follows the authority's time limit (`calculateRegistrationDueDate`).
 * 1. A correction cured after the window (trademarks: 30 days from the notice, art. 203 roll-over) → refused
 *    (REGISTRATION_CORRECTION_OVERDUE: deemed abandoned, 2020 trademark rules).
 * 2. Every refusal ground → refused: the eligibility grounds of each asset (`assessPledgeEligibility`, numbered by
 *    `refusalGroundOf`: 《专利权质押登记办法》(2021) (1)–(6), (8)–(12); trademark rules 2020 (1) names don't match the
 *    register, (3), (4), (5) incl. same-or-similar marks not pledged together; 《著作权质权登记办法》 art. 12), a
 *    kind this authority does not register, and the contract: required content missing (patent ground (7)),
 *    violation of mandatory law (copyright art. 12 (2)). The receivables registry examines no substance.
 * 3. Missing materials (form, contract, identity or 承诺书, power of attorney via an agent, declared valuation
 *    report, co-owners' consents, prior licences for copyright) → correction_requested with each missing item.
 * 4. Otherwise registered: number from the passed sequence, notice, period from registration to the debt's maturity.
 * @throws DomainError('REGISTRATION_DECISION_DATE_INVALID') when `decisionDate` precedes the period's start.
 */
export function decideRegistration(
  application: RegistrationApplication,
  context: RegistrationDecisionContext,
): RegistrationDecision {
  const { authority, calendar } = context;
  const correction = application.correction;
  const periodStartDate = correction?.completedDate ?? application.filingDate;
  const due = calculateRegistrationDueDate(periodStartDate, authority.serviceTimeLimit, calendar);
  const decisionDate = context.decisionDate ?? due.date;
  if (decisionDate < periodStartDate)
    throw new DomainError('REGISTRATION_DECISION_DATE_INVALID', { decisionDate, startDate: periodStartDate });
  const timing: DecisionTiming = {
    periodStartDate,
    dueDate: due.date,
    decisionDate,
    withinTimeLimit: decisionDate <= due.date,
    provisional: due.provisional,
  };

  if (
    correction !== undefined &&
    correction.completedDate !== null &&
    authority.correctionWindowDays !== null
  ) {
    const deadline = addCalendarDaysWithHolidayRollover(
      correction.requestedDate,
      authority.correctionWindowDays,
      calendar,
    );
    if (correction.completedDate > deadline.date) {
      const ground: RegistrationRefusalGround = {
        code: 'REGISTRATION_CORRECTION_OVERDUE',
        field: 'correction.completedDate',
        params: { completedDate: correction.completedDate, deadline: deadline.date },
        ground: { regulation: authority.regulation, item: null },
        assetId: null,
      };
      return {
        ...timing,
        provisional: timing.provisional || deadline.provisional,
        outcome: 'refused',
        grounds: [ground],
      };
    }
  }

  const grounds = refusalGrounds(application, authority, decisionDate);
  if (grounds.length > 0) return { ...timing, outcome: 'refused', grounds };

  const filed = new Set(application.materials);
  const missing: ProblemDetail[] = requiredMaterials(application, authority)
    .filter((m) => !filed.has(m))
    .map((m) => ({ code: 'REGISTRATION_MATERIAL_MISSING', field: 'materials', params: { material: m } }));
  for (const [index, entry] of application.assets.entries()) {
    const undisclosed =
      authority.regulation === 'copyright_pledge_measures_2010'
        ? entry.asset.licences.filter((l) => !l.disclosedToPledgee)
        : [];
    if (undisclosed.length > 0) {
      missing.push({
        code: 'PLEDGE_PRIOR_LICENCE_NOT_DISCLOSED',
        field: `assets[${index}].asset.licences`,
        params: {
          licenceIds: undisclosed
            .map((l) => l.licenceId)
            .sort()
            .join(','),
        },
      });
    }
  }
  if (missing.length > 0) {
    const deadline =
      authority.correctionWindowDays === null
        ? null
        : addCalendarDaysWithHolidayRollover(decisionDate, authority.correctionWindowDays, calendar);
    return {
      ...timing,
      provisional: timing.provisional || (deadline?.provisional ?? false),
      outcome: 'correction_requested',
      missing,
      correctionDeadline: deadline?.date ?? null,
    };
  }

  const registrationNumber = formatRegistrationNumber({
    prefix: authority.numberPrefix,
    year: Number(decisionDate.slice(0, 4)),
    regionCode: context.regionCode,
    sequence: context.sequence,
  });
  const notice: RegistrationNotice = {
    titleZh: authority.noticeTitleZh,
    titleEn: authority.noticeTitleEn,
    registrationNumber,
    authorityId: authority.authorityId,
    registrationDate: decisionDate,
    pledgor: application.pledgor,
    pledgee: application.pledgee,
    assets: application.assets.map(({ asset }) => ({
      assetId: asset.assetId,
      kind: asset.kind,
      number: asset.number,
      title: asset.title,
      mainIpcClass: asset.ipcClasses[0] ?? null,
      grantDate: asset.grantDate,
    })),
    securedAmountFen: application.contract.securedAmountFen,
    registrationPeriod: { startDate: decisionDate, endDate: application.contract.debtMaturityDate },
    lapsesAtPeriodEnd: authority.lapsesAtPeriodEnd,
  };
  return { ...timing, outcome: 'registered', registrationNumber, notice };
}
