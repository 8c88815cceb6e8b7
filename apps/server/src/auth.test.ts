import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTotpCode } from '@ipf/app';
import { createTestApp, type TestApp } from './testing/create-test-app.ts';

describe('log-in with a second factor', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('asks an enrolled bank user for the one-time code before granting access', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'bank01.clerk', password: 'Demo@2026pass' },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ status: 'second_factor_required' });
    const cookie = login.cookies.find((c) => c.name === 'ipf_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

    const beforeCode = await t.app.inject({
      method: 'GET',
      url: '/api/enterprises',
      headers: { cookie: `ipf_session=${cookie!.value}` },
    });
    expect(beforeCode.statusCode).toBe(401);
    expect(beforeCode.json()).toMatchObject({ code: 'SECOND_FACTOR_REQUIRED' });
  });

  it("grants a session after the code, with a new cookie, and lists the role's permissions", async () => {
    const session = await t.loginAs('bank01.clerk');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: session.headers });
    expect(me.json()).toMatchObject({
      status: 'authenticated',
      role: 'bank_clerk',
      user: { login: 'bank01.clerk' },
    });
    expect(me.json<{ permissions: string[] }>().permissions).toContain('enterprise.list');
    expect(me.json<{ permissions: string[] }>().permissions).not.toContain('user.create');
  });

  it('refuses a wrong password with a coded 401 in the requested language', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'bank02.clerk', password: 'wrong-password' },
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'LOGIN_FAILED', title: 'Wrong login or password.' });
  });

  it('locks the account after five failures, even for the right password, until the lock expires', async () => {
    for (let i = 0; i < 5; i += 1) {
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'bank03.clerk', password: `wrong-${i}` },
      });
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'bank03.clerk', password: 'Demo@2026pass' },
    });
    expect(locked.statusCode).toBe(423);
    expect(locked.json()).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    t.clock.advance(16 * 60_000);
    await expect(t.loginAs('bank03.clerk')).resolves.toBeDefined();
  });

  it('rejects a one-time code used twice (replay)', async () => {
    t.clock.advance(31_000);
    const start = async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'bank04.clerk', password: 'Demo@2026pass' },
      });
      return {
        cookie: `ipf_session=${res.cookies[0]!.value}`,
        csrf: res.json<{ csrfToken: string }>().csrfToken,
      };
    };
    const { currentDemoTotpCode } = await import('@ipf/app');
    const code = currentDemoTotpCode('test-demo-seed', 'bank04.clerk', t.clock.now().getTime());
    const a = await start();
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/auth/second-factor',
      payload: { code },
      headers: { cookie: a.cookie, 'x-csrf-token': a.csrf },
    });
    expect(first.statusCode).toBe(200);
    const b = await start();
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/auth/second-factor',
      payload: { code },
      headers: { cookie: b.cookie, 'x-csrf-token': b.csrf },
    });
    expect(replay.json()).toMatchObject({ code: 'SECOND_FACTOR_INVALID' });
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const session = await t.loginAs('admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { cookie: session.cookie },
      payload: { kind: 'insurer', nameZh: '测试保险', nameEn: 'Test insurer' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'CSRF_TOKEN_INVALID' });
  });

  it('makes a new user of a bank enrol an authenticator by QR code before anything else', async () => {
    const admin = await t.loginAs('admin');
    const orgs = await t.app.inject({
      method: 'GET',
      url: '/api/organisations?kind=bank&q=%E9%93%B6%E6%B9%BE%E9%93%B6%E8%A1%8C%E6%B7%B1%E5%9C%B3%E5%88%86%E8%A1%8C',
      headers: admin.headers,
    });
    const branch = orgs.json<{ items: { id: string }[] }>().items[0]!;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: {
        login: 'new.clerk',
        displayName: '新客户经理',
        password: 'Secure#Pass2026',
        organisationId: branch.id,
        role: 'bank_clerk',
      },
    });
    expect(created.statusCode).toBe(201);

    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'new.clerk', password: 'Secure#Pass2026' },
    });
    expect(login.json()).toMatchObject({ status: 'enrolment_required' });
    const headers = {
      cookie: `ipf_session=${login.cookies[0]!.value}`,
      'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken,
    };
    const enrolment = await t.app.inject({ method: 'GET', url: '/api/auth/enrolment', headers });
    const { otpauthUrl, qrSvg } = enrolment.json<{ otpauthUrl: string; qrSvg: string }>();
    expect(qrSvg).toContain('<svg');
    const secret = new URL(otpauthUrl).searchParams.get('secret')!;
    const confirm = await t.app.inject({
      method: 'POST',
      url: '/api/auth/enrolment',
      headers,
      payload: { code: generateTotpCode(secret, t.clock.now().getTime()) },
    });
    expect(confirm.json()).toMatchObject({ status: 'authenticated' });
  });

  it('refuses a weak password for a new user, naming the field', async () => {
    const admin = await t.loginAs('admin');
    const orgs = await t.app.inject({
      method: 'GET',
      url: '/api/organisations?kind=insurer',
      headers: admin.headers,
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: {
        login: 'weak.user',
        displayName: '弱口令',
        password: 'short',
        organisationId: orgs.json<{ items: { id: string }[] }>().items[0]!.id,
        role: 'insurer_user',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      problems: [{ code: 'PASSWORD_TOO_WEAK', field: 'password' }],
    });
  });

  it('ends the session at log-out', async () => {
    const session = await t.loginAs('bureau.city');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/enterprises', headers: session.headers });
    expect(after.statusCode).toBe(401);
  });
});
