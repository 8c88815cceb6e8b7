import { and, asc, eq, gte, inArray, isNotNull, isNull, like, lte, ne, sql, type SQL } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { formatYuan } from '@ipf/domain/money';
import {
  evaluateInstitutionReward,
  type InstitutionBeneficiary,
  type InstitutionRewardEvaluation,
  type InstitutionRewardLoan,
  type PriorSubsidyPayment,
  type SubsidyFacts,
  type SubsidyScheme,
} from '@ipf/domain/subsidy';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AccessScope } from '../access/permission-matrix.ts';
import { headOfficeIdOf } from '../ledger/bank-product-view.ts';
import { buildSubsidyFacts } from './build-subsidy-facts.ts';
import {
  decisionViewOf,
  schemeOf,
  type SubsidyDecisionView,
  type SubsidySchemeRow,
} from './subsidy-views.ts';
import { toWire } from './subsidy-wire.ts';

export type SubsidyRewardApplicationRow = typeof tables.subsidyRewardApplications.$inferSelect;
export type SubsidyRewardLoanRow = typeof tables.subsidyRewardLoans.$inferSelect;

/** The institution an actor acts for: the kind a reward scheme names and the rewarded organisation. */
export interface RewardInstitution {
  readonly beneficiary: InstitutionBeneficiary;
  /** A bank's head office 总行 (rewards and caps count for the bank); otherwise the organisation itself. */
  readonly institutionId: string;
}

/** The institution of an actor; null for an actor of no rewarded kind (an enterprise, a bureau). */
export function rewardInstitutionOf(actor: Actor): RewardInstitution | null {
  switch (actor.organisationKind) {
    case 'bank':
      return { beneficiary: 'bank', institutionId: headOfficeIdOf(actor.organisationPath) };
    case 'guarantor':
    case 're_guarantor':
      return { beneficiary: 'guarantor', institutionId: actor.organisationId };
    case 'insurer':
      return { beneficiary: 'insurer', institutionId: actor.organisationId };
    case 'evaluation_firm':
      return { beneficiary: 'evaluator', institutionId: actor.organisationId };
    default:
      return null;
  }
}

/** The institution of an actor who applies or lists eligibility; NOT_FOUND-like refusal for a scheme of another kind. */
export function assertRewardInstitution(actor: Actor, schemeRow: SubsidySchemeRow): RewardInstitution {
  const institution = rewardInstitutionOf(actor);
  if (institution === null || schemeRow.beneficiary !== institution.beneficiary)
    throw new DomainError('SUBSIDY_REWARD_WRONG_INSTITUTION');
  return institution;
}

/**
 * Which reward applications the actor sees: the city bureau and regulators all; an institution's user those of
 * its institution that its unit or a unit below it submitted (bank hierarchy; other kinds have one unit).
 */
export function rewardApplicationVisibility(actor: Actor, scope: Exclude<AccessScope, 'none'>): SQL {
  const { subsidyRewardApplications, organisations } = tables;
  if (scope === 'all') return sql`true`;
  const institution = rewardInstitutionOf(actor);
  if (institution === null) return sql`false`;
  return and(
    eq(subsidyRewardApplications.institutionId, institution.institutionId),
    sql`exists (select 1 from ${organisations} where ${and(
      eq(organisations.id, subsidyRewardApplications.applicantUnitId),
      like(organisations.path, `${actor.organisationPath}%`),
    )})`,
  )!;
}

/** A reward application the actor may act on, locked `FOR UPDATE`; NOT_FOUND outside its scope. */
export async function getRewardApplicationForUpdate(
  executor: Executor,
  id: string,
  actor: Actor,
  scope: Exclude<AccessScope, 'none'>,
): Promise<SubsidyRewardApplicationRow> {
  const [row] = await executor
    .select()
    .from(tables.subsidyRewardApplications)
    .where(and(eq(tables.subsidyRewardApplications.id, id), rewardApplicationVisibility(actor, scope)))
    .for('update');
  if (row === undefined) throw new DomainError('NOT_FOUND');
  return row;
}

/** A published reward scheme version (NOT_FOUND for an enterprise scheme or an unknown id). */
export async function getRewardSchemeRow(
  executor: Executor,
  schemeVersionId: string,
): Promise<SubsidySchemeRow> {
  const [row] = await executor
    .select()
    .from(tables.subsidySchemes)
    .where(eq(tables.subsidySchemes.id, schemeVersionId));
  if (row === undefined || row.beneficiary === 'enterprise') throw new DomainError('NOT_FOUND');
  return row;
}

