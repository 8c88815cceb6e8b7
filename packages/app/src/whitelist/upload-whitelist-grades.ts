import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { parseWhitelistGradeUpload, type WhitelistGradeUpload } from '@ipf/domain/whitelist-round';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { getVisibleParticipation } from './get-visible-participation.ts';

/**
 * 上传评级 (upload grades by pseudonym, issue 10 item 3b) while the round is `released`: CSV `pseudonym,grade`
 * or a JSON list, grades A–D. Every pseudonym must be one of the bank's released rows; unknown ones are refused
 * all together (`WHITELIST_GRADE_PSEUDONYM_UNKNOWN`, each listed as a problem) and nothing is imported. A grade
 * uploaded again for a pseudonym replaces the earlier upload's; scorecard grades are kept apart.
 */
export async function uploadWhitelistGrades(
  input: {
    readonly roundId: string;
    readonly bankOrganisationId: string;
    readonly upload: WhitelistGradeUpload;
  },
  actor: Actor,
  deps: AppDeps,
): Promise<{ readonly imported: number }> {
  const scope = authorize(actor, 'whitelist_grade.upload');
  const { grades, problems } = parseWhitelistGradeUpload(input.upload);
  if (problems.length > 0) {
    throw new DomainError('WHITELIST_GRADE_UPLOAD_INVALID', { count: problems.length }, { problems });
  }
  const now = deps.clock.now();
  return runInTransaction(deps, async (tx) => {
    const { round, bank } = await getVisibleParticipation(tx, actor, scope, { ...input, lock: true });
    if (round.state !== 'released') throw new DomainError('WHITELIST_SCORECARD_ROUND_NOT_RELEASED');
    const members = await tx
      .select({
        pseudonym: tables.whitelistReleaseMembers.pseudonym,
        enterpriseId: tables.whitelistReleaseMembers.enterpriseId,
      })
      .from(tables.whitelistReleaseMembers)
      .where(
        and(
          eq(tables.whitelistReleaseMembers.roundId, round.id),
          eq(tables.whitelistReleaseMembers.bankOrganisationId, bank.id),
          eq(tables.whitelistReleaseMembers.released, true),
        ),
      );
    const enterpriseOf = new Map(members.map((m) => [m.pseudonym, m.enterpriseId]));
    const unknown = grades.map((g, index) => ({ ...g, index })).filter((g) => !enterpriseOf.has(g.pseudonym));
    if (unknown.length > 0) {
      const listed = unknown.slice(0, 10).map((u) => u.pseudonym);
      throw new DomainError(
        'WHITELIST_GRADE_PSEUDONYM_UNKNOWN',
        { count: unknown.length, pseudonyms: listed.join('、') + (unknown.length > 10 ? ' …' : '') },
        {
          problems: unknown.map((u) => ({
            code: 'WHITELIST_GRADE_PSEUDONYM_NOT_RELEASED',
            field: 'csv' in input.upload ? `csv[${u.index}]` : `grades[${u.index}].pseudonym`,
            params: { pseudonym: u.pseudonym },
          })),
        },
      );
    }
    const rows = grades.map((g) => ({
      id: randomUUID(),
      roundId: round.id,
      bankOrganisationId: bank.id,
      pseudonym: g.pseudonym,
      enterpriseId: enterpriseOf.get(g.pseudonym)!,
      grade: g.grade,
      source: 'upload',
      scorecardId: null,
      sourceKey: 'upload',
      recordedByUserId: actor.userId,
      recordedAt: now,
    }));
    const g = tables.whitelistGrades;
    for (let i = 0; i < rows.length; i += 500) {
      await tx
        .insert(g)
        .values(rows.slice(i, i + 500))
        .onConflictDoUpdate({
          target: [g.roundId, g.bankOrganisationId, g.pseudonym, g.sourceKey],
          set: {
            grade: sql`excluded.grade`,
            recordedByUserId: sql`excluded.recorded_by_user_id`,
            recordedAt: sql`excluded.recorded_at`,
          },
        });
    }
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'whitelist_grades.uploaded',
        entityType: 'whitelist_round',
        entityId: round.id,
        after: { bankOrganisationId: bank.id, imported: rows.length },
      },
      now,
    );
    return { imported: rows.length };
  });
}
