import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionMatrix, publicEndpoints, type Operation } from '@ipf/app';
import { roleCodes, type Role } from '@ipf/domain/party';
import { createTestApp, type TestApp, type TestSession } from './testing/create-test-app.ts';

/** One demo user per role: the matrix is checked through real log-ins. */
const userOfRole: Readonly<Record<Role, string>> = {
  enterprise_user: 'ent001',
  bank_clerk: 'bank01.clerk',
  bank_approver: 'bank01.approver',
  guarantor_user: 'guarantor1.user',
  insurer_user: 'insurer1.user',
  evaluator: 'evaluator1',
  expert: 'expert1',
  pool_admin: 'pool.city',
  district_bureau: 'bureau.nanshan',
  city_bureau: 'bureau.city',
  regulator: 'pboc.analyst',
  platform_admin: 'admin',
};

describe('permission matrix (access.md), endpoint by endpoint and role by role', () => {
  let t: TestApp;
  const sessions = new Map<Role, TestSession>();
  beforeAll(async () => {
    t = await createTestApp();
    for (const role of roleCodes) sessions.set(role, await t.loginAs(userOfRole[role]));
  });
  afterAll(async () => t.close());

  it('has a row for every operation and role, and every endpoint is either public (listed) or has an operation', () => {
    const catalogue = t.app.routeCatalogue.filter((r) => !r.url.startsWith('/api/docs'));
    const unclassified = catalogue
      .filter((r) => !r.public && r.operation === null)
      .map((r) => `${r.method} ${r.url}`);
    const unlistedPublic = catalogue
      .filter((r) => r.public && !publicEndpoints.includes(`${r.method} ${r.url}`))
      .map((r) => `${r.method} ${r.url}`);
    const withoutRow = catalogue
      .filter((r) => r.operation !== null && permissionMatrix[r.operation] === undefined)
      .map((r) => r.operation);
    expect({ unclassified, unlistedPublic, withoutRow }).toEqual({
      unclassified: [],
      unlistedPublic: [],
      withoutRow: [],
    });
    for (const op of Object.keys(permissionMatrix) as Operation[])
      expect(Object.keys(permissionMatrix[op]).sort()).toEqual([...roleCodes].sort());
  });

  it('refuses every role the matrix refuses (403) and lets every other role through to validation or the record', async () => {
    const mismatches: string[] = [];
    const guarded = t.app.routeCatalogue.filter((r) => r.operation !== null);
    for (const route of guarded) {
      const url = route.url.replace(':id', randomUUID());
      for (const role of roleCodes) {
        const res = await t.app.inject({
          method: route.method as 'GET',
          url,
          headers: sessions.get(role)!.headers,
          ...(route.method === 'GET' ? {} : { payload: {} }),
        });
        const allowed = permissionMatrix[route.operation!][role] !== 'none';
        const refused = res.statusCode === 403 && res.json<{ code: string }>().code === 'FORBIDDEN';
        if (allowed === refused || res.statusCode >= 500)
          mismatches.push(
            `${route.method} ${route.url} as ${role}: ${res.statusCode} (matrix: ${allowed ? 'allowed' : 'none'})`,
          );
      }
    }
    expect(mismatches).toEqual([]);
    // Every route as every role: thousands of requests, which grow with the API.
  }, 300_000);

  it('answers every guarded endpoint with 401 when there is no session', async () => {
    for (const route of t.app.routeCatalogue.filter((r) => r.operation !== null)) {
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: route.url.replace(':id', randomUUID()),
        ...(route.method === 'GET' ? {} : { payload: {} }),
      });
      expect(`${route.method} ${route.url} ${res.statusCode}`).toBe(`${route.method} ${route.url} 401`);
    }
  });
});
