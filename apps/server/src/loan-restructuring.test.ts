import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  calculateAccruedInterest,
  calculateExtensionSchedule,
  calculateRenewalSchedule,
  type Schedule,
} from '@ipf/domain/loan';
import { formatYuan, parseRatePct, parseYuan } from '@ipf/domain/money';
import { createTestApp, type TestApp, type TestSession } from './testing/create-test-app.ts';
import {
  prepareRegisteredCases,
  type RegisteredCase,
  type RegisteredCaseFactory,
} from './testing/registered-case.ts';

type Problem = { status: number; code: string };
type Installment = {
  period: number;
  accrualStartDate: string;
  dueDate: string;
  principalYuan: string;
  interestYuan: string;
  status: string;
  contractVersion: number;
};
type Loan = {
  id: string;
  caseState: string;
  outstandingPrincipalYuan: string;
  annualRatePct: string;
  maturityDate: string;
  termMonths: number;
  grade: string;
  restructured: boolean;
  contractVersion: number;
  payable: { totalYuan: string };
  installments: Installment[];
  contractVersions: {
    version: number;
    kind: string;
    effectiveDate: string;
    maturityDate: string;
    extensionMonths: number | null;
    restructured: boolean;
  }[];
};
type Case = { state: string; events: { action: string; fromState: string | null; toState: string }[] };

/** The engine's schedule as the API shows it: due date, principal and interest of each instalment. */
const onTheWire = (schedule: Schedule) =>
  schedule.installments.map((i) => ({
    dueDate: i.dueDate,
    principalYuan: formatYuan(i.principalFen),
    interestYuan: formatYuan(i.interestFen),
  }));
const ofVersion = (loan: Loan, version: number) =>
  loan.installments
    .filter((i) => i.contractVersion === version && i.principalYuan !== '0.00')
    .map((i) => ({ dueDate: i.dueDate, principalYuan: i.principalYuan, interestYuan: i.interestYuan }));

