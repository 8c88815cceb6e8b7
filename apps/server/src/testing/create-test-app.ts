import { chainedAuditWriter, currentDemoTotpCode, seedDemoData, type AppDeps, type Clock } from '@ipf/app';
import { createTestDatabase, type DatabaseHandle } from '@ipf/db';
import { buildApp } from '../build-app.ts';
import type { AppInstance } from '../http/app-instance.ts';

/** A clock the test moves by hand (TOTP steps, expiries, lock-outs). */
export class TestClock implements Clock {
  private current: number;
  constructor(start: string) {
    this.current = Date.parse(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

export interface TestApp {
  readonly app: AppInstance;
  readonly deps: AppDeps;
  readonly clock: TestClock;
  readonly handle: DatabaseHandle;
  /** Logs a demo user in through the real endpoints (password, then one-time code). */
  loginAs(login: string): Promise<TestSession>;
  close(): Promise<void>;
}

export interface TestSession {
  readonly cookie: string;
  readonly csrfToken: string;
  /** Headers for `app.inject`: the session cookie and the CSRF token. */
  readonly headers: Record<string, string>;
}

export const TEST_DEMO_SEED = 'test-demo-seed';

/** A real app on a fresh database (PGlite, or PostgreSQL in CI) with the demo city seeded. */
export async function createTestApp(
  options: { seed?: boolean; audit?: AppDeps['audit'] } = {},
): Promise<TestApp> {
  const clock = new TestClock('2026-03-02T02:00:00.000Z');
  // Seeding always audits for real; an injected writer (fault tests) applies to the app under test only.
  const depsFor = (db: AppDeps['db'], audit: AppDeps['audit'] = chainedAuditWriter): AppDeps => ({
    db,
    clock,
    audit,
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    dataKey: Buffer.alloc(32, 7),
    demoSeed: TEST_DEMO_SEED,
    sessionTtlMinutes: 60,
  });
  const handle = await createTestDatabase(
    options.seed === false
      ? {}
      : { template: 'demo-city', prepare: async (h) => void (await seedDemoData(depsFor(h.db))) },
  );
  const deps = depsFor(handle.db, options.audit);
  const app = await buildApp(deps, { databaseKind: handle.kind, webDistDir: null, loginRateLimit: 10_000 });
  await app.ready();

  async function loginAs(login: string): Promise<TestSession> {
    clock.advance(31_000); // a fresh TOTP step: codes are single-use
    const first = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login, password: 'Demo@2026pass' },
    });
    if (first.statusCode !== 200) throw new Error(`login ${login}: ${first.statusCode} ${first.body}`);
    const pending = first.cookies.find((c) => c.name === 'ipf_session')!.value;
    const { csrfToken: pendingCsrf } = first.json<{ csrfToken: string }>();
    const code = currentDemoTotpCode(TEST_DEMO_SEED, login, clock.now().getTime());
    const second = await app.inject({
      method: 'POST',
      url: '/api/auth/second-factor',
      payload: { code },
      headers: { cookie: `ipf_session=${pending}`, 'x-csrf-token': pendingCsrf },
    });
    if (second.statusCode !== 200)
      throw new Error(`second factor ${login}: ${second.statusCode} ${second.body}`);
    const cookie = `ipf_session=${second.cookies.find((c) => c.name === 'ipf_session')!.value}`;
    const { csrfToken } = second.json<{ csrfToken: string }>();
    return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
  }

  return {
    app,
    deps,
    clock,
    handle,
    loginAs,
    async close() {
      await app.close();
      await handle.close();
    },
  };
}
