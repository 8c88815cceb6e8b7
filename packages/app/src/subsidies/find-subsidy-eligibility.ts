import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { formatYuan } from '@ipf/domain/money';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { loadSubsidyLedger } from './build-subsidy-facts.ts';
import { toWire } from './subsidy-wire.ts';
import { evaluateStoredScheme, evaluationToWire } from './subsidy-views.ts';

export interface FindSubsidyEligibilityInput {
  /** The enterprise; an enterprise user always gets its own. */
  readonly enterpriseId?: string;
}

/** One scheme for one loan: eligible or not, every condition with its proof, the amount, any live application. */
export interface SchemeEligibilityView {
  readonly schemeVersionId: string;
  readonly schemeId: string;
  readonly version: number;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly subsidyYear: number;
  readonly eligible: boolean;
  readonly totalYuan: string;
  readonly evaluation: Record<string, unknown>;
  readonly application: { readonly id: string; readonly state: string } | null;
}

/** 已缴费用 (a cost actually paid) in wire form, with the record proving it. */
export interface CostPaidView {
  readonly costId: string;
  readonly kind: string;
  readonly amountYuan: string;
  readonly paidOn: string;
  readonly proof: { readonly kind: string; readonly id: string; readonly documentId?: string };
}

export interface LoanEligibilityView {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly loanStatus: string;
  readonly principalYuan: string;
  readonly disbursementDate: string;
  readonly closedDate: string | null;
  /** The costs actually paid the facts count (interest, fees, premiums), each with the record proving it. */
  readonly costsPaid: CostPaidView[];
  readonly schemes: SchemeEligibilityView[];
}

/**
 * 可申请的补贴 (what an enterprise can claim): for each of its loans and each published enterprise scheme, the
 * evaluation on the facts the platform holds today — each condition met or not with the record that proves it,
 * the amount step by step — the costs actually paid with their records (repayments, contracts, fee payment
 * records and their invoices), and the live application if one exists. Source: issue 9 item 3.
 */
export async function findSubsidyEligibility(
  input: FindSubsidyEligibilityInput,
  actor: Actor,
  deps: AppDeps,
): Promise<LoanEligibilityView[]> {
  const scope = authorize(actor, 'subsidy.eligibility');
  const enterpriseId = scope === 'own_org' ? actor.organisationId : input.enterpriseId;
  if (enterpriseId === undefined) throw new DomainError('NOT_FOUND');
  const [enterprise] = await deps.db
    .select()
    .from(tables.enterprises)
    .where(eq(tables.enterprises.organisationId, enterpriseId));
  if (enterprise === undefined || (scope === 'district' && enterprise.district !== actor.district))
    throw new DomainError('NOT_FOUND');

  const asOfDate = toShanghaiDate(deps.clock.now());
  const loans = await deps.db
    .select({ loan: tables.loanAccounts, caseNumber: tables.financingCases.caseNumber })
    .from(tables.loanAccounts)
    .innerJoin(tables.financingCases, eq(tables.financingCases.id, tables.loanAccounts.caseId))
    .where(eq(tables.loanAccounts.enterpriseId, enterpriseId))
    .orderBy(asc(tables.loanAccounts.disbursementDate));
  const schemes = await deps.db
    .select()
    .from(tables.subsidySchemes)
    .where(
      and(eq(tables.subsidySchemes.state, 'published'), eq(tables.subsidySchemes.beneficiary, 'enterprise')),
    )
    .orderBy(asc(tables.subsidySchemes.schemeId));
  const caseIds = loans.map((l) => l.loan.caseId);
  const applications =
    caseIds.length === 0
      ? []
      : await deps.db
          .select()
          .from(tables.subsidyApplications)
          .where(
            and(
              inArray(tables.subsidyApplications.caseId, caseIds),
              notInArray(tables.subsidyApplications.state, ['rejected', 'clawed_back']),
            ),
          );

  const ledger = await loadSubsidyLedger(deps.db, caseIds);
  const result: LoanEligibilityView[] = [];
  for (const { loan, caseNumber } of loans) {
    const views: SchemeEligibilityView[] = [];
    for (const schemeRow of schemes) {
      const { evaluation, subsidyYear } = await evaluateStoredScheme(deps.db, {
        schemeRow,
        caseId: loan.caseId,
        asOfDate,
      });
      const application = applications.find(
        (a) => a.caseId === loan.caseId && a.schemeId === schemeRow.schemeId && a.subsidyYear === subsidyYear,
      );
      views.push({
        schemeVersionId: schemeRow.id,
        schemeId: schemeRow.schemeId,
        version: schemeRow.version,
        nameZh: schemeRow.nameZh,
        nameEn: schemeRow.nameEn,
        subsidyYear,
        eligible: evaluation.eligible && evaluation.totalFen > 0n,
        totalYuan: formatYuan(evaluation.totalFen),
        evaluation: evaluationToWire(evaluation),
        application: application === undefined ? null : { id: application.id, state: application.state },
      });
    }
    result.push({
      caseId: loan.caseId,
      caseNumber,
      loanStatus: loan.status,
      principalYuan: formatYuan(loan.principalFen),
      disbursementDate: loan.disbursementDate,
      closedDate: loan.closedDate,
      costsPaid: (ledger.get(loan.caseId)?.costsPaid ?? []).map((c) => toWire(c) as CostPaidView),
      schemes: views,
    });
  }
  return result;
}
