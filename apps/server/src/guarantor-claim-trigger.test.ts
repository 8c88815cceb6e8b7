import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoParties } from '@ipf/app';
import { tables } from '@ipf/db';
import { createTestApp, TEST_DEMO_SEED, type TestApp, type TestSession } from './testing/create-test-app.ts';
import { prepareRegisteredCases } from './testing/registered-case.ts';

type Problem = { status: number; code: string; title: string };
type CaseClaims = { caseState: string; filingOpen: boolean };

/**
 * 代偿触发 (issue 8): a guarantee usually obliges the guarantor to pay once the loan is N days overdue, before any
 * non-performing classification. A loan of 1,000,000.00 disbursed on 2026-03-02 with nothing repaid has its first
 * instalment (2026-04-02) 89 days past due on 2026-06-30 and 90 days on 2026-07-01; its guarantee's product says 90.
 */
describe('guarantor claim trigger: 代偿 from overdue once the guarantee’s N days are reached (N−1 refused, N allowed)', () => {
  let t: TestApp;
  let caseId = '';
  const parties = generateDemoParties(TEST_DEMO_SEED);
  const orgOf = (login: string) => parties.users.find((u) => u.login === login)!.organisationId;

  const api = (session: TestSession, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: session.headers, ...(payload === undefined ? {} : { payload }) });

  /** Moves the clock to 10:00 Shanghai of `date` and runs the daily servicing job through that day. */
  async function serviceThrough(date: string): Promise<void> {
    t.clock.advance(Date.parse(`${date}T02:00:00.000Z`) - t.clock.now().getTime());
    const admin = await t.loginAs('admin');
    const run = await api(admin, 'POST', '/api/servicing/daily-runs', { businessDate: date });
    expect(run.statusCode, run.body).toBe(200);
  }

  beforeAll(async () => {
    t = await createTestApp();
    const factory = await prepareRegisteredCases(t);
    const guarantor = await t.loginAs('guarantor1.user');
    const product = await api(guarantor, 'POST', '/api/guarantee-products', {
      code: 'IP-90D',
      nameZh: '知识产权质押融资担保（逾期90天代偿）',
      nameEn: 'IP pledge loan guarantee (pays at 90 days overdue)',
      coverageShareBps: 8000,
      feeRateBps: 100,
      compensationOverdueDays: 90,
    });
    expect(product.statusCode, product.body).toBe(200);
    const c = await factory.registeredCase();
    caseId = c.caseId;
    // The guarantee on record, with the product's trigger copied, as the guarantor records it before disbursement
    // (fixture written directly: the registered-case factory drives pledge-only cases).
    await t.deps.db.insert(tables.guarantees).values({
      id: randomUUID(),
      caseId,
      guarantorId: orgOf('guarantor1.user'),
      productId: product.json<{ id: string }>().id,
      contractNumber: `DB-TRIGGER-${caseId.slice(0, 8)}`,
      guaranteedPrincipalFen: 100_000_000n,
      coveredShareBps: 8000,
      feeRateBps: 100,
      feeFen: 1_000_000n,
      compensationOverdueDays: 90,
      state: 'active',
      acceptedByUserId: (await t.deps.db.select({ id: tables.users.id }).from(tables.users).limit(1))[0]!.id,
      createdAt: t.clock.now(),
      updatedAt: t.clock.now(),
    });
    const disbursed = await api(factory.clerk, 'POST', `/api/cases/${caseId}/disbursement`, {});
    expect(disbursed.statusCode, disbursed.body).toBe(200);
  }, 300_000);
  afterAll(async () => t.close());

  it('a guarantor product names its trigger; a change to it leaves the guarantees on record alone', async () => {
    const guarantor = await t.loginAs('guarantor1.user');
    const page = (await api(guarantor, 'GET', '/api/guarantee-products?pageSize=50')).json<{
      items: { id: string; code: string; compensationOverdueDays: number | null; version: number }[];
    }>();
    const product = page.items.find((p) => p.code === 'IP-90D')!;
    expect(product.compensationOverdueDays).toBe(90);
    // The demo product carries the demo seed's trigger; the one made here its own.
    expect(page.items.find((p) => p.code === 'IP-SME')?.compensationOverdueDays).toBe(90);
    const changed = await api(guarantor, 'PATCH', `/api/guarantee-products/${product.id}`, {
      compensationOverdueDays: 60,
      version: product.version,
    });
    expect(changed.json<{ compensationOverdueDays: number }>().compensationOverdueDays).toBe(60);
    const guarantees = (await api(guarantor, 'GET', '/api/guarantees?pageSize=50')).json<{
      items: { caseId: string; compensationOverdueDays: number | null }[];
    }>();
    expect(guarantees.items.find((g) => g.caseId === caseId)?.compensationOverdueDays).toBe(90);
  });

  it('refuses 代偿 on day 89 overdue with the days named, and any other payer before default', async () => {
    await serviceThrough('2026-06-30');
    const clerk = await t.loginAs('bank01.clerk');
    const claims = (await api(clerk, 'GET', `/api/cases/${caseId}/risk-claims`)).json<CaseClaims>();
    expect(claims).toMatchObject({ caseState: 'overdue', filingOpen: false });
    const early = await api(clerk, 'POST', `/api/cases/${caseId}/risk-claims`, { payerRole: 'guarantor' });
    expect(early.statusCode).toBe(409);
    expect(early.json<Problem>()).toMatchObject({
      code: 'CLAIM_GUARANTEE_TRIGGER_NOT_REACHED',
      title: '贷款已逾期 89 天：担保合同约定逾期满 90 天（或认定不良）后方可向担保机构申请代偿。',
    });
    const pool = await api(clerk, 'POST', `/api/cases/${caseId}/risk-claims`, { payerRole: 'pool' });
    expect(pool.json<Problem>().code).toBe('CLAIM_CASE_NOT_DEFAULTED');
  });

  it('allows 代偿 on day 90 while the case stays overdue; the claim is on the timeline, the pool still waits for default', async () => {
    await serviceThrough('2026-07-01');
    const clerk = await t.loginAs('bank01.clerk');
    const claims = (await api(clerk, 'GET', `/api/cases/${caseId}/risk-claims`)).json<CaseClaims>();
    expect(claims).toMatchObject({ caseState: 'overdue', filingOpen: true });
    const filed = await api(clerk, 'POST', `/api/cases/${caseId}/risk-claims`, { payerRole: 'guarantor' });
    expect(filed.statusCode, filed.body).toBe(201);
    // The guarantor's 80% of the outstanding principal (loss base: principal).
    expect(filed.json<{ claimedYuan: string; state: string }>()).toMatchObject({
      claimedYuan: '800000.00',
      state: 'filed',
    });
    const detail = (await api(clerk, 'GET', `/api/cases/${caseId}`)).json<{
      state: string;
      events: { action: string; fromState: string | null; toState: string }[];
    }>();
    expect(detail.state).toBe('overdue');
    expect(detail.events.at(-1)).toMatchObject({
      action: 'file_claim',
      fromState: 'overdue',
      toState: 'overdue',
    });
    const pool = await api(clerk, 'POST', `/api/cases/${caseId}/risk-claims`, { payerRole: 'pool' });
    expect(pool.json<Problem>().code).toBe('CLAIM_CASE_NOT_DEFAULTED');
  });
});
