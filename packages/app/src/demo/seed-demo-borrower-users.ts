import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import { tables } from '@ipf/db';
import { systemActor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { encryptField } from '../crypto/field-encryption.ts';
import { deriveDemoTotpSecret } from '../crypto/totp.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { DEMO_PASSWORD } from './generate-demo-parties.ts';

/**
 * 演示借款企业用户 (DEMO ONLY): the demo city gives 20 enterprises a user (`ent001` …); a demo ledger of a thousand
 * cases needs more borrowers than that, since a borrower applies, signs and withdraws itself. Every enterprise
 * without an enterprise user gets one, `entNNN` numbered on from the highest demo login, in USCC order, with the
 * demo password and a TOTP secret derived from the demo seed like the others. One transaction, one audit event.
 * Does nothing when every enterprise has a user.
 */
export async function seedDemoBorrowerUsers(deps: AppDeps): Promise<{ readonly users: number }> {
  const now = deps.clock.now();
  const withUser = new Set(
    (
      await deps.db
        .select({ organisationId: tables.memberships.organisationId })
        .from(tables.memberships)
        .where(eq(tables.memberships.role, 'enterprise_user'))
    ).map((m) => m.organisationId),
  );
  const enterprises = (
    await deps.db
      .select({
        id: tables.enterprises.organisationId,
        uscc: tables.enterprises.uscc,
        name: tables.enterprises.name,
      })
      .from(tables.enterprises)
  )
    .filter((e) => !withUser.has(e.id))
    .sort((a, b) => (a.uscc < b.uscc ? -1 : 1));
  if (enterprises.length === 0) return { users: 0 };
  const logins = await deps.db.select({ login: tables.users.login }).from(tables.users);
  let next =
    1 +
    Math.max(
      0,
      ...logins.map((u) => /^ent(\d+)$/.exec(u.login)?.[1]).map((n) => (n === undefined ? 0 : Number(n))),
    );
  const passwordHash = await hash(DEMO_PASSWORD);
  return runInTransaction(deps, async (tx) => {
    for (const enterprise of enterprises) {
      const login = `ent${String(next).padStart(3, '0')}`;
      next += 1;
      const userId = randomUUID();
      await tx.insert(tables.users).values({
        id: userId,
        login,
        displayName: `${enterprise.name}财务负责人`,
        passwordHash,
        isDemo: true,
        createdAt: now,
        totpSecretEnc: encryptField(deriveDemoTotpSecret(deps.demoSeed, login), deps.dataKey),
        totpEnrolledAt: now,
      });
      await tx.insert(tables.memberships).values({
        id: randomUUID(),
        userId,
        organisationId: enterprise.id,
        role: 'enterprise_user',
        createdAt: now,
      });
    }
    await deps.audit.append(
      tx,
      systemActor('demo-seed'),
      {
        action: 'demo.borrower_users_seeded',
        entityType: 'platform',
        entityId: 'demo',
        after: { users: enterprises.length },
      },
      now,
    );
    return { users: enterprises.length };
  });
}
