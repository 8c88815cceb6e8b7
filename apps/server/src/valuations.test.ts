import { execFileSync } from 'node:child_process';
import { generateDemoParties } from '@ipf/app';
import { calculatePatentCheckDigit } from '@ipf/domain/ip-asset';
import { formatYuan, parseRatePct, parseYuan, type Rate } from '@ipf/domain/money';
import {
  buildDiscountRate,
  calculateCostValue,
  calculateMarketValue,
  calculateRoyaltyRelief,
  calculateSensitivityTable,
  multiplyRatios,
  ratioOf,
  reconcileValuation,
  roundRatio,
} from '@ipf/domain/valuation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_DEMO_SEED, type TestApp, type TestSession } from './testing/create-test-app.ts';
import { lowRiskFacts } from './testing/low-risk-facts.ts';

interface Indicator {
  indicator: string;
  value: string;
  contribution: string;
  overallWeightPct: string;
  source: string;
  evidence?: string;
}
interface AssetResult {
  assetId: string;
  valueYuan: string;
  standaloneValueYuan: string;
  lowYuan: string;
  highYuan: string;
  approaches: { approach: string; weightBps: number; valueYuan: string }[];
  score?: { overallScore: string; dimensions: { score: string }[]; indicators: Indicator[] };
  sensitivity?: { valuesYuan: string[][]; baseValueYuan: string };
}
interface Valuation {
  id: string;
  number: string;
  kind: string;
  valid: boolean;
  valueYuan: string;
  lowYuan: string;
  highYuan: string;
  pledgeValueYuan: string;
  maxLoanYuan: string;
  validUntil: string;
  valuers: { name: string; certificateNumber: string }[];
  assetResults: AssetResult[];
  inputs: { assets: (typeof assetInput)[] };
}

const income = {
  revenueForecastYuan: ['5000000.00', '6000000.00', '7000000.00', '7500000.00', '7500000.00'],
  royaltyRatePct: '5',
  attributionPct: '60',
  taxRatePct: '25',
  riskFreeRatePct: '2.5',
  riskPremia: [
    { name: '技术风险', ratePct: '4' },
    { name: '市场风险', ratePct: '3' },
    { name: '管理风险', ratePct: '2.5' },
  ],
};
const market = {
  comparables: [
    {
      comparableId: 'TR-2025-001',
      kind: 'trade' as const,
      priceYuan: '900000.00',
      timeFactorPct: '105',
      technologyFactorPct: '90',
    },
    {
      comparableId: 'LC-2025-007',
      kind: 'licence' as const,
      priceYuan: '750000.00',
      sizeFactorPct: '110',
      weight: 2,
    },
  ],
};
const cost = {
  reproductionCostYuan: '1500000.00',
  physicalObsolescencePct: '0',
  functionalObsolescencePct: '25',
  economicObsolescencePct: '10',
};
const assetInput = {
  assetId: '',
  income,
  market,
  cost,
  weightsBps: { income: 6000, market: 3000, cost: 1000 },
  indicatorEntries: [
    { indicator: 'unavoidability', value: 80, evidence: '检索报告 JS-2026-031' },
    { indicator: 'marketShare', value: 65, evidence: '行业协会 2025 年市场份额统计' },
  ],
  facts: { claimsCount: 12, familySize: 3, forwardCitations: 7 },
};

