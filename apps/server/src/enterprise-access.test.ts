import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoParties } from '@ipf/app';
import { createTestApp, TEST_DEMO_SEED, type TestApp } from './testing/create-test-app.ts';

type Page = { items: { id: string; name: string; district: string }[]; total: number };

describe('who sees which enterprise (access.md)', () => {
  let t: TestApp;
  const parties = generateDemoParties(TEST_DEMO_SEED);
  const bank01 = parties.organisations.filter((o) => o.kind === 'bank' && o.nameZh.startsWith('银湾银行'));
  const bank01Ids = new Set(bank01.map((o) => o.id));
  const subBranchNanshan = bank01.find((o) => o.nameZh === '银湾银行深圳南山科技支行')!;
  const customerOfSubBranch = parties.enterprises.find((e) =>
    e.appliedToBankUnitIds.includes(subBranchNanshan.id),
  )!;
  const stranger = parties.enterprises.find((e) => !e.appliedToBankUnitIds.some((id) => bank01Ids.has(id)))!;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('lets a sub-branch clerk read its own customer', async () => {
    const clerk = await t.loginAs('bank01.clerk');
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/enterprises/${customerOfSubBranch.organisationId}`,
      headers: clerk.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ uscc: customerOfSubBranch.uscc });
    expect(res.json<{ contactPhone: string }>().contactPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
  });

  it('hides an enterprise with no relationship from a bank, by id (404, as if it did not exist) and by search', async () => {
    const clerk = await t.loginAs('bank01.clerk');
    const byId = await t.app.inject({
      method: 'GET',
      url: `/api/enterprises/${stranger.organisationId}`,
      headers: clerk.headers,
    });
    expect(byId.statusCode).toBe(404);
    expect(byId.json()).toMatchObject({ code: 'NOT_FOUND' });
    for (const q of [stranger.name, stranger.uscc, stranger.uscc.slice(4, 12)]) {
      const search = await t.app.inject({
        method: 'GET',
        url: `/api/enterprises?q=${encodeURIComponent(q)}&pageSize=200`,
        headers: clerk.headers,
      });
      expect(search.json<Page>().items.map((e) => e.id)).not.toContain(stranger.organisationId);
    }
  });

  it("shows a head office every branch's customers, a branch its sub-branches', and a sub-branch only its own", async () => {
    const visible = async (login: string) => {
      const s = await t.loginAs(login);
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/enterprises?pageSize=200',
        headers: s.headers,
      });
      return new Set(res.json<Page>().items.map((e) => e.id));
    };
    const customersOf = (unitIds: string[]) =>
      new Set(
        parties.enterprises
          .filter((e) => e.appliedToBankUnitIds.some((id) => unitIds.includes(id)))
          .map((e) => e.organisationId),
      );
    const hq = bank01.find((o) => o.bankLevel === 'head_office')!;
    const branch = bank01.find((o) => o.nameZh === '银湾银行深圳分行')!;
    const subUnitsOf = (parent: string) => bank01.filter((o) => o.parentId === parent).map((o) => o.id);

    expect(await visible('bank01.hq')).toEqual(customersOf(bank01.map((o) => o.id)));
    expect(await visible('bank01.approver')).toEqual(customersOf([branch.id, ...subUnitsOf(branch.id)]));
    expect(await visible('bank01.clerk')).toEqual(customersOf([subBranchNanshan.id]));
    expect(hq.parentId).toBeNull();
  });

  it('opens an enterprise to a bank once the enterprise consents, and closes it again on revocation', async () => {
    const owner = parties.users.find((u) => u.login === 'ent002')!;
    const enterprise = parties.enterprises.find((e) => e.organisationId === owner.organisationId)!;
    const otherBankUnit = parties.organisations.find(
      (o) =>
        o.kind === 'bank' &&
        o.bankLevel === 'sub_branch' &&
        !enterprise.appliedToBankUnitIds.includes(o.id) &&
        o.nameZh.startsWith('深蓝'),
    )!;
    const clerkLogin = `bank09.${otherBankUnit.nameZh.includes('龙岗') ? 'lg.clerk' : 'clerk'}`;
    const read = async () =>
      t.app.inject({
        method: 'GET',
        url: `/api/enterprises/${enterprise.organisationId}`,
        headers: (await t.loginAs(clerkLogin)).headers,
      });
    expect((await read()).statusCode).toBe(404);

    const ent = await t.loginAs('ent002');
    const granted = await t.app.inject({
      method: 'POST',
      url: '/api/consents',
      headers: ent.headers,
      payload: {
        recipientId: otherBankUnit.id,
        scope: 'profile',
        purpose: '申请知识产权质押贷款',
        expiresOn: '2027-03-01',
      },
    });
    expect(granted.statusCode).toBe(201);
    expect((await read()).statusCode).toBe(200);

    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/consents/${granted.json<{ id: string }>().id}/revoke`,
      headers: ent.headers,
    });
    expect(revoked.json()).toMatchObject({ state: 'revoked' });
    expect((await read()).statusCode).toBe(404);
  });

  it('stops a consent from granting access after it expires', async () => {
    const ent = await t.loginAs('ent003');
    const owner = parties.users.find((u) => u.login === 'ent003')!;
    const unit = parties.organisations.find((o) => o.nameZh === '蛇口银行深圳南山科技支行')!;
    const enterprise = parties.enterprises.find((e) => e.organisationId === owner.organisationId)!;
    if (enterprise.appliedToBankUnitIds.includes(unit.id)) return;
    await t.app.inject({
      method: 'POST',
      url: '/api/consents',
      headers: ent.headers,
      payload: { recipientId: unit.id, scope: 'profile', purpose: '尽职调查', expiresOn: '2026-03-03' },
    });
    const read = async () =>
      t.app.inject({
        method: 'GET',
        url: `/api/enterprises/${enterprise.organisationId}`,
        headers: (await t.loginAs('bank10.clerk')).headers,
      });
    expect((await read()).statusCode).toBe(200);
    t.clock.advance(2 * 86_400_000);
    expect((await read()).statusCode).toBe(404);
  });

  it('limits a district bureau to its district and an enterprise to itself', async () => {
    const district = await t.loginAs('bureau.nanshan');
    const page = await t.app.inject({
      method: 'GET',
      url: '/api/enterprises?pageSize=200',
      headers: district.headers,
    });
    expect(page.json<Page>().total).toBe(parties.enterprises.filter((e) => e.district === 'nanshan').length);
    expect(new Set(page.json<Page>().items.map((e) => e.district))).toEqual(new Set(['nanshan']));
    const elsewhere = parties.enterprises.find((e) => e.district === 'futian')!;
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/enterprises/${elsewhere.organisationId}`,
          headers: district.headers,
        })
      ).statusCode,
    ).toBe(404);

    const ent = await t.loginAs('ent001');
    const own = await t.app.inject({ method: 'GET', url: '/api/enterprises', headers: ent.headers });
    expect(own.json<Page>().total).toBe(1);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/enterprises/${stranger.organisationId}`,
          headers: ent.headers,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('gives the city bureau and regulators every enterprise, filtered by district and cluster', async () => {
    const bureau = await t.loginAs('bureau.city');
    const all = await t.app.inject({ method: 'GET', url: '/api/enterprises', headers: bureau.headers });
    expect(all.json<Page>().total).toBe(parties.enterprises.length);
    const filtered = await t.app.inject({
      method: 'GET',
      url: '/api/enterprises?district=baoan&cluster=new-energy',
      headers: bureau.headers,
    });
    expect(filtered.json<Page>().total).toBe(
      parties.enterprises.filter((e) => e.district === 'baoan' && e.cluster === 'new-energy').length,
    );
  });

  it('lets the platform administrator manage accounts but not read enterprise profiles', async () => {
    const admin = await t.loginAs('admin');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/enterprises', headers: admin.headers })).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/users', headers: admin.headers })).statusCode,
    ).toBe(200);
  });
});
