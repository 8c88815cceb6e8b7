import { randomInt, randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import {
  buildAnonymisedRelease,
  derivePseudonym,
  type AnonymisedRelease,
  type WhitelistFeature,
} from '@ipf/domain/whitelist';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { decryptField } from '../crypto/field-encryption.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { loadWhitelistFeatureRows } from './load-whitelist-feature-rows.ts';
import { transitionWhitelistRound } from './transition-whitelist-round.ts';
import type { WhitelistRoundView } from './whitelist-round-views.ts';

/** Uniform on [0, 1) from the operating system's randomness (53 bits), the Laplace noise's only source. */
function secureUniform(): number {
  return (randomInt(0, 2 ** 26) * 2 ** 27 + randomInt(0, 2 ** 27)) / 2 ** 53;
}

/**
 * 发布 (release a round, issue 10 item 2): `open` → `released`. The opted-in enterprises (a programme consent to
 * the round's bureau valid on today's date, Asia/Shanghai) are read once with their full-fidelity features; for
 * each participating bank its pseudonym secret is decrypted, every enterprise gets the bank's pseudonym
 * HMAC-SM3(secret, enterprise id), and `buildAnonymisedRelease` generalises the quasi-identifiers until every
 * class holds k, suppressing what it cannot (with noise ε when the round asks for it). The bank's release (rows
 * and its facts) and the full-fidelity members behind it (kept inside the platform) are stored. If k fails for
 * any bank the whole release is refused (`WHITELIST_RELEASE_REFUSED`, naming the bank) and nothing is written:
 * everything is one transaction.
 */
export async function releaseWhitelistRound(
  input: { readonly id: string },
  actor: Actor,
  deps: AppDeps,
): Promise<WhitelistRoundView> {
  const scope = authorize(actor, 'whitelist_round.manage');
  const now = deps.clock.now();
  const releaseDate = toShanghaiDate(now);
  return transitionWhitelistRound(deps, actor, scope, {
    roundId: input.id,
    from: ['open'],
    actionLabel: '发布',
    auditAction: 'whitelist_round.released',
    apply: async (tx, round) => {
      const rows = await loadWhitelistFeatureRows(tx, {
        bureauId: round.bureauOrganisationId,
        asOfDate: releaseDate,
        at: now,
      });
      const participations = await tx
        .select({ participation: tables.whitelistRoundBanks, bank: tables.organisations })
        .from(tables.whitelistRoundBanks)
        .innerJoin(
          tables.organisations,
          eq(tables.organisations.id, tables.whitelistRoundBanks.bankOrganisationId),
        )
        .where(eq(tables.whitelistRoundBanks.roundId, round.id))
        .orderBy(asc(tables.whitelistRoundBanks.addedAt), asc(tables.organisations.id));

      for (const { participation, bank } of participations) {
        const secret = decryptField(participation.pseudonymSecretEnc, deps.dataKey);
        const pseudonyms = new Map(
          rows.map((r) => [r.enterpriseId, derivePseudonym(secret, r.enterpriseId)]),
        );
        let release: AnonymisedRelease;
        try {
          release = buildAnonymisedRelease(rows, {
            k: round.k,
            pseudonymOf: (enterpriseId) => pseudonyms.get(enterpriseId)!,
            featureSet: round.featureSet as WhitelistFeature[],
            ...(round.noiseEpsilon === null
              ? {}
              : { noise: { epsilon: Number(round.noiseEpsilon), uniform: secureUniform } }),
          });
        } catch (error) {
          if (error instanceof DomainError && error.code === 'WHITELIST_K_ANONYMITY_FAILED') {
            throw new DomainError(
              'WHITELIST_RELEASE_REFUSED',
              { bank: bank.nameZh, k: round.k, rowCount: rows.length },
              { cause: error },
            );
          }
          throw error;
        }
        const releaseId = randomUUID();
        await tx.insert(tables.whitelistReleases).values({
          id: releaseId,
          roundId: round.id,
          bankOrganisationId: bank.id,
          releasedAt: now,
          releasedByUserId: actor.userId,
          k: release.k,
          levels: { hierarchyVersion: release.hierarchyVersion, ...release.levels },
          suppressedCount: release.suppressedCount,
          smallestClass: release.smallestClass,
          rowCount: release.rows.length,
          rows: release.rows.map((r) => ({ ...r })),
          epsilonSpent: release.noise === null ? null : String(release.noise.epsilon),
          noisyCounts:
            release.noise === null
              ? null
              : { mechanism: release.noise.mechanism, counts: release.noise.counts },
        });
        const released = new Set(release.rows.map((r) => r.pseudonym));
        const members = rows.map((r) => ({
          id: randomUUID(),
          releaseId,
          roundId: round.id,
          bankOrganisationId: bank.id,
          pseudonym: pseudonyms.get(r.enterpriseId)!,
          enterpriseId: r.enterpriseId,
          features: { ...r },
          released: released.has(pseudonyms.get(r.enterpriseId)!),
        }));
        for (let i = 0; i < members.length; i += 500)
          await tx.insert(tables.whitelistReleaseMembers).values(members.slice(i, i + 500));
      }
      await tx
        .update(tables.whitelistRounds)
        .set({
          state: 'released',
          releasedAt: now,
          releaseDate,
          releasedByUserId: actor.userId,
          updatedAt: now,
        })
        .where(eq(tables.whitelistRounds.id, round.id));
    },
  });
}