/**
 * The cases of an institution's loans disbursed in a year, as the unit sees them: a bank's loans handled by the
 * unit or a unit below it; a guarantor's, insurer's or evaluation firm's the cases it takes part in.
 */
export async function findInstitutionRewardCaseIds(
  executor: Executor,
  actor: Actor,
  institution: RewardInstitution,
  rewardYear: number,
): Promise<string[]> {
  const { financingCases, loanAccounts, organisations, caseParticipants } = tables;
  const inYear = and(
    gte(loanAccounts.disbursementDate, `${rewardYear}-01-01`),
    lte(loanAccounts.disbursementDate, `${rewardYear}-12-31`),
  );
  if (institution.beneficiary === 'bank') {
    const rows = await executor
      .select({ caseId: financingCases.id })
      .from(financingCases)
      .innerJoin(loanAccounts, eq(loanAccounts.caseId, financingCases.id))
      .innerJoin(organisations, eq(organisations.id, financingCases.bankUnitId))
      .where(
        and(
          eq(financingCases.bankId, institution.institutionId),
          like(organisations.path, `${actor.organisationPath}%`),
          inYear,
        ),
      )
      .orderBy(asc(loanAccounts.disbursementDate), asc(financingCases.id));
    return rows.map((r) => r.caseId);
  }
  const rows = await executor
    .select({ caseId: caseParticipants.caseId })
    .from(caseParticipants)
    .innerJoin(loanAccounts, eq(loanAccounts.caseId, caseParticipants.caseId))
    .where(
      and(
        eq(caseParticipants.organisationId, institution.institutionId),
        eq(caseParticipants.role, institution.beneficiary),
        ...(institution.beneficiary === 'evaluator' ? [] : [isNotNull(caseParticipants.acceptedAt)]),
        inYear,
      ),
    )
    .orderBy(asc(loanAccounts.disbursementDate), asc(caseParticipants.caseId));
  return rows.map((r) => r.caseId);
}

/** Loans claimed under a scheme by a live application (any institution), among the given cases. */
export async function findClaimedRewardCaseIds(
  executor: Executor,
  schemeId: string,
  caseIds: readonly string[],
  excludeApplicationId?: string,
): Promise<string[]> {
  if (caseIds.length === 0) return [];
  const { subsidyRewardLoans } = tables;
  const rows = await executor
    .select({ caseId: subsidyRewardLoans.caseId })
    .from(subsidyRewardLoans)
    .where(
      and(
        eq(subsidyRewardLoans.schemeId, schemeId),
        inArray(subsidyRewardLoans.caseId, [...caseIds]),
        isNull(subsidyRewardLoans.releasedAt),
        ...(excludeApplicationId === undefined
          ? []
          : [ne(subsidyRewardLoans.applicationId, excludeApplicationId)]),
      ),
    );
  return rows.map((r) => r.caseId);
}

/**
 * 已获奖励 (what a scheme has granted an institution, or claimed for it while `states` includes pending ones): one
 * prior payment per loan, lines merged (`loan_reward`), for the caps per institution per year and over the
 * scheme's life.
 */
export async function findRewardPriorPayments(
  executor: Executor,
  input: {
    readonly institutionId: string;
    readonly scheme: SubsidyScheme;
    readonly states: readonly string[];
    readonly excludeApplicationId?: string;
  },
): Promise<PriorSubsidyPayment[]> {
  const { subsidyRewardApplications, subsidyRewardLoans } = tables;
  const rows = await executor
    .select({
      caseId: subsidyRewardLoans.caseId,
      rewardYear: subsidyRewardApplications.rewardYear,
      requestedFen: subsidyRewardLoans.requestedFen,
      grantedFen: subsidyRewardLoans.grantedFen,
    })
    .from(subsidyRewardLoans)
    .innerJoin(subsidyRewardApplications, eq(subsidyRewardApplications.id, subsidyRewardLoans.applicationId))
    .where(
      and(
        eq(subsidyRewardApplications.institutionId, input.institutionId),
        eq(subsidyRewardApplications.schemeId, input.scheme.schemeId),
        inArray(subsidyRewardApplications.state, [...input.states]),
        isNull(subsidyRewardLoans.releasedAt),
        ...(input.excludeApplicationId === undefined
          ? []
          : [ne(subsidyRewardApplications.id, input.excludeApplicationId)]),
      ),
    )
    .orderBy(asc(subsidyRewardLoans.createdAt), asc(subsidyRewardLoans.position));
  return rows
    .map((r) => ({ ...r, amountFen: r.grantedFen ?? r.requestedFen }))
    .filter((r) => r.amountFen > 0n)
    .map((r) => ({
      schemeId: input.scheme.schemeId,
      excludesSchemeIds: input.scheme.stacking.excludesSchemeIds,
      loanId: r.caseId,
      subsidyYear: r.rewardYear,
      line: 'loan_reward' as const,
      amountFen: r.amountFen,
      coveredCosts: [],
    }));
}

