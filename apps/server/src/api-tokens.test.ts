import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './testing/create-test-app.ts';

describe("API tokens for banks' own systems", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it("acts with the creator's role and scope, only within its scopes, until revoked", async () => {
    const clerk = await t.loginAs('bank01.clerk');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/api-tokens',
      headers: clerk.headers,
      payload: { name: '信贷系统对接', scopes: ['enterprise.list'] },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json<{ token: string; id: string }>();
    expect(token).toMatch(/^ipf_/);

    const bearer = { authorization: `Bearer ${token}` };
    const viaToken = await t.app.inject({
      method: 'GET',
      url: '/api/enterprises?pageSize=200',
      headers: bearer,
    });
    const viaSession = await t.app.inject({
      method: 'GET',
      url: '/api/enterprises?pageSize=200',
      headers: clerk.headers,
    });
    expect(viaToken.statusCode).toBe(200);
    expect(viaToken.json()).toEqual(viaSession.json());

    const outOfScope = await t.app.inject({ method: 'GET', url: '/api/api-tokens', headers: bearer });
    expect(outOfScope.statusCode).toBe(403);
    expect(outOfScope.json()).toMatchObject({ code: 'API_TOKEN_SCOPE_MISSING' });

    const listed = await t.app.inject({ method: 'GET', url: '/api/api-tokens', headers: clerk.headers });
    expect(JSON.stringify(listed.json())).not.toContain(token);

    await t.app.inject({ method: 'POST', url: `/api/api-tokens/${id}/revoke`, headers: clerk.headers });
    const afterRevoke = await t.app.inject({ method: 'GET', url: '/api/enterprises', headers: bearer });
    expect(afterRevoke.statusCode).toBe(401);
    expect(afterRevoke.json()).toMatchObject({ code: 'API_TOKEN_INVALID' });
  });

  it('refuses a scope that names no operation', async () => {
    const clerk = await t.loginAs('bank02.clerk');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/api-tokens',
      headers: clerk.headers,
      payload: { name: 'x', scopes: ['enterprise.list', 'everything'] },
    });
    expect(res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      problems: [{ code: 'FIELD_NOT_ALLOWED', field: 'scopes[1]' }],
    });
  });
});

describe('OpenAPI document and health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
  });
  afterAll(async () => t.close());

  it('documents every endpoint from the same schemas that validate, with money as yuan strings', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(doc.openapi).toMatch(/^3\./);
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    const routes = t.app.routeCatalogue
      .filter((r) => !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url}`);
    expect(routes.filter((r) => !documented.has(r))).toEqual([]);
    expect(JSON.stringify(doc.paths['/api/enterprises/{id}'])).toContain('registeredCapitalYuan');
  });

  it('reports health with the database kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toMatchObject({
      status: 'ok',
      database: expect.stringMatching(/^(pglite|postgres)$/) as unknown,
    });
  });
});
