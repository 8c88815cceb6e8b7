import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoParties } from '@ipf/app';
import { createTestApp, TEST_DEMO_SEED, type TestApp, type TestSession } from './testing/create-test-app.ts';

type ProductItem = {
  id: string;
  code: string;
  bankId: string;
  bankNameZh: string;
  units: { id: string; nameZh: string; bankLevel: string | null }[];
};
type CasePage = { items: { id: string; enterpriseName: string }[]; total: number };

describe('what the ledger UI needs: product units to apply to, cases found by enterprise name', () => {
  let t: TestApp;
  let ent: TestSession;
  const parties = generateDemoParties(TEST_DEMO_SEED);
  const headOffice = parties.organisations.find((o) => o.nameZh === '银湾银行')!;
  const subBranch = parties.organisations.find((o) => o.nameZh === '银湾银行深圳南山科技支行')!;
  const below = (id: string): string[] =>
    parties.organisations.filter((o) => o.parentId === id).flatMap((o) => [o.id, ...below(o.id)]);

  beforeAll(async () => {
    t = await createTestApp();
    ent = await t.loginAs('ent001');
  });
  afterAll(async () => t?.close());

  const products = async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/bank-products', headers: ent.headers });
    expect(res.statusCode).toBe(200);
    return res.json<ProductItem[]>();
  };

  it("lists each product's bank by name and every unit of that bank, head office first, no other bank's", async () => {
    const product = (await products()).find(
      (p) => p.code === 'prd-demo-ipdai' && p.bankId === headOffice.id,
    )!;
    expect(product.bankNameZh).toBe('银湾银行');
    const unitIds = product.units.map((u) => u.id);
    expect(unitIds[0]).toBe(headOffice.id);
    expect(unitIds).toContain(subBranch.id);
    expect(new Set(unitIds)).toEqual(new Set([headOffice.id, ...below(headOffice.id)]));
  });

  it('finds a case by a part of the enterprise name as well as by its case number', async () => {
    const product = (await products()).find(
      (p) => p.code === 'prd-demo-ipdai' && p.bankId === headOffice.id,
    )!;
    const assets = await t.app.inject({
      method: 'GET',
      url: '/api/ip-assets?kind=invention_patent&pageSize=200',
      headers: ent.headers,
    });
    let assetId: string | undefined;
    for (const asset of assets.json<{ items: { id: string }[] }>().items) {
      const check = await t.app.inject({
        method: 'POST',
        url: `/api/ip-assets/${asset.id}/eligibility`,
        headers: ent.headers,
        payload: { debtMaturityDate: '2027-03-02', pledgeeOrganisationId: subBranch.id },
      });
      if (check.json<{ eligible: boolean }>().eligible) {
        assetId = asset.id;
        break;
      }
    }
    expect(assetId).toBeDefined();
    const applied = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: ent.headers,
      payload: {
        bankUnitId: subBranch.id,
        productId: product.id,
        amountYuan: '1000000.00',
        termMonths: 12,
        repaymentMethod: 'annuity',
        spreadBps: 50,
        combinedModel: 'pledge_only',
        assetIds: [assetId],
        consentExpiresOn: '2027-03-01',
      },
    });
    expect(applied.statusCode).toBe(200);
    const { id, caseNumber, enterpriseName } = applied.json<{
      id: string;
      caseNumber: string;
      enterpriseName: string;
    }>();

    const clerk = await t.loginAs('bank01.clerk');
    const search = async (q: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/cases?q=${encodeURIComponent(q)}`,
          headers: clerk.headers,
        })
      ).json<CasePage>();
    expect((await search(enterpriseName.slice(0, 4))).items.map((c) => c.id)).toContain(id);
    expect((await search(caseNumber.slice(-6).toLowerCase())).items.map((c) => c.id)).toContain(id);
    expect((await search('不存在的企业名称')).total).toBe(0);
  });
});
