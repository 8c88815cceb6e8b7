import { and, desc, eq } from 'drizzle-orm';
import { generateDemoParties } from '@ipf/app';
import { tables } from '@ipf/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_DEMO_SEED, type TestApp, type TestSession } from './testing/create-test-app.ts';
import { prepareRegisteredCases, type RegisteredCase } from './testing/registered-case.ts';

/**
 * 押品重估 from a valuation on record (issue 7 item 2: "the ledger case records which value its pledge rate
 * uses"), on cases registered through the real use cases on 2026-03-02.
 */
describe('revaluation of the pledged IP from a valuation on record', () => {
  let t: TestApp;
  let clerk: TestSession;
  let expiryCase: RegisteredCase;
  let otherCase: RegisteredCase;
  const api = (session: TestSession, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: session.headers, ...(payload === undefined ? {} : { payload }) });

  beforeAll(async () => {
    t = await createTestApp();
    const factory = await prepareRegisteredCases(t);
    expiryCase = await factory.registeredCase();
    otherCase = await factory.registeredCase();
    clerk = factory.clerk;
  }, 1_200_000);
  afterAll(async () => t.close());

  it('a revaluation takes its values from a valid valuation on record of the pledged asset, and the case keeps which one', async () => {
    const firm = await t.loginAs('evaluator1');
    const firmId = generateDemoParties(TEST_DEMO_SEED).users.find(
      (u) => u.login === 'evaluator1',
    )!.organisationId;
    const consent = await api(expiryCase.enterprise, 'POST', '/api/consents', {
      recipientId: firmId,
      scope: 'ip_assets',
      purpose: '知识产权质押融资押品重估',
      expiresOn: '2027-03-01',
    });
    expect(consent.statusCode, consent.body).toBeLessThan(300);
    const body = (kind: string, assetId: string) => ({
      kind,
      valuationDate: '2026-03-01',
      validUntil: '2027-02-28',
      assets: [
        {
          assetId,
          income: {
            revenueForecastYuan: ['3000000.00', '3300000.00', '3600000.00', '3600000.00'],
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
      ...(kind === 'formal_report'
        ? {
            reportNumber: '中衡评报字〔2026〕第077号',
            signedOn: '2026-03-01',
            valuers: [
              { name: '王评估', certificateNumber: '44000123' },
              { name: '李评估', certificateNumber: '44000456' },
            ],
          }
        : {}),
    });
    const report = await api(firm, 'POST', '/api/valuations', body('formal_report', expiryCase.assetId));
    expect(report.statusCode, report.body).toBe(201);
    const valuation = report.json<{ id: string; number: string; valueYuan: string }>();
    const preAssessment = await api(
      expiryCase.enterprise,
      'POST',
      '/api/valuations',
      body('pre_assessment', expiryCase.assetId),
    );
    expect(preAssessment.statusCode, preAssessment.body).toBe(201);

    const refused = await api(clerk, 'POST', `/api/cases/${expiryCase.caseId}/revaluations`, {
      valuationId: preAssessment.json<{ id: string }>().id,
    });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json<{ code: string }>().code).toBe('VALUATION_RECORD_KIND_NOT_USABLE');
    const mismatch = await api(clerk, 'POST', `/api/cases/${otherCase.caseId}/revaluations`, {
      valuationId: valuation.id,
    });
    expect(mismatch.json<{ code: string }>().code).toBe('VALUATION_RECORD_ASSETS_MISMATCH');
    const nothing = await api(clerk, 'POST', `/api/cases/${expiryCase.caseId}/revaluations`, {});
    expect(nothing.statusCode).toBe(400);

    const revalued = await api(clerk, 'POST', `/api/cases/${expiryCase.caseId}/revaluations`, {
      valuationId: valuation.id,
    });
    expect(revalued.statusCode, revalued.body).toBe(200);
    const [step] = await t.handle.db
      .select()
      .from(tables.caseEvaluations)
      .where(
        and(
          eq(tables.caseEvaluations.caseId, expiryCase.caseId),
          eq(tables.caseEvaluations.step, 'revaluation'),
        ),
      )
      .orderBy(desc(tables.caseEvaluations.recordedAt))
      .limit(1);
    expect(step).toMatchObject({
      valuationId: valuation.id,
      valueBasis: 'formal_report',
      valuationDate: '2026-03-01',
      validUntil: '2027-02-28',
    });
    expect(step!.valueFen!.toString()).toBe(valuation.valueYuan.replace('.', ''));
    expect(step!.assetValues).toEqual([
      expect.objectContaining({ assetId: expiryCase.assetId, valueFen: step!.valueFen!.toString() }),
    ]);
    // 1,000,000.00 ÷ the report's value, percent, two decimals half up.
    const valueFen = step!.valueFen!;
    const bp = (100_000_000n * 20_000n + valueFen) / (2n * valueFen);
    expect(step!.pledgeRatePct).toBe(`${bp / 100n}.${(bp % 100n).toString().padStart(2, '0')}`);
  });
});
