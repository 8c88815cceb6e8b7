import { and, asc, count, eq, ilike, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { likePattern, pageOffset, type Page, type PageInput } from '../support/page.ts';
import { getVisibleParticipation } from './get-visible-participation.ts';

/** One grade as a bank reads it: pseudonym, grade and where it came from — never the enterprise. */
export interface WhitelistGradeView {
  readonly pseudonym: string;
  readonly grade: string;
  readonly source: 'scorecard' | 'upload';
  readonly scorecardId: string | null;
  readonly scorecardName: string | null;
  readonly recordedAt: string;
}

export interface FindWhitelistGradesInput extends PageInput {
  readonly roundId: string;
  readonly bankOrganisationId: string;
  readonly source?: 'scorecard' | 'upload';
  readonly scorecardId?: string;
  readonly grade?: string;
  /** Pseudonym contains. */
  readonly pseudonym?: string;
}

/** 预评估等级 of one bank in one round, by pseudonym, paged (issue 10 item 3). */
export async function findWhitelistGrades(
  input: FindWhitelistGradesInput,
  actor: Actor,
  deps: AppDeps,
): Promise<Page<WhitelistGradeView>> {
  const scope = authorize(actor, 'whitelist_grade.list');
  await getVisibleParticipation(deps.db, actor, scope, input);
  const g = tables.whitelistGrades;
  const conditions: SQL[] = [
    eq(g.roundId, input.roundId),
    eq(g.bankOrganisationId, input.bankOrganisationId),
  ];
  if (input.source !== undefined) conditions.push(eq(g.source, input.source));
  if (input.scorecardId !== undefined) conditions.push(eq(g.scorecardId, input.scorecardId));
  if (input.grade !== undefined) conditions.push(eq(g.grade, input.grade));
  if (input.pseudonym !== undefined && input.pseudonym.trim() !== '')
    conditions.push(ilike(g.pseudonym, likePattern(input.pseudonym.trim())));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({
        pseudonym: g.pseudonym,
        grade: g.grade,
        source: g.source,
        scorecardId: g.scorecardId,
        scorecardName: tables.whitelistScorecards.name,
        recordedAt: g.recordedAt,
      })
      .from(g)
      .leftJoin(tables.whitelistScorecards, eq(tables.whitelistScorecards.id, g.scorecardId))
      .where(where)
      .orderBy(asc(g.pseudonym), asc(g.sourceKey))
      .limit(input.pageSize)
      .offset(pageOffset(input)),
    deps.db.select({ n: count() }).from(g).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      ...r,
      source: r.source as 'scorecard' | 'upload',
      recordedAt: r.recordedAt.toISOString(),
    })),
    total: Number(total?.n ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
}
