import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@ipf/db';
import { isNonPerforming, type LoanGrade } from '@ipf/domain/loan';
import { createTestApp, type TestApp } from './testing/create-test-app.ts';
import { datedSessions } from './testing/dated-sessions.ts';
import { DEFAULT_DATE } from './testing/defaulted-cases.ts';
import { prepareRegisteredCases, type RegisteredCase } from './testing/registered-case.ts';
import {
  GRADE_B_WHITELIST_RULES,
  releasedWhitelistRound,
  type ReleasedWhitelistRound,
} from './testing/released-whitelist-round.ts';

type Loan = {
  caseState: string;
  status: string;
  daysPastDue: number;
  grade: LoanGrade;
  payable: { totalYuan: string };
};

/**
 * Issue 10 item 4, `platform_default` from a loan's 五级分类 grade alone: the daily servicing job grades a
 * borrower's loans at one bank together (借款人分类, the worst of them), so when one loan of an enterprise falls
 * 92 days past due and is classified 次级, its other loan at that bank, not yet due, is graded 次级 too. Once the
 * defaulted loan is settled in full its case closes, and the enterprise has no case past default left: only the
 * other loan's grade keeps it off the whitelist (COMPLIANCE_FLAG), until the next day's job grades it afresh.
 * Another enterprise's loan overdue but not past the threshold (关注, still performing) keeps it on.
 * Everything runs through the use cases over HTTP; the round is testing/released-whitelist-round.ts's.
 */
