import { generateDemoParties } from '@ipf/app';
import { parseYuan } from '@ipf/domain/money';
import { calculateEvaluatorQuality, type ReviewOutcome } from '@ipf/domain/valuation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_DEMO_SEED, type TestApp, type TestSession } from './testing/create-test-app.ts';

interface Evaluator {
  id: string;
  organisationId: string;
  state: string;
  version: number;
  feeShares: { enterpriseBps: number; bankBps: number; subsidyBps: number };
  quality: {
    reviewCount: number;
    confirmedCount: number;
    adjustedCount: number;
    rejectedCount: number;
    realisationCount: number;
    score: string | null;
    meanDeviationPct: string | null;
  };
  history?: { fromState: string | null; toState: string; reason: string | null }[];
  realisations?: {
    kind: string;
    valuationId: string;
    assetNumbers: string[];
    reportedValueYuan: string;
    realisedDate: string;
    realisedPriceYuan: string;
    deviationPct: string;
  }[];
}

/** 评估机构入库与动态管理 over HTTP (issue 7 item 6), on the demo city whose five firms the seeder admitted. */
describe('evaluator registry', () => {
  let t: TestApp;
  let bureau: TestSession;
  let bank: TestSession;
  let firm1: TestSession;
  let firm5: TestSession;
  const api = (session: TestSession, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: session.headers, ...(payload === undefined ? {} : { payload }) });
  const listOf = async (session: TestSession, query = '') => {
    const res = await api(session, 'GET', `/api/evaluators?pageSize=50${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Evaluator[]; total: number }>();
  };
  const ownAdmission = async (session: TestSession) => (await listOf(session)).items;
  const act = (id: string, body: object) => api(bureau, 'POST', `/api/evaluators/${id}/status`, body);
  const application = {
    licenceNumber: '深财资备〔2026〕0099号',
    certifiedValuers: [
      { name: '张评', certificateNumber: '44000123' },
      { name: '李估', certificateNumber: '44000456' },
    ],
    fields: ['专利'],
    documents: ['营业执照 DOC-1'],
  };

  beforeAll(async () => {
    t = await createTestApp();
    bureau = await t.loginAs('bureau.city');
    bank = await t.loginAs('bank01.clerk');
    firm1 = await t.loginAs('evaluator1');
    firm5 = await t.loginAs('evaluator5');
  }, 300_000);
  afterAll(async () => t.close());

  it('the demo seeder admitted the five demo firms through the use cases, each with an applied → admitted history', async () => {
    const all = await listOf(bureau);
    expect(all.items.map((e) => e.state)).toEqual([
      'admitted',
      'admitted',
      'admitted',
      'admitted',
      'admitted',
    ]);
    const detail = (await api(bureau, 'GET', `/api/evaluators/${all.items[0]!.id}`)).json<Evaluator>();
    expect(detail.history!.map((h) => [h.fromState, h.toState])).toEqual([
      [null, 'applied'],
      ['applied', 'admitted'],
    ]);
    expect(detail.quality).toMatchObject({ reviewCount: 0, score: null, meanDeviationPct: null });
  });

  it('an evaluation firm sees only its own admission; another firm’s record is not found', async () => {
    const own = await ownAdmission(firm1);
    expect(own).toHaveLength(1);
    const [other] = await ownAdmission(firm5);
    expect(own[0]!.organisationId).not.toBe(other!.organisationId);
    expect((await api(firm1, 'GET', `/api/evaluators/${other!.id}`)).statusCode).toBe(404);
  });

  it('a bank may not admit, suspend or apply (403) and reads the admitted firms only', async () => {
    const [record] = await ownAdmission(firm5);
    expect(
      (await api(bank, 'POST', `/api/evaluators/${record!.id}/status`, { action: 'suspend', reason: 'x' }))
        .statusCode,
    ).toBe(403);
    expect((await api(bank, 'POST', '/api/evaluators', application)).statusCode).toBe(403);
    expect(
      (await api(firm1, 'POST', `/api/evaluators/${record!.id}/status`, { action: 'admit' })).statusCode,
    ).toBe(403);
    expect((await listOf(bank)).total).toBe(5);
  });

  it('suspension needs a reason, hides the firm from banks, blocks a second application and can be reinstated', async () => {
    const [record] = await ownAdmission(firm5);
    const noReason = await act(record!.id, { action: 'suspend' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<{ code: string }>().code).toBe('EVALUATOR_REASON_REQUIRED');
    const suspended = await act(record!.id, {
      action: 'suspend',
      reason: '报告质量问题，暂停三个月',
      version: record!.version,
    });
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect(suspended.json<Evaluator>().state).toBe('suspended');
    expect((await listOf(bank)).items.map((e) => e.id)).not.toContain(record!.id);
    const again = await api(firm5, 'POST', '/api/evaluators', application);
    expect(again.statusCode).toBe(409);
    expect(again.json<{ code: string }>().code).toBe('EVALUATOR_ADMISSION_OPEN');
    const wrong = await act(record!.id, { action: 'admit' });
    expect(wrong.json<{ code: string }>().code).toBe('EVALUATOR_STATE_CONFLICT');
    const reinstated = await act(record!.id, { action: 'reinstate', reason: '整改完成' });
    expect(reinstated.json<Evaluator>().state).toBe('admitted');
  });

  it('a removed firm applies again; the bureau rejects with a reason, then admits a complete application with its fee sharing', async () => {
    const [record] = await ownAdmission(firm5);
    expect(
      (await act(record!.id, { action: 'remove', reason: '出具虚假报告' })).json<Evaluator>().state,
    ).toBe('removed');
    expect((await act(record!.id, { action: 'reinstate', reason: 'x' })).statusCode).toBe(409);
    const tooFew = await api(firm5, 'POST', '/api/evaluators', {
      ...application,
      certifiedValuers: [application.certifiedValuers[0]],
    });
    expect(tooFew.statusCode).toBe(400);
    const applied = await api(firm5, 'POST', '/api/evaluators', application);
    expect(applied.statusCode, applied.body).toBe(201);
    const id = applied.json<Evaluator>().id;
    expect(applied.json<Evaluator>().state).toBe('applied');
    expect((await act(id, { action: 'reject' })).statusCode).toBe(400);
    expect((await act(id, { action: 'reject', reason: '缺少职业责任保险' })).json<Evaluator>().state).toBe(
      'rejected',
    );
    // Two applications at the same moment: one is filed, the other is refused with its code (no 500).
    const racing = await Promise.all([
      api(firm5, 'POST', '/api/evaluators', application),
      api(firm5, 'POST', '/api/evaluators', application),
    ]);
    expect(racing.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const refused = racing.find((r) => r.statusCode === 409)!;
    expect(refused.json<{ code: string }>().code).toBe('EVALUATOR_ADMISSION_OPEN');
    const reapplied = racing.find((r) => r.statusCode === 201)!.json<Evaluator>();
    const badShares = await act(reapplied.id, {
      action: 'admit',
      feeShares: { enterpriseBps: 5000, bankBps: 3000, subsidyBps: 1000 },
    });
    expect(badShares.json<{ code: string }>().code).toBe('EVALUATOR_FEE_SHARES_INVALID');
    const admitted = await act(reapplied.id, {
      action: 'admit',
      feeShares: { enterpriseBps: 4000, bankBps: 4000, subsidyBps: 2000 },
    });
    expect(admitted.json<Evaluator>()).toMatchObject({
      state: 'admitted',
      feeShares: { enterpriseBps: 4000, bankBps: 4000, subsidyBps: 2000 },
    });
    const history = (await api(firm5, 'GET', `/api/evaluators/${record!.id}`)).json<Evaluator>().history!;
    expect(history.map((h) => h.toState)).toEqual([
      'applied',
      'admitted',
      'suspended',
      'admitted',
      'removed',
    ]);
    expect(history[4]!.reason).toBe('出具虚假报告');
  });

  it('quotes the fee by marginal bands and splits it among enterprise, bank and subsidy by the firm’s shares', async () => {
    const [record] = await ownAdmission(firm1);
    const res = await api(bank, 'GET', `/api/evaluators/${record!.id}/fee-quote?valueYuan=3000000.00`);
    expect(res.statusCode, res.body).toBe(200);
    // 1 m × 0.6 % + 2 m × 0.4 % = 14,000.00; shares 50 / 30 / 20.
    expect(res.json()).toMatchObject({
      feeYuan: '14000.00',
      enterpriseYuan: '7000.00',
      bankYuan: '4200.00',
      subsidyYuan: '2800.00',
      standardVersion: '2024.1',
    });
    const small = await api(bank, 'GET', `/api/evaluators/${record!.id}/fee-quote?valueYuan=100000.00`);
    expect(small.json<{ feeYuan: string }>().feeYuan).toBe('3000.00');
  });

  it('pairs a later sale of the valued asset with the firm’s formal report: a price far from the value lowers its score, a close one keeps it', async () => {
    const parties = generateDemoParties(TEST_DEMO_SEED);
    const orgOf = (login: string) => parties.users.find((u) => u.login === login)!.organisationId;
    const owner = await t.loginAs('ent001');
    const patents = (await api(owner, 'GET', '/api/ip-assets?kind=invention_patent&pageSize=200')).json<{
      items: { id: string; number: string }[];
    }>().items;
    expect(patents.length).toBeGreaterThanOrEqual(2);
    const detailOf = async (session: TestSession) => {
      const [own] = await ownAdmission(session);
      return (await api(session, 'GET', `/api/evaluators/${own!.id}`)).json<Evaluator>();
    };
    // The test clock stands at 2026-03-02: a report dated the day before, the sale on the clock's day.
    const valueAndSell = async (
      login: string,
      asset: { id: string },
      priceOf: (valueFen: bigint) => bigint,
    ) => {
      const firm = await t.loginAs(login);
      const consent = await api(owner, 'POST', '/api/consents', {
        recipientId: orgOf(login),
        scope: 'ip_assets',
        purpose: '知识产权质押融资价值评估',
        expiresOn: '2027-03-01',
      });
      expect(consent.statusCode, consent.body).toBeLessThan(300);
      const before = await detailOf(firm);
      const report = await api(firm, 'POST', '/api/valuations', {
        kind: 'formal_report',
        valuationDate: '2026-03-01',
        validUntil: '2027-02-28',
        assets: [
          {
            assetId: asset.id,
            income: {
              revenueForecastYuan: ['2000000.00', '2200000.00', '2400000.00'],
              royaltyRatePct: '5',
              attributionPct: '100',
              taxRatePct: '25',
              riskFreeRatePct: '2.5',
              riskPremia: [{ name: '技术风险', ratePct: '9.5' }],
            },
            weightsBps: { income: 10000, market: 0, cost: 0 },
          },
        ],
        pledgeRatioPct: '100',
        maxPledgeRatePct: '50',
        reportNumber: `${login}评报字〔2026〕第301号`,
        signedOn: '2026-03-01',
        valuers: [
          { name: '王评估', certificateNumber: '44000123' },
          { name: '李评估', certificateNumber: '44000456' },
        ],
      });
      expect(report.statusCode, report.body).toBe(201);
      const valuation = report.json<{ id: string; assetResults: { valueYuan: string }[] }>();
      const valueFen = parseYuan(valuation.assetResults[0]!.valueYuan);
      const priceFen = priceOf(valueFen);
      const price = `${priceFen / 100n}.${(priceFen % 100n).toString().padStart(2, '0')}`;
      const sale = await api(bureau, 'POST', '/api/ip-trades', {
        assetId: asset.id,
        kind: 'sale',
        price,
        tradeDate: '2026-03-02',
        sellerName: '深圳市卖方科技有限公司',
        buyerName: '深圳市买方实业有限公司',
        source: 'trading_centre',
      });
      expect(sale.statusCode, sale.body).toBe(201);
      // A non-exclusive licence sells a share of the right only: it is no realisation.
      const licence = await api(bureau, 'POST', '/api/ip-trades', {
        assetId: asset.id,
        kind: 'non_exclusive_licence',
        price: '1000.00',
        tradeDate: '2026-03-02',
        sellerName: '深圳市卖方科技有限公司',
        buyerName: '深圳市被许可实业有限公司',
        source: 'trading_centre',
      });
      expect(licence.statusCode, licence.body).toBe(201);
      const after = await detailOf(firm);
      return { before, after, valuationId: valuation.id, valueFen, price };
    };
    /** The score from the detail's figures, optionally as if one realisation had sold exactly at its value. */
    const scoreOf = (e: Evaluator, exactFor?: string) => {
      const outcomes: ReviewOutcome[] = [
        ...Array<ReviewOutcome>(e.quality.confirmedCount).fill('confirmed'),
        ...Array<ReviewOutcome>(e.quality.adjustedCount).fill('adjusted'),
        ...Array<ReviewOutcome>(e.quality.rejectedCount).fill('rejected'),
      ];
      return calculateEvaluatorQuality({
        reviewOutcomes: outcomes,
        realisations: e.realisations!.map((r) => ({
          kind: r.kind as 'trade' | 'disposal',
          reportedValueFen: parseYuan(r.reportedValueYuan),
          realisedPriceFen: parseYuan(r.valuationId === exactFor ? r.reportedValueYuan : r.realisedPriceYuan),
        })),
        ...(outcomes.length === 0 ? { reviewWeightBps: 0 } : {}),
      });
    };

    // Sold for a quarter of the reported value: 300 % off.
    const far = await valueAndSell('evaluator3', patents[0]!, (v) => v / 4n);
    expect(far.after.quality.realisationCount).toBe(far.before.quality.realisationCount + 1);
    const farRow = far.after.realisations!.find((r) => r.valuationId === far.valuationId)!;
    expect(farRow).toMatchObject({
      kind: 'trade',
      assetNumbers: [patents[0]!.number],
      realisedDate: '2026-03-02',
      realisedPriceYuan: far.price,
    });
    expect(parseYuan(farRow.reportedValueYuan)).toBe(far.valueFen);
    expect(Number(farRow.deviationPct)).toBeGreaterThanOrEqual(299.9);
    expect(far.after.quality.score).toBe(scoreOf(far.after).score);
    expect(far.after.quality.meanDeviationPct).toBe(scoreOf(far.after).meanDeviationPct);
    expect(Number(far.after.quality.score)).toBeLessThan(Number(far.before.quality.score ?? '100'));
    expect(Number(far.after.quality.score)).toBeLessThan(
      Number(scoreOf(far.after, far.valuationId).score) - 5,
    );

    // Sold for 2 % below the reported value (100 ÷ 102): the score gives up at most those 2 points.
    const close = await valueAndSell('evaluator4', patents[1]!, (v) => (v * 100n) / 102n);
    const closeRow = close.after.realisations!.find((r) => r.valuationId === close.valuationId)!;
    expect(Number(closeRow.deviationPct)).toBeCloseTo(2, 1);
    expect(close.after.quality.score).toBe(scoreOf(close.after).score);
    expect(
      Number(scoreOf(close.after, close.valuationId).score) - Number(close.after.quality.score),
    ).toBeLessThan(2.1);
    expect(Number(close.after.quality.score)).toBeGreaterThan(Number(far.after.quality.score));
    // Listed firms show the same count and score as their detail.
    const listed = (await listOf(bureau)).items.find((e) => e.organisationId === orgOf('evaluator4'))!;
    expect(listed.quality).toMatchObject({
      realisationCount: close.after.quality.realisationCount,
      score: close.after.quality.score,
    });
  });

  it('every change is in the audit trail with its reason', async () => {
    const res = await api(bureau, 'GET', '/api/audit-events?entityType=evaluator_admission&pageSize=200');
    expect(res.statusCode, res.body).toBe(200);
    const actions = res.json<{ items: { action: string; reason: string | null }[] }>().items;
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'evaluator.applied',
        'evaluator.admitted',
        'evaluator.suspended',
        'evaluator.removed',
        'evaluator.rejected',
        'evaluator.reinstated',
      ]),
    );
    expect(actions.find((a) => a.action === 'evaluator.removed')?.reason).toBe('出具虚假报告');
  });
});
