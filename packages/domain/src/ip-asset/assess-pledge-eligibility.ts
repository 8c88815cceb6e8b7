import type { ProblemDetail } from '../errors/domain-error.ts';
import { calculateIpExpiry } from './calculate-ip-expiry.ts';
import type { IpAsset } from './ip-asset.ts';
import { ipAssetFamilyOf, type IpAssetFamily } from './ip-asset-kind.ts';
import { isIpStatusInForce } from './ip-legal-status.ts';
import type { IsoDate } from './iso-date.ts';

/** The parts of an asset record that decide eligibility. */
export type PledgeCandidateAsset = Pick<
  IpAsset,
  | 'assetId'
  | 'term'
  | 'legalStatus'
  | 'flags'
  | 'owners'
  | 'annualFeePaidThrough'
  | 'similarMarkAssetIds'
  | 'sameDayDualApplication'
  | 'licences'
>;

/** Pledge registration states (states.md "Pledge registration"). */
export type PledgeRegistrationStatus =
  | 'draft'
  | 'signed'
  | 'submitted'
  | 'correction_requested'
  | 'registered'
  | 'refused'
  | 'change_pending'
  | 'extension_pending'
  | 'cancellation_pending'
  | 'cancelled';

/** Registered pledges stay on the register while a change, extension or cancellation is pending. */
const REGISTERED_PLEDGE_STATUSES: ReadonlySet<PledgeRegistrationStatus> = new Set([
  'registered',
  'change_pending',
  'extension_pending',
  'cancellation_pending',
]);

/** 既有质押 (an existing pledge of this asset) as the ledger records it; the pledge being assessed is not one. */
export interface ExistingPledgeRecord {
  readonly pledgeId: string;
  readonly pledgeePartyId: string;
  readonly status: PledgeRegistrationStatus;
  /** 质押期间 (registration period), inclusive. */
  readonly periodStart: IsoDate;
  readonly periodEnd: IsoDate;
}

/** 出质人 (pledgor): the party applying, with its current name. */
export interface PledgeParty {
  readonly partyId: string;
  readonly name: string;
}

/**
 * 质权人 (pledgee): a bank securing its loan, or a guarantor securing its reimbursement claim under a
 * counter-guarantee 反担保 (domain-reference.md: the pledgee is a field, not an assumption).
 */
export interface Pledgee extends PledgeParty {
  readonly kind: 'bank' | 'guarantor';
}

export interface PledgeEligibilityInput {
  readonly asset: PledgeCandidateAsset;
  /** Every pledge of this asset the ledger knows, other than the one being assessed. */
  readonly existingPledges: readonly ExistingPledgeRecord[];
  readonly pledgor: PledgeParty;
  readonly pledgee: Pledgee;
  /** Co-owners (party ids) who consented in writing to this pledge. */
  readonly coOwnerConsentPartyIds: readonly string[];
  /** Other assets pledged in the same application (trademarks: the similar marks must be among them). */
  readonly coPledgedAssetIds: readonly string[];
  /** Consents the parties gave after CNIPA's notice (《专利权质押登记办法》 grounds 10 and 11). */
  readonly consentsAfterNotice: {
    readonly invalidationRequested: boolean;
    readonly sameDayDualApplication: boolean;
  };
  /** 主债务履行期限届满日: for a bank the loan's maturity, for a guarantor the counter-guaranteed claim's. */
  readonly debtMaturityDate: IsoDate;
  /** 判断日: the day registration would happen. */
  readonly decisionDate: IsoDate;
}

export const pledgeIneligibilityCodes = [
  'PLEDGE_PLEDGOR_NOT_OWNER',
  'PLEDGE_PLEDGOR_NAME_MISMATCH',
  'PLEDGE_PLEDGEE_IS_PLEDGOR',
  'PLEDGE_ASSET_NOT_GRANTED',
  'PLEDGE_ASSET_TERMINATED',
  'PLEDGE_TERM_EXPIRED',
  'PLEDGE_ANNUAL_FEE_UNPAID',
  'PLEDGE_OWNERSHIP_DISPUTED',
  'PLEDGE_ASSET_SEIZED_OR_PRESERVED',
  'PLEDGE_DEBT_MATURES_AFTER_EXPIRY',
  'PLEDGE_CO_OWNER_CONSENT_MISSING',
  'PLEDGE_ALREADY_PLEDGED',
  'PLEDGE_SAME_DAY_DUAL_APPLICATION',
  'PLEDGE_INVALIDATION_REQUESTED',
  'PLEDGE_SIMILAR_MARKS_NOT_PLEDGED_TOGETHER',
  'PLEDGE_PRIOR_LICENCE_NOT_DISCLOSED',
] as const;
export type PledgeIneligibilityCode = (typeof pledgeIneligibilityCodes)[number];

