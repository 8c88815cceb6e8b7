import { eq, sql } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { tables } from '@ipf/db';
import { rolesOfAgreement } from './disposition-party-borne.ts';
import {
  appendDispositionTimelineEvent,
  getVisibleDisposition,
  loadDispositionDetail,
  type DispositionDetail,
} from './disposition-view.ts';
import { formatDistributionRatios } from './format-distribution-ratios.ts';
import { validateDistribution, type DistributionShareInput } from './open-disposition.ts';
import { findCaseAgreement } from './risk-claim-view.ts';

export interface UpdateDispositionDistributionInput {
  readonly id: string;
  readonly distribution: readonly DistributionShareInput[];
}

/**
 * 调整分配比例 (change the distribution ratios) while the disposal has not started (`opened`, `path_chosen`); once it
 * has, the ratios fixed before disposal stand: DISPOSITION_DISTRIBUTION_FIXED. Source: issue 8 item 5 "the
 * distribution ratios … are those fixed before disposal".
 */
export async function updateDispositionDistribution(
  input: UpdateDispositionDistributionInput,
  actor: Actor,
  deps: AppDeps,
): Promise<DispositionDetail> {
  const scope = authorize(actor, 'disposition.manage');
  const now = deps.clock.now();
  return runInTransaction(deps, async (tx) => {
    const row = await getVisibleDisposition(tx, input.id, actor, scope, true);
    if (row.state !== 'opened' && row.state !== 'path_chosen')
      throw new DomainError('DISPOSITION_DISTRIBUTION_FIXED');
    const stored = await findCaseAgreement(tx, row.caseId);
    if (stored === null) throw new DomainError('RISK_AGREEMENT_MISSING');
    const distribution = validateDistribution(input.distribution, rolesOfAgreement(stored.agreement));
    const [updated] = await tx
      .update(tables.dispositionCases)
      .set({
        distribution,
        distributionFixedAt: now,
        version: sql`${tables.dispositionCases.version} + 1`,
        updatedAt: now,
      })
      .where(eq(tables.dispositionCases.id, row.id))
      .returning();
    await appendDispositionTimelineEvent(
      tx,
      actor,
      {
        caseId: row.caseId,
        action: 'open_disposition',
        reasonCode: 'distribution_changed',
        note: `处置开始前调整分配比例：${formatDistributionRatios(distribution)}`,
      },
      now,
    );
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'disposition.distribution_changed',
        entityType: 'disposition_case',
        entityId: row.id,
        before: row.distribution,
        after: distribution,
      },
      now,
    );
    return loadDispositionDetail(tx, updated!);
  });
}
