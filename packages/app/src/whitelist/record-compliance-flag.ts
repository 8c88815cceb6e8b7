import { eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { isRecordedComplianceFlagKind } from '@ipf/domain/whitelist';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { toComplianceFlagView, type ComplianceFlagView } from './compliance-flag-view.ts';
import { selectComplianceFlags } from './find-compliance-flags.ts';
import { insertComplianceFlags } from './insert-compliance-flags.ts';

export interface RecordComplianceFlagInput {
  readonly enterpriseId: string;
  readonly kind: string;
  readonly sourceAuthority: string;
  readonly sourceReference: string;
  /** ISO date the flag took effect; not after today. */
  readonly effectiveOn: string;
  readonly note?: string | null;
}

/** A refusal naming the field, in the one problems shape. */
function refuse(code: string, field: string, params: Record<string, string>): never {
  throw new DomainError(code, params, { problems: [{ code, field, params }] });
}

/**
 * 登记合规标记 (record a compliance flag, issue 10 item 4): the city bureau records a fact from an authority
 * (经营异常名录, 严重违法失信, 失信被执行人, 重大税收违法, 侵权判决) with its source and the day it took effect
 * (not after today: COMPLIANCE_FLAG_DATE_IN_FUTURE). `platform_default` is derived from the ledger, never recorded
 * (COMPLIANCE_FLAG_KIND_UNKNOWN). While it holds, the enterprise stays off every whitelist built (COMPLIANCE_FLAG).
 * Audited.
 */
export async function recordComplianceFlag(
  input: RecordComplianceFlagInput,
  actor: Actor,
  deps: AppDeps,
): Promise<ComplianceFlagView> {
  authorize(actor, 'compliance_flag.record');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  const { kind } = input;
  if (!isRecordedComplianceFlagKind(kind)) refuse('COMPLIANCE_FLAG_KIND_UNKNOWN', 'kind', { kind });
  if (input.effectiveOn > today)
    refuse('COMPLIANCE_FLAG_DATE_IN_FUTURE', 'effectiveOn', { date: input.effectiveOn, today });

  return runInTransaction(deps, async (tx) => {
    const [enterprise] = await tx
      .select({ id: tables.enterprises.organisationId })
      .from(tables.enterprises)
      .where(eq(tables.enterprises.organisationId, input.enterpriseId));
    if (enterprise === undefined) refuse('COMPLIANCE_FLAG_ENTERPRISE_UNKNOWN', 'enterpriseId', {});
    const ids = await insertComplianceFlags(tx, [{ ...input, kind }], { userId: actor.userId, now });
    const id = ids[0]!;
    const [row] = await selectComplianceFlags(tx).where(eq(tables.complianceFlags.id, id));
    const view = toComplianceFlagView(row!, today);
    await deps.audit.append(
      tx,
      actor,
      { action: 'compliance_flag.recorded', entityType: 'compliance_flag', entityId: id, after: { ...view } },
      now,
    );
    return view;
  });
}