describe('展期 and 续贷 as new contract versions (issue 6 item 2)', () => {
  let t: TestApp;
  let cases: RegisteredCaseFactory;
  let clerk: TestSession;
  let admin: TestSession;
  let extended: RegisteredCase;
  let renewed: RegisteredCase;

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
  const loanOf = async (caseId: string) =>
    (await api(clerk, 'GET', `/api/cases/${caseId}/loan`)).json<Loan>();
  /** Moves the test clock forward to 10:00 Asia/Shanghai of `date`; sessions expire, so log in again. */
  const setDate = async (date: string) => {
    t.clock.advance(Date.parse(`${date}T02:00:00.000Z`) - t.clock.now().getTime());
    clerk = await t.loginAs('bank01.clerk');
    admin = await t.loginAs('admin');
  };
  const payDue = async (caseId: string, key: string) => {
    const due = (await loanOf(caseId)).payable.totalYuan;
    const paid = await api(
      clerk,
      'POST',
      `/api/cases/${caseId}/repayments`,
      { kind: 'regular', amountYuan: due },
      { 'idempotency-key': key },
    );
    expect(paid.statusCode, paid.body).toBe(200);
  };

  beforeAll(async () => {
    t = await createTestApp();
    cases = await prepareRegisteredCases(t);
    clerk = cases.clerk;
    admin = await t.loginAs('admin');
    extended = await cases.registeredCase();
    renewed = await cases.registeredCase();
  }, 180_000);
  afterAll(async () => t.close());

  it('disbursement under an Idempotency-Key is done once; the retry gets the same loan; version 1 is the original contract', async () => {
    for (const x of [extended, renewed]) {
      const first = await api(
        clerk,
        'POST',
        `/api/cases/${x.caseId}/disbursement`,
        {},
        {
          'idempotency-key': `disburse-${x.caseId}`,
        },
      );
      expect(first.statusCode, first.body).toBe(200);
      const retry = await api(
        clerk,
        'POST',
        `/api/cases/${x.caseId}/disbursement`,
        {},
        {
          'idempotency-key': `disburse-${x.caseId}`,
        },
      );
      expect(retry.statusCode, retry.body).toBe(200);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.json()).toEqual(first.json());
      const loan = first.json<Loan>();
      expect(loan.contractVersion).toBe(1);
      expect(loan.contractVersions).toEqual([
        expect.objectContaining({ version: 1, kind: 'original', maturityDate: '2027-03-02' }),
      ]);
    }
    // An extension needs the header.
    const noKey = await api(clerk, 'POST', `/api/cases/${extended.caseId}/loan/extensions`, {
      extensionMonths: 6,
      borrowerInDifficulty: true,
    });
    expect(noKey.json<Problem>().code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  }, 60_000);

  it('展期 replaces the open instalments from the last settled due date with the engine’s schedule and keeps the old ones', async () => {
    await setDate('2026-04-02');
    await payDue(extended.caseId, 'ext-pay-1');
    await payDue(renewed.caseId, 'ren-pay-1');
    await setDate('2026-04-10');
    // With an instalment not yet due unpaid, nothing is in arrears; the enterprise may not extend.
    const body = { extensionMonths: 6, borrowerInDifficulty: true, note: '经营困难，重组展期' };
    const key = { 'idempotency-key': 'extend-1' };
    const url = `/api/cases/${extended.caseId}/loan/extensions`;
    expect((await api(await t.loginAs('ent001'), 'POST', url, body, key)).statusCode).toBe(403);
    const before = await loanOf(extended.caseId);
    const res = await api(clerk, 'POST', url, body, key);
    expect(res.statusCode, res.body).toBe(200);
    const loan = res.json<Loan>();

    const expected = calculateExtensionSchedule({
      outstandingPrincipalFen: parseYuan(before.outstandingPrincipalYuan),
      annualRate: parseRatePct(before.annualRatePct),
      method: 'annuity',
      lastDueDate: '2026-04-02',
      remainingPeriods: 11,
      extensionMonths: 6,
      borrowerInDifficulty: true,
    });
    expect(expected.restructured).toBe(true);
    expect(ofVersion(loan, 2)).toEqual(onTheWire(expected.schedule));
    expect(loan.maturityDate).toBe('2027-09-02');
    // The loan's term grows by the 6 months: 12 → 18, disbursement 2026-03-02 to maturity 2027-09-02.
    expect(before.termMonths).toBe(12);
    expect(loan.termMonths).toBe(18);
    expect(loan).toMatchObject({ contractVersion: 2, restructured: true, grade: 'special_mention' });
    // The old schedule stays: the paid first instalment and the 11 superseded ones of version 1.
    const old = loan.installments.filter((i) => i.contractVersion === 1);
    expect(old.map((i) => i.status)).toEqual(['paid', ...Array<string>(11).fill('superseded')]);
    expect(old).toEqual(
      before.installments.map((i) => ({ ...i, status: i.period === 1 ? 'paid' : 'superseded' })),
    );
    expect(
      loan.contractVersions.map((v) => [
        v.version,
        v.kind,
        v.effectiveDate,
        v.extensionMonths,
        v.restructured,
      ]),
    ).toEqual([
      [1, 'original', '2026-03-02', null, false],
      [2, 'extension', '2026-04-02', 6, true],
    ]);

    // The same key and body: the stored answer, nothing written twice.
    const retry = await api(clerk, 'POST', url, body, key);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(loan);
    expect((await loanOf(extended.caseId)).installments).toHaveLength(loan.installments.length);

    // The case stays repaying; its timeline shows the extension by the clerk.
    const caseView = (await api(clerk, 'GET', `/api/cases/${extended.caseId}`)).json<Case>();
    expect(caseView.state).toBe('repaying');
    expect(caseView.events.filter((e) => e.action === 'extend_loan')).toEqual([
      expect.objectContaining({ fromState: 'repaying', toState: 'repaying' }),
    ]);

    // 《贷款通则》 art. 12: a 12-month loan may be extended by 12 months in total.
    const beyond = await api(
      clerk,
      'POST',
      url,
      { extensionMonths: 7, borrowerInDifficulty: true },
      {
        'idempotency-key': 'extend-2',
      },
    );
    expect(beyond.statusCode, beyond.body).toBe(422);
    expect(beyond.json<Problem>().code).toBe('LOAN_EXTENSION_BEYOND_LIMIT');
  }, 60_000);

  it('续贷 starts a new loan for the balance from today at the engine’s schedule; the old interest to today is due today', async () => {
    const before = await loanOf(renewed.caseId);
    const res = await api(
      clerk,
      'POST',
      `/api/cases/${renewed.caseId}/loan/renewals`,
      { termMonths: 12, borrowerInDifficulty: false },
      { 'idempotency-key': 'renew-1' },
    );
    expect(res.statusCode, res.body).toBe(200);
    const loan = res.json<Loan>();
    const outstandingPrincipalFen = parseYuan(before.outstandingPrincipalYuan);
    const annualRate = parseRatePct('3.50'); // 1-year LPR 3.00 % on 2026-04-10 + 50 bps
    const expected = calculateRenewalSchedule({
      outstandingPrincipalFen,
      renewalDate: '2026-04-10',
      annualRate,
      termMonths: 12,
      method: 'annuity',
    });
    expect(ofVersion(loan, 2)).toEqual(onTheWire(expected));
    const settlement = loan.installments.find((i) => i.contractVersion === 2 && i.principalYuan === '0.00')!;
    const accrued = calculateAccruedInterest({
      principalFen: outstandingPrincipalFen,
      annualRate,
      fromDate: '2026-04-02',
      toDate: '2026-04-10',
    });
    expect(settlement).toMatchObject({
      accrualStartDate: '2026-04-02',
      dueDate: '2026-04-10',
      interestYuan: formatYuan(accrued.interestFen),
      status: 'due',
    });
    expect(loan).toMatchObject({ contractVersion: 2, restructured: false, maturityDate: '2027-04-10' });
    expect(loan.contractVersions.map((v) => v.kind)).toEqual(['original', 'renewal']);
    const events = (await api(clerk, 'GET', `/api/cases/${renewed.caseId}`)).json<Case>().events;
    expect(events.map((e) => e.action)).toContain('renew_loan');
    // The interest to the renewal date is paid today; the renewed loan is then clear.
    await payDue(renewed.caseId, 'ren-pay-settle');
  }, 60_000);

  it('the daily job keeps the restructured loan at least 关注, and the borrower-level grade carries it to the same borrower’s other loan', async () => {
    await setDate('2026-04-11');
    const run = await api(admin, 'POST', '/api/servicing/daily-runs', { businessDate: '2026-04-11' });
    expect(run.statusCode, run.body).toBe(200);
    const ext = await loanOf(extended.caseId);
    expect(ext).toMatchObject({ grade: 'special_mention', restructured: true, caseState: 'repaying' });
    // The renewal was no restructuring, but both loans are one borrower's at one bank (non-retail: worst grade).
    const borrowerOf = async (caseId: string) =>
      (await api(clerk, 'GET', `/api/cases/${caseId}`)).json<{ enterpriseId: string }>().enterpriseId;
    expect(await borrowerOf(renewed.caseId)).toBe(await borrowerOf(extended.caseId));
    expect(await loanOf(renewed.caseId)).toMatchObject({ grade: 'special_mention', restructured: false });
  }, 60_000);
});
