import { readFileSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { generateDemoParties } from '@ipf/app';
import { tables } from '@ipf/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeDueDiligence } from './testing/complete-due-diligence.ts';
import { createTestApp, TEST_DEMO_SEED, type TestApp, type TestSession } from './testing/create-test-app.ts';
import { lowRiskFacts } from './testing/low-risk-facts.ts';

type Notice = { kind: string; params: Record<string, string>; link: string | null };
type CaseDetail = {
  id: string;
  caseNumber: string;
  participants: { organisationId: string; role: string; acceptedAt: string | null }[];
  evaluations: { step: string; evaluatorName: string | null }[];
};

/** A formal report body of one asset (income approach only), valued on 2026-03-01 and valid for a year. */
const formalReport = (assetId: string, reportNumber: string) => ({
  kind: 'formal_report',
  valuationDate: '2026-03-01',
  validUntil: '2027-02-28',
  assets: [
    {
      assetId,
      income: {
        revenueForecastYuan: ['6000000.00', '6600000.00', '7200000.00', '7200000.00'],
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
  reportNumber,
  signedOn: '2026-03-01',
  valuers: [
    { name: '王评估', certificateNumber: '44000123' },
    { name: '李评估', certificateNumber: '44000456' },
  ],
});

/**
 * 评估机构参与案件 (issue 9 item 1: the payee institution records the fee on a case it takes part in; access.md
 * "Case parties"): the firm whose report the bank's value step adopts becomes the case's evaluator, sees the case
 * and records its evaluation fee; another firm sees nothing. Cases driven through the real HTTP use cases of
 * bank01 on 2026-03-02, up to the value step.
 */
describe('evaluation firms take part in the cases whose value step adopted their report', () => {
  let t: TestApp;
  let clerk: TestSession;
  let bureau: TestSession;
  let unitId: string;
  let productId: string;
  const firm: TestSession[] = [];
  const firmId: string[] = [];
  const firmUserId: string[] = [];
  /** Eligible invention patents with their owners' sessions, one per case. */
  const free: { owner: TestSession; assetId: string }[] = [];
  const parties = generateDemoParties(TEST_DEMO_SEED);
  const api = (session: TestSession, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: session.headers, ...(payload === undefined ? {} : { payload }) });
  const notices = async (session: TestSession) =>
    (await api(session, 'GET', '/api/notifications?pageSize=100')).json<{ items: Notice[] }>().items;
  const listed = async (session: TestSession) =>
    (await api(session, 'GET', '/api/cases?pageSize=100'))
      .json<{ items: { id: string }[] }>()
      .items.map((c) => c.id);
  const evaluatorOf = async (caseId: string) =>
    t.handle.db
      .select()
      .from(tables.caseParticipants)
      .where(and(eq(tables.caseParticipants.caseId, caseId), eq(tables.caseParticipants.role, 'evaluator')));

  /** Applies for 100,000.00 on the next free patent and records due diligence and the risk evaluation. */
  async function caseAtValueStep(): Promise<{ caseId: string; assetId: string; owner: TestSession }> {
    const { owner, assetId } = free.shift()!;
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
    const dd = await api(clerk, 'POST', `/api/cases/${caseId}/due-diligence`, completeDueDiligence);
    expect(dd.statusCode, dd.body).toBe(200);
    const risk = await api(clerk, 'POST', `/api/cases/${caseId}/risk-evaluation`, {
      facts: lowRiskFacts,
    });
    expect(risk.statusCode, risk.body).toBe(200);
    return { caseId, assetId, owner };
  }

  /** The firm's formal report of the asset, made on the platform after the owner's consent. */
  async function reportOf(n: number, owner: TestSession, assetId: string, reportNumber: string) {
    const consent = await api(owner, 'POST', '/api/consents', {
      recipientId: firmId[n]!,
      scope: 'ip_assets',
      purpose: '知识产权质押融资价值评估',
      expiresOn: '2027-03-01',
    });
    expect(consent.statusCode, consent.body).toBeLessThan(300);
    const report = await api(firm[n]!, 'POST', '/api/valuations', formalReport(assetId, reportNumber));
    expect(report.statusCode, report.body).toBe(201);
    return report.json<{ id: string }>().id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    clerk = await t.loginAs('bank01.clerk');
    bureau = await t.loginAs('bureau.city');
    for (let n = 1; n <= 5; n += 1) {
      const user = parties.users.find((u) => u.login === `evaluator${n}`)!;
      firm[n] = await t.loginAs(user.login);
      firmId[n] = user.organisationId;
      const [row] = await t.handle.db
        .select({ id: tables.users.id })
        .from(tables.users)
        .where(eq(tables.users.login, user.login));
      firmUserId[n] = row!.id;
    }
    unitId = parties.users.find((u) => u.login === 'bank01.clerk')!.organisationId;
    const products = (await api(clerk, 'GET', '/api/bank-products')).json<{ id: string; code: string }[]>();
    productId = products.find((p) => p.code === 'prd-demo-ipdai')!.id;
    for (const login of ['ent001', 'ent002', 'ent003']) {
      const owner = await t.loginAs(login);
      const assets = await api(owner, 'GET', '/api/ip-assets?kind=invention_patent&pageSize=200');
      for (const asset of assets.json<{ items: { id: string }[] }>().items) {
        const check = await api(owner, 'POST', `/api/ip-assets/${asset.id}/eligibility`, {
          debtMaturityDate: '2027-03-02',
          pledgeeOrganisationId: unitId,
        });
        if (check.json<{ eligible: boolean }>().eligible) free.push({ owner, assetId: asset.id });
        if (free.length >= 2) break;
      }
      if (free.length >= 2) break;
    }
    expect(free.length, 'two eligible invention patents').toBe(2);
  }, 1_200_000);
  afterAll(async () => t.close());

  it("a firm's report adopted by the value step lets the firm see the case and record its fee; the participant moves with a later report; the backfill restores it", async () => {
    const { caseId, assetId, owner } = await caseAtValueStep();
    const first = await reportOf(1, owner, assetId, '中衡评报字〔2026〕第101号');
    expect(await listed(firm[1]!)).not.toContain(caseId);

    const valued = await api(clerk, 'POST', `/api/cases/${caseId}/value-evaluation`, { valuationId: first });
    expect(valued.statusCode, valued.body).toBe(200);
    const detail = valued.json<CaseDetail>();
    expect(detail.participants.filter((p) => p.role === 'evaluator')).toEqual([
      expect.objectContaining({ organisationId: firmId[1], acceptedAt: t.clock.now().toISOString() }),
    ]);
    const [row] = await evaluatorOf(caseId);
    expect(row).toMatchObject({ organisationId: firmId[1], acceptedByUserId: firmUserId[1] });

    // The firm sees the case in its list and its detail, and records the evaluation fee it was paid.
    expect(await listed(firm[1]!)).toContain(caseId);
    expect((await api(firm[1]!, 'GET', `/api/cases/${caseId}`)).statusCode).toBe(200);
    const fee = {
      kind: 'evaluation_fee',
      amountYuan: '3000.00',
      paidDate: '2026-03-02',
      invoiceNumber: 'FP-2026-0101',
    };
    const recorded = await api(firm[1]!, 'POST', `/api/cases/${caseId}/fee-payments`, fee);
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({ payeeOrganisationId: firmId[1], recordedBy: 'payee' });

    // Another firm neither sees the case nor records a fee on it.
    expect(await listed(firm[2]!)).not.toContain(caseId);
    expect((await api(firm[2]!, 'GET', `/api/cases/${caseId}`)).statusCode).toBe(404);
    const stranger = await api(firm[2]!, 'POST', `/api/cases/${caseId}/fee-payments`, {
      ...fee,
      invoiceNumber: 'FP-2026-0202',
    });
    expect(stranger.statusCode, stranger.body).toBe(404);

    // The firm is told, with a link to 费用缴付 with the case chosen.
    const told = (await notices(firm[1]!)).filter((n) => n.kind === 'case_evaluator.assigned');
    expect(told.map((n) => [n.params['caseNumber'], n.link])).toEqual([
      [detail.caseNumber, `/fee-payments?caseId=${caseId}`],
    ]);
    expect((await notices(firm[2]!)).filter((n) => n.kind === 'case_evaluator.assigned')).toEqual([]);

    // The audit event of the step names the evaluator it made.
    const [audit] = await t.handle.db
      .select()
      .from(tables.auditEvents)
      .where(
        and(
          eq(tables.auditEvents.action, 'case.record_value_evaluation'),
          eq(tables.auditEvents.entityId, caseId),
        ),
      );
    expect(audit!.before).toMatchObject({ evaluatorOrganisationId: null, state: 'risk_evaluated' });
    expect(audit!.after).toMatchObject({ evaluatorOrganisationId: firmId[1], state: 'value_evaluated' });

    // The state table records the value step once (风险评测 → 价值评估); to record it again the case is put back
    // by hand here, as a future return-for-re-evaluation step would, and the bank adopts a second firm's report.
    const second = await reportOf(2, owner, assetId, '鹏信评报字〔2026〕第202号');
    await t.handle.db
      .update(tables.financingCases)
      .set({ state: 'risk_evaluated' })
      .where(eq(tables.financingCases.id, caseId));
    t.clock.advance(60_000);
    const again = await api(clerk, 'POST', `/api/cases/${caseId}/value-evaluation`, { valuationId: second });
    expect(again.statusCode, again.body).toBe(200);
    expect(await evaluatorOf(caseId)).toEqual([
      expect.objectContaining({ organisationId: firmId[2], acceptedByUserId: firmUserId[2] }),
    ]);
    expect(await listed(firm[2]!)).toContain(caseId);
    expect(await listed(firm[1]!)).not.toContain(caseId);
    expect((await api(firm[1]!, 'GET', `/api/cases/${caseId}`)).statusCode).toBe(404);
    expect(
      (await notices(firm[2]!)).filter(
        (n) => n.kind === 'case_evaluator.assigned' && n.link === `/fee-payments?caseId=${caseId}`,
      ),
    ).toHaveLength(1);
    // The earlier firm's fee stays on record.
    const fees = await t.handle.db
      .select()
      .from(tables.feePayments)
      .where(eq(tables.feePayments.caseId, caseId));
    expect(fees.map((f) => [f.payeeOrganisationId, f.amountFen])).toEqual([[firmId[1], 300_000n]]);

    // Migration 0027 backfills a case valued before this change: the latest value step's firm, by its signer.
    await t.handle.db
      .delete(tables.caseParticipants)
      .where(and(eq(tables.caseParticipants.caseId, caseId), eq(tables.caseParticipants.role, 'evaluator')));
    const backfill = readFileSync(
      new URL('../../../packages/db/migrations/0027_evaluator_case_participants.sql', import.meta.url),
      'utf8',
    );
    await t.handle.db.execute(sql.raw(backfill));
    expect(await evaluatorOf(caseId)).toEqual([
      expect.objectContaining({ organisationId: firmId[2], acceptedByUserId: firmUserId[2] }),
    ]);
    // Run again, it adds nothing (a case with an evaluator is left alone).
    await t.handle.db.execute(sql.raw(backfill));
    expect(await evaluatorOf(caseId)).toHaveLength(1);
  });

  it('a formal report entered by hand names an admitted firm on the registry, and refuses any other organisation', async () => {
    const { caseId, assetId } = await caseAtValueStep();
    const typed = (extra: object) => ({
      basis: 'formal_report',
      valuers: ['王评估', '李评估'],
      method: 'income',
      valuationDate: '2026-03-01',
      validUntil: '2027-02-28',
      assetValues: [{ assetId, valueYuan: '500000.00' }],
      ...extra,
    });

    // A guarantor is no evaluation firm; a firm suspended on the registry is no longer admitted.
    const guarantorId = parties.users.find((u) => u.login === 'guarantor1.user')!.organisationId;
    const notFirm = await api(clerk, 'POST', `/api/cases/${caseId}/value-evaluation`, {
      ...typed({ evaluatorOrganisationId: guarantorId }),
    });
    expect(notFirm.statusCode, notFirm.body).toBe(422);
    expect(notFirm.json<{ code: string }>().code).toBe('CASE_EVALUATOR_NOT_ADMITTED');
    const admissions = await api(bureau, 'GET', '/api/evaluators?state=admitted&pageSize=100');
    const admission = admissions
      .json<{ items: { id: string; organisationId: string }[] }>()
      .items.find((a) => a.organisationId === firmId[5])!;
    const suspended = await api(bureau, 'POST', `/api/evaluators/${admission.id}/status`, {
      action: 'suspend',
      reason: '复核中报告被否定，暂停接受委托',
    });
    expect(suspended.statusCode, suspended.body).toBe(200);
    const notAdmitted = await api(clerk, 'POST', `/api/cases/${caseId}/value-evaluation`, {
      ...typed({ evaluatorOrganisationId: firmId[5] }),
    });
    expect(notAdmitted.statusCode, notAdmitted.body).toBe(422);
    expect(notAdmitted.json<{ code: string }>().code).toBe('CASE_EVALUATOR_NOT_ADMITTED');
    expect(await evaluatorOf(caseId)).toEqual([]);
    // A firm is named only for a formal report typed in.
    const internal = await api(clerk, 'POST', `/api/cases/${caseId}/value-evaluation`, {
      ...typed({ basis: 'internal_evaluation', evaluatorOrganisationId: firmId[3] }),
    });
    expect(internal.statusCode, internal.body).toBe(400);

    const named = await api(clerk, 'POST', `/api/cases/${caseId}/value-evaluation`, {
      ...typed({ evaluatorOrganisationId: firmId[3], evaluatorName: '随手填写的名称' }),
    });
    expect(named.statusCode, named.body).toBe(200);
    const detail = named.json<CaseDetail>();
    const firmName = parties.organisations.find((o) => o.id === firmId[3])!.nameZh;
    expect(detail.evaluations.find((e) => e.step === 'value')!.evaluatorName).toBe(firmName);
    expect(await evaluatorOf(caseId)).toEqual([
      expect.objectContaining({ organisationId: firmId[3], acceptedByUserId: null }),
    ]);
    expect(await listed(firm[3]!)).toContain(caseId);
    const recorded = await api(firm[3]!, 'POST', `/api/cases/${caseId}/fee-payments`, {
      kind: 'evaluation_fee',
      amountYuan: '2500.00',
      paidDate: '2026-03-02',
      invoiceNumber: 'FP-2026-0303',
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(
      (await notices(firm[3]!)).filter(
        (n) => n.kind === 'case_evaluator.assigned' && n.link === `/fee-payments?caseId=${caseId}`,
      ),
    ).toHaveLength(1);
  });
});