/** Valuations on record, the valuation report and the link to the ledger's value step (issue 7 items 1, 2, 8). */
describe('valuations on record', () => {
  let t: TestApp;
  let evaluator: TestSession;
  let otherEvaluator: TestSession;
  let clerk: TestSession;
  let otherBank: TestSession;
  let bureau: TestSession;
  let owner: TestSession;
  let unitId: string;
  let productId: string;
  let assetId: string;
  let secondAssetId: string;
  let formal: Valuation;
  const api = (session: TestSession, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: session.headers, ...(payload === undefined ? {} : { payload }) });
  const formalBody = (overrides: Record<string, unknown> = {}) => ({
    kind: 'formal_report',
    valuationDate: '2026-02-20',
    validUntil: '2027-02-19',
    assets: [{ ...assetInput, assetId }],
    pledgeRatioPct: '80',
    maxPledgeRatePct: '50',
    reportNumber: '中衡评报字〔2026〕第018号',
    signedOn: '2026-02-25',
    valuers: [
      { name: '王评估', certificateNumber: '44000123' },
      { name: '李评估', certificateNumber: '44000456' },
    ],
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestApp();
    const parties = generateDemoParties(TEST_DEMO_SEED);
    evaluator = await t.loginAs('evaluator1');
    otherEvaluator = await t.loginAs('evaluator2');
    clerk = await t.loginAs('bank01.clerk');
    otherBank = await t.loginAs('bank02.clerk');
    bureau = await t.loginAs('bureau.city');
    unitId = parties.users.find((u) => u.login === 'bank01.clerk')!.organisationId;
    const evaluatorOrgId = parties.users.find((u) => u.login === 'evaluator1')!.organisationId;
    const products = (await api(clerk, 'GET', '/api/bank-products')).json<{ id: string; code: string }[]>();
    productId = products.find((p) => p.code === 'prd-demo-ipdai')!.id;

    // An enterprise that bank02 does not know, with an invention patent bank01 could take as a pledge.
    for (const login of ['ent001', 'ent002', 'ent003', 'ent004', 'ent005', 'ent006']) {
      const enterpriseId = parties.users.find((u) => u.login === login)!.organisationId;
      if ((await api(otherBank, 'GET', `/api/enterprises/${enterpriseId}`)).statusCode !== 404) continue;
      const session = await t.loginAs(login);
      const assets = await api(session, 'GET', '/api/ip-assets?kind=invention_patent&pageSize=200');
      for (const asset of assets.json<{ items: { id: string }[] }>().items) {
        const check = await api(session, 'POST', `/api/ip-assets/${asset.id}/eligibility`, {
          debtMaturityDate: '2027-03-02',
          pledgeeOrganisationId: unitId,
        });
        if (check.json<{ eligible: boolean }>().eligible) {
          owner = session;
          assetId = asset.id;
          secondAssetId = assets.json<{ items: { id: string }[] }>().items.find((a) => a.id !== asset.id)!.id;
          break;
        }
      }
      if (owner !== undefined) break;
    }
    expect(owner, 'an enterprise unknown to bank02 with an eligible patent').toBeDefined();
    const consent = await api(owner, 'POST', '/api/consents', {
      recipientId: evaluatorOrgId,
      scope: 'ip_assets',
      purpose: '知识产权质押融资价值评估',
      expiresOn: '2027-03-01',
    });
    expect(consent.statusCode, consent.body).toBeLessThan(300);

    const created = await api(evaluator, 'POST', '/api/valuations', formalBody());
    expect(created.statusCode, created.body).toBe(201);
    formal = created.json<Valuation>();
  }, 1_200_000);
  afterAll(async () => t.close());

  it("reproduces a formal report's figures from its stored inputs with the domain functions", async () => {
    const stored = (await api(evaluator, 'GET', `/api/valuations/${formal.id}`)).json<Valuation>();
    const input = stored.inputs.assets[0]!;
    const pct = (text: string): Rate => parseRatePct(text);
    const incomeInput = {
      revenueForecastFen: input.income.revenueForecastYuan.map(parseYuan),
      royaltyRate: pct(input.income.royaltyRatePct),
      attributionShare: pct(input.income.attributionPct),
      taxRate: pct(input.income.taxRatePct),
      discountRate: buildDiscountRate({
        riskFreeRate: pct(input.income.riskFreeRatePct),
        riskPremia: input.income.riskPremia.map((p) => ({ name: p.name, rate: pct(p.ratePct) })),
      }),
    };
    const incomeValue = calculateRoyaltyRelief(incomeInput);
    const marketValue = calculateMarketValue({
      comparables: input.market.comparables.map((c) => ({
        comparableId: c.comparableId,
        kind: c.kind,
        priceFen: parseYuan(c.priceYuan),
        factors: {
          ...('timeFactorPct' in c ? { time: pct(c.timeFactorPct) } : {}),
          ...('sizeFactorPct' in c ? { size: pct(c.sizeFactorPct) } : {}),
          ...('technologyFactorPct' in c ? { technology: pct(c.technologyFactorPct) } : {}),
        },
        ...('weight' in c ? { weight: c.weight } : {}),
      })),
    });
    const costValue = calculateCostValue({
      reproductionCostFen: parseYuan(input.cost.reproductionCostYuan),
      physicalObsolescence: pct(input.cost.physicalObsolescencePct),
      functionalObsolescence: pct(input.cost.functionalObsolescencePct),
      economicObsolescence: pct(input.cost.economicObsolescencePct),
    });
    const reconciled = reconcileValuation({
      indications: [
        { approach: 'income', exactValueFen: incomeValue.exactValueFen, weightBps: 6000 },
        { approach: 'market', exactValueFen: marketValue.exactValueFen, weightBps: 3000 },
        { approach: 'cost', exactValueFen: costValue.exactValueFen, weightBps: 1000 },
      ],
      pledgeRatio: pct('80'),
      maxPledgeRate: pct('50'),
    });
    const [result] = stored.assetResults;
    expect(result!.approaches).toEqual([
      { approach: 'income', weightBps: 6000, valueYuan: formatYuan(incomeValue.valueFen) },
      { approach: 'market', weightBps: 3000, valueYuan: formatYuan(marketValue.valueFen) },
      { approach: 'cost', weightBps: 1000, valueYuan: formatYuan(costValue.valueFen) },
    ]);
    // By hand: cost 1,500,000.00 × 75 % × 90 % = 1,012,500.00.
    expect(formatYuan(costValue.valueFen)).toBe('1012500.00');
    expect(stored.valueYuan).toBe(formatYuan(reconciled.valueFen));
    expect([stored.lowYuan, stored.highYuan]).toEqual([
      formatYuan(reconciled.lowFen),
      formatYuan(reconciled.highFen),
    ]);
    const pledge = multiplyRatios(ratioOf(reconciled.valueFen), pct('80'));
    expect(stored.pledgeValueYuan).toBe(formatYuan(roundRatio(pledge, 'halfUp')));
    expect(stored.maxLoanYuan).toBe(formatYuan(roundRatio(multiplyRatios(pledge, pct('50')), 'halfUp')));
    const table = calculateSensitivityTable({
      base: incomeInput,
      discountRateStep: ratioOf(1n, 100n),
      royaltyRateStep: ratioOf(1n, 200n),
      steps: 2,
    });
    expect(result!.sensitivity!.valuesYuan).toEqual(table.valuesFen.map((row) => row.map(formatYuan)));
    expect(result!.sensitivity!.baseValueYuan).toBe(formatYuan(incomeValue.valueFen));
  });

  it('lists every one of the 27 indicators with its contribution, and the contributions add up to the score', () => {
    const score = formal.assetResults[0]!.score!;
    expect(score.indicators).toHaveLength(27);
    const hundredths = (text: string) => Math.round(Number(text) * 100);
    for (const indicator of score.indicators) expect(indicator.contribution).toMatch(/^\d+\.\d{2}$/);
    const sum = score.indicators.reduce((total, i) => total + hundredths(i.contribution), 0);
    // Each contribution is rounded once for display (±0.005): 27 of them stay within 0.14 of the exact score.
    expect(Math.abs(sum - hundredths(score.overallScore))).toBeLessThanOrEqual(14);
    expect(score.indicators.find((i) => i.indicator === 'unavoidability')).toMatchObject({
      value: '80.00',
      source: 'entered',
      evidence: '检索报告 JS-2026-031',
    });
    expect(score.indicators.find((i) => i.indicator === 'claimReasonableness')!.source).toBe('computed');
  });

  it('refuses a formal report without two certified valuers, and a bank making a formal report', async () => {
    const incomplete = await api(evaluator, 'POST', '/api/valuations', formalBody({ valuers: [] }));
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json<{ problems: { code: string }[] }>().problems[0]!.code).toBe(
      'VALUATION_FORMAL_REPORT_INCOMPLETE',
    );
    const byBank = await api(clerk, 'POST', '/api/valuations', formalBody());
    expect(byBank.statusCode).toBe(403);
    expect(byBank.json<{ code: string }>().code).toBe('VALUATION_KIND_NOT_ALLOWED');
  });

  it('lets an evaluation firm value only assets of enterprises that consented to it', async () => {
    const res = await api(otherEvaluator, 'POST', '/api/valuations', formalBody());
    expect(res.statusCode).toBe(404);
  });

  it('hides a valuation from another bank and another firm, shows it to the owner, the firm and the bureau', async () => {
    expect((await api(otherBank, 'GET', `/api/valuations/${formal.id}`)).statusCode).toBe(404);
    expect((await api(otherBank, 'GET', `/api/valuations/${formal.id}/report.pdf`)).statusCode).toBe(404);
    expect((await api(otherEvaluator, 'GET', `/api/valuations/${formal.id}`)).statusCode).toBe(404);
    const listed = await api(otherBank, 'GET', `/api/valuations?assetId=${assetId}`);
    expect(listed.json<{ total: number }>().total).toBe(0);
    for (const session of [owner, evaluator, bureau])
      expect((await api(session, 'GET', `/api/valuations/${formal.id}`)).statusCode).toBe(200);
    const mine = await api(
      owner,
      'GET',
      `/api/valuations?assetId=${assetId}&kind=formal_report&validity=valid`,
    );
    expect(mine.json<{ items: { id: string }[] }>().items.map((v) => v.id)).toContain(formal.id);
  });

  it('renders the valuation report PDF in Chinese with the figures, indicators and valuers', async () => {
    const res = await api(owner, 'GET', `/api/valuations/${formal.id}/report.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
    const grouped = (yuan: string) => yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    expect(text).toContain('知识产权资产评估报告');
    expect(text).toContain(formal.number);
    expect(text).toContain(grouped(formal.valueYuan));
    expect(text).toContain(grouped(formal.pledgeValueYuan));
    expect(text).toContain('44000123');
    expect(text).toContain('敏感性分析');
    expect(text).toContain(formal.assetResults[0]!.score!.overallScore);
  });

  it('lists the comparables a market approach used (trade, date, price, factors, adjusted price) and the entered indicators with their evidence, on the detail and in the report', async () => {
    const body = '202410765432';
    const number = `${body}.${calculatePatentCheckDigit(body)!}`;
    const trade = await api(bureau, 'POST', '/api/ip-trades', {
      ipKind: 'invention_patent',
      assetNumber: number,
      assetTitle: '一种可比的测试装置',
      ipcClasses: ['G06F 16/00'],
      kind: 'sale',
      price: '880000.00',
      tradeDate: '2025-11-18',
      sellerName: '深圳市卖方科技有限公司',
      buyerName: '深圳市买方实业有限公司',
      source: 'trading_centre',
    });
    expect(trade.statusCode, trade.body).toBe(201);
    const tradeId = trade.json<{ id: string }>().id;
    const created = await api(
      evaluator,
      'POST',
      '/api/valuations',
      formalBody({
        reportNumber: '中衡评报字〔2026〕第019号',
        assets: [
          {
            ...assetInput,
            assetId,
            market: {
              comparables: [
                {
                  comparableId: tradeId,
                  kind: 'trade',
                  priceYuan: '880000.00',
                  timeFactorPct: '104.5',
                  technologyFactorPct: '95',
                },
                market.comparables[1],
              ],
            },
          },
        ],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<Valuation>().id;
    const detail = (await api(owner, 'GET', `/api/valuations/${id}`)).json<{
      assetResults: {
        market: {
          comparables: {
            comparableId: string;
            priceYuan: string;
            factors: Record<string, string | null>;
            adjustedPriceYuan: string;
            trade: { assetNumber: string; tradeDate: string; tradeKind: string } | null;
          }[];
        };
        score: { indicators: Indicator[] };
      }[];
    }>();
    const [used, other] = detail.assetResults[0]!.market.comparables;
    // 880,000.00 × 104.5 % × 95 % = 873,620.00.
    expect(used).toMatchObject({
      comparableId: tradeId,
      priceYuan: '880000.00',
      factors: { time: '104.5', size: null, technology: '95', terms: null },
      adjustedPriceYuan: '873620.00',
      trade: { assetNumber: number, tradeDate: '2025-11-18', tradeKind: 'sale' },
    });
    // A comparable typed by hand (not a trade on record) keeps its id and has no trade.
    expect(other).toMatchObject({ comparableId: 'LC-2025-007', trade: null, factors: { size: '110' } });
    const entered = detail.assetResults[0]!.score.indicators.filter((i) => i.source === 'entered');
    expect(entered.map((i) => [i.indicator, i.value, i.evidence])).toEqual([
      ['unavoidability', '80.00', '检索报告 JS-2026-031'],
      ['marketShare', '65.00', '行业协会 2025 年市场份额统计'],
    ]);

    const pdf = await api(owner, 'GET', `/api/valuations/${id}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf.rawPayload }).toString(
      'utf8',
    );
    expect(text).toContain(number);
    expect(text.replace(/\s+/g, '')).toContain('检索报告JS-2026-031');
  });

  it('counts a licence bundled over two assets of a portfolio once', async () => {
    const costOnly = (id: string, costYuan: string) => ({
      assetId: id,
      cost: {
        reproductionCostYuan: costYuan,
        physicalObsolescencePct: '0',
        functionalObsolescencePct: '0',
        economicObsolescencePct: '0',
      },
      weightsBps: { income: 0, market: 0, cost: 10000 },
      licences: [{ licenceId: 'LIC-BUNDLE-1', valueYuan: '100000.01' }],
    });
    const res = await api(evaluator, 'POST', '/api/valuations', {
      kind: 'pre_assessment',
      valuationDate: '2026-03-01',
      validUntil: '2026-08-31',
      assets: [costOnly(assetId, '200000.00'), costOnly(secondAssetId, '300000.00')],
      pledgeRatioPct: '100',
      maxPledgeRatePct: '50',
    });
    expect(res.statusCode, res.body).toBe(201);
    const portfolio = res.json<Valuation>();
    // 200,000.00 + 300,000.00 + the licence once (100,000.01), split 50,000.01 / 50,000.00 by largest remainder.
    expect(portfolio.valueYuan).toBe('600000.01');
    expect(portfolio.assetResults.map((a) => a.valueYuan)).toEqual(['250000.01', '350000.00']);
    expect(portfolio.maxLoanYuan).toBe('300000.01');
  });

  it("takes the case's pledge value from a valid valuation and refuses an expired one", async () => {
    const applied = await api(owner, 'POST', '/api/cases', {
      bankUnitId: unitId,
      productId,
      amountYuan: '100000.00',
      termMonths: 12,
      repaymentMethod: 'annuity',
      spreadBps: 50,
      combinedModel: 'pledge_only',
      assetIds: [assetId],
      consentExpiresOn: '2027-03-01',
    });
    expect(applied.statusCode, applied.body).toBe(200);
    const caseId = applied.json<{ id: string }>().id;
    // 尽职调查: where the product has a checklist, every item is checked before the risk evaluation.
    const checklist = await api(clerk, 'GET', `/api/cases/${caseId}/due-diligence`);
    if (checklist.statusCode === 200) {
      const items = checklist.json<{ items: { code: string }[] }>().items;
      const checked = await api(clerk, 'POST', `/api/cases/${caseId}/due-diligence`, {
        items: items.map((i) => ({ itemCode: i.code, checked: true, evidence: '尽调底稿 DD-2026-001' })),
      });
      expect(checked.statusCode, checked.body).toBe(200);
    }
    const risk = await api(clerk, 'POST', `/api/cases/${caseId}/risk-evaluation`, {
      facts: lowRiskFacts,
    });
    expect(risk.statusCode, risk.body).toBe(200);

    const expired = await api(
      evaluator,
      'POST',
      '/api/valuations',
      formalBody({ valuationDate: '2025-01-10', validUntil: '2026-01-09', signedOn: '2025-01-15' }),
    );
    expect(expired.statusCode, expired.body).toBe(201);
    const refused = await api(clerk, 'POST', `/api/cases/${caseId}/value-evaluation`, {
      valuationId: expired.json<Valuation>().id,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ code: string }>().code).toBe('VALUATION_RECORD_EXPIRED');

    const linked = await api(clerk, 'POST', `/api/cases/${caseId}/value-evaluation`, {
      valuationId: formal.id,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    const evaluation = linked
      .json<{ evaluations: Record<string, unknown>[] }>()
      .evaluations.find((e) => e['step'] === 'value')!;
    expect(evaluation).toMatchObject({
      valuationId: formal.id,
      valueBasis: 'formal_report',
      valueYuan: formal.assetResults[0]!.valueYuan,
      validUntil: '2027-02-19',
      valuers: ['王评估（证书 44000123）', '李评估（证书 44000456）'],
    });
  });
});
