import { and, eq, inArray } from 'drizzle-orm';
import { normalizeUscc } from '@ipf/domain/party';
import { tables, type Executor } from '@ipf/db';
import { findProgrammeBureau } from '../whitelist/find-programme-bureau.ts';
import { findValidProgrammeOptIns } from '../whitelist/find-valid-programme-opt-ins.ts';
import type { PsiSetKind } from './psi-limits.ts';

/**
 * The server's side of a PSI session, as normalised USCC codes without duplicates: `opted_in` — enterprises
 * with a whitelist-programme opt-in granted to the bureau that runs the programme and valid at `at` on `today`
 * (`findValidProgrammeOptIns`, the same query a round's release reads; a consent to another recipient, revoked
 * or expired, does not count); `my_whitelist` — the enterprises included on the whitelist of `bankId` (a head
 * office) in any round, never another bank's.
 */
export async function loadPsiServerSet(
  tx: Executor,
  setKind: PsiSetKind,
  bankId: string,
  today: string,
  at: Date,
): Promise<string[]> {
  const { enterprises, whitelistEntries } = tables;
  let rows: { uscc: string }[];
  if (setKind === 'opted_in') {
    const bureau = await findProgrammeBureau(tx);
    rows = await tx
      .select({ uscc: enterprises.uscc })
      .from(enterprises)
      .where(
        inArray(
          enterprises.organisationId,
          findValidProgrammeOptIns(tx, { bureauId: bureau.id, asOfDate: today, at }),
        ),
      );
  } else {
    rows = await tx
      .select({ uscc: enterprises.uscc })
      .from(whitelistEntries)
      .innerJoin(enterprises, eq(enterprises.organisationId, whitelistEntries.enterpriseId))
      .where(and(eq(whitelistEntries.bankId, bankId), eq(whitelistEntries.included, true)));
  }
  return [...new Set(rows.map((r) => normalizeUscc(r.uscc)))];
}
