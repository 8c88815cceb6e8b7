import { and, eq, gte, isNull } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { WHITELIST_PROGRAMME_SCOPE } from '@ipf/domain/whitelist-round';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { findProgrammeBureau } from './find-programme-bureau.ts';
import { loadWhitelistProgrammeView, type WhitelistProgrammeView } from './get-whitelist-programme.ts';

/**
 * 退出白名单计划 (leave the programme): revokes the valid programme consent now. The enterprise enters no later
 * release; data already released stays pseudonymous with the banks, and what a past push revealed stays with
 * that bank (access.md "Consent": revoking stops further sharing).
 */
export async function leaveWhitelistProgramme(actor: Actor, deps: AppDeps): Promise<WhitelistProgrammeView> {
  authorize(actor, 'whitelist_programme.leave');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  return runInTransaction(deps, async (tx) => {
    const bureau = await findProgrammeBureau(tx);
    const valid = and(
      eq(tables.consents.enterpriseId, actor.organisationId),
      eq(tables.consents.scope, WHITELIST_PROGRAMME_SCOPE),
      eq(tables.consents.recipientId, bureau.id),
      isNull(tables.consents.revokedAt),
      gte(tables.consents.expiresOn, today),
    );
    const rows = await tx.select().from(tables.consents).where(valid).for('update');
    if (rows.length === 0) throw new DomainError('WHITELIST_PROGRAMME_NOT_JOINED');
    const before = await loadWhitelistProgrammeView(tx, actor.organisationId, now);
    await tx.update(tables.consents).set({ revokedAt: now }).where(valid);
    const view = await loadWhitelistProgrammeView(tx, actor.organisationId, now);
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'whitelist_programme.left',
        entityType: 'consent',
        entityId: rows[0]!.id,
        before: before.current,
        after: view.history.find((c) => c.id === rows[0]!.id) ?? null,
      },
      now,
    );
    return view;
  });
}
