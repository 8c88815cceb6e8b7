import { randomUUID } from 'node:crypto';
import { like, sql } from 'drizzle-orm';
import { DomainError, type ProblemDetail } from '@ipf/domain/errors';
import { isWhitelistFeature, whitelistReleasableFeatures } from '@ipf/domain/whitelist';
import { formatWhitelistRoundNumber } from '@ipf/domain/whitelist-round';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { loadWhitelistRoundViews, type WhitelistRoundView } from './whitelist-round-views.ts';

export interface CreateWhitelistRoundInput {
  readonly title: string;
  readonly periodFrom: string;
  readonly periodTo: string;
  /** k of k-anonymity, default 5. */
  readonly k?: number;
  /** Features released and scorable; default every releasable feature. */
  readonly featureSet?: readonly string[];
  /** Scorecards per bank in this round, default 3. */
  readonly scorecardQuota?: number;
  /** ε of the Laplace noise on population counts, decimal string; absent for none. */
  readonly noiseEpsilon?: string;
}

/**
 * 新建白名单轮次 (create a round, issue 10 item 2) in `draft`, numbered `WLR-<year>-<month>` of the creation month
 * (Asia/Shanghai), `-2`, `-3` … for later rounds of the month. The city bureau adds banks, then opens it.
 */
export async function createWhitelistRound(
  input: CreateWhitelistRoundInput,
  actor: Actor,
  deps: AppDeps,
): Promise<WhitelistRoundView> {
  const scope = authorize(actor, 'whitelist_round.manage');
  const problems: ProblemDetail[] = [];
  if (input.periodTo < input.periodFrom)
    problems.push({ code: 'WHITELIST_ROUND_PERIOD_INVALID', field: 'periodTo' });
  const featureSet = [...new Set(input.featureSet ?? whitelistReleasableFeatures)];
  featureSet.forEach((f, i) => {
    if (!isWhitelistFeature(f))
      problems.push({
        code: 'WHITELIST_ROUND_FEATURE_INVALID',
        field: `featureSet[${i}]`,
        params: { feature: f },
      });
  });
  if (problems.length > 0)
    throw new DomainError('VALIDATION_FAILED', { count: problems.length }, { problems });

  const now = deps.clock.now();
  const month = toShanghaiDate(now).slice(0, 7);
  return runInTransaction(deps, async (tx) => {
    // Round numbers of the month, locked by the table lock below so two creations cannot take the same one.
    await tx.execute(sql`lock table whitelist_rounds in share row exclusive mode`);
    const taken = await tx
      .select({ roundNumber: tables.whitelistRounds.roundNumber })
      .from(tables.whitelistRounds)
      .where(like(tables.whitelistRounds.roundNumber, `WLR-${month}%`));
    const numbers = new Set(taken.map((t) => t.roundNumber));
    let ordinal = 1;
    while (numbers.has(formatWhitelistRoundNumber(month, ordinal))) ordinal += 1;
    const [row] = await tx
      .insert(tables.whitelistRounds)
      .values({
        id: randomUUID(),
        roundNumber: formatWhitelistRoundNumber(month, ordinal),
        title: input.title.trim(),
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        k: input.k ?? 5,
        featureSet,
        scorecardQuota: input.scorecardQuota ?? 3,
        noiseEpsilon: input.noiseEpsilon ?? null,
        state: 'draft',
        bureauOrganisationId: actor.organisationId,
        createdByUserId: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const [view] = await loadWhitelistRoundViews(tx, [row!], actor, scope);
    await deps.audit.append(
      tx,
      actor,
      { action: 'whitelist_round.created', entityType: 'whitelist_round', entityId: row!.id, after: view },
      now,
    );
    return view!;
  });
}