/** The registration rules that apply to each family and whose refusal ground a reason maps to. */
export type PledgeRegulation =
  | 'patent_pledge_measures_2021'
  | 'trademark_pledge_rules_2020'
  | 'copyright_pledge_measures_2010'
  | 'civil_code_2020';

/** 不予登记情形 (refusal ground): the regulation and its numbered item; null where the rules number none. */
export interface RefusalGround {
  readonly regulation: PledgeRegulation;
  readonly item: number | null;
}

/** One reason an asset cannot be pledged now: a problem in the platform's shape plus its refusal ground. */
export interface PledgeIneligibilityReason extends ProblemDetail {
  readonly code: PledgeIneligibilityCode;
  readonly ground: RefusalGround;
}

const REGULATION_BY_FAMILY: Readonly<Record<IpAssetFamily, PledgeRegulation>> = {
  patent: 'patent_pledge_measures_2021',
  trademark: 'trademark_pledge_rules_2020',
  copyright: 'copyright_pledge_measures_2010',
  data_ip: 'civil_code_2020',
  receivable: 'civil_code_2020',
};

/**
 * Numbered refusal grounds per regulation; a code not listed falls under the regulation's "other" item.
 * Patent: 《专利权质押登记办法》(2021) grounds (1)–(12). Trademark: 《注册商标专用权质押登记程序规定》(2020)
 * (1) name differs from the register, (3) cancelled/revoked/expired, (4) seized or frozen, (5) other; the
 * same/similar-marks rule is a condition of that regulation, refused as "other". Copyright:
 * 《著作权质权登记办法》(2010) art. 12 (1) not the owner, (3) term expired, (4) debt past the term, (5) ownership
 * disputed, (6) other. Data IP and licence revenue rights have no numbered list (民法典 art. 440, 444).
 */
const GROUND_ITEMS: Readonly<
  Record<
    PledgeRegulation,
    { readonly other: number | null; readonly items: Partial<Record<PledgeIneligibilityCode, number>> }
  >
> = {
  patent_pledge_measures_2021: {
    other: 12,
    items: {
      PLEDGE_PLEDGOR_NOT_OWNER: 1,
      PLEDGE_PLEDGOR_NAME_MISMATCH: 1,
      PLEDGE_ASSET_TERMINATED: 2,
      PLEDGE_TERM_EXPIRED: 2,
      PLEDGE_ASSET_NOT_GRANTED: 3,
      PLEDGE_ANNUAL_FEE_UNPAID: 4,
      PLEDGE_OWNERSHIP_DISPUTED: 5,
      PLEDGE_ASSET_SEIZED_OR_PRESERVED: 5,
      PLEDGE_DEBT_MATURES_AFTER_EXPIRY: 6,
      PLEDGE_CO_OWNER_CONSENT_MISSING: 8,
      PLEDGE_ALREADY_PLEDGED: 9,
      PLEDGE_SAME_DAY_DUAL_APPLICATION: 10,
      PLEDGE_INVALIDATION_REQUESTED: 11,
    },
  },
  trademark_pledge_rules_2020: {
    other: 5,
    items: {
      PLEDGE_PLEDGOR_NOT_OWNER: 1,
      PLEDGE_PLEDGOR_NAME_MISMATCH: 1,
      PLEDGE_ASSET_TERMINATED: 3,
      PLEDGE_TERM_EXPIRED: 3,
      PLEDGE_ASSET_SEIZED_OR_PRESERVED: 4,
    },
  },
  copyright_pledge_measures_2010: {
    other: 6,
    items: {
      PLEDGE_PLEDGOR_NOT_OWNER: 1,
      PLEDGE_PLEDGOR_NAME_MISMATCH: 1,
      PLEDGE_TERM_EXPIRED: 3,
      PLEDGE_DEBT_MATURES_AFTER_EXPIRY: 4,
      PLEDGE_OWNERSHIP_DISPUTED: 5,
    },
  },
  civil_code_2020: { other: null, items: {} },
};