/** The states whose loans count as claimed or granted for the caps of a new claim. */
export const LIVE_REWARD_STATES = ['submitted', 'reviewed', 'approved', 'paid'] as const;
/** The states whose loans are granted. */
export const GRANTED_REWARD_STATES = ['approved', 'paid'] as const;

export interface EvaluatedInstitutionReward {
  readonly scheme: SubsidyScheme;
  readonly evaluation: InstitutionRewardEvaluation;
  readonly factsByCase: ReadonlyMap<string, SubsidyFacts>;
  readonly caseNumbers: ReadonlyMap<string, string>;
}

/**
 * 机构奖励测算 from the ledger: each case's facts built by the subsidy facts builder (the record proving each),
 * the loans already claimed under the scheme, the institution's prior grants or claims, and the domain's
 * {@link evaluateInstitutionReward}.
 */
export async function evaluateStoredInstitutionReward(
  executor: Executor,
  input: {
    readonly schemeRow: SubsidySchemeRow;
    readonly institutionId: string;
    readonly rewardYear: number;
    readonly caseIds: readonly string[];
    readonly asOfDate: string;
    readonly priorStates: readonly string[];
    readonly excludeApplicationId?: string;
  },
): Promise<EvaluatedInstitutionReward> {
  const scheme = schemeOf(input.schemeRow);
  const factsByCase = new Map<string, SubsidyFacts>();
  const caseNumbers = new Map<string, string>();
  for (const caseId of input.caseIds) {
    const built = await buildSubsidyFacts(executor, {
      caseId,
      asOfDate: input.asOfDate,
      subsidyYear: input.rewardYear,
    });
    factsByCase.set(caseId, built.facts);
    caseNumbers.set(caseId, built.caseNumber);
  }
  const claimed = await findClaimedRewardCaseIds(
    executor,
    scheme.schemeId,
    input.caseIds,
    input.excludeApplicationId,
  );
  const priorPayments = await findRewardPriorPayments(executor, {
    institutionId: input.institutionId,
    scheme,
    states: input.priorStates,
    ...(input.excludeApplicationId === undefined ? {} : { excludeApplicationId: input.excludeApplicationId }),
  });
  const evaluation = evaluateInstitutionReward({
    scheme,
    rewardYear: input.rewardYear,
    loans: [...factsByCase.values()],
    claimedLoanIds: claimed,
    priorPayments,
  });
  return { scheme, evaluation, factsByCase, caseNumbers };
}

/** One loan of a reward evaluation as sent: conditions (the scheme's and the claim's) with proofs, amount steps. */
export interface RewardLoanView {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly disbursedOn: string;
  readonly principalYuan: string;
  readonly eligible: boolean;
  readonly amountYuan: string;
  readonly grantedYuan: string | null;
  readonly evaluation: Record<string, unknown>;
  readonly claimConditions: Record<string, unknown>[];
}

export function rewardLoanToView(
  loan: InstitutionRewardLoan,
  caseNumber: string,
  grantedFen: bigint | null = null,
): RewardLoanView {
  return {
    caseId: loan.loanId,
    caseNumber,
    disbursedOn: loan.disbursedOn,
    principalYuan: formatYuan(loan.principalFen),
    eligible: loan.eligible,
    amountYuan: formatYuan(loan.amountFen),
    grantedYuan: grantedFen === null ? null : formatYuan(grantedFen),
    evaluation: toWire(loan.evaluation) as Record<string, unknown>,
    claimConditions: toWire(loan.claimConditions) as Record<string, unknown>[],
  };
}

