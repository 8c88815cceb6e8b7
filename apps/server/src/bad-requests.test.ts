import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@ipf/db';
import type { AuditWriter } from '@ipf/app';
import { createTestApp, type TestApp, type TestSession } from './testing/create-test-app.ts';

type Problem = { status: number; code: string; problems: { code: string; field: string; message: string }[] };

describe('bad input gets a coded 4xx problem naming the field, never a 500', () => {
  let t: TestApp;
  let admin: TestSession;
  let ent: TestSession;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.loginAs('admin');
    ent = await t.loginAs('ent001');
  });
  afterAll(async () => t.close());

  const post = (url: string, payload: string | object, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url,
      payload: payload as string,
      headers: { ...admin.headers, 'content-type': 'application/json', ...headers },
    });

  it('answers malformed JSON with MALFORMED_JSON (400)', async () => {
    const res = await post('/api/organisations', '{"kind": "insurer", ');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json<Problem>()).toMatchObject({ code: 'MALFORMED_JSON', status: 400 });
  });

  it('names every wrong, missing and unknown field at once', async () => {
    const res = await post(
      '/api/organisations',
      { kind: 'insurer', nameZh: 42, colour: 'red' },
      { 'accept-language': 'en' },
    );
    expect(res.statusCode).toBe(400);
    const body = res.json<Problem>();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.problems).toEqual(
      expect.arrayContaining([
        { code: 'FIELD_INVALID_TYPE', field: 'nameZh', message: 'Wrong type; expected string.' },
        { code: 'FIELD_REQUIRED', field: 'nameEn', message: 'This field is required.' },
        { code: 'FIELD_UNKNOWN', field: 'colour', message: 'Unknown field "colour".' },
      ]),
    );
  });

  it('does not coerce a string into a number in a body', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/enterprises/${randomUUID()}`,
      headers: ent.headers,
      payload: { employees: '12' },
    });
    expect(res.json<Problem>().problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'FIELD_INVALID_TYPE', field: 'employees' })]),
    );
  });

  it('rejects a malformed id in the path and a bad query parameter by name', async () => {
    const bureau = await t.loginAs('bureau.city');
    const badId = await t.app.inject({
      method: 'GET',
      url: '/api/enterprises/not-a-uuid',
      headers: bureau.headers,
    });
    expect(badId.json<Problem>()).toMatchObject({
      status: 400,
      problems: [{ code: 'FIELD_INVALID_FORMAT', field: 'id' }],
    });
    const badQuery = await t.app.inject({
      method: 'GET',
      url: '/api/enterprises?pageSize=100000&district=atlantis',
      headers: bureau.headers,
    });
    expect(
      badQuery
        .json<Problem>()
        .problems.map((p) => p.field)
        .sort(),
    ).toEqual(['district', 'pageSize']);
  });

  it('refuses an oversize body with PAYLOAD_TOO_LARGE (413)', async () => {
    const res = await post(
      '/api/organisations',
      JSON.stringify({ kind: 'insurer', nameZh: 'x'.repeat(2_000_000), nameEn: 'y' }),
    );
    expect(res.statusCode).toBe(413);
    expect(res.json<Problem>().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a non-JSON content type with UNSUPPORTED_MEDIA_TYPE (415)', async () => {
    const res = await post('/api/organisations', 'kind=insurer', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json<Problem>().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('explains a credit code with a wrong check character in Chinese by default', async () => {
    const bureau = await t.loginAs('bureau.city');
    void bureau;
    const res = await post('/api/enterprises', {
      name: '深圳市测试科技有限公司',
      uscc: '914403001922038217',
      district: 'nanshan',
      cluster: 'blockchain',
      sizeClass: 'small',
      highTech: true,
      specialised: false,
      firstLoan: true,
      preIpo: false,
      foundedOn: '2020-01-01',
      employees: 20,
      registeredCapitalYuan: '1000000.00',
      address: '深圳市南山区科技南路1号',
      contactName: '张三',
      contactPhone: '13800138000',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<Problem>().problems).toEqual([
      {
        code: 'USCC_CHECK_CHARACTER_MISMATCH',
        field: 'uscc',
        message: '统一社会信用代码校验位错误：应为 6，实际为 7。',
      },
    ]);
  });

  it('survives 1,000 generated bad requests across every endpoint without a single 5xx', async () => {
    const routes = t.app.routeCatalogue.filter((r) => !r.url.startsWith('/api/docs'));
    const jsonish = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string(),
      fc.constantFrom(
        '{',
        '[1,2',
        '{"a":}',
        'null',
        '""',
        '{"kind":"bank","nameZh":null}',
        '\u0000',
        '{"__proto__":{"x":1}}',
      ),
      fc
        .dictionary(
          fc.constantFrom(
            'kind',
            'nameZh',
            'nameEn',
            'login',
            'password',
            'code',
            'status',
            'uscc',
            'employees',
            'scopes',
            'expiresOn',
            'recipientId',
            'page',
          ),
          fc.jsonValue(),
        )
        .map((v) => JSON.stringify(v)),
    );
    const pathId = fc.oneof(
      fc.uuid().map(String),
      fc.string({ maxLength: 40 }).map(encodeURIComponent),
      fc.constantFrom('0', '-1', '%00', '..%2F..', 'null'),
    );
    const query = fc.dictionary(
      fc.constantFrom(
        'page',
        'pageSize',
        'q',
        'kind',
        'district',
        'cluster',
        'highTech',
        'organisationId',
        'lang',
      ),
      fc.string({ maxLength: 20 }),
    );
    const session = fc.constantFrom<Record<string, string>>(
      admin.headers,
      ent.headers,
      {},
      { authorization: 'Bearer nope' },
      { cookie: 'ipf_session=forged' },
    );
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        pathId,
        query,
        jsonish,
        session,
        async (route, id, q, body, headers) => {
          const url = `${route.url.replace(':id', id)}?${new URLSearchParams(q).toString()}`;
          const res = await t.app.inject({
            method: route.method as 'POST',
            url,
            headers: { ...headers, 'content-type': 'application/json' },
            ...(route.method === 'GET' ? {} : { payload: body }),
          });
          if (res.statusCode >= 500)
            failures.push(
              `${route.method} ${url} ${body.slice(0, 80)} → ${res.statusCode} ${res.body.slice(0, 200)}`,
            );
          return res.statusCode < 500;
        },
      ),
      { numRuns: 1000, seed: 20261125 },
    );
    expect(failures).toEqual([]);
  });
});

describe('a fault inside a use case', () => {
  it('yields a 500 problem with the request id and leaves no row changed', async () => {
    const failingAudit: AuditWriter = {
      append: () => Promise.reject(new Error('injected fault: audit store unavailable')),
    };
    const t = await createTestApp({ audit: failingAudit });
    try {
      const [before] = await t.deps.db.select({ n: count() }).from(tables.organisations);
      const admin = await t.loginAs('admin').catch(() => null);
      // Log-in itself writes audit events, so with a failing writer it must fail too, as a 500 problem.
      expect(admin).toBeNull();
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'admin', password: 'Demo@2026pass' },
        headers: { 'x-request-id': 'fault-test-0001' },
      });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toMatchObject({ code: 'INTERNAL_ERROR', requestId: 'fault-test-0001' });
      expect(res.json<{ detail: string }>().detail).toContain('fault-test-0001');
      const [sessions] = await t.deps.db.select({ n: count() }).from(tables.sessions);
      const [after] = await t.deps.db.select({ n: count() }).from(tables.organisations);
      expect({ sessions: sessions?.n, organisations: after?.n }).toEqual({
        sessions: 0,
        organisations: before?.n,
      });
    } finally {
      await t.close();
    }
  });
});