/** 不予登记情形映射 (refusal ground of a reason) for an asset family. */
export function refusalGroundOf(code: PledgeIneligibilityCode, family: IpAssetFamily): RefusalGround {
  const regulation = REGULATION_BY_FAMILY[family];
  const table = GROUND_ITEMS[regulation];
  return { regulation, item: table.items[code] ?? table.other };
}

/** Kinds that pay annual fees to CNIPA (专利法 art. 43); IC layout designs pay none. */
const ANNUAL_FEE_KINDS = new Set(['invention_patent', 'utility_model_patent', 'design_patent']);
/** 一案两请 exists only between an invention and a utility model (专利法 art. 9). */
const DUAL_APPLICATION_KINDS = new Set(['invention_patent', 'utility_model_patent']);

/**
 * 质押适格性审查 (eligibility to pledge): every reason the asset cannot be pledged by this pledgor to this
 * pledgee for a debt maturing on `debtMaturityDate`, as registration would decide on `decisionDate`. An empty
 * list means no known refusal ground applies. Each reason carries a stable code and the numbered refusal ground
 * of the regulation for the asset's family (see `refusalGroundOf`): 《专利权质押登记办法》(2021) grounds 1–12
 * (also for IC layout designs), 《注册商标专用权质押登记程序规定》(2020) (also for GIs registered as marks),
 * 《著作权质权登记办法》(2010) art. 12.
 *
 * Boundaries: a debt maturing on the expiry day (term compensation included) is allowed, one day later is not;
 * an existing registered pledge blocks through the last day of its period; an annual fee paid through the
 * decision date is paid. Pure: reasons do not depend on the order of owners, consents or pledges.
 */
