import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoParties } from '@ipf/app';
import { tables } from '@ipf/db';
import { defaultDueDiligenceChecklist } from '@ipf/domain/ledger';
import { completeDueDiligence } from './testing/complete-due-diligence.ts';
import { createTestApp, TEST_DEMO_SEED, type TestApp, type TestSession } from './testing/create-test-app.ts';
import { lowRiskFacts } from './testing/low-risk-facts.ts';

type Problem = { status: number; code: string; detail: string; problems: { code: string; field: string }[] };
type Case = { id: string; state: string; version: number };
type DueDiligence = {
  checklistId: string;
  checklistVersion: number;
  open: boolean;
  complete: boolean;
  items: {
    code: string;
    required: boolean;
    gap: string | null;
    result: { checked: boolean; evidence: string | null; checkedByName: string; checkedAt: string } | null;
  }[];
};

const goodRisk = {
  facts: lowRiskFacts,
};

describe('due-diligence checklist before the risk evaluation (尽职调查清单, issue 5 item 3)', () => {
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
    expect(eligibleAssets.length).toBeGreaterThanOrEqual(1);
  });
  afterAll(async () => t.close());

  const apply = async (assetId: string, product = productId) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: ent.headers,
      payload: {
        bankUnitId: bankUnit.id,
        productId: product,
        amountYuan: '1000000.00',
        termMonths: 12,
        repaymentMethod: 'annuity',
        spreadBps: 50,
        combinedModel: 'pledge_only',
        assetIds: [assetId],
        consentExpiresOn: '2027-03-01',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Case>().id;
  };
  const post = (session: TestSession, caseId: string, action: string, payload: object) =>
    t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/${action}`,
      headers: session.headers,
      payload,
    });
  const read = async (session: TestSession, caseId: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/due-diligence`,
      headers: session.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<DueDiligence>();
  };
  const countOf = async (caseId: string) => {
    const [evaluations] = await t.deps.db
      .select({ n: count() })
      .from(tables.caseEvaluations)
      .where(eq(tables.caseEvaluations.caseId, caseId));
    const [audit] = await t.deps.db
      .select({ n: count() })
      .from(tables.auditEvents)
      .where(
        and(eq(tables.auditEvents.entityType, 'financing_case'), eq(tables.auditEvents.entityId, caseId)),
      );
    const [row] = await t.deps.db
      .select({ state: tables.financingCases.state, version: tables.financingCases.version })
      .from(tables.financingCases)
      .where(eq(tables.financingCases.id, caseId));
    return { evaluations: evaluations?.n, audit: audit?.n, state: row?.state, version: row?.version };
  };

  it('refuses the risk evaluation while the checklist is incomplete, naming every missing item, and writes nothing', async () => {
    const caseId = await apply(eligibleAssets[0]!);
    const partial = completeDueDiligence.items.filter(
      (i) => i.itemCode !== 'site_visit' && i.itemCode !== 'annual_fees_paid',
    );
    const withoutEvidence = partial.map((i) =>
      i.itemCode === 'financial_statements' ? { itemCode: i.itemCode, checked: true } : i,
    );
    expect((await post(clerk, caseId, 'due-diligence', { items: withoutEvidence })).statusCode).toBe(200);
    const before = await countOf(caseId);

    const refused = await post(clerk, caseId, 'risk-evaluation', goodRisk);
    expect(refused.statusCode).toBe(409);
    const problem = refused.json<Problem>();
    expect(problem.code).toBe('DUE_DILIGENCE_INCOMPLETE');
    expect(problem.problems.map((p) => [p.field, p.code])).toEqual([
      ['dueDiligence.site_visit', 'DUE_DILIGENCE_ITEM_NOT_CHECKED'],
      ['dueDiligence.annual_fees_paid', 'DUE_DILIGENCE_ITEM_NOT_CHECKED'],
      ['dueDiligence.financial_statements', 'DUE_DILIGENCE_EVIDENCE_MISSING'],
    ]);
    expect(problem.detail).toContain('实地走访企业经营场所');
    const english = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/risk-evaluation`,
      headers: { ...clerk.headers, 'accept-language': 'en' },
      payload: goodRisk,
    });
    expect(english.json<Problem>().detail).toContain('outstanding');
    expect(english.json<Problem>().detail).toContain('Site visit to the business premises');
    expect(await countOf(caseId)).toEqual(before);

    const view = await read(clerk, caseId);
    expect(view.complete).toBe(false);
    expect(view.items.filter((i) => i.gap !== null).map((i) => [i.code, i.gap])).toEqual([
      ['site_visit', 'not_checked'],
      ['annual_fees_paid', 'not_checked'],
      ['financial_statements', 'evidence_missing'],
    ]);
  });

  it('records a complete checklist with its version and who checked each item, then the evaluation chain goes on', async () => {
    const caseId = await apply(eligibleAssets[0]!);
    const res = await post(clerk, caseId, 'due-diligence', completeDueDiligence);
    expect(res.statusCode, res.body).toBe(200);
    const recorded = res.json<DueDiligence>();
    expect(recorded).toMatchObject({
      checklistId: defaultDueDiligenceChecklist.checklistId,
      checklistVersion: defaultDueDiligenceChecklist.version,
      open: true,
      complete: true,
    });
    const rows = await t.deps.db
      .select()
      .from(tables.caseDueDiligenceItems)
      .where(eq(tables.caseDueDiligenceItems.caseId, caseId));
    expect(rows).toHaveLength(defaultDueDiligenceChecklist.items.length);
    const clerkRow = await t.deps.db
      .select({ id: tables.users.id, name: tables.users.displayName })
      .from(tables.users)
      .where(eq(tables.users.login, 'bank01.clerk'));
    for (const row of rows) {
      expect(row.checklistId).toBe('ip-pledge-default');
      expect(row.checklistVersion).toBe(1);
      expect(row.checkedByUserId).toBe(clerkRow[0]!.id);
      expect(row.checkedAt.toISOString()).toBe(t.clock.now().toISOString());
    }
    const audit = await t.deps.db
      .select({ action: tables.auditEvents.action })
      .from(tables.auditEvents)
      .where(eq(tables.auditEvents.entityId, caseId));
    expect(audit.map((a) => a.action)).toContain('case.due_diligence_recorded');

    const risk = await post(clerk, caseId, 'risk-evaluation', goodRisk);
    expect(risk.statusCode, risk.body).toBe(200);
    expect(risk.json<Case>().state).toBe('risk_evaluated');

    // Everyone who sees the case sees the result: the enterprise and the approver, closed for further edits.
    for (const session of [ent, approver]) {
      const view = await read(session, caseId);
      expect(view.open).toBe(false);
      expect(view.complete).toBe(true);
      expect(view.items.find((i) => i.code === 'site_visit')!.result).toMatchObject({
        checked: true,
        evidence: '测试材料 site_visit',
        checkedByName: clerkRow[0]!.name,
      });
    }
    const late = await post(clerk, caseId, 'due-diligence', completeDueDiligence);
    expect(late.statusCode).toBe(409);
    expect(late.json<Problem>().code).toBe('DUE_DILIGENCE_CLOSED');

    const value = await post(clerk, caseId, 'value-evaluation', {
      basis: 'formal_report',
      evaluatorName: '中衡资产评估有限公司（演示）',
      valuers: ['王评估', '李评估'],
      method: 'income',
      valuationDate: '2026-02-20',
      validUntil: '2027-02-19',
      assetValues: [{ assetId: eligibleAssets[0], valueYuan: '10000000.00' }],
    });
    expect(value.statusCode, value.body).toBe(200);
    expect(value.json<Case>().state).toBe('value_evaluated');
  });

  it('refuses an item the checklist does not hold and a recording by a role other than the bank clerk', async () => {
    const caseId = await apply(eligibleAssets[0]!);
    const unknown = await post(clerk, caseId, 'due-diligence', {
      items: [{ itemCode: 'horoscope', checked: true }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<Problem>().problems.map((p) => p.code)).toEqual(['DUE_DILIGENCE_ITEM_UNKNOWN']);
    expect((await post(ent, caseId, 'due-diligence', completeDueDiligence)).statusCode).toBe(403);
    const [rows] = await t.deps.db
      .select({ n: count() })
      .from(tables.caseDueDiligenceItems)
      .where(eq(tables.caseDueDiligenceItems.caseId, caseId));
    expect(rows?.n).toBe(0);
    const other = await t.loginAs('bank02.clerk');
    const hidden = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/due-diligence`,
      headers: other.headers,
    });
    expect(hidden.statusCode).toBe(404);
  });

  it('keeps a later recording of an item with its own checker and time, and the product its own checklist', async () => {
    const approverOnly = await t.app.inject({
      method: 'POST',
      url: '/api/bank-products',
      headers: approver.headers,
      payload: {
        code: 'dd-test-product',
        nameZh: '尽调测试产品',
        nameEn: 'Due-diligence test product',
        acceptedIpKinds: ['invention_patent'],
        minAmountYuan: '100000.00',
        maxAmountYuan: '5000000.00',
        minTermMonths: 6,
        maxTermMonths: 36,
        lprTenor: '1y',
        minSpreadBps: 0,
        maxSpreadBps: 300,
        repaymentMethods: ['annuity'],
        maxPledgeRateBpsByKind: { invention_patent: 5000 },
        combinedModels: ['pledge_only'],
        approvalLevels: [{ level: 1, zh: '支行', en: 'Sub-branch', maxAmountYuan: null }],
        creditCommitteeThresholdYuan: null,
        disbursementRequiresRegistration: true,
        allowsInternalEvaluationUpToYuan: null,
        dueDiligenceChecklist: {
          checklistId: 'bank01-dd',
          version: 3,
          effectiveDate: '2026-01-01',
          items: [
            { code: 'site_visit', zh: '实地走访', en: 'Site visit', required: true, evidenceRequired: true },
            {
              code: 'tax_records',
              zh: '纳税记录',
              en: 'Tax records',
              required: false,
              evidenceRequired: false,
            },
          ],
        },
      },
    });
    expect(approverOnly.statusCode, approverOnly.body).toBe(200);
    expect(approverOnly.json()).toMatchObject({
      dueDiligenceChecklistId: 'bank01-dd',
      dueDiligenceChecklistVersion: 3,
    });
    const product = approverOnly.json<{ id: string }>().id;
    const caseId = await apply(eligibleAssets[0]!, product);
    const first = await post(clerk, caseId, 'due-diligence', {
      items: [{ itemCode: 'site_visit', checked: false, note: '约定下周走访' }],
    });
    expect(first.json<DueDiligence>()).toMatchObject({ checklistId: 'bank01-dd', checklistVersion: 3 });
    expect(first.json<DueDiligence>().complete).toBe(false);
    const firstAt = t.clock.now().toISOString();
    t.clock.advance(5 * 60_000);
    const second = await post(clerk, caseId, 'due-diligence', {
      items: [{ itemCode: 'site_visit', checked: true, evidence: '走访记录 ZF-7' }],
    });
    const view = second.json<DueDiligence>();
    expect(view.complete).toBe(true);
    expect(view.items.map((i) => i.code)).toEqual(['site_visit', 'tax_records']);
    expect(view.items[0]!.result!.checkedAt).not.toBe(firstAt);
    expect(view.items[0]!.result!.checkedAt).toBe(t.clock.now().toISOString());
    expect(view.items[1]!.result).toBeNull();
  });
});
