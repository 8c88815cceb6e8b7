import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoParties } from '@ipf/app';
import { createTestApp, TEST_DEMO_SEED, type TestApp, type TestSession } from './testing/create-test-app.ts';

type ConsentItem = {
  id: string;
  recipientId: string;
  recipientNameZh: string;
  scope: string;
  purpose: string;
  state: string;
  caseId: string | null;
  caseNumber: string | null;
};

describe('我的授权: the consent list names the case an application consent is for, and only the own case', () => {
  let t: TestApp;
  let ent: TestSession;
  let caseId: string;
  let caseNumber: string;
  const parties = generateDemoParties(TEST_DEMO_SEED);
  const headOffice = parties.organisations.find((o) => o.nameZh === '银湾银行')!;
  const subBranch = parties.organisations.find((o) => o.nameZh === '银湾银行深圳南山科技支行')!;

  const list = async (session: TestSession) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/consents', headers: session.headers });
    expect(res.statusCode).toBe(200);
    return res.json<ConsentItem[]>();
  };

  beforeAll(async () => {
    t = await createTestApp();
    ent = await t.loginAs('ent001');
    const products = await t.app.inject({ method: 'GET', url: '/api/bank-products', headers: ent.headers });
    const product = products
      .json<{ id: string; code: string; bankId: string }[]>()
      .find((p) => p.code === 'prd-demo-ipdai' && p.bankId === headOffice.id)!;
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
    ({ id: caseId, caseNumber } = applied.json<{ id: string; caseNumber: string }>());
  });
  afterAll(async () => t?.close());

  it('gives each consent of the application its case number, with the bank unit named', async () => {
    const own = (await list(ent)).filter((c) => c.purpose.endsWith(`:${caseId}`));
    expect(own.map((c) => c.purpose)).toEqual(
      expect.arrayContaining([`financing_application:${caseId}`, `credit_bureau_query:${caseId}`]),
    );
    for (const consent of own) expect(consent).toMatchObject({ caseId, caseNumber, state: 'active' });
    const bankConsent = own.find((c) => c.purpose.startsWith('financing_application:'))!;
    expect(bankConsent).toMatchObject({ recipientId: subBranch.id, recipientNameZh: subBranch.nameZh });
  });

  it('keeps the case number on revocation, and a consent the enterprise wrote itself names no case', async () => {
    const consent = (await list(ent)).find((c) => c.purpose === `credit_bureau_query:${caseId}`)!;
    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/consents/${consent.id}/revoke`,
      headers: ent.headers,
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ state: 'revoked', caseId, caseNumber });

    const granted = await t.app.inject({
      method: 'POST',
      url: '/api/consents',
      headers: ent.headers,
      payload: { recipientId: subBranch.id, scope: 'profile', purpose: '尽职调查', expiresOn: '2027-03-01' },
    });
    expect(granted.statusCode).toBe(201);
    expect(granted.json()).toMatchObject({ caseId: null, caseNumber: null });
  });

  it("never reveals another enterprise's case number, even when a purpose names its case", async () => {
    const other = await t.loginAs('ent002');
    const granted = await t.app.inject({
      method: 'POST',
      url: '/api/consents',
      headers: other.headers,
      payload: {
        recipientId: subBranch.id,
        scope: 'profile',
        purpose: `financing_application:${caseId}`,
        expiresOn: '2027-03-01',
      },
    });
    expect(granted.statusCode).toBe(201);
    const mine = (await list(other)).find((c) => c.id === granted.json<{ id: string }>().id)!;
    expect(mine).toMatchObject({ caseId: null, caseNumber: null });
    expect((await list(other)).some((c) => c.caseNumber === caseNumber)).toBe(false);
  });
});
