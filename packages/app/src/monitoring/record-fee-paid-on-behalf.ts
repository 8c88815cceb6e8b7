import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, lte, ne } from 'drizzle-orm';
import { isIsoDate } from '@ipf/domain/calendar';
import { assertNoProblems, DomainError, type ProblemDetail } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { getVisibleCase } from '../ledger/transition-case.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { loadCasePledgeMonitoring, type CasePledgeMonitoringView } from './pledge-alert-view.ts';

export interface RecordFeePaidOnBehalfInput {
  readonly caseId: string;
  readonly assetId: string;
  readonly amountFen: bigint;
  readonly paidOn: string;
  /** 年度: the patent year paid for. */
  readonly feeYear: number;
  /** Last day of the patent year paid for. */
  readonly paidThroughDate: string;
  /**
   * 计入担保范围: the pledge contract secures the fee (the platform's contract secures 实现债权与质权的费用, and
   * 民法典 art. 389 保管担保财产的费用 unless agreed otherwise); default true.
   */
  readonly addToSecuredAmount?: boolean;
  readonly reference?: string;
}

const FEE_ALERT_KINDS = ['annual_fee_due', 'annual_fee_grace', 'lapsed'];

/**
 * 代缴年费 (annual fee paid by the pledgee on the owner's behalf): recorded against the case and the pledged
 * asset, one per patent year, audited; added to the secured amount when the contract secures it. The asset's
 * register entry (`annualFeePaidThrough`) is the owner's and the registry's, so it is not written here: the scan
 * counts the fee as paid through the later of the register and these payments, and the fee alerts due by the
 * paid-through date are resolved now. Source: issue 6 item 5; 民法典 arts. 389, 444; 专利法 art. 43.
 * @throws DomainError('NOT_FOUND' | 'ASSET_NOT_PLEDGED_BY_CASE' | 'FEE_PAYMENT_DATE_INVALID' | 'CONFLICT')
 */
export async function recordFeePaidOnBehalf(
  input: RecordFeePaidOnBehalfInput,
  actor: Actor,
  deps: AppDeps,
): Promise<CasePledgeMonitoringView> {
  const scope = authorize(actor, 'pledge_fee.record_on_behalf');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  const problems: ProblemDetail[] = [];
  if (input.amountFen <= 0n) problems.push({ code: 'VALIDATION_FAILED', field: 'amountYuan' });
  if (!isIsoDate(input.paidOn)) problems.push({ code: 'VALIDATION_FAILED', field: 'paidOn' });
  if (!isIsoDate(input.paidThroughDate))
    problems.push({ code: 'VALIDATION_FAILED', field: 'paidThroughDate' });
  if (!Number.isInteger(input.feeYear) || input.feeYear < 1 || input.feeYear > 30)
    problems.push({ code: 'VALIDATION_FAILED', field: 'feeYear' });
  assertNoProblems(problems);
  if (input.paidOn > today || input.paidThroughDate < input.paidOn)
    throw new DomainError('FEE_PAYMENT_DATE_INVALID', {
      paidOn: input.paidOn,
      paidThrough: input.paidThroughDate,
    });

  return runInTransaction(deps, async (tx) => {
    const row = await getVisibleCase(tx, input.caseId, actor, scope);
    const [lock] = await tx
      .select({ id: tables.assetPledgeLocks.id })
      .from(tables.assetPledgeLocks)
      .where(
        and(
          eq(tables.assetPledgeLocks.caseId, row.id),
          eq(tables.assetPledgeLocks.assetId, input.assetId),
          isNull(tables.assetPledgeLocks.releasedAt),
        ),
      );
    if (lock === undefined) throw new DomainError('ASSET_NOT_PLEDGED_BY_CASE');
    const id = randomUUID();
    const addedToSecuredAmount = input.addToSecuredAmount ?? true;
    const inserted = await tx
      .insert(tables.feePaymentsOnBehalf)
      .values({
        id,
        caseId: row.id,
        assetId: input.assetId,
        amountFen: input.amountFen,
        paidOn: input.paidOn,
        feeYear: input.feeYear,
        paidThroughDate: input.paidThroughDate,
        addedToSecuredAmount,
        reference: input.reference?.trim() || null,
        recordedByUserId: actor.userId,
        recordedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: tables.feePaymentsOnBehalf.id });
    if (inserted.length === 0) throw new DomainError('CONFLICT');
    await tx
      .update(tables.pledgeAlerts)
      .set({
        state: 'resolved',
        resolvedAt: now,
        resolvedByUserId: actor.userId,
        note: 'fee_paid_on_behalf',
        updatedAt: now,
      })
      .where(
        and(
          eq(tables.pledgeAlerts.caseId, row.id),
          eq(tables.pledgeAlerts.assetId, input.assetId),
          inArray(tables.pledgeAlerts.kind, FEE_ALERT_KINDS),
          ne(tables.pledgeAlerts.state, 'resolved'),
          lte(tables.pledgeAlerts.dueDate, input.paidThroughDate),
        ),
      );
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'pledge_fee.paid_on_behalf',
        entityType: 'fee_payment_on_behalf',
        entityId: id,
        after: {
          caseId: row.id,
          assetId: input.assetId,
          amountFen: input.amountFen.toString(),
          paidOn: input.paidOn,
          feeYear: input.feeYear,
          paidThroughDate: input.paidThroughDate,
          addedToSecuredAmount,
        },
      },
      now,
    );
    return loadCasePledgeMonitoring(tx, row.id);
  });
}
