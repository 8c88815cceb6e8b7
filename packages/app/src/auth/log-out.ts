import { eq } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { AppDeps } from '../deps.ts';
import { hashToken } from '../crypto/tokens.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { resolveSession } from './resolve-session.ts';

/** 退出登录: deletes the server-side session; an unknown or expired token is already logged out. */
export async function logOut(
  input: { readonly sessionToken: string; readonly requestId: string },
  deps: AppDeps,
): Promise<void> {
  const session = await resolveSession(input.sessionToken, deps).catch(() => null);
  if (session === null) return;
  await runInTransaction(deps, async (tx) => {
    await tx.delete(tables.sessions).where(eq(tables.sessions.tokenHash, hashToken(input.sessionToken)));
    await deps.audit.append(
      tx,
      { ...session.actor, requestId: input.requestId },
      { action: 'auth.logged_out', entityType: 'user', entityId: session.user.id },
      deps.clock.now(),
    );
  });
}