/** 奖励申请 as shown, with its loans. */
export interface SubsidyRewardApplicationView extends SubsidyDecisionView {
  readonly id: string;
  readonly applicationNumber: string;
  readonly institutionId: string;
  readonly institutionName: string;
  readonly applicantUnitId: string;
  readonly applicantUnitName: string;
  readonly beneficiary: string;
  readonly schemeVersionId: string;
  readonly schemeId: string;
  readonly schemeNameZh: string;
  readonly schemeNameEn: string;
  readonly rewardYear: number;
  readonly state: string;
  readonly requestedYuan: string;
  readonly grantedYuan: string | null;
  readonly loans: RewardLoanView[];
}

export async function toRewardApplicationViews(
  executor: Executor,
  rows: readonly SubsidyRewardApplicationRow[],
): Promise<SubsidyRewardApplicationView[]> {
  if (rows.length === 0) return [];
  const schemes = await executor
    .select({
      id: tables.subsidySchemes.id,
      nameZh: tables.subsidySchemes.nameZh,
      nameEn: tables.subsidySchemes.nameEn,
    })
    .from(tables.subsidySchemes)
    .where(inArray(tables.subsidySchemes.id, [...new Set(rows.map((r) => r.schemeVersionId))]));
  const orgIds = [...new Set(rows.flatMap((r) => [r.institutionId, r.applicantUnitId]))];
  const orgs = await executor
    .select({ id: tables.organisations.id, name: tables.organisations.nameZh })
    .from(tables.organisations)
    .where(inArray(tables.organisations.id, orgIds));
  const loans = await executor
    .select({ loan: tables.subsidyRewardLoans, caseNumber: tables.financingCases.caseNumber })
    .from(tables.subsidyRewardLoans)
    .innerJoin(tables.financingCases, eq(tables.financingCases.id, tables.subsidyRewardLoans.caseId))
    .where(
      inArray(
        tables.subsidyRewardLoans.applicationId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(tables.subsidyRewardLoans.position));
  const nameOf = (id: string) => orgs.find((o) => o.id === id)?.name ?? '';
  return rows.map((r) => {
    const scheme = schemes.find((s) => s.id === r.schemeVersionId);
    return {
      id: r.id,
      applicationNumber: r.applicationNumber,
      institutionId: r.institutionId,
      institutionName: nameOf(r.institutionId),
      applicantUnitId: r.applicantUnitId,
      applicantUnitName: nameOf(r.applicantUnitId),
      beneficiary: r.beneficiary,
      schemeVersionId: r.schemeVersionId,
      schemeId: r.schemeId,
      schemeNameZh: scheme?.nameZh ?? r.schemeId,
      schemeNameEn: scheme?.nameEn ?? r.schemeId,
      rewardYear: r.rewardYear,
      state: r.state,
      requestedYuan: formatYuan(r.requestedFen),
      grantedYuan: r.grantedFen === null ? null : formatYuan(r.grantedFen),
      loans: loans
        .filter((l) => l.loan.applicationId === r.id)
        .map(({ loan, caseNumber }) => {
          const evaluation = loan.evaluation as Record<string, unknown> & {
            eligible?: boolean;
            claimConditions?: Record<string, unknown>[];
            disbursedOn?: string;
            principalYuan?: string;
          };
          return {
            caseId: loan.caseId,
            caseNumber,
            disbursedOn: evaluation.disbursedOn ?? '',
            principalYuan: evaluation.principalYuan ?? '0.00',
            eligible: evaluation.eligible ?? true,
            amountYuan: formatYuan(loan.requestedFen),
            grantedYuan: loan.grantedFen === null ? null : formatYuan(loan.grantedFen),
            evaluation: (evaluation.evaluation as Record<string, unknown> | undefined) ?? {},
            claimConditions: evaluation.claimConditions ?? [],
          };
        }),
      ...decisionViewOf(
        r,
        r.paidDate === null || r.paymentReference === null || r.grantedFen === null
          ? null
          : { amountYuan: formatYuan(r.grantedFen), paidDate: r.paidDate, reference: r.paymentReference },
      ),
    };
  });
}

/** The stored form of one claimed loan's evaluation (`subsidy_reward_loans.evaluation`). */
export function rewardLoanToStored(loan: InstitutionRewardLoan): Record<string, unknown> {
  return {
    eligible: loan.eligible,
    disbursedOn: loan.disbursedOn,
    principalYuan: formatYuan(loan.principalFen),
    evaluation: toWire(loan.evaluation),
    claimConditions: toWire(loan.claimConditions),
  };
}
