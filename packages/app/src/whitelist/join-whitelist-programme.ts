import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import {
  WHITELIST_PROGRAMME_MAX_YEARS,
  WHITELIST_PROGRAMME_PURPOSE,
  WHITELIST_PROGRAMME_SCOPE,
} from '@ipf/domain/whitelist-round';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { findProgrammeBureau } from './find-programme-bureau.ts';
import {
  addYears,
  loadWhitelistProgrammeView,
  type WhitelistProgrammeView,
} from './get-whitelist-programme.ts';

/**
 * 加入白名单计划 (opt in, issue 10 item 1): a consent with scope `whitelist_programme` to the city IP bureau, for the
 * programme's stated purpose, until `expiresOn` (after today, at most 3 years). It appears in 我的授权 like every
 * consent and can be revoked there or by leaving. One valid programme consent at a time.
 */
export async function joinWhitelistProgramme(
  input: { readonly expiresOn: string },
  actor: Actor,
  deps: AppDeps,
): Promise<WhitelistProgrammeView> {
  authorize(actor, 'whitelist_programme.join');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  if (input.expiresOn <= today || input.expiresOn > addYears(today, WHITELIST_PROGRAMME_MAX_YEARS)) {
    throw new DomainError(
      'WHITELIST_PROGRAMME_EXPIRY_INVALID',
      { maxYears: WHITELIST_PROGRAMME_MAX_YEARS },
      {
        problems: [
          {
            code: 'WHITELIST_PROGRAMME_EXPIRY_INVALID',
            field: 'expiresOn',
            params: { maxYears: WHITELIST_PROGRAMME_MAX_YEARS },
          },
        ],
      },
    );
  }
  return runInTransaction(deps, async (tx) => {
    // The enterprise row is the lock that keeps two joins of one enterprise from both inserting.
    await tx
      .select({ id: tables.organisations.id })
      .from(tables.organisations)
      .where(eq(tables.organisations.id, actor.organisationId))
      .for('update');
    const before = await loadWhitelistProgrammeView(tx, actor.organisationId, now);
    if (before.current !== null) {
      throw new DomainError('WHITELIST_PROGRAMME_ALREADY_JOINED', { expiresOn: before.current.expiresOn });
    }
    const bureau = await findProgrammeBureau(tx);
    const id = randomUUID();
    await tx.insert(tables.consents).values({
      id,
      enterpriseId: actor.organisationId,
      recipientId: bureau.id,
      scope: WHITELIST_PROGRAMME_SCOPE,
      purpose: WHITELIST_PROGRAMME_PURPOSE,
      grantedAt: now,
      expiresOn: input.expiresOn,
    });
    const view = await loadWhitelistProgrammeView(tx, actor.organisationId, now);
    await deps.audit.append(
      tx,
      actor,
      { action: 'whitelist_programme.joined', entityType: 'consent', entityId: id, after: view.current },
      now,
    );
    return view;
  });
}
