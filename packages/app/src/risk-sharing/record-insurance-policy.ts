import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { parseYuan } from '@ipf/domain/money';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toInsurancePolicyViews, type InsurancePolicyView } from './risk-sharing-views.ts';

/** The IP insurance kinds of article 八 recorded for an enterprise (not tied to a loan). */
export type EnterpriseInsuranceKind =
  'infringement_liability' | 'enforcement' | 'overseas_infringement' | 'transaction';

export interface RecordInsurancePolicyInput {
  readonly kind: EnterpriseInsuranceKind;
  readonly enterpriseId: string;
  readonly premiumYuan: string;
  readonly sumInsuredYuan: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly note?: string;
}

/**
 * 登记知识产权保险保单: an insurer records a policy of article 八 it wrote for an enterprise — 侵权责任险,
 * 维权费用险, 海外侵权责任险 or 交易险 — with premium, sum insured and period (INSURANCE_POLICY_INVALID for an
 * empty period or a negative amount). Source: issue 8 item 2; R8.
 */
export async function recordInsurancePolicy(
  input: RecordInsurancePolicyInput,
  actor: Actor,
  deps: AppDeps,
): Promise<InsurancePolicyView> {
  authorize(actor, 'insurance_policy.record');
  const premiumFen = parseYuan(input.premiumYuan);
  const sumInsuredFen = parseYuan(input.sumInsuredYuan);
  if (premiumFen < 0n || sumInsuredFen < 0n || input.endDate <= input.startDate)
    throw new DomainError('INSURANCE_POLICY_INVALID');
  const now = deps.clock.now();
  return runInTransaction(deps, async (tx) => {
    const [enterprise] = await tx
      .select({ id: tables.organisations.id })
      .from(tables.organisations)
      .where(
        and(eq(tables.organisations.id, input.enterpriseId), eq(tables.organisations.kind, 'enterprise')),
      );
    if (enterprise === undefined) throw new DomainError('NOT_FOUND');
    const id = randomUUID();
    const [policy] = await tx
      .insert(tables.insurancePolicies)
      .values({
        id,
        policyNumber: `BX-${input.startDate.slice(0, 4)}-${id.slice(0, 8).toUpperCase()}`,
        kind: input.kind,
        insurerId: actor.organisationId,
        insuredId: enterprise.id,
        policyholderId: enterprise.id,
        caseId: null,
        premiumFen,
        sumInsuredFen,
        startDate: input.startDate,
        endDate: input.endDate,
        state: 'active',
        note: input.note ?? null,
        createdByUserId: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const [view] = await toInsurancePolicyViews(tx, [policy!]);
    await deps.audit.append(
      tx,
      actor,
      { action: 'insurance_policy.recorded', entityType: 'insurance_policy', entityId: id, after: view },
      now,
    );
    return view!;
  });
}
