import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { formatYuan } from '@ipf/domain/money';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { pageOffset, type Page, type PageInput } from '../support/page.ts';
import type { AvmRunSource } from './record-avm-run.ts';
import type { AvmBatchResult } from './run-avm-batch.ts';

export interface FindAvmRunsInput extends PageInput {
  /** `enterprise` | `assets` | `registry`. */
  readonly scope?: string;
}

/** 批量估值运行记录 on the wire. */
export interface AvmRunView {
  readonly id: string;
  readonly source: AvmRunSource;
  readonly runBy: { readonly id: string; readonly name: string } | null;
  readonly organisation: { readonly id: string; readonly name: string } | null;
  readonly role: string | null;
  readonly scope: AvmBatchResult['scope'];
  readonly enterprise: { readonly id: string; readonly name: string } | null;
  readonly requestedAssetCount: number | null;
  readonly count: number;
  readonly asOfDate: string;
  readonly parametersVersion: string;
  readonly weightTableVersion: string;
  readonly totalValueYuan: string;
  readonly meanScore: string;
  readonly revenueKnownCount: number;
  readonly checksum: string;
  readonly loadMs: number;
  readonly scoreMs: number;
  readonly elapsedMs: number;
  readonly byBand: { key: string; count: number; valueYuan: string }[];
  readonly byKind: { key: string; count: number; valueYuan: string }[];
  readonly startedAt: string;
}

/**
 * 批量估值运行记录 (batch AVM runs, issue 7 item 4), newest first: the city bureau and regulators see every run
 * (the command line's too), every other role the runs of its own organisation.
 */
export async function findAvmRuns(
  input: FindAvmRunsInput,
  actor: Actor,
  deps: AppDeps,
): Promise<Page<AvmRunView>> {
  const scope = authorize(actor, 'valuation.avm_runs');
  const { avmRuns, users, organisations } = tables;
  const conditions: SQL[] = [];
  if (scope !== 'all') conditions.push(eq(avmRuns.organisationId, actor.organisationId));
  if (input.scope !== undefined) conditions.push(eq(avmRuns.scope, input.scope));
  const where = conditions.length === 0 ? undefined : and(...conditions);
  const runner = alias(organisations, 'runner_organisation');
  const enterprise = alias(organisations, 'run_enterprise');
  const rows = await deps.db
    .select({
      run: avmRuns,
      userName: users.displayName,
      organisationName: runner.nameZh,
      enterpriseName: enterprise.nameZh,
    })
    .from(avmRuns)
    .leftJoin(users, eq(users.id, avmRuns.runByUserId))
    .leftJoin(runner, eq(runner.id, avmRuns.organisationId))
    .leftJoin(enterprise, eq(enterprise.id, avmRuns.enterpriseId))
    .where(where)
    .orderBy(desc(avmRuns.startedAt), desc(avmRuns.id))
    .limit(input.pageSize)
    .offset(pageOffset(input));
  const [total] = await deps.db.select({ n: count() }).from(avmRuns).where(where);
  return {
    items: rows.map(({ run, userName, organisationName, enterpriseName }) => ({
      id: run.id,
      source: run.source as AvmRunSource,
      runBy: run.runByUserId === null ? null : { id: run.runByUserId, name: userName ?? '' },
      organisation:
        run.organisationId === null ? null : { id: run.organisationId, name: organisationName ?? '' },
      role: run.role,
      scope: run.scope as AvmBatchResult['scope'],
      enterprise: run.enterpriseId === null ? null : { id: run.enterpriseId, name: enterpriseName ?? '' },
      requestedAssetCount: run.requestedAssetCount,
      count: run.count,
      asOfDate: run.asOfDate,
      parametersVersion: run.parametersVersion,
      weightTableVersion: run.weightTableVersion,
      totalValueYuan: formatYuan(run.totalValueFen),
      meanScore: run.meanScore,
      revenueKnownCount: run.revenueKnownCount,
      checksum: run.checksum,
      loadMs: run.loadMs,
      scoreMs: run.scoreMs,
      elapsedMs: run.elapsedMs,
      byBand: run.summary.byBand,
      byKind: run.summary.byKind,
      startedAt: run.startedAt.toISOString(),
    })),
    total: Number(total?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
}
