import { and, asc, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDailyServicingJob, systemActor, type AppDeps } from '@ipf/app';
import { tables, type Executor } from '@ipf/db';
import { allocateRepayment } from '@ipf/domain/loan';
import { formatYuan, parseYuan } from '@ipf/domain/money';
import { createTestApp, type TestApp, type TestSession } from './testing/create-test-app.ts';
import {
  prepareRegisteredCases,
  type RegisteredCase,
  type RegisteredCaseFactory,
} from './testing/registered-case.ts';

type Problem = { status: number; code: string; problems: { code: string; field: string }[] };
type Installment = {
  period: number;
  dueDate: string;
  principalYuan: string;
  interestYuan: string;
  paymentYuan: string;
  principalPaidYuan: string;
  interestPaidYuan: string;
  penaltyYuan: string;
  compoundYuan: string;
  chargesPaidYuan: string;
  status: string;
};
type Repayment = {
  id: string;
  amountYuan: string;
  penaltyYuan: string;
  interestYuan: string;
  principalYuan: string;
};
type Loan = {
  id: string;
  caseState: string;
  status: string;
  annualRatePct: string;
  lprRatePct: string;
  outstandingPrincipalYuan: string;
  disbursementDate: string;
  maturityDate: string;
  entrustedPayment: { counterpartyName: string; reference: string } | null;
  daysPastDue: number;
  grade: string;
  payable: { penaltyYuan: string; interestYuan: string; principalYuan: string; totalYuan: string };
  installments: Installment[];
  repayments: Repayment[];
};
type RepaymentResult = { repayment: Repayment; loan: Loan };

/** Half-up rounding of num/den (both positive), written out here rather than taken from the app. */
const halfUp = (num: bigint, den: bigint) => (2n * num + den) / (2n * den);
/** 罚息/复利 at 3.50 % × (1 + 50 %) ACT/360 for `days` days on `fen`: fen × 35/1000 × 3/2 × days/360. */
const penaltyFen = (fen: bigint, days: number) => halfUp(fen * 35n * 3n * BigInt(days), 1000n * 2n * 360n);

