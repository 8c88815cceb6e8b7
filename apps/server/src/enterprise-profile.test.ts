import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoParties } from '@ipf/app';
import { tables } from '@ipf/db';
import { createTestApp, TEST_DEMO_SEED, type TestApp } from './testing/create-test-app.ts';

describe('enterprise profile (R1)', () => {
  let t: TestApp;
  const parties = generateDemoParties(TEST_DEMO_SEED);
  const own = parties.enterprises.find(
    (e) => e.organisationId === parties.users.find((u) => u.login === 'ent001')!.organisationId,
  )!;
  const other = parties.enterprises.find((e) => e.organisationId !== own.organisationId)!;
  const profile = (uscc: string) => ({
    name: own.name,
    uscc,
    district: 'guangming',
    cluster: 'quantum-information',
    sizeClass: 'medium',
    highTech: true,
    specialised: true,
    firstLoan: false,
    preIpo: true,
    park: '光明科学城',
    foundedOn: '2015-06-01',
    employees: 240,
    registeredCapitalYuan: '12000000.00',
    address: '深圳市光明区光明大道1号',
    contactName: '陈思远',
    contactPhone: '13912345678',
  });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('lets an enterprise user update its own profile, audited with before and after, contact data masked', async () => {
    const ent = await t.loginAs('ent001');
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/enterprises/${own.organisationId}`,
      headers: ent.headers,
      payload: profile(own.uscc),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      district: 'guangming',
      registeredCapitalYuan: '12000000.00',
      contactName: '陈**',
      contactPhone: '139****5678',
    });
    const [event] = await t.deps.db
      .select()
      .from(tables.auditEvents)
      .where(
        and(
          eq(tables.auditEvents.entityId, own.organisationId),
          eq(tables.auditEvents.action, 'enterprise.profile_updated'),
        ),
      );
    expect(event?.before).toMatchObject({ district: own.district });
    expect(event?.after).toMatchObject({ district: 'guangming' });
    expect(JSON.stringify([event?.before, event?.after])).not.toContain('13912345678');
  });

  it('refuses to change the credit code and to edit another enterprise', async () => {
    const ent = await t.loginAs('ent001');
    const changedCode = await t.app.inject({
      method: 'PUT',
      url: `/api/enterprises/${own.organisationId}`,
      headers: ent.headers,
      payload: profile(other.uscc),
    });
    expect(changedCode.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      problems: [{ code: 'FIELD_NOT_ALLOWED', field: 'uscc' }],
    });
    const foreign = await t.app.inject({
      method: 'PUT',
      url: `/api/enterprises/${other.organisationId}`,
      headers: ent.headers,
      payload: profile(other.uscc),
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('lets the administrator register a new enterprise once per credit code', async () => {
    const admin = await t.loginAs('admin');
    const body = { ...profile('91440300192317458F'), name: '深圳市新注册科技有限公司' };
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/enterprises',
      headers: admin.headers,
      payload: body,
    });
    expect(first.statusCode).toBe(201);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/enterprises',
      headers: admin.headers,
      payload: body,
    });
    expect(again.json()).toMatchObject({ code: 'USCC_ALREADY_REGISTERED', problems: [{ field: 'uscc' }] });
  });
});
