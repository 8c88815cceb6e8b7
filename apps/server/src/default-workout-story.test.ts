import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoParties } from '@ipf/app';
import { formatYuan, parseYuan } from '@ipf/domain/money';
import { createTestApp, TEST_DEMO_SEED, type TestApp, type TestSession } from './testing/create-test-app.ts';
import { amendAgreement, prepareDefaultedCases } from './testing/defaulted-cases.ts';
import { demoOrganisationOf } from './testing/demo-organisation-of.ts';

type Problem = { status: number; code: string };
type Claim = {
  id: string;
  payerRole: string;
  payerOrganisationId: string;
  paidYuan: string | null;
  state: string;
};
type Disposition = {
  id: string;
  status: string;
  path: string | null;
  caseState: string;
  distribution: { role: string; partyId: string; weightBps: number }[];
  proceedsYuan: string;
  costsYuan: string;
  distributedYuan: string;
  registrationCancelled: boolean;
  costs: { kind: string; amountYuan: string; paidYuan: string }[];
  distributions: {
    proceedsYuan: string;
    costsPaidYuan: string;
    netProceedsYuan: string;
    shares: { role: string; organisationId: string; claimId: string | null; amountYuan: string }[];
  }[];
  pendingDistribution?: { netProceedsYuan: string } | null;
};

/**
 * 演示故事 (the judged story of issue 8): one defaulted loan with a guarantee, the city re-guarantee fund under it and
 * a pool filing goes through 代偿, re-guarantee, pool compensation, disposition by auction (costs, hammer price,
 * bids), a maker-checked distribution of the proceeds, the pledge cancelled (注销) and the patent passed to the
 * buyer at closing, and the write-off; every party's
 * books add up to the loan loss and the proceeds to the fen, and every step is on the case timeline.
 */