export function assessPledgeEligibility(input: PledgeEligibilityInput): PledgeIneligibilityReason[] {
  const { asset, pledgor, pledgee, decisionDate, debtMaturityDate } = input;
  const kind = asset.term.kind;
  const family = ipAssetFamilyOf(kind);
  const reasons: PledgeIneligibilityReason[] = [];
  const add = (code: PledgeIneligibilityCode, field: string, params: ProblemDetail['params'] = {}): void => {
    reasons.push({ code, field, params: params ?? {}, ground: refusalGroundOf(code, family) });
  };

  // Ground 1: only the owner of record may pledge, under the name on the register.
  const ownerOfRecord = asset.owners.find((o) => o.partyId === pledgor.partyId);
  if (ownerOfRecord === undefined)
    add('PLEDGE_PLEDGOR_NOT_OWNER', 'pledgor.partyId', { assetId: asset.assetId });
  else if (ownerOfRecord.name.trim() !== pledgor.name.trim()) {
    add('PLEDGE_PLEDGOR_NAME_MISMATCH', 'pledgor.name', {
      registeredName: ownerOfRecord.name,
      name: pledgor.name,
    });
  }
  // A pledge to oneself secures nothing (民法典 art. 425: the pledge is given to the creditor).
  if (pledgee.partyId === pledgor.partyId) add('PLEDGE_PLEDGEE_IS_PLEDGOR', 'pledgee.partyId');

  // Grounds 2 and 3: the right must be in force.
  if (asset.legalStatus === 'pending') add('PLEDGE_ASSET_NOT_GRANTED', 'asset.legalStatus');
  else if (!isIpStatusInForce(asset.legalStatus))
    add('PLEDGE_ASSET_TERMINATED', 'asset.legalStatus', { status: asset.legalStatus });

  // The register may lag behind the calendar: a term that has run out ends the right whatever the status says.
  const { expiryDate } = calculateIpExpiry(asset.term);
  if (expiryDate !== null && expiryDate < decisionDate)
    add('PLEDGE_TERM_EXPIRED', 'asset.term', { expiryDate });

  // Ground 4: fees are due yearly in advance; paid through the decision date is paid. Pending applications owe none.
  if (ANNUAL_FEE_KINDS.has(kind) && asset.legalStatus !== 'pending') {
    const paidThrough = asset.annualFeePaidThrough;
    if (paidThrough === null || paidThrough < decisionDate)
      add('PLEDGE_ANNUAL_FEE_UNPAID', 'asset.annualFeePaidThrough', { paidThrough: paidThrough ?? '-' });
  }

  // Ground 5 (trademarks: item 4): disputes and court measures freeze the right.
  if (asset.flags.includes('ownership_disputed')) add('PLEDGE_OWNERSHIP_DISPUTED', 'asset.flags');
  if (asset.flags.includes('court_preserved')) add('PLEDGE_ASSET_SEIZED_OR_PRESERVED', 'asset.flags');

  // Ground 6: the debt may mature on the last day of the term (compensation included) but not after it.
  if (expiryDate !== null && debtMaturityDate > expiryDate) {
    add('PLEDGE_DEBT_MATURES_AFTER_EXPIRY', 'debtMaturityDate', { expiryDate, debtMaturityDate });
  }

  // Ground 8: every other co-owner must consent in writing (专利法 art. 14, 著作权法 art. 14).
  if (asset.owners.length > 1) {
    const consents = new Set(input.coOwnerConsentPartyIds);
    const missing = asset.owners
      .filter((o) => o.partyId !== pledgor.partyId && !consents.has(o.partyId))
      .map((o) => o.partyId)
      .sort();
    if (missing.length > 0)
      add('PLEDGE_CO_OWNER_CONSENT_MISSING', 'coOwnerConsentPartyIds', {
        missingPartyIds: missing.join(','),
        count: missing.length,
      });
  }

  // Ground 9: a registered pledge blocks through the last day of its period; the `pledged` flag reports a pledge
  // on the register the ledger may not know (e.g. registered through another channel).
  const blocking = input.existingPledges
    .filter(
      (p) =>
        REGISTERED_PLEDGE_STATUSES.has(p.status) &&
        p.periodStart <= decisionDate &&
        decisionDate <= p.periodEnd,
    )
    .map((p) => p.pledgeId)
    .sort();
  if (blocking.length > 0 || asset.flags.includes('pledged')) {
    add('PLEDGE_ALREADY_PLEDGED', blocking.length > 0 ? 'existingPledges' : 'asset.flags', {
      pledgeIds: blocking.join(','),
    });
  }

  // Grounds 10 and 11 (patents only): allowed once the parties consent after CNIPA's notice.
  if (
    family === 'patent' &&
    DUAL_APPLICATION_KINDS.has(kind) &&
    asset.sameDayDualApplication &&
    !input.consentsAfterNotice.sameDayDualApplication
  ) {
    add('PLEDGE_SAME_DAY_DUAL_APPLICATION', 'asset.sameDayDualApplication');
  }
  if (
    family === 'patent' &&
    asset.flags.includes('invalidation_requested') &&
    !input.consentsAfterNotice.invalidationRequested
  ) {
    add('PLEDGE_INVALIDATION_REQUESTED', 'asset.flags');
  }

  // Trademarks: same or similar marks on same or similar goods go together (商标法 art. 42 by analogy, 2020 rules).
  if (kind === 'trademark') {
    const together = new Set(input.coPledgedAssetIds);
    const missing = asset.similarMarkAssetIds.filter((id) => !together.has(id)).sort();
    if (missing.length > 0)
      add('PLEDGE_SIMILAR_MARKS_NOT_PLEDGED_TOGETHER', 'coPledgedAssetIds', {
        missingAssetIds: missing.join(','),
      });
  }

  // Copyright: licences granted before the pledge are part of the materials (《著作权质权登记办法》 art. 6).
  if (family === 'copyright') {
    const undisclosed = asset.licences
      .filter((l) => !l.disclosedToPledgee)
      .map((l) => l.licenceId)
      .sort();
    if (undisclosed.length > 0)
      add('PLEDGE_PRIOR_LICENCE_NOT_DISCLOSED', 'asset.licences', { licenceIds: undisclosed.join(',') });
  }

  return reasons;
}

/** 可否出质 (can pledge now): true when `assessPledgeEligibility` finds no reason. */
export function canPledge(input: PledgeEligibilityInput): boolean {
  return assessPledgeEligibility(input).length === 0;
}
