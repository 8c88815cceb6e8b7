import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoParties } from '@ipf/app';
import { tables } from '@ipf/db';
import { createTestApp, TEST_DEMO_SEED, type TestApp, type TestSession } from './testing/create-test-app.ts';
import { completeDueDiligence } from './testing/complete-due-diligence.ts';
import { lowRiskFacts } from './testing/low-risk-facts.ts';

type Problem = { status: number; code: string; problems: { code: string; field: string }[] };
type Case = { id: string; state: string; version: number };

describe('financing ledger part 1: application → risk → value → credit → approval, through the API', () => {
  let t: TestApp;
  let ent: TestSession;
  let clerk: TestSession;
  let approver: TestSession;
  const parties = generateDemoParties(TEST_DEMO_SEED);
  const bankUnit = parties.organisations.find((o) => o.nameZh === '银湾银行深圳南山科技支行')!;
  const headOffice = parties.organisations.find((o) => o.nameZh === '银湾银行')!;
  let productId = '';
  const eligibleAssets: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    ent = await t.loginAs('ent001');
    clerk = await t.loginAs('bank01.clerk');
    approver = await t.loginAs('bank01.approver');
    const products = await t.app.inject({
      method: 'GET',
      url: `/api/bank-products?bankId=${headOffice.id}`,
      headers: ent.headers,
    });
    expect(products.statusCode).toBe(200);
    productId = products.json<{ id: string; code: string }[]>().find((p) => p.code === 'prd-demo-ipdai')!.id;

    const assets = await t.app.inject({
      method: 'GET',
      url: '/api/ip-assets?kind=invention_patent&pageSize=200',
      headers: ent.headers,
    });
    for (const asset of assets.json<{ items: { id: string }[] }>().items) {
      const check = await t.app.inject({
        method: 'POST',
        url: `/api/ip-assets/${asset.id}/eligibility`,
        headers: ent.headers,
        payload: { debtMaturityDate: '2027-03-02', pledgeeOrganisationId: bankUnit.id },
      });
      if (check.json<{ eligible: boolean }>().eligible) eligibleAssets.push(asset.id);
    }
    expect(eligibleAssets.length).toBeGreaterThanOrEqual(2);
  });
  afterAll(async () => t.close());

  const apply = (overrides: Record<string, unknown> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: ent.headers,
      payload: {
        bankUnitId: bankUnit.id,
        productId,
        amountYuan: '1000000.00',
        termMonths: 12,
        repaymentMethod: 'annuity',
        spreadBps: 50,
        combinedModel: 'pledge_only',
        assetIds: [eligibleAssets[0]],
        consentExpiresOn: '2027-03-01',
        ...overrides,
      },
    });
  const step = (session: TestSession, caseId: string, action: string, payload: object) =>
    t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/${action}`,
      headers: session.headers,
      payload,
    });
  const goodRisk = {
    facts: lowRiskFacts,
  };
  const valuation = (assetId: string, valueYuan: string) => ({
    basis: 'formal_report',
    evaluatorName: '中衡资产评估有限公司（演示）',
    valuers: ['王评估', '李评估'],
    method: 'income',
    valuationDate: '2026-02-20',
    validUntil: '2027-02-19',
    assetValues: [{ assetId, valueYuan }],
  });

  it('takes an application through every step to approval, each state change on the timeline', async () => {
    const applied = await apply();
    expect(applied.statusCode).toBe(200);
    const caseId = applied.json<Case>().id;
    expect(applied.json<Case>().state).toBe('applied');

    expect((await step(clerk, caseId, 'due-diligence', completeDueDiligence)).statusCode).toBe(200);
    expect((await step(clerk, caseId, 'risk-evaluation', goodRisk)).json<Case>().state).toBe(
      'risk_evaluated',
    );
    expect(
      (
        await step(clerk, caseId, 'value-evaluation', valuation(eligibleAssets[0]!, '5000000.00'))
      ).json<Case>().state,
    ).toBe('value_evaluated');
    expect(
      (
        await step(clerk, caseId, 'credit-rating', { creditRating: 'A', creditLineYuan: '1000000.00' })
      ).json<Case>().state,
    ).toBe('credit_rated');

    const byClerk = await step(clerk, caseId, 'approve', {});
    expect(byClerk.statusCode).toBe(403);
    const approved = await step(approver, caseId, 'approve', { note: '同意' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json<Case>().state).toBe('approved');

    const detail = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: ent.headers });
    const timeline = JSON.stringify(detail.json());
    for (const state of ['applied', 'risk_evaluated', 'value_evaluated', 'credit_rated', 'approved'])
      expect(timeline).toContain(state);
  });

  it('hides a case from another bank: 404 by id and absent from its ledger', async () => {
    const caseId = (await apply({ assetIds: [eligibleAssets[1]] })).json<Case>().id;
    const other = await t.loginAs('bank02.clerk');
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: other.headers })).statusCode,
    ).toBe(404);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/cases?pageSize=200',
      headers: other.headers,
    });
    expect(JSON.stringify(list.json())).not.toContain(caseId);
    const own = await t.app.inject({ method: 'GET', url: '/api/cases?pageSize=200', headers: clerk.headers });
    expect(JSON.stringify(own.json())).toContain(caseId);
  });

  it('refuses an amount outside the product with a coded problem and creates nothing', async () => {
    const [before] = await t.deps.db.select({ n: count() }).from(tables.financingCases);
    const res = await apply({ amountYuan: '50000000.00', assetIds: [eligibleAssets[1]] });
    expect(res.statusCode).toBe(400);
    expect(res.json<Problem>().problems.map((p) => p.field)).toContain('amountYuan');
    const [after] = await t.deps.db.select({ n: count() }).from(tables.financingCases);
    expect(after?.n).toBe(before?.n);
  });

  it('refuses a pledge rate over the product cap and leaves the case where it was', async () => {
    const caseId = (await apply({ assetIds: [eligibleAssets[1]] })).json<Case>().id;
    await step(clerk, caseId, 'due-diligence', completeDueDiligence);
    await step(clerk, caseId, 'risk-evaluation', goodRisk);
    // 1,000,000 against a value of 2,000,000 is 50 %, over the 25 % cap for invention patents.
    const res = await step(clerk, caseId, 'value-evaluation', valuation(eligibleAssets[1]!, '2000000.00'));
    expect(res.json<Problem>().code).toBe('PLEDGE_RATE_OVER_CAP');
    const detail = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: clerk.headers });
    expect(detail.json<Case>().state).toBe('risk_evaluated');
  });

  it('requires a reason code to decline', async () => {
    const caseId = (await apply({ assetIds: [eligibleAssets[1]] })).json<Case>().id;
    await step(clerk, caseId, 'due-diligence', completeDueDiligence);
    await step(clerk, caseId, 'risk-evaluation', goodRisk);
    await step(clerk, caseId, 'value-evaluation', valuation(eligibleAssets[1]!, '5000000.00'));
    await step(clerk, caseId, 'credit-rating', { creditRating: 'BBB', creditLineYuan: '800000.00' });
    const withoutReason = await step(approver, caseId, 'decline', {});
    expect(withoutReason.statusCode).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(withoutReason.json())).toContain('DECLINE_REASON_REQUIRED');
  });

  it('lets exactly one of two approvers racing on the same case win; the other gets a coded refusal', async () => {
    const caseId = (await apply({ assetIds: [eligibleAssets[1]] })).json<Case>().id;
    await step(clerk, caseId, 'due-diligence', completeDueDiligence);
    await step(clerk, caseId, 'risk-evaluation', goodRisk);
    await step(clerk, caseId, 'value-evaluation', valuation(eligibleAssets[1]!, '5000000.00'));
    await step(clerk, caseId, 'credit-rating', { creditRating: 'A', creditLineYuan: '1000000.00' });
    const headOfficeApprover = await t.loginAs('bank01.hq');
    const results = await Promise.all([
      step(approver, caseId, 'approve', {}),
      step(headOfficeApprover, caseId, 'approve', {}),
    ]);
    const codes = results.map((r) => (r.statusCode === 200 ? 'ok' : r.json<Problem>().code)).sort();
    expect(codes[1]).toBe('ok');
    expect(['CONFLICT', 'CASE_ACTION_NOT_ALLOWED_IN_STATE']).toContain(codes[0]);
    const [approvals] = await t.deps.db
      .select({ n: count() })
      .from(tables.caseApprovals)
      .where(eq(tables.caseApprovals.caseId, caseId));
    expect(approvals?.n).toBe(1);
  });
});
