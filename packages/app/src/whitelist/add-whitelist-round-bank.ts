import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { encryptField } from '../crypto/field-encryption.ts';
import { transitionWhitelistRound } from './transition-whitelist-round.ts';
import type { WhitelistRoundView } from './whitelist-round-views.ts';

/**
 * 添加参与银行 (add a participating bank) to a round in `draft` or `open`: a bank head office or any of its units.
 * The participation gets its own pseudonym secret — 32 random bytes, AES-256-GCM encrypted at rest like
 * enterprise contacts — so the pseudonyms HMAC-SM3(secret, enterprise) of two banks or two rounds never link.
 */
export async function addWhitelistRoundBank(
  input: { readonly roundId: string; readonly bankOrganisationId: string },
  actor: Actor,
  deps: AppDeps,
): Promise<WhitelistRoundView> {
  const scope = authorize(actor, 'whitelist_round.manage');
  return transitionWhitelistRound(deps, actor, scope, {
    roundId: input.roundId,
    from: ['draft', 'open'],
    actionLabel: '添加银行',
    auditAction: 'whitelist_round.bank_added',
    apply: async (tx, round) => {
      const [bank] = await tx
        .select()
        .from(tables.organisations)
        .where(eq(tables.organisations.id, input.bankOrganisationId));
      if (bank === undefined || bank.kind !== 'bank' || !bank.active) {
        throw new DomainError(
          'WHITELIST_ROUND_BANK_INVALID',
          {},
          { problems: [{ code: 'WHITELIST_ROUND_BANK_INVALID', field: 'bankOrganisationId' }] },
        );
      }
      const [existing] = await tx
        .select({ id: tables.whitelistRoundBanks.id })
        .from(tables.whitelistRoundBanks)
        .where(
          and(
            eq(tables.whitelistRoundBanks.roundId, round.id),
            eq(tables.whitelistRoundBanks.bankOrganisationId, bank.id),
          ),
        );
      if (existing !== undefined) throw new DomainError('WHITELIST_ROUND_BANK_ALREADY_ADDED');
      await tx.insert(tables.whitelistRoundBanks).values({
        id: randomUUID(),
        roundId: round.id,
        bankOrganisationId: bank.id,
        pseudonymSecretEnc: encryptField(randomBytes(32).toString('hex'), deps.dataKey),
        addedByUserId: actor.userId,
        addedAt: deps.clock.now(),
      });
    },
  });
}
