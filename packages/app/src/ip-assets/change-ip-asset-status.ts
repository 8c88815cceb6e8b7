import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { assertNoProblems, DomainError, type ProblemDetail } from '@ipf/domain/errors';
import { ipAssetFlagCodes, ipLegalStatusCodes } from '@ipf/domain/ip-asset';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { isIsoDateText } from './iso-date-text.ts';
import { ipAssetVisibility } from './ip-asset-visibility.ts';
import { loadIpAssetDetail, type IpAssetDetail } from './ip-asset-view.ts';

export interface ChangeIpAssetStatusInput {
  readonly id: string;
  readonly legalStatus: string;
  readonly flags: readonly string[];
  /** The day the change took effect (notice date, court order date …); not after today. */
  readonly occurredOn: string;
  /** Stable reason code: `annual_fee_unpaid`, `invalidation_filed`, `restored`, `court_order` … */
  readonly reason: string;
  readonly note?: string | null;
}

const PATENT_LIKE = new Set([
  'invention_patent',
  'utility_model_patent',
  'design_patent',
  'ic_layout_design',
]);

/**
 * 法律状态变更 (status change): a new legal status and set of flags with the day and the reason, kept in the
 * asset's history and audited (states.md: a state change is an audited event with actor, time and reason).
 */
export async function changeIpAssetStatus(
  input: ChangeIpAssetStatusInput,
  actor: Actor,
  deps: AppDeps,
): Promise<IpAssetDetail> {
  const scope = authorize(actor, 'ip_asset.update');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  const problems: ProblemDetail[] = [];
  if (!(ipLegalStatusCodes as readonly string[]).includes(input.legalStatus))
    problems.push({
      code: 'IP_ASSET_STATUS_UNKNOWN',
      field: 'legalStatus',
      params: { value: input.legalStatus },
    });
  input.flags.forEach((flag, index) => {
    if (!(ipAssetFlagCodes as readonly string[]).includes(flag))
      problems.push({ code: 'IP_ASSET_FLAG_UNKNOWN', field: `flags[${index}]`, params: { value: flag } });
  });
  if (!isIsoDateText(input.occurredOn))
    problems.push({
      code: 'IP_ASSET_DATE_INVALID',
      field: 'occurredOn',
      params: { value: input.occurredOn },
    });
  else if (input.occurredOn > today)
    problems.push({
      code: 'IP_ASSET_DATE_IN_FUTURE',
      field: 'occurredOn',
      params: { value: input.occurredOn },
    });
  if (!/^[a-z][a-z_]{1,49}$/.test(input.reason))
    problems.push({ code: 'FIELD_INVALID_FORMAT', field: 'reason' });
  assertNoProblems(problems);

  return runInTransaction(deps, async (tx) => {
    const [current] = await tx
      .select()
      .from(tables.ipAssets)
      .where(and(eq(tables.ipAssets.id, input.id), ipAssetVisibility(actor, scope, today)))
      .for('update');
    if (current === undefined) throw new DomainError('NOT_FOUND');
    const patentLike = PATENT_LIKE.has(current.kind);
    if (
      (input.legalStatus === 'granted' && !patentLike) ||
      (input.legalStatus === 'registered' && patentLike)
    ) {
      assertNoProblems([
        { code: 'IP_ASSET_STATUS_NOT_FOR_KIND', field: 'legalStatus', params: { status: input.legalStatus } },
      ]);
    }
    const flags = [...new Set(input.flags)];
    const before = { legalStatus: current.legalStatus, flags: current.flags };
    await tx.insert(tables.ipAssetStatusEvents).values({
      id: randomUUID(),
      assetId: input.id,
      occurredOn: input.occurredOn,
      legalStatus: input.legalStatus,
      flags,
      reason: input.reason,
      note: input.note?.trim() || null,
      actorUserId: actor.userId,
      recordedAt: now,
    });
    const [row] = await tx
      .update(tables.ipAssets)
      .set({ legalStatus: input.legalStatus, flags, updatedAt: now })
      .where(eq(tables.ipAssets.id, input.id))
      .returning();
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'ip_asset.status_changed',
        entityType: 'ip_asset',
        entityId: input.id,
        before,
        after: { legalStatus: input.legalStatus, flags, occurredOn: input.occurredOn },
        reason: input.reason,
      },
      now,
    );
    return loadIpAssetDetail(tx, row!, today);
  });
}
