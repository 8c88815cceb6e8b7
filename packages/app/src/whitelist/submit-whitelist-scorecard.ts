import { randomUUID } from 'node:crypto';
import { and, asc, count, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import {
  runScorecard,
  validateScorecard,
  type GeneralisationLevels,
  type WhitelistScorecard,
} from '@ipf/domain/whitelist';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { getVisibleParticipation } from './get-visible-participation.ts';
import { loadReleaseMembers } from './load-release-members.ts';
import { toWhitelistScorecardView, type WhitelistScorecardView } from './whitelist-scorecard-view.ts';

/**
 * 提交评分卡 (submit a scorecard, compute-to-data, issue 10 item 3a) while the round is `released`. The platform
 * checks it with `validateScorecard` against the full-fidelity rows released to the bank (structure; every bin
 * and outcome holds at least the round's k enterprises, also jointly with the bank's earlier scorecards; bins no
 * finer than the release; quota) and records it either way: `refused` with its problems, or `accepted` after
 * running it inside the platform (`runScorecard`) and storing pseudonym → grade — never a raw score or an
 * identity; enterprises below the cut-off get no grade row. **A refused scorecard counts toward the quota**
 * (issue 10: "many narrow scorecards cannot reconstruct an enterprise's features" — probing with refused ones
 * must cost too); once the quota is used up a further one is refused with `WHITELIST_SCORECARD_QUOTA_EXCEEDED`
 * and not recorded. The round row is locked, so two submissions cannot both take the last slot.
 */
export async function submitWhitelistScorecard(
  input: {
    readonly roundId: string;
    readonly bankOrganisationId: string;
    readonly scorecard: WhitelistScorecard;
  },
  actor: Actor,
  deps: AppDeps,
): Promise<WhitelistScorecardView> {
  const scope = authorize(actor, 'whitelist_scorecard.submit');
  const now = deps.clock.now();
  return runInTransaction(deps, async (tx) => {
    const { round, bank } = await getVisibleParticipation(tx, actor, scope, { ...input, lock: true });
    if (round.state !== 'released') throw new DomainError('WHITELIST_SCORECARD_ROUND_NOT_RELEASED');
    const where = and(
      eq(tables.whitelistScorecards.roundId, round.id),
      eq(tables.whitelistScorecards.bankOrganisationId, bank.id),
    );
    const [used] = await tx.select({ n: count() }).from(tables.whitelistScorecards).where(where);
    const usedQuota = Number(used?.n ?? 0);
    if (usedQuota >= round.scorecardQuota) {
      throw new DomainError('WHITELIST_SCORECARD_QUOTA_EXCEEDED', {
        used: usedQuota,
        quota: round.scorecardQuota,
      });
    }
    const previous = await tx
      .select({ definition: tables.whitelistScorecards.definition })
      .from(tables.whitelistScorecards)
      .where(and(where, eq(tables.whitelistScorecards.state, 'accepted')))
      .orderBy(asc(tables.whitelistScorecards.submittedAt));
    const [release] = await tx
      .select({ levels: tables.whitelistReleases.levels })
      .from(tables.whitelistReleases)
      .where(
        and(
          eq(tables.whitelistReleases.roundId, round.id),
          eq(tables.whitelistReleases.bankOrganisationId, bank.id),
        ),
      );
    const { hierarchyVersion, ...levels } = (release?.levels ?? {}) as { hierarchyVersion?: string };
    const { rows, pseudonymOf } = await loadReleaseMembers(tx, {
      roundId: round.id,
      bankOrganisationId: bank.id,
    });

    const problems = validateScorecard(input.scorecard, rows, {
      k: round.k,
      usedQuota,
      quota: round.scorecardQuota,
      previousScorecards: previous.map((p) => p.definition as unknown as WhitelistScorecard),
      ...(hierarchyVersion === undefined
        ? {}
        : { release: { hierarchyVersion, levels: levels as unknown as GeneralisationLevels } }),
    });
    const id = randomUUID();
    const results =
      problems.length === 0
        ? runScorecard(input.scorecard, rows, (enterpriseId) => pseudonymOf.get(enterpriseId)!)
        : [];
    const enterpriseOf = new Map(
      [...pseudonymOf].map(([enterpriseId, pseudonym]) => [pseudonym, enterpriseId]),
    );
    const graded = results.filter((r) => r.grade !== null);
    const [row] = await tx
      .insert(tables.whitelistScorecards)
      .values({
        id,
        roundId: round.id,
        bankOrganisationId: bank.id,
        name: input.scorecard.name.trim(),
        definition: input.scorecard as unknown as Record<string, unknown>,
        state: problems.length === 0 ? 'accepted' : 'refused',
        problems: problems.map((p) => ({ ...p })),
        gradedCount: graded.length,
        submittedByUserId: actor.userId,
        submittedAt: now,
      })
      .returning();
    const gradeRows = graded.map((r) => ({
      id: randomUUID(),
      roundId: round.id,
      bankOrganisationId: bank.id,
      pseudonym: r.pseudonym,
      enterpriseId: enterpriseOf.get(r.pseudonym)!,
      grade: r.grade!,
      source: 'scorecard',
      scorecardId: id,
      sourceKey: id,
      recordedByUserId: actor.userId,
      recordedAt: now,
    }));
    for (let i = 0; i < gradeRows.length; i += 500)
      await tx.insert(tables.whitelistGrades).values(gradeRows.slice(i, i + 500));
    const view = toWhitelistScorecardView(row!);
    await deps.audit.append(
      tx,
      actor,
      {
        action: problems.length === 0 ? 'whitelist_scorecard.accepted' : 'whitelist_scorecard.refused',
        entityType: 'whitelist_scorecard',
        entityId: id,
        after: {
          roundId: round.id,
          bankOrganisationId: bank.id,
          name: view.name,
          state: view.state,
          problems: view.problems.map((p) => p.code),
          gradedCount: view.gradedCount,
          quota: `${usedQuota + 1}/${round.scorecardQuota}`,
        },
      },
      now,
    );
    return view;
  });
}
