import { randomUUID } from 'node:crypto';
import { addMonths } from '@ipf/domain/calendar';
import { DomainError } from '@ipf/domain/errors';
import { parseYuan } from '@ipf/domain/money';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { calculateTermFeeFen, getCaseForRiskParticipant } from './case-risk-participation.ts';
import { toInsurancePolicyViews, type InsurancePolicyView } from './risk-sharing-views.ts';

export interface RecordGuaranteeInsuranceInput {
  readonly caseId: string;
  /** 年保费率, bps of the principal per year. */
  readonly premiumRateBps: number;
  /** The share of the loss the insurer bears, bps. */
  readonly coverageShareBps: number;
  readonly capYuan?: string | null;
}

/**
 * 保证保险承保: the insurer named by a `plus_insurance` case records the 知识产权质押融资保证保险 policy before
 * disbursement — insured the lending bank, policyholder the enterprise, sum insured the principal, the premium
 * for the term at the annual rate, the share of the loss it bears and an optional cap, for the loan's term from
 * today. One policy per case (INSURANCE_POLICY_ALREADY_RECORDED). Source: issue 8 item 2; R8.
 */
export async function recordGuaranteeInsurance(
  input: RecordGuaranteeInsuranceInput,
  actor: Actor,
  deps: AppDeps,
): Promise<InsurancePolicyView> {
  const scope = authorize(actor, 'insurance_policy.record');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  return runInTransaction(deps, async (tx) => {
    const row = await getCaseForRiskParticipant(
      tx,
      input.caseId,
      'insurer',
      actor,
      scope === 'all' ? 'all' : 'assigned',
    );
    const [policy] = await tx
      .insert(tables.insurancePolicies)
      .values({
        id: randomUUID(),
        policyNumber: `BX-${row.caseNumber}`,
        kind: 'pledge_financing_guarantee',
        insurerId: actor.organisationId,
        insuredId: row.bankId,
        policyholderId: row.enterpriseId,
        caseId: row.id,
        premiumFen: calculateTermFeeFen(row.amountFen, input.premiumRateBps, row.termMonths),
        premiumRateBps: input.premiumRateBps,
        coverageShareBps: input.coverageShareBps,
        sumInsuredFen: row.amountFen,
        capFen: input.capYuan === undefined || input.capYuan === null ? null : parseYuan(input.capYuan),
        startDate: today,
        endDate: addMonths(today, row.termMonths),
        state: 'active',
        createdByUserId: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (policy === undefined) throw new DomainError('INSURANCE_POLICY_ALREADY_RECORDED');
    const [view] = await toInsurancePolicyViews(tx, [policy]);
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'insurance_policy.recorded',
        entityType: 'insurance_policy',
        entityId: policy.id,
        after: view,
      },
      now,
    );
    return view!;
  });
}
