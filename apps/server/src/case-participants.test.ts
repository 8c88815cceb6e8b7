import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoParties } from '@ipf/app';
import { tables } from '@ipf/db';
import { createTestApp, TEST_DEMO_SEED, type TestApp, type TestSession } from './testing/create-test-app.ts';
import { completeDueDiligence } from './testing/complete-due-diligence.ts';
import { lowRiskFacts } from './testing/low-risk-facts.ts';

type Problem = { status: number; code: string; problems: { code: string; field: string }[] };
type Participant = { organisationId: string; role: string; acceptedAt: string | null };
type Case = {
  id: string;
  state: string;
  version: number;
  pledgeeKind: string;
  participants: Participant[];
  events: { action: string }[];
  evaluations: Record<string, unknown>[];
};
type Candidate = {
  id: string;
  kind: string;
  nameZh: string;
  bankLevel: string | null;
  headOfficeId: string | null;
};
type CandidatePage = { items: Candidate[]; total: number; page: number; pageSize: number };

describe('case participants: guarantor and insurer in origination, the pledgee directory, the product scorecard', () => {
  let t: TestApp;
  let ent: TestSession;
  let clerk: TestSession;
  let approver: TestSession;
  let guarantor1: TestSession;
  let guarantor2: TestSession;
  let insurer1: TestSession;
  let insurer2: TestSession;
  const parties = generateDemoParties(TEST_DEMO_SEED);
  const org = (key: string) => parties.organisations.find((o) => o.nameZh === key)!;
  const bankUnit = org('银湾银行深圳南山科技支行');
  const headOffice = org('银湾银行');
  const guarantorOrg1 = org('深圳市高新投融资担保有限公司（演示）');
  const guarantorOrg2 = org('深圳市中小企业融资担保有限公司（演示）');
  const insurerOrgs = parties.organisations.filter((o) => o.kind === 'insurer');
  let productId = '';
  let assetId = '';

  beforeAll(async () => {
    t = await createTestApp();
    ent = await t.loginAs('ent001');
    clerk = await t.loginAs('bank01.clerk');
    approver = await t.loginAs('bank01.approver');
    guarantor1 = await t.loginAs('guarantor1.user');
    guarantor2 = await t.loginAs('guarantor2.user');
    insurer1 = await t.loginAs('insurer1.user');
    insurer2 = await t.loginAs('insurer2.user');
    const products = await t.app.inject({
      method: 'GET',
      url: `/api/bank-products?bankId=${headOffice.id}`,
      headers: ent.headers,
    });
    productId = products.json<{ id: string; code: string }[]>().find((p) => p.code === 'prd-demo-ipdai')!.id;

    // An asset eligible both for the bank and for the guarantor as pledgee.
    const assets = await t.app.inject({
      method: 'GET',
      url: '/api/ip-assets?kind=invention_patent&pageSize=200',
      headers: ent.headers,
    });
    for (const asset of assets.json<{ items: { id: string }[] }>().items) {
      const eligibleFor = async (pledgeeOrganisationId: string) =>
        (
          await t.app.inject({
            method: 'POST',
            url: `/api/ip-assets/${asset.id}/eligibility`,
            headers: ent.headers,
            payload: { debtMaturityDate: '2027-03-02', pledgeeOrganisationId },
          })
        ).json<{ eligible: boolean }>().eligible;
      if ((await eligibleFor(bankUnit.id)) && (await eligibleFor(guarantorOrg1.id))) {
        assetId = asset.id;
        break;
      }
    }
    expect(assetId).not.toBe('');
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
        combinedModel: 'plus_guarantee',
        guarantorOrganisationId: guarantorOrg1.id,
        assetIds: [assetId],
        consentExpiresOn: '2027-03-01',
        ...overrides,
      },
    });
  const step = (session: TestSession, caseId: string, action: string, payload: object = {}) =>
    t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/${action}`,
      headers: session.headers,
      payload,
    });
  const read = (session: TestSession, caseId: string) =>
    t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: session.headers });
  const listIds = async (session: TestSession) =>
    (await t.app.inject({ method: 'GET', url: '/api/cases?pageSize=200', headers: session.headers }))
      .json<{ items: { id: string }[] }>()
      .items.map((c) => c.id);
  const goodRisk = {
    facts: lowRiskFacts,
  };
  const valuation = {
    basis: 'formal_report',
    evaluatorName: '中衡资产评估有限公司（演示）',
    valuers: ['王评估', '李评估'],
    method: 'income',
    valuationDate: '2026-02-20',
    validUntil: '2027-02-19',
  };
  const toCreditRated = async (caseId: string) => {
    expect((await step(clerk, caseId, 'due-diligence', completeDueDiligence)).statusCode).toBe(200);
    expect((await step(clerk, caseId, 'risk-evaluation', goodRisk)).statusCode).toBe(200);
    const valued = await step(clerk, caseId, 'value-evaluation', {
      ...valuation,
      assetValues: [{ assetId, valueYuan: '5000000.00' }],
    });
    expect(valued.statusCode).toBe(200);
    const rated = await step(clerk, caseId, 'credit-rating', {
      creditRating: 'A',
      creditLineYuan: '1000000.00',
    });
    expect(rated.json<Case>().state).toBe('credit_rated');
    return rated.json<Case>();
  };

  it('lists only active banks, guarantors and insurers, searchable by name and paged, with name, kind and id', async () => {
    const deactivated = insurerOrgs[2]!;
    await t.deps.db
      .update(tables.organisations)
      .set({ active: false })
      .where(eq(tables.organisations.id, deactivated.id));

    const all = await t.app.inject({
      method: 'GET',
      url: '/api/pledgee-candidates?pageSize=200',
      headers: ent.headers,
    });
    expect(all.statusCode).toBe(200);
    const items = all.json<CandidatePage>().items;
    expect(new Set(items.map((c) => c.kind))).toEqual(new Set(['bank', 'guarantor', 'insurer']));
    const ids = items.map((c) => c.id);
    expect(ids).toContain(bankUnit.id);
    expect(ids).toContain(guarantorOrg1.id);
    expect(ids).not.toContain(deactivated.id);
    // 再担保 (re-guarantor), evaluation firms, bureaus and enterprises are not on the directory.
    for (const o of parties.organisations.filter((p) => !['bank', 'guarantor', 'insurer'].includes(p.kind)))
      expect(ids).not.toContain(o.id);
    expect(Object.keys(items[0]!).sort()).toEqual([
      'bankLevel',
      'headOfficeId',
      'id',
      'kind',
      'nameEn',
      'nameZh',
    ]);
    expect(items.find((c) => c.id === bankUnit.id)).toMatchObject({
      bankLevel: 'sub_branch',
      headOfficeId: headOffice.id,
    });

    const guarantors = await t.app.inject({
      method: 'GET',
      url: `/api/pledgee-candidates?kinds=guarantor&q=${encodeURIComponent('高新投')}`,
      headers: ent.headers,
    });
    expect(guarantors.json<CandidatePage>().items.map((c) => c.id)).toEqual([guarantorOrg1.id]);

    const insurers = await t.app.inject({
      method: 'GET',
      url: '/api/pledgee-candidates?kinds=insurer',
      headers: ent.headers,
    });
    expect(
      insurers
        .json<CandidatePage>()
        .items.map((c) => c.id)
        .sort(),
    ).toEqual(
      insurerOrgs
        .slice(0, 2)
        .map((o) => o.id)
        .sort(),
    );

    const paged = await t.app.inject({
      method: 'GET',
      url: '/api/pledgee-candidates?kinds=bank,guarantor&pageSize=3&page=2',
      headers: ent.headers,
    });
    const page = paged.json<CandidatePage>();
    expect(page.items).toHaveLength(3);
    expect(page.total).toBe(items.filter((c) => c.kind !== 'insurer').length);

    const naming = await apply({
      combinedModel: 'plus_insurance',
      guarantorOrganisationId: undefined,
      insurerOrganisationId: deactivated.id,
    });
    expect(naming.json<Problem>().problems).toContainEqual(
      expect.objectContaining({ code: 'CASE_INSURER_INVALID', field: 'insurerOrganisationId' }),
    );
  });

  it('refuses a guarantee application without a guarantor, with an organisation of another kind, or a guarantor on a pledge-only case', async () => {
    const codes = async (overrides: Record<string, unknown>) => {
      const res = await apply(overrides);
      expect([400, 422]).toContain(res.statusCode);
      return res.json<Problem>().problems.map((p) => `${p.code}@${p.field}`);
    };
    expect(await codes({ guarantorOrganisationId: undefined })).toContain(
      'CASE_GUARANTOR_REQUIRED@guarantorOrganisationId',
    );
    expect(await codes({ guarantorOrganisationId: insurerOrgs[0]!.id })).toContain(
      'CASE_GUARANTOR_INVALID@guarantorOrganisationId',
    );
    expect(await codes({ guarantorOrganisationId: bankUnit.id })).toContain(
      'CASE_GUARANTOR_INVALID@guarantorOrganisationId',
    );
    expect(await codes({ combinedModel: 'pledge_only' })).toContain(
      'CASE_PARTICIPANT_NOT_APPLICABLE@guarantorOrganisationId',
    );
    expect(await codes({ combinedModel: 'plus_insurance', guarantorOrganisationId: undefined })).toContain(
      'CASE_INSURER_REQUIRED@insurerOrganisationId',
    );
    const [named] = await t.deps.db
      .select()
      .from(tables.caseParticipants)
      .where(eq(tables.caseParticipants.organisationId, guarantorOrg2.id));
    expect(named).toBeUndefined();
  });

  it('pledges to the guarantor (反担保), shows the case to that guarantor only, and approves only after it accepts', async () => {
    const applied = await apply();
    expect(applied.statusCode).toBe(200);
    const created = applied.json<Case>();
    expect(created.pledgeeKind).toBe('guarantor');
    expect(created.participants).toEqual([
      expect.objectContaining({ organisationId: guarantorOrg1.id, role: 'guarantor', acceptedAt: null }),
    ]);
    const caseId = created.id;

    // The named guarantor sees the case (and no case that does not name it); others see nothing.
    expect((await read(guarantor1, caseId)).statusCode).toBe(200);
    const seenByGuarantor = await listIds(guarantor1);
    expect(seenByGuarantor).toContain(caseId);
    const naming = await t.deps.db
      .select({ caseId: tables.caseParticipants.caseId })
      .from(tables.caseParticipants)
      .where(eq(tables.caseParticipants.organisationId, guarantorOrg1.id));
    expect(seenByGuarantor.sort()).toEqual(naming.map((n) => n.caseId).sort());
    const otherCase = (
      await apply({ combinedModel: 'pledge_only', guarantorOrganisationId: undefined })
    ).json<Case>();
    expect(seenByGuarantor).not.toContain(otherCase.id);
    expect((await read(guarantor1, otherCase.id)).statusCode).toBe(404);
    expect((await read(guarantor2, caseId)).statusCode).toBe(404);
    expect(await listIds(guarantor2)).not.toContain(caseId);
    expect((await read(insurer1, caseId)).statusCode).toBe(404);
    const otherBank = await t.loginAs('bank02.clerk');
    expect((await read(otherBank, caseId)).statusCode).toBe(404);
    expect(await listIds(otherBank)).not.toContain(caseId);

    const rated = await toCreditRated(caseId);
    const refused = await step(approver, caseId, 'approve', {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json<Problem>().code).toBe('GUARANTEE_NOT_ACCEPTED');

    // Only the named guarantor accepts: another guarantor cannot find the case, an insurer may not accept guarantees.
    expect((await step(guarantor2, caseId, 'accept-guarantee')).statusCode).toBe(404);
    expect((await step(insurer1, caseId, 'accept-guarantee')).statusCode).toBe(403);
    expect((await step(insurer1, caseId, 'accept-insurance')).statusCode).toBe(404);
    expect((await step(clerk, caseId, 'accept-guarantee')).statusCode).toBe(403);

    const accepted = await step(guarantor1, caseId, 'accept-guarantee', {
      version: rated.version,
      note: '同意承保',
    });
    expect(accepted.statusCode).toBe(200);
    const afterAccept = accepted.json<Case>();
    expect(afterAccept.state).toBe('credit_rated');
    expect(afterAccept.participants[0]!.acceptedAt).not.toBeNull();
    expect(afterAccept.events.map((e) => e.action)).toContain('accept_guarantee');
    const again = await step(guarantor1, caseId, 'accept-guarantee');
    expect(again.json<Problem>().code).toBe('CASE_PARTICIPANT_ALREADY_ACCEPTED');

    const approved = await step(approver, caseId, 'approve', {});
    expect(approved.statusCode).toBe(200);
    expect(approved.json<Case>().state).toBe('approved');
    const audit = await t.deps.db
      .select({ action: tables.auditEvents.action })
      .from(tables.auditEvents)
      .where(eq(tables.auditEvents.entityId, caseId));
    expect(audit.map((a) => a.action)).toContain('case.accept_guarantee');
  });

  it('lets only the named insurer accept an insurance case, and only once the case is evaluated', async () => {
    const applied = await apply({
      combinedModel: 'plus_insurance',
      guarantorOrganisationId: undefined,
      insurerOrganisationId: insurerOrgs[0]!.id,
    });
    expect(applied.statusCode).toBe(200);
    const created = applied.json<Case>();
    expect(created.pledgeeKind).toBe('bank');
    const caseId = created.id;
    expect((await read(insurer1, caseId)).statusCode).toBe(200);
    expect((await read(insurer2, caseId)).statusCode).toBe(404);
    expect((await read(guarantor1, caseId)).statusCode).toBe(404);

    const tooEarly = await step(insurer1, caseId, 'accept-insurance');
    expect(tooEarly.json<Problem>().code).toBe('CASE_ACTION_NOT_ALLOWED_IN_STATE');
    await toCreditRated(caseId);
    expect((await step(approver, caseId, 'approve')).json<Problem>().code).toBe('INSURANCE_NOT_ACCEPTED');
    expect((await step(insurer2, caseId, 'accept-insurance')).statusCode).toBe(404);
    expect((await step(insurer1, caseId, 'accept-insurance')).statusCode).toBe(200);
    expect((await step(approver, caseId, 'approve')).json<Case>().state).toBe('approved');
  });

  it("scores the risk evaluation with the product's own scorecard: two products, same facts, different scores", async () => {
    const strictCard = {
      scorecardId: 'bank01-strict',
      version: 3,
      effectiveDate: '2026-01-01',
      baseScore: 50,
      passScore: 70,
      referScore: 55,
      rules: [
        {
          ruleId: 'high_tech',
          zh: '国家高新技术企业',
          en: 'High-tech enterprise',
          condition: { fact: 'isHighTechEnterprise', operator: 'is', value: true },
          points: 10,
        },
        {
          ruleId: 'growth',
          zh: '营业收入增长率不低于15%',
          en: 'Revenue growth of 15 % or more',
          condition: { fact: 'revenueGrowthPct', operator: '>=', threshold: 15 },
          points: 5,
        },
      ],
    };
    const productBody = {
      code: 'h4-strict-scorecard',
      nameZh: '严格评分知识产权贷（测试）',
      nameEn: 'Strict-scorecard IP loan (test)',
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
      approvalLevels: [{ level: 1, zh: '支行审批', en: 'Sub-branch', maxAmountYuan: null }],
      creditCommitteeThresholdYuan: null,
      disbursementRequiresRegistration: true,
      allowsInternalEvaluationUpToYuan: null,
    };
    const badCard = await t.app.inject({
      method: 'POST',
      url: '/api/bank-products',
      headers: approver.headers,
      payload: { ...productBody, code: 'h4-bad-card', riskScorecard: { ...strictCard, referScore: 80 } },
    });
    expect(badCard.json<Problem>().problems.map((p) => p.field)).toContain('riskScorecard.referScore');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/bank-products',
      headers: approver.headers,
      payload: { ...productBody, riskScorecard: strictCard },
    });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ riskScorecardId: 'bank01-strict', riskScorecardVersion: 3 });

    const score = async (product: string) => {
      const caseId = (
        await apply({ productId: product, combinedModel: 'pledge_only', guarantorOrganisationId: undefined })
      ).json<Case>().id;
      await step(clerk, caseId, 'due-diligence', completeDueDiligence);
      const res = await step(clerk, caseId, 'risk-evaluation', goodRisk);
      expect(res.statusCode).toBe(200);
      const body = res.json<Case & { risk: { scorecardId: string; score: number; outcome: string } }>();
      return { risk: body.risk, evaluation: body.evaluations.find((e) => e['step'] === 'risk')! };
    };
    const demo = await score(productId);
    const strict = await score(created.json<{ id: string }>().id);
    // Demo scorecard: 60 + 5 (≥ 5 years) + 5 (growth ≥ 10 %) + 5 (high-tech) + 5 (whitelist) + 5 (tax A) + 5 (patents).
    expect(demo.risk).toMatchObject({ scorecardId: 'demo-2026', score: 90, outcome: 'pass' });
    // Strict scorecard: 50 + 10 (high-tech) + 5 (growth ≥ 15 %) = 65, between refer (55) and pass (70).
    expect(strict.risk).toMatchObject({ scorecardId: 'bank01-strict', score: 65, outcome: 'refer' });
    expect(demo.evaluation).toMatchObject({ riskScorecardId: 'demo-2026', riskScorecardVersion: 1 });
    expect(strict.evaluation).toMatchObject({ riskScorecardId: 'bank01-strict', riskScorecardVersion: 3 });
  });
});
