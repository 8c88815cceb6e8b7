import { randomUUID } from 'node:crypto';
import { parseYuan } from '@ipf/domain/money';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import type { AvmBatchResult } from './run-avm-batch.ts';

/** Where a batch AVM ran from. */
export type AvmRunSource = 'api' | 'export' | 'cli';

export interface AvmRunRecord {
  readonly source: AvmRunSource;
  readonly startedAt: Date;
  readonly enterpriseId?: string;
  readonly requestedAssetCount?: number;
}

/**
 * 批量估值运行记录: stores one run's who, when, scope, count, timings and summary (`avm_runs`) and, for a user's
 * run, its audit event in the same transaction. The operator's command line has no actor: its row has no user
 * and no audit event (the command runs on the database's host, like the daily job). Returns the run's id.
 */
export async function recordAvmRun(
  result: AvmBatchResult,
  run: AvmRunRecord,
  actor: Actor | null,
  deps: Pick<AppDeps, 'db' | 'clock'> & Partial<Pick<AppDeps, 'audit'>>,
): Promise<string> {
  const id = randomUUID();
  const audit = deps.audit;
  if (actor !== null && audit === undefined)
    throw new Error('recordAvmRun: a user’s run needs the audit writer');
  await runInTransaction(deps, async (tx) => {
    await tx.insert(tables.avmRuns).values({
      id,
      source: run.source,
      runByUserId: actor?.userId ?? null,
      organisationId: actor?.organisationId ?? null,
      role: actor?.role ?? null,
      scope: result.scope,
      enterpriseId: run.enterpriseId ?? null,
      requestedAssetCount: run.requestedAssetCount ?? null,
      count: result.count,
      asOfDate: result.asOfDate,
      parametersVersion: result.parametersVersion,
      weightTableVersion: result.weightTableVersion,
      totalValueFen: parseYuan(result.totalValueYuan),
      meanScore: result.meanScore,
      revenueKnownCount: result.revenueKnownCount,
      checksum: result.checksum,
      loadMs: result.loadMs,
      scoreMs: result.scoreMs,
      elapsedMs: result.elapsedMs,
      summary: {
        byBand: result.byBand.map((g) => ({ ...g })),
        byKind: result.byKind.map((g) => ({ ...g })),
      },
      startedAt: run.startedAt,
    });
    if (actor !== null && audit !== undefined)
      await audit.append(
        tx,
        actor,
        {
          action: 'valuation.avm_batch_run',
          entityType: 'avm_run',
          entityId: id,
          after: {
            source: run.source,
            scope: result.scope,
            ...(run.enterpriseId === undefined ? {} : { enterpriseId: run.enterpriseId }),
            count: result.count,
            totalValueYuan: result.totalValueYuan,
            checksum: result.checksum,
            elapsedMs: result.elapsedMs,
          },
        },
        deps.clock.now(),
      );
  });
  return id;
}
