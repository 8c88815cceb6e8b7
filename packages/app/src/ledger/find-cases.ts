import { and, asc, count, desc, eq, exists, ilike, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { daysBetween } from '@ipf/domain/calendar';
import { caseTransitions, type CaseState } from '@ipf/domain/ledger';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { likePattern, pageOffset, type Page, type PageInput } from '../support/page.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { caseVisibility } from './case-visibility.ts';
import { loadCaseDetail, toCaseSummaries, type CaseDetail, type CaseSummary } from './case-view.ts';
import { getVisibleCase } from './transition-case.ts';

export interface FindCasesInput extends PageInput {
  readonly state?: CaseState;
  readonly enterpriseId?: string;
  readonly bankUnitId?: string;
  readonly productId?: string;
  /** Case number or enterprise name, partial. */
  readonly q?: string;
}

const { financingCases, organisations } = tables;

/** 台账检索: the cases the actor may see (its scope), by state, case number or enterprise name, newest change first. */
export async function findCases(
  input: FindCasesInput,
  actor: Actor,
  deps: AppDeps,
): Promise<Page<CaseSummary>> {
  const scope = authorize(actor, 'case.list');
  const today = toShanghaiDate(deps.clock.now());
  const conditions: SQL[] = [caseVisibility(actor, scope)];
  if (input.state !== undefined) conditions.push(eq(financingCases.state, input.state));
  if (input.enterpriseId !== undefined) conditions.push(eq(financingCases.enterpriseId, input.enterpriseId));
  if (input.bankUnitId !== undefined) conditions.push(eq(financingCases.bankUnitId, input.bankUnitId));
  if (input.productId !== undefined) conditions.push(eq(financingCases.productId, input.productId));
  if (input.q !== undefined && input.q.trim() !== '') {
    const q = input.q.trim();
    conditions.push(
      or(
        like(financingCases.caseNumber, likePattern(q.toUpperCase())),
        exists(
          sql`(select 1 from ${organisations} where ${and(eq(organisations.id, financingCases.enterpriseId), or(ilike(organisations.nameZh, likePattern(q)), ilike(organisations.nameEn, likePattern(q))))})`,
        ),
      )!,
    );
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(financingCases)
      .where(where)
      .orderBy(desc(financingCases.updatedAt), asc(financingCases.id))
      .limit(input.pageSize)
      .offset(pageOffset(input)),
    deps.db.select({ n: count() }).from(financingCases).where(where),
  ]);
  return {
    items: await toCaseSummaries(deps.db, rows, today),
    total: Number(total?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
}

/** 案件详情; a case outside the actor's scope is NOT_FOUND. */
export async function getCase(id: string, actor: Actor, deps: AppDeps): Promise<CaseDetail> {
  const scope = authorize(actor, 'case.read');
  const row = await getVisibleCase(deps.db, id, actor, scope);
  return loadCaseDetail(deps.db, row, toShanghaiDate(deps.clock.now()));
}

export interface WorkQueueItem extends CaseSummary {
  /** The actions the actor's role may take next (from the committed transition table). */
  readonly nextActions: string[];
}

export interface WorkQueue extends Page<WorkQueueItem> {
  /** Per step: how many cases wait and the oldest wait in days (SLA age). */
  readonly steps: { state: string; count: number; oldestDaysInState: number }[];
}

/**
 * 待办 (work queue) by step: the visible cases in the states where the actor's role moves the case on (read from
 * `caseTransitions`, declines and withdrawals aside), oldest wait first, with the days spent in the state.
 */
export async function findWorkQueue(
  input: PageInput & { readonly state?: CaseState },
  actor: Actor,
  deps: AppDeps,
): Promise<WorkQueue> {
  const scope = authorize(actor, 'case.work_queue');
  const today = toShanghaiDate(deps.clock.now());
  const moves = caseTransitions.filter(
    (t) =>
      t.roles.includes(actor.role) && t.from !== t.to && t.action !== 'decline' && t.action !== 'withdraw',
  );
  const states = [...new Set(moves.map((t) => t.from))].filter(
    (s) => input.state === undefined || s === input.state,
  );
  if (states.length === 0)
    return { items: [], total: 0, page: input.page, pageSize: input.pageSize, steps: [] };
  const where = and(caseVisibility(actor, scope), inArray(financingCases.state, states));
  const [rows, [total], all] = await Promise.all([
    deps.db
      .select()
      .from(financingCases)
      .where(where)
      .orderBy(asc(financingCases.stateEnteredAt), asc(financingCases.id))
      .limit(input.pageSize)
      .offset(pageOffset(input)),
    deps.db.select({ n: count() }).from(financingCases).where(where),
    deps.db
      .select({ state: financingCases.state, stateEnteredAt: financingCases.stateEnteredAt })
      .from(financingCases)
      .where(where),
  ]);
  const summaries = await toCaseSummaries(deps.db, rows, today);
  const steps = states.map((state) => {
    const waiting = all.filter((r) => r.state === state);
    const oldest = waiting.reduce<Date | null>(
      (min, r) => (min === null || r.stateEnteredAt < min ? r.stateEnteredAt : min),
      null,
    );
    return {
      state,
      count: waiting.length,
      oldestDaysInState: oldest === null ? 0 : daysBetween(toShanghaiDate(oldest), today),
    };
  });
  return {
    items: summaries.map((s) => ({
      ...s,
      nextActions: moves.filter((t) => t.from === s.state).map((t) => t.action),
    })),
    total: Number(total?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
    steps,
  };
}
