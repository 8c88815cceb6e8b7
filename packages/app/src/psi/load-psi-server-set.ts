import { and, eq, gte, isNull } from 'drizzle-orm';
import { normalizeUscc } from '@ipf/domain/party';
import { tables, type Executor } from '@ipf/db';
import { WHITELIST_PROGRAMME_CONSENT_SCOPE, type PsiSetKind } from './psi-limits.ts';

/**
 * The server's side of a PSI session, as normalised USCC codes without duplicates: `opted_in` — enterprises
 * with a whitelist-programme opt-in valid on `today` (not revoked, not expired); `my_whitelist` — the enterprises
 * included on the whitelist of `bankId` (a head office) in any round, never another bank's.
 */
export async function loadPsiServerSet(
  tx: Executor,
  setKind: PsiSetKind,
  bankId: string,
  today: string,
): Promise<string[]> {
  const { consents, enterprises, whitelistEntries } = tables;
  const rows =
    setKind === 'opted_in'
      ? await tx
          .select({ uscc: enterprises.uscc })
          .from(consents)
          .innerJoin(enterprises, eq(enterprises.organisationId, consents.enterpriseId))
          .where(
            and(
              eq(consents.scope, WHITELIST_PROGRAMME_CONSENT_SCOPE),
              isNull(consents.revokedAt),
              gte(consents.expiresOn, today),
            ),
          )
      : await tx
          .select({ uscc: enterprises.uscc })
          .from(whitelistEntries)
          .innerJoin(enterprises, eq(enterprises.organisationId, whitelistEntries.enterpriseId))
          .where(and(eq(whitelistEntries.bankId, bankId), eq(whitelistEntries.included, true)));
  return [...new Set(rows.map((r) => normalizeUscc(r.uscc)))];
}
