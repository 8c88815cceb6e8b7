import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { WhitelistRoundState } from '@ipf/domain/whitelist-round';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AccessScope } from '../access/permission-matrix.ts';

/** What the anonymisation of one bank's release came to (issue 10 item 2: k and what was suppressed). */
export interface WhitelistReleaseFacts {
  readonly releasedAt: string;
  readonly k: number;
  readonly levels: Record<string, unknown>;
  readonly suppressedCount: number;
  readonly smallestClass: number;
  readonly rowCount: number;
  readonly epsilonSpent: string | null;
}

export interface WhitelistRoundBankView {
  readonly bankOrganisationId: string;
  readonly bankNameZh: string;
  readonly bankNameEn: string;
  readonly bankLevel: string | null;
  readonly addedAt: string;
  readonly release: WhitelistReleaseFacts | null;
  /** Scorecards submitted (accepted and refused) against the round's quota. */
  readonly scorecardsUsed: number;
}

export interface WhitelistRoundView {
  readonly id: string;
  readonly roundNumber: string;
  readonly title: string;
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly k: number;
  readonly featureSet: string[];
  readonly scorecardQuota: number;
  readonly noiseEpsilon: string | null;
  readonly state: WhitelistRoundState;
  readonly releaseDate: string | null;
  readonly createdAt: string;
  readonly openedAt: string | null;
  readonly releasedAt: string | null;
  readonly closedAt: string | null;
  /** The participations the actor may see: every one for the bureau, its own bank's for a bank. */
  readonly banks: WhitelistRoundBankView[];
}

type RoundRow = typeof tables.whitelistRounds.$inferSelect;

/**
 * The SQL condition "the participating organisation is the actor's bank unit, above it or below it"
 * (`canBankUnitSeeParticipation` of `@ipf/domain/whitelist-round`), on `organisations` joined as the participant.
 */
export function participantVisibleTo(actor: Actor) {
  return sql`(starts_with(${actor.organisationPath}, ${tables.organisations.path}) or starts_with(${tables.organisations.path}, ${actor.organisationPath}))`;
}

/** Round views with their participations (all for scope `all`, the actor's bank's for `own_org`). */
export async function loadWhitelistRoundViews(
  executor: Executor,
  rounds: readonly RoundRow[],
  actor: Actor,
  scope: Exclude<AccessScope, 'none'>,
): Promise<WhitelistRoundView[]> {
  if (rounds.length === 0) return [];
  const ids = rounds.map((r) => r.id);
  const banks = await executor
    .select({ bank: tables.whitelistRoundBanks, org: tables.organisations })
    .from(tables.whitelistRoundBanks)
    .innerJoin(
      tables.organisations,
      eq(tables.organisations.id, tables.whitelistRoundBanks.bankOrganisationId),
    )
    .where(
      scope === 'all'
        ? inArray(tables.whitelistRoundBanks.roundId, ids)
        : and(inArray(tables.whitelistRoundBanks.roundId, ids), participantVisibleTo(actor)),
    )
    .orderBy(asc(tables.whitelistRoundBanks.addedAt), asc(tables.organisations.nameZh));
  const releases = await executor
    .select({
      roundId: tables.whitelistReleases.roundId,
      bankOrganisationId: tables.whitelistReleases.bankOrganisationId,
      releasedAt: tables.whitelistReleases.releasedAt,
      k: tables.whitelistReleases.k,
      levels: tables.whitelistReleases.levels,
      suppressedCount: tables.whitelistReleases.suppressedCount,
      smallestClass: tables.whitelistReleases.smallestClass,
      rowCount: tables.whitelistReleases.rowCount,
      epsilonSpent: tables.whitelistReleases.epsilonSpent,
    })
    .from(tables.whitelistReleases)
    .where(inArray(tables.whitelistReleases.roundId, ids));
  const used = await executor
    .select({
      roundId: tables.whitelistScorecards.roundId,
      bankOrganisationId: tables.whitelistScorecards.bankOrganisationId,
      n: count(),
    })
    .from(tables.whitelistScorecards)
    .where(inArray(tables.whitelistScorecards.roundId, ids))
    .groupBy(tables.whitelistScorecards.roundId, tables.whitelistScorecards.bankOrganisationId);
  const key = (roundId: string, bankId: string) => `${roundId}:${bankId}`;
  const releaseOf = new Map(releases.map((r) => [key(r.roundId, r.bankOrganisationId), r]));
  const usedOf = new Map(used.map((u) => [key(u.roundId, u.bankOrganisationId), Number(u.n)]));

  return rounds.map((r) => ({
    id: r.id,
    roundNumber: r.roundNumber,
    title: r.title,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    k: r.k,
    featureSet: r.featureSet,
    scorecardQuota: r.scorecardQuota,
    noiseEpsilon: r.noiseEpsilon,
    state: r.state as WhitelistRoundState,
    releaseDate: r.releaseDate,
    createdAt: r.createdAt.toISOString(),
    openedAt: r.openedAt?.toISOString() ?? null,
    releasedAt: r.releasedAt?.toISOString() ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
    banks: banks
      .filter((b) => b.bank.roundId === r.id)
      .map((b) => {
        const release = releaseOf.get(key(r.id, b.org.id));
        return {
          bankOrganisationId: b.org.id,
          bankNameZh: b.org.nameZh,
          bankNameEn: b.org.nameEn,
          bankLevel: b.org.bankLevel,
          addedAt: b.bank.addedAt.toISOString(),
          release:
            release === undefined
              ? null
              : {
                  releasedAt: release.releasedAt.toISOString(),
                  k: release.k,
                  levels: release.levels,
                  suppressedCount: release.suppressedCount,
                  smallestClass: release.smallestClass,
                  rowCount: release.rowCount,
                  epsilonSpent: release.epsilonSpent,
                },
          scorecardsUsed: usedOf.get(key(r.id, b.org.id)) ?? 0,
        };
      }),
  }));
}