describe('loan servicing: disbursement, repayments with idempotency keys, the daily job, closure', () => {
  let t: TestApp;
  let cases: RegisteredCaseFactory;
  let admin: TestSession;
  let clerk: TestSession;
  let a: RegisteredCase;
  let b: RegisteredCase;
  let c: RegisteredCase;

  const api = (
    session: TestSession,
    method: 'GET' | 'POST',
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      headers: { ...session.headers, ...headers },
      ...(payload === undefined ? {} : { payload }),
    });
  const loanOf = async (session: TestSession, caseId: string) =>
    (await api(session, 'GET', `/api/cases/${caseId}/loan`)).json<Loan>();
  const repay = (session: TestSession, caseId: string, key: string, payload: object) =>
    api(session, 'POST', `/api/cases/${caseId}/repayments`, payload, { 'idempotency-key': key });
  /** Moves the test clock forward to 10:00 Asia/Shanghai of `date`; sessions expire, so log in again. */
  const setDate = async (date: string) => {
    const target = Date.parse(`${date}T02:00:00.000Z`);
    if (target < t.clock.now().getTime()) throw new Error(`the clock only moves forward (${date})`);
    t.clock.advance(target - t.clock.now().getTime());
    clerk = await t.loginAs('bank01.clerk');
    admin = await t.loginAs('admin');
  };
  const fen = (yuan: string) => parseYuan(yuan);

  beforeAll(async () => {
    t = await createTestApp();
    cases = await prepareRegisteredCases(t);
    admin = await t.loginAs('admin');
    clerk = cases.clerk;
  }, 180_000);
  afterAll(async () => t.close());

  it('disburses only after registration; entrusted payment; the rate is the LPR on the day + spread; the case rests in disbursed', async () => {
    a = await cases.registeredCase({ stopAt: 'contracted' });
    const early = await api(clerk, 'POST', `/api/cases/${a.caseId}/disbursement`, {});
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json<Problem>().code).toBe('DISBURSEMENT_AWAITS_REGISTRATION');
    expect((await api(clerk, 'GET', `/api/cases/${a.caseId}/loan`)).statusCode).toBe(404);

    const filed = await api(clerk, 'POST', `/api/cases/${a.caseId}/registrations`, {});
    expect(filed.json<{ state: string }[]>()[0]!.state).toBe('registered');
    // The enterprise may not disburse; the bank clerk does.
    expect((await api(a.enterprise, 'POST', `/api/cases/${a.caseId}/disbursement`, {})).statusCode).toBe(403);
    const res = await api(clerk, 'POST', `/api/cases/${a.caseId}/disbursement`, {
      entrustedPayment: {
        counterpartyName: '深圳市示例精密设备有限公司',
        counterpartyAccount: '6222000011112222',
        reference: 'INV-2026-0301',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const loan = res.json<Loan>();
    expect(loan).toMatchObject({
      caseState: 'disbursed',
      status: 'active',
      // 1-year LPR 3.00 % (in effect since 2025-05-20) + 50 bps.
      lprRatePct: '3.00',
      annualRatePct: '3.50',
      maturityDate: '2027-03-02',
      entrustedPayment: { counterpartyName: '深圳市示例精密设备有限公司', reference: 'INV-2026-0301' },
      outstandingPrincipalYuan: '1000000.00',
    });
    expect(loan.installments).toHaveLength(12);
    expect(loan.installments[0]).toMatchObject({ dueDate: '2026-04-02', interestYuan: '2916.67' });
    expect(loan.installments.reduce((s, i) => s + fen(i.principalYuan), 0n)).toBe(100_000_000n);

    // Twice is refused by the case table; the enterprise reads its loan, another bank cannot see it.
    const again = await api(clerk, 'POST', `/api/cases/${a.caseId}/disbursement`, {});
    expect(again.json<Problem>().code).toBe('CASE_ACTION_NOT_ALLOWED_IN_STATE');
    expect((await loanOf(a.enterprise, a.caseId)).id).toBe(loan.id);
    const otherBank = await t.loginAs('bank02.clerk');
    expect((await api(otherBank, 'GET', `/api/cases/${a.caseId}/loan`)).statusCode).toBe(404);

    b = await cases.registeredCase();
    c = await cases.registeredCase({ repaymentMethod: 'equalPrincipal', amountYuan: '600000.00' });
    for (const x of [b, c]) {
      const disbursed = await api(x.clerk, 'POST', `/api/cases/${x.caseId}/disbursement`, {});
      expect(disbursed.statusCode, disbursed.body).toBe(200);
    }

    // 进入还款 is the system's step: the day's servicing of the disbursement date moves the cases on (the
    // day before leaves them), and the timeline names no user for it.
    await runDailyServicingJob({ businessDate: '2026-03-01' }, systemActor('day-before'), t.deps);
    expect((await loanOf(clerk, b.caseId)).caseState).toBe('disbursed');
    await runDailyServicingJob({ businessDate: loan.disbursementDate }, systemActor('day-of'), t.deps);
    for (const x of [a, b, c]) expect((await loanOf(clerk, x.caseId)).caseState).toBe('repaying');
    const detail = (await api(clerk, 'GET', `/api/cases/${b.caseId}`)).json<{
      events: { action: string; actorUserId: string | null; actorRole: string }[];
    }>();
    expect(detail.events.find((e) => e.action === 'start_repayment')).toMatchObject({
      actorUserId: null,
      actorRole: 'system',
    });
  }, 120_000);

  it('a repayment posted twice with one key moves money once; another body under that key is refused', async () => {
    await setDate('2026-04-02');
    const first = await repay(clerk, a.caseId, 'pay-a-0402-1', { kind: 'regular', amountYuan: '1000.00' });
    expect(first.statusCode, first.body).toBe(200);
    const second = await repay(clerk, a.caseId, 'pay-a-0402-1', { kind: 'regular', amountYuan: '1000.00' });
    expect(second.statusCode).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    const account = (await loanOf(clerk, a.caseId)).id;
    const rows = await t.deps.db
      .select()
      .from(tables.loanRepayments)
      .where(eq(tables.loanRepayments.loanAccountId, account));
    expect(rows).toHaveLength(1);

    // Two simultaneous retries under a new key: one posting, both get its answer.
    const racing = await Promise.all(
      [1, 2].map(() => repay(clerk, a.caseId, 'pay-a-0402-race', { kind: 'regular', amountYuan: '0.01' })),
    );
    expect(racing.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(racing[0]!.json()).toEqual(racing[1]!.json());
    const other = await repay(clerk, a.caseId, 'pay-a-0402-1', { kind: 'regular', amountYuan: '2000.00' });
    expect(other.statusCode).toBe(422);
    expect(other.json<Problem>().code).toBe('IDEMPOTENCY_KEY_REUSED');
    const noKey = await api(clerk, 'POST', `/api/cases/${a.caseId}/repayments`, {
      kind: 'regular',
      amountYuan: '1.00',
    });
    expect(noKey.json<Problem>().code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    expect(
      await t.deps.db
        .select()
        .from(tables.loanRepayments)
        .where(eq(tables.loanRepayments.loanAccountId, account)),
    ).toHaveLength(2);
  });

  it('allocates a partial payment as the engine does, to the fen, then the rest of the instalment pays it off', async () => {
    const before = await loanOf(clerk, a.caseId);
    const one = before.installments[0]!;
    expect(one.interestPaidYuan).toBe('1000.01');
    // The engine on what was due before the first payment: 1,000.00 goes to interest only.
    const expected = allocateRepayment({
      paymentFen: 100_000n,
      due: { penaltyFen: 0n, interestFen: fen(one.interestYuan), principalFen: fen(one.principalYuan) },
      strategy: 'penaltyInterestPrincipal',
    });
    const first = before.repayments.find((r) => r.amountYuan === '1000.00')!;
    expect([first.penaltyYuan, first.interestYuan, first.principalYuan]).toEqual(
      [expected.penaltyFen, expected.interestFen, expected.principalFen].map(formatYuan),
    );
    expect(before.installments[0]!.status).toBe('partially_paid');

    const rest = fen(one.paymentYuan) - 100_001n;
    const res = await repay(clerk, a.caseId, 'pay-a-0402-2', {
      kind: 'regular',
      amountYuan: formatYuan(rest),
    });
    expect(res.statusCode, res.body).toBe(200);
    const { repayment, loan } = res.json<RepaymentResult>();
    const engine = allocateRepayment({
      paymentFen: rest,
      due: {
        penaltyFen: 0n,
        interestFen: fen(one.interestYuan) - 100_001n,
        principalFen: fen(one.principalYuan),
      },
      strategy: 'penaltyInterestPrincipal',
    });
    expect([repayment.penaltyYuan, repayment.interestYuan, repayment.principalYuan]).toEqual(
      [engine.penaltyFen, engine.interestFen, engine.principalFen].map(formatYuan),
    );
    expect(engine.excessFen).toBe(0n);
    expect(loan.installments[0]!.status).toBe('paid');
    expect(loan.outstandingPrincipalYuan).toBe(formatYuan(100_000_000n - fen(one.principalYuan)));
    expect(loan.caseState).toBe('repaying');

    // More than the next instalment is not a regular repayment.
    const tooMuch = await repay(clerk, a.caseId, 'pay-a-0402-3', {
      kind: 'regular',
      amountYuan: '500000.00',
    });
    expect(tooMuch.json<Problem>().code).toBe('REPAYMENT_EXCEEDS_AMOUNT_DUE');
  });

  type Snapshot = {
    postings: string[];
    installments: string[];
    accounts: string[];
    cases: string[];
  };
  async function snapshot(db: Executor): Promise<Snapshot> {
    const postings = await db
      .select()
      .from(tables.loanPostings)
      .where(isNull(tables.loanPostings.repaymentId))
      .orderBy(
        asc(tables.loanPostings.loanAccountId),
        asc(tables.loanPostings.businessDate),
        asc(tables.loanPostings.kind),
      );
    const installments = await db
      .select()
      .from(tables.loanInstallments)
      .orderBy(asc(tables.loanInstallments.loanAccountId), asc(tables.loanInstallments.period));
    const accounts = await db.select().from(tables.loanAccounts).orderBy(asc(tables.loanAccounts.id));
    const cases = await db
      .select({ id: tables.financingCases.id, state: tables.financingCases.state })
      .from(tables.financingCases)
      .innerJoin(tables.loanAccounts, eq(tables.loanAccounts.caseId, tables.financingCases.id))
      .orderBy(asc(tables.financingCases.id));
    return {
      postings: postings.map((p) => `${p.loanAccountId} ${p.businessDate} ${p.kind} ${p.amountFen}`),
      installments: installments.map(
        (i) =>
          `${i.loanAccountId} ${i.period} ${i.status} ${i.penaltyChargedFen} ${i.compoundChargedFen} ${i.chargeBaseDate} ${i.chargedThroughDate}`,
      ),
      accounts: accounts.map(
        (x) => `${x.id} ${x.servicedThroughDate} ${x.daysPastDue} ${x.ownGrade} ${x.grade}`,
      ),
      cases: cases.map((x) => `${x.id} ${x.state}`),
    };
  }

  it('a daily run stopped halfway and continued gives the same books as one clean run; a rerun posts nothing', async () => {
    await setDate('2026-04-03');
    const businessDate = '2026-04-03';
    class Rollback extends Error {}
    let clean: Snapshot | null = null;
    // The clean run, inside a transaction rolled back afterwards.
    await t.deps.db
      .transaction(async (tx) => {
        const deps: AppDeps = { ...t.deps, db: tx };
        const run = await runDailyServicingJob({ businessDate }, systemActor('clean-run'), deps);
        expect(run).toMatchObject({ phase: 'completed', loansProcessed: 3 });
        clean = await snapshot(tx);
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
    expect(clean).not.toBeNull();
    expect(clean!.postings.length).toBeGreaterThan(3 * 32);
    const before = await snapshot(t.deps.db);
    expect(before.postings).toEqual([]);

    // Stopped after one loan (one batch of one), then continued from its cursor.
    const stopped = await runDailyServicingJob(
      { businessDate, batchSize: 1, maxBatches: 1 },
      systemActor('run-1'),
      t.deps,
    );
    expect(stopped).toMatchObject({ phase: 'loans', loansProcessed: 1, batches: 1 });
    const halfway = await snapshot(t.deps.db);
    expect(halfway.postings.length).toBeGreaterThan(0);
    expect(halfway.postings.length).toBeLessThan(clean!.postings.length);

    const resumed = await api(admin, 'POST', '/api/servicing/daily-runs', { businessDate, batchSize: 1 });
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect(resumed.json()).toMatchObject({ phase: 'completed', loansProcessed: 3, batches: 3 });
    expect(await snapshot(t.deps.db)).toEqual(clean);

    const rerun = await runDailyServicingJob({ businessDate }, systemActor('run-3'), t.deps);
    expect(rerun).toMatchObject({ phase: 'completed', loansProcessed: 3 });
    expect(await snapshot(t.deps.db)).toEqual(clean);

    // B and C missed their first instalment: overdue, 关注; A paid on time.
    expect((await loanOf(clerk, b.caseId)).caseState).toBe('overdue');
    expect((await loanOf(clerk, a.caseId)).caseState).toBe('repaying');
    // The future is refused.
    const future = await api(admin, 'POST', '/api/servicing/daily-runs', { businessDate: '2026-04-04' });
    expect(future.json<Problem>().code).toBe('SERVICING_DATE_IN_FUTURE');
  }, 60_000);

  it('an overdue instalment accrues 罚息 and 复利 day by day: 10 days equal the formula to the fen', async () => {
    for (let day = 4; day <= 12; day += 1) {
      const date = `2026-04-${String(day).padStart(2, '0')}`;
      await setDate(date);
      const run = await api(admin, 'POST', '/api/servicing/daily-runs', { businessDate: date });
      expect(run.json<{ phase: string }>().phase).toBe('completed');
    }
    const loan = await loanOf(clerk, b.caseId);
    const one = loan.installments[0]!;
    const expectedPenalty = penaltyFen(fen(one.principalYuan), 10);
    const expectedCompound = penaltyFen(fen(one.interestYuan), 10);
    expect(one).toMatchObject({
      status: 'overdue',
      penaltyYuan: formatYuan(expectedPenalty),
      compoundYuan: formatYuan(expectedCompound),
    });
    expect(loan).toMatchObject({ caseState: 'overdue', daysPastDue: 10, grade: 'special_mention' });
    const postings = await t.deps.db
      .select()
      .from(tables.loanPostings)
      .where(and(eq(tables.loanPostings.loanAccountId, loan.id), eq(tables.loanPostings.kind, 'penalty')));
    expect(postings.map((p) => p.businessDate).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `2026-04-${String(i + 3).padStart(2, '0')}`),
    );
    expect(postings.reduce((s, p) => s + p.amountFen, 0n)).toBe(expectedPenalty);

    // Paying the arrears: charges first, then interest, then principal, as the engine allocates; the case is cured.
    const arrears = expectedPenalty + expectedCompound + fen(one.paymentYuan);
    expect(loan.payable.totalYuan).toBe(formatYuan(arrears));
    const engine = allocateRepayment({
      paymentFen: arrears,
      due: {
        penaltyFen: expectedPenalty + expectedCompound,
        interestFen: fen(one.interestYuan),
        principalFen: fen(one.principalYuan),
      },
      strategy: 'penaltyInterestPrincipal',
    });
    const res = await repay(clerk, b.caseId, 'pay-b-arrears', {
      kind: 'regular',
      amountYuan: formatYuan(arrears),
    });
    expect(res.statusCode, res.body).toBe(200);
    const { repayment, loan: after } = res.json<RepaymentResult>();
    expect([repayment.penaltyYuan, repayment.interestYuan, repayment.principalYuan]).toEqual(
      [engine.penaltyFen, engine.interestFen, engine.principalFen].map(formatYuan),
    );
    expect(after.installments[0]!.status).toBe('paid');
    expect(after.caseState).toBe('repaying');
  }, 60_000);

  it('a prepayment lowers the instalment through the engine; 提前结清 closes the case and starts 注销 by itself', async () => {
    const before = await loanOf(clerk, b.caseId);
    const res = await repay(clerk, b.caseId, 'prepay-b', {
      kind: 'prepayment',
      principalYuan: '100000.00',
      option: 'lowerInstallment',
    });
    expect(res.statusCode, res.body).toBe(200);
    const { repayment, loan } = res.json<RepaymentResult>();
    const outstanding = fen(before.outstandingPrincipalYuan);
    // Interest on the whole outstanding principal from the last due date (04-02) to today, 10 days ACT/360.
    expect(repayment.interestYuan).toBe(formatYuan(halfUp(outstanding * 35n * 10n, 1000n * 360n)));
    expect(repayment.principalYuan).toBe('100000.00');
    expect(loan.outstandingPrincipalYuan).toBe(formatYuan(outstanding - 10_000_000n));
    const live = loan.installments.filter((i) => i.status !== 'superseded' && i.status !== 'paid');
    expect(live).toHaveLength(11);
    expect(fen(live[1]!.paymentYuan)).toBeLessThan(fen(before.installments[2]!.paymentYuan));

    // A settles in full: the case closes, its registration is cancelled and the patent's lock released.
    const settled = await repay(clerk, a.caseId, 'settle-a', { kind: 'prepayment', settleInFull: true });
    expect(settled.statusCode, settled.body).toBe(200);
    const closed = settled.json<RepaymentResult>().loan;
    expect(closed).toMatchObject({ status: 'closed', caseState: 'closed', outstandingPrincipalYuan: '0.00' });
    const registrations = (await api(clerk, 'GET', `/api/cases/${a.caseId}/registrations`)).json<
      { state: string }[]
    >();
    expect(registrations.map((r) => r.state)).toEqual(['cancelled']);
    const locks = await t.deps.db
      .select()
      .from(tables.assetPledgeLocks)
      .where(and(eq(tables.assetPledgeLocks.assetId, a.assetId), isNull(tables.assetPledgeLocks.releasedAt)));
    expect(locks).toHaveLength(0);
    const afterClose = await repay(clerk, a.caseId, 'pay-a-late', { kind: 'regular', amountYuan: '1.00' });
    expect(afterClose.json<Problem>().code).toBe('LOAN_ACCOUNT_CLOSED');
  });

  it('grades by the 2023 rules per borrower: more than 90 days past due is 次级 and the overdue case becomes non-performing', async () => {
    await setDate('2026-07-03');
    const run = await api(admin, 'POST', '/api/servicing/daily-runs', { businessDate: '2026-07-03' });
    expect(run.statusCode, run.body).toBe(200);
    const loanC = await loanOf(clerk, c.caseId);
    // C never paid: its first instalment (due 2026-04-02) is 92 days past due.
    expect(loanC).toMatchObject({ daysPastDue: 92, grade: 'substandard', caseState: 'non_performing' });
    const timeline = JSON.stringify((await api(clerk, 'GET', `/api/cases/${c.caseId}`)).json());
    expect(timeline).toContain('classify_non_performing');
    // B stopped paying after 2026-04-12: its own floor is 关注, but a borrower's loans at one bank share the worst grade.
    const loanB = await loanOf(clerk, b.caseId);
    const [borrowerB, borrowerC] = await Promise.all(
      [b, c].map(async (x) =>
        (await api(clerk, 'GET', `/api/cases/${x.caseId}`)).json<{ enterpriseId: string }>(),
      ),
    );
    expect(loanB.daysPastDue).toBe(62);
    if (borrowerB!.enterpriseId === borrowerC!.enterpriseId)
      expect(loanB).toMatchObject({ grade: 'substandard', caseState: 'non_performing' });
    else expect(loanB).toMatchObject({ grade: 'special_mention', caseState: 'overdue' });
  }, 60_000);
});