describe('platform_default from a loan graded 次级 or worse (issue 10 item 4)', () => {
  let t: TestApp;
  const sessions = datedSessions(() => t);
  const { api, setDate } = sessions;
  let round: ReleasedWhitelistRound;
  let bankId: string;
  /** Two loans of one enterprise at bank01: the first defaults, the second is disbursed later. */
  let defaulting: RegisteredCase;
  let sibling: RegisteredCase;
  /** Another enterprise's loan, disbursed later, a few weeks overdue on the default date. */
  let performing: RegisteredCase;
  const enterpriseOf = new Map<string, string>();

  const loanOf = async (x: RegisteredCase) => {
    const res = await api('bank01.clerk', 'GET', `/api/cases/${x.caseId}/loan`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Loan>();
  };
  const disburse = async (x: RegisteredCase) => {
    const res = await api('bank01.clerk', 'POST', `/api/cases/${x.caseId}/disbursement`, {});
    expect(res.statusCode, res.body).toBe(200);
  };
  const runDailyJob = async (businessDate: string) => {
    const res = await api('admin', 'POST', '/api/servicing/daily-runs', { businessDate });
    expect(res.statusCode, res.body).toBe(200);
  };
  const repay = async (x: RegisteredCase, key: string, payload: object) => {
    const url = `/api/cases/${x.caseId}/repayments`;
    const res = await api('bank01.clerk', 'POST', url, payload, { 'idempotency-key': key });
    expect(res.statusCode, res.body).toBe(200);
  };
  /** Builds bank01's whitelist today and returns the entries of the two borrowers. */
  const buildWhitelist = async () => {
    const built = await api('bureau.city', 'POST', '/api/whitelist-builds', {
      roundId: round.roundId,
      bankId,
    });
    expect(built.statusCode, built.body).toBe(200);
    const entries = await round.entriesOf(bankId);
    const of = (x: RegisteredCase) => entries.find((e) => e.enterpriseId === enterpriseOf.get(x.caseId))!;
    return { defaulter: of(defaulting), other: of(performing) };
  };

  beforeAll(async () => {
    t = await createTestApp();
    const factory = await prepareRegisteredCases(t);
    // The factory takes ent001's eligible patents first, then ent002's and ent003's: draw cases until one
    // enterprise has two and another one.
    let first: RegisteredCase | undefined;
    let second: RegisteredCase | undefined;
    let otherOne: RegisteredCase | undefined;
    for (let i = 0; i < 6 && (second === undefined || otherOne === undefined); i += 1) {
      const x = await factory.registeredCase();
      const [row] = await t.deps.db
        .select({ enterpriseId: tables.financingCases.enterpriseId })
        .from(tables.financingCases)
        .where(eq(tables.financingCases.id, x.caseId));
      enterpriseOf.set(x.caseId, row!.enterpriseId);
      if (first === undefined) first = x;
      else if (enterpriseOf.get(first.caseId) === row!.enterpriseId) second ??= x;
      else otherOne ??= x;
    }
    if (first === undefined || second === undefined || otherOne === undefined)
      throw new Error('no two loans of one enterprise and one of another');
    defaulting = first;
    sibling = second;
    performing = otherOne;

    round = await releasedWhitelistRound(t, sessions, {
      title: '平台违约测试轮次',
      bankLogins: ['bank01.hq'],
      joiningLogins: ['ent001', 'ent002', 'ent003'],
    });
    bankId = round.bankIds[0]!;
    const borrowers = [defaulting, performing].map((x) => enterpriseOf.get(x.caseId)!);
    for (const id of borrowers) expect(round.isReleasedToAll(id), id).toBe(true);
    await round.uploadGrades(bankId, new Map(borrowers.map((id) => [id, 'A'])));
    const published = await api('bureau.city', 'POST', '/api/whitelist-rules', GRADE_B_WHITELIST_RULES);
    expect(published.statusCode, published.body).toBe(200);
  }, 900_000);

  afterAll(async () => {
    await t?.close();
  });

  it('keeps both borrowers on the whitelist while their loans perform', async () => {
    await disburse(defaulting);
    const { defaulter, other } = await buildWhitelist();
    for (const entry of [defaulter, other]) {
      expect(entry).toMatchObject({ included: true, reasons: [] });
      expect(entry.facts.complianceFlags).toEqual([]);
    }
  });

  it('leaves out an enterprise whose remaining loan the daily job graded 次级, with no case past default; a 关注 loan does not', async () => {
    // The performing loan is disbursed on 05-11 (first instalment in June), the sibling on 06-10 (first
    // instalment in July), the first loan was on 03-02 and nothing is repaid.
    setDate('2026-05-11');
    await disburse(performing);
    setDate('2026-06-10');
    await disburse(sibling);
    setDate(DEFAULT_DATE);
    await runDailyJob(DEFAULT_DATE);

    const defaulted = await loanOf(defaulting);
    expect(isNonPerforming(defaulted.grade)).toBe(true);
    expect(defaulted.caseState).toBe('non_performing');
    const other = await loanOf(performing);
    expect(other.daysPastDue).toBeGreaterThan(0);
    expect(other.caseState).toBe('overdue');
    expect(isNonPerforming(other.grade)).toBe(false);

    // The enterprise pays the arrears, then settles the defaulted loan in full: its case closes.
    await repay(defaulting, 'pd-arrears', { kind: 'regular', amountYuan: defaulted.payable.totalYuan });
    await repay(defaulting, 'pd-settle', { kind: 'prepayment', settleInFull: true });
    expect(await loanOf(defaulting)).toMatchObject({ caseState: 'closed', status: 'closed' });
    // Its other loan is not due yet, yet graded with the borrower: non-performing, its case not past default.
    const graded = await loanOf(sibling);
    expect(graded.daysPastDue).toBe(0);
    expect(graded.caseState).toBe('repaying');
    expect(isNonPerforming(graded.grade)).toBe(true);

    const { defaulter, other: kept } = await buildWhitelist();
    expect(defaulter).toMatchObject({ included: false, reasons: ['COMPLIANCE_FLAG'] });
    expect(defaulter.facts.complianceFlags).toEqual(['platform_default']);
    expect(kept).toMatchObject({ included: true, reasons: [] });
    expect(kept.facts.complianceFlags).toEqual([]);
  });

  it('takes the enterprise back once the next daily job grades its remaining loan as performing', async () => {
    const nextDay = new Date(Date.parse(`${DEFAULT_DATE}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    setDate(nextDay);
    await runDailyJob(nextDay);
    expect(isNonPerforming((await loanOf(sibling)).grade)).toBe(false);

    const { defaulter } = await buildWhitelist();
    expect(defaulter).toMatchObject({ included: true, reasons: [] });
    expect(defaulter.facts.complianceFlags).toEqual([]);
  });
});
