import type { LightMyRequestResponse } from 'fastify';
import type { TestApp, TestSession } from './create-test-app.ts';

/** Calls to a test app as demo users, with one login per user per simulated day. */
export interface DatedSessions {
  /** The user's session, logged in once until the date moves. */
  readonly as: (login: string) => Promise<TestSession>;
  /** One request as the user (JSON `payload` when given; `headers` join the session's: an idempotency key). */
  readonly api: (
    login: string,
    method: 'GET' | 'POST',
    url: string,
    payload?: object,
    headers?: Readonly<Record<string, string>>,
  ) => Promise<LightMyRequestResponse>;
  /** Moves the test clock to 10:00 Shanghai time of `date` (YYYY-MM-DD); sessions log in again after it. */
  readonly setDate: (date: string) => void;
}

/** Sessions for the test app that `app()` returns (read at each call, so it may be created in `beforeAll`). */
export function datedSessions(app: () => TestApp): DatedSessions {
  let sessions = new Map<string, TestSession>();
  const as = async (login: string) => {
    let session = sessions.get(login);
    if (session === undefined) {
      session = await app().loginAs(login);
      sessions.set(login, session);
    }
    return session;
  };
  return {
    as,
    api: async (login, method, url, payload, headers) =>
      app().app.inject({
        method,
        url,
        headers: { ...(await as(login)).headers, ...headers },
        ...(payload === undefined ? {} : { payload }),
      }),
    setDate: (date) => {
      const t = app();
      const target = Date.parse(`${date}T02:00:00.000Z`);
      t.clock.advance(target - t.clock.now().getTime());
      sessions = new Map();
    },
  };
}