describe('default workout story: compensation, pool claim, auction, distribution — every book adds up to the fen, every step on the ledger', () => {
  let t: TestApp;
  let caseId: string;
  let clerk: TestSession;
  let approver: TestSession;
  let guarantor: TestSession;
  let reGuarantor: TestSession;
  let disposition: Disposition;
  const guarantorOrg = demoOrganisationOf('guarantor1.user');
  const reGuarantorOrg = demoOrganisationOf('reguarantor.user');
  // The winning bidder: a demo enterprise that pledged nothing in this story.
  const buyerLogin = 'ent010';
  const buyer = generateDemoParties(TEST_DEMO_SEED).enterprises.find(
    (e) => e.organisationId === demoOrganisationOf(buyerLogin),
  )!;
  const paid = new Map<string, bigint>();

  const api = (session: TestSession, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: session.headers, ...(payload === undefined ? {} : { payload }) });
  const claims = async () =>
    (await api(clerk, 'GET', `/api/cases/${caseId}/risk-claims`)).json<{ claims: Claim[] }>().claims;

  /**
   * Review by the payer's user, decision by the payer's second demo user (复核岗, maker-checker: the reviewer
   * deciding is refused), payment by the first.
   */
  async function settle(claim: Claim, payer: TestSession, checker: TestSession, reference: string) {
    const reviewed = await api(payer, 'POST', `/api/risk-claims/${claim.id}/review`, {});
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    const own = await api(payer, 'POST', `/api/risk-claims/${claim.id}/decision`, { decision: 'approve' });
    expect(own.json<Problem>().code).toBe('CLAIM_MAKER_CHECKER_VIOLATION');
    const approved = await api(checker, 'POST', `/api/risk-claims/${claim.id}/decision`, {
      decision: 'approve',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const done = await api(payer, 'POST', `/api/risk-claims/${claim.id}/payment`, { reference });
    expect(done.statusCode, done.body).toBe(200);
    paid.set(claim.payerRole, parseYuan(done.json<Claim>().paidYuan!));
  }

  beforeAll(async () => {
    t = await createTestApp();
    const defaulted = await prepareDefaultedCases(t, 1);
    caseId = defaulted.caseIds[0]!;
    // The guarantee of the plus_guarantee scheme: guarantor 80% of the bank's loss, the city re-guarantee fund 50%
    // of the guarantor's part, on top of the pool layer fixed at disbursement (pool : bank 1 : 1), loss base
    // principal.
    await amendAgreement(t, caseId, {
      lossBase: 'principal',
      guarantor: { party: guarantorOrg, shareBps: 8000n },
      reGuarantor: { party: reGuarantorOrg, shareBps: 5000n },
    });
    clerk = await defaulted.login('bank01.clerk');
    approver = await defaulted.login('bank01.approver');
    guarantor = await defaulted.login('guarantor1.user');
    reGuarantor = await defaulted.login('reguarantor.user');
  }, 900_000);
  afterAll(async () => t.close());

  it('the daily job made the loan non-performing; the guarantor, the re-guarantee fund and the pool pay their layers', async () => {
    const detail = (await api(clerk, 'GET', `/api/cases/${caseId}`)).json<{ state: string }>();
    expect(detail.state).toBe('non_performing');

    const filed = await api(clerk, 'POST', `/api/cases/${caseId}/risk-claims`, { payerRole: 'guarantor' });
    expect(filed.statusCode, filed.body).toBe(201);
    await settle(filed.json<Claim>(), guarantor, await t.loginAs('guarantor1.checker'), 'DC-STORY-1');
    const re = await api(guarantor, 'POST', `/api/cases/${caseId}/risk-claims`, {
      payerRole: 're_guarantor',
    });
    expect(re.statusCode, re.body).toBe(201);
    await settle(re.json<Claim>(), reGuarantor, await t.loginAs('reguarantor.checker'), 'ZDB-STORY-1');
    const pool = await api(clerk, 'POST', `/api/cases/${caseId}/risk-claims`, { payerRole: 'pool' });
    expect(pool.statusCode, pool.body).toBe(201);
    const poolClaim = pool.json<Claim>();
    const poolLogin =
      poolClaim.payerOrganisationId === demoOrganisationOf('pool.city') ? 'pool.city' : 'pool.pingshan';
    await settle(
      poolClaim,
      await t.loginAs(poolLogin),
      await t.loginAs(`${poolLogin}.checker`),
      'BC-STORY-1',
    );
    // Loss 1,000,000.00: the guarantor pays the bank 800,000.00 (80%), the fund 400,000.00 of it back, and the
    // pool 100,000.00 (half the bank's retained 200,000.00).
    expect(Object.fromEntries([...paid].map(([role, fen]) => [role, formatYuan(fen)]))).toEqual({
      guarantor: '800000.00',
      re_guarantor: '400000.00',
      pool: '100000.00',
    });
  });

  it('opens the disposition: the case goes to disposing and the ratios are fixed pro rata to what each party bears', async () => {
    const opened = await api(clerk, 'POST', `/api/cases/${caseId}/disposition`, {
      appraisedValueYuan: '3000000.00',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    disposition = opened.json<Disposition>();
    expect(disposition).toMatchObject({ status: 'opened', caseState: 'disposing' });
    const weights = Object.fromEntries(disposition.distribution.map((d) => [d.role, d.weightBps]));
    expect(weights).toEqual({ bank: 1000, guarantor: 4000, re_guarantor: 4000, pool: 1000 });
    const again = await api(clerk, 'POST', `/api/cases/${caseId}/disposition`, {});
    expect(again.json<Problem>().code).toBe('DISPOSITION_ALREADY_OPEN');
  });

  it('auctions on the trading centre: once started, the ratios cannot change (DISPOSITION_DISTRIBUTION_FIXED)', async () => {
    const started = await api(clerk, 'POST', `/api/dispositions/${disposition.id}/path`, {
      path: 'auction',
      counterpartyName: '深圳联合产权交易所',
      note: '挂牌编号 GP-2026-0815，起拍价 800,000.00 元',
      start: true,
    });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json<Disposition>()).toMatchObject({ status: 'in_progress', path: 'auction' });
    const change = await api(clerk, 'PUT', `/api/dispositions/${disposition.id}/distribution`, {
      distribution: disposition.distribution.map((d) => ({
        partyId: d.partyId,
        weightBps: d.role === 'bank' ? d.weightBps + 1000 : d.role === 'pool' ? 0 : d.weightBps,
      })),
    });
    expect(change.statusCode).toBe(409);
    expect(change.json<Problem>().code).toBe('DISPOSITION_DISTRIBUTION_FIXED');

    for (const [kind, amountYuan] of [
      ['evaluation', '8000.00'],
      ['auction_fee', '12000.00'],
      ['legal', '5000.00'],
    ] as const) {
      const cost = await api(clerk, 'POST', `/api/dispositions/${disposition.id}/costs`, {
        kind,
        amountYuan,
      });
      expect(cost.statusCode, cost.body).toBe(200);
    }
    const hammer = await api(clerk, 'POST', `/api/dispositions/${disposition.id}/proceeds`, {
      kind: 'auction',
      amountYuan: '600000.01',
      reference: 'CJ-2026-0815',
      payerName: buyer.name,
      bids: [
        { bidder: '竞买人 A', amountYuan: '580000.00' },
        { bidder: buyer.name, amountYuan: '600000.01' },
      ],
    });
    expect(hammer.statusCode, hammer.body).toBe(200);
    disposition = hammer.json<Disposition>();
    expect(disposition).toMatchObject({
      status: 'proceeds_received',
      proceedsYuan: '600000.01',
      costsYuan: '25000.00',
    });
  });

  it('distributes only on a bank approver’s approval: costs first, the net by the fixed ratios, to the fen', async () => {
    expect((await api(clerk, 'POST', `/api/dispositions/${disposition.id}/distribution`)).statusCode).toBe(
      403,
    );
    const preview = (await api(approver, 'GET', `/api/dispositions/${disposition.id}`)).json<Disposition>();
    expect(preview.pendingDistribution?.netProceedsYuan).toBe('575000.01');

    const res = await api(approver, 'POST', `/api/dispositions/${disposition.id}/distribution`);
    expect(res.statusCode, res.body).toBe(200);
    disposition = res.json<Disposition>();
    expect(disposition.status).toBe('distributed');
    const [round] = disposition.distributions;
    expect(round).toMatchObject({
      proceedsYuan: '600000.01',
      costsPaidYuan: '25000.00',
      netProceedsYuan: '575000.01',
    });
    expect(disposition.costs.map((c) => [c.kind, c.paidYuan])).toEqual([
      ['evaluation', '8000.00'],
      ['auction_fee', '12000.00'],
      ['legal', '5000.00'],
    ]);
    // 575,000.01 by 10 : 40 : 40 : 10: the odd fen to the largest remainder, the tie to the first listed.
    const shareOf = (role: string) => round!.shares.find((s) => s.role === role)?.amountYuan;
    expect([shareOf('bank'), shareOf('guarantor'), shareOf('re_guarantor'), shareOf('pool')]).toEqual([
      '57500.00',
      '230000.01',
      '230000.00',
      '57500.00',
    ]);
    // Each payer's part goes back against the claim it paid, which is now recovered.
    for (const claim of await claims()) {
      expect(claim.state).toBe('recovered');
      expect(round!.shares.find((s) => s.role === claim.payerRole)?.claimId).toBe(claim.id);
    }
  });

  it('closes: the pledge registration is cancelled (注销) and the patent passes to the winning bidder in the IP registry; then the approver writes the rest off', async () => {
    const { assets } = (await api(clerk, 'GET', `/api/cases/${caseId}`)).json<{
      assets: { assetId: string; number: string }[];
    }>();
    const [asset] = assets;
    const before = await api(clerk, 'GET', `/api/ip-assets/${asset!.assetId}`);
    expect(before.statusCode, before.body).toBe(200);
    const pledgor = before.json<{ owners: { enterpriseId: string | null }[] }>().owners[0]!.enterpriseId;

    const closed = await api(clerk, 'POST', `/api/dispositions/${disposition.id}/closing`, {
      note: '著录项目变更通知书 BG-2026-0901',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<Disposition>()).toMatchObject({ status: 'closed', registrationCancelled: true });
    const registrations = (await api(clerk, 'GET', `/api/cases/${caseId}/registrations`)).json<
      { state: string }[]
    >();
    expect(registrations.map((r) => r.state)).toEqual(['cancelled']);

    // The buyer paid the hammer price: a demo enterprise, so its IP list now holds the patent, the pledgor's not.
    const owner = await t.loginAs(buyerLogin);
    const after = await api(owner, 'GET', `/api/ip-assets/${asset!.assetId}`);
    expect(after.statusCode, after.body).toBe(200);
    const transferred = after.json<{
      owners: { enterpriseId: string | null; name: string; shareBps: number }[];
      flags: string[];
      statusHistory: { reason: string; note: string | null }[];
    }>();
    expect(transferred.owners).toEqual([
      { enterpriseId: buyer.organisationId, name: buyer.name, shareBps: 10_000 },
    ]);
    expect(transferred.flags).not.toContain('pledged');
    expect(transferred.statusHistory.map((e) => e.reason)).toContain('ownership_transferred');
    expect(buyer.organisationId).not.toBe(pledgor);
    const pledgorLogin = generateDemoParties(TEST_DEMO_SEED).users.find(
      (u) => u.organisationId === pledgor,
    )!.login;
    expect(
      (await api(await t.loginAs(pledgorLogin), 'GET', `/api/ip-assets/${asset!.assetId}`)).statusCode,
    ).toBe(404);

    const writeOff = await api(approver, 'POST', `/api/cases/${caseId}/write-off`, {
      note: '处置后剩余损失核销',
    });
    expect(writeOff.statusCode, writeOff.body).toBe(200);
    expect(writeOff.json<{ state: string }>().state).toBe('written_off');
  });

  it('every party’s books add up: the net losses total the loan loss less the net proceeds, to the fen', () => {
    const lossFen = parseYuan('1000000.00');
    const [round] = disposition.distributions;
    const share = (role: string) =>
      parseYuan(round!.shares.find((s) => s.role === role)?.amountYuan ?? '0.00');
    const books = {
      // The bank lost the principal, was paid by the guarantor and the pool, and got its part of the proceeds.
      bank: lossFen - paid.get('guarantor')! - paid.get('pool')! - share('bank'),
      guarantor: paid.get('guarantor')! - paid.get('re_guarantor')! - share('guarantor'),
      re_guarantor: paid.get('re_guarantor')! - share('re_guarantor'),
      pool: paid.get('pool')! - share('pool'),
    };
    const costsFen = disposition.costs.reduce((sum, c) => sum + parseYuan(c.paidYuan), 0n);
    const netFen = parseYuan('600000.01') - costsFen;
    // The evaluator, the auction house and the lawyers were paid their fees out of the hammer price first.
    expect(costsFen).toBe(parseYuan('25000.00'));
    expect(round!.shares.reduce((sum, s) => sum + parseYuan(s.amountYuan), 0n)).toBe(netFen);
    expect(books.bank + books.guarantor + books.re_guarantor + books.pool).toBe(lossFen - netFen);
    // Each bears its layer of the loss less its part of the net proceeds.
    expect(Object.fromEntries(Object.entries(books).map(([role, fen]) => [role, formatYuan(fen)]))).toEqual({
      bank: '42500.00',
      guarantor: '169999.99',
      re_guarantor: '170000.00',
      pool: '42500.00',
    });
    expect(parseYuan(disposition.distributedYuan)).toBe(netFen);
  });

  it('reports the recovery rate by IP type and path: net proceeds over the appraised value', async () => {
    const rates = (await api(approver, 'GET', '/api/disposition-recovery-rates')).json<{
      items: {
        ipKind: string;
        path: string;
        caseCount: number;
        appraisedYuan: string;
        recoveredYuan: string;
        recoveryRatePct: string;
      }[];
    }>();
    // 575,000.01 of 3,000,000.00 = 19.1666…% → 19.17%.
    expect(rates.items).toEqual([
      {
        ipKind: 'invention_patent',
        path: 'auction',
        caseCount: 1,
        appraisedYuan: '3000000.00',
        recoveredYuan: '575000.01',
        recoveryRatePct: '19.17',
      },
    ]);
  });

  it('lists the disposition for the bank (paged, filtered by path) and exports the list as xlsx', async () => {
    const page = (await api(clerk, 'GET', '/api/dispositions?pageSize=10&path=auction')).json<{
      items: { id: string; status: string }[];
      total: number;
    }>();
    expect(page.total).toBe(1);
    expect(page.items.map((d) => [d.id, d.status])).toEqual([[disposition.id, 'closed']]);
    const none = (await api(clerk, 'GET', '/api/dispositions?path=transfer')).json<{ total: number }>();
    expect(none.total).toBe(0);
    const other = await t.loginAs('bank02.clerk');
    expect((await api(other, 'GET', '/api/dispositions')).json<{ total: number }>().total).toBe(0);
    expect((await api(other, 'GET', `/api/dispositions/${disposition.id}`)).statusCode).toBe(404);
    const exported = await api(clerk, 'GET', '/api/dispositions/export');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    expect(exported.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('shows every step on the case timeline', async () => {
    const detail = (await api(clerk, 'GET', `/api/cases/${caseId}`)).json<{
      state: string;
      events: { action: string; toState: string }[];
    }>();
    const actions = detail.events.map((e) => e.action);
    for (const action of [
      'classify_non_performing',
      'file_claim',
      'review_risk_claim',
      'approve_risk_claim',
      'pay_risk_claim',
      'start_disposal',
      'open_disposition',
      'choose_disposition_path',
      'start_disposition',
      'record_disposition_cost',
      'record_disposition_proceeds',
      'distribute_disposition',
      'close_disposition',
      'write_off',
    ])
      expect(actions, action).toContain(action);
    expect(actions.filter((a) => a === 'pay_risk_claim')).toHaveLength(3);
    expect(actions.filter((a) => a === 'record_disposition_cost')).toHaveLength(3);
    expect(detail.state).toBe('written_off');
  });
});
