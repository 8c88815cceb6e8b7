import { and, eq, inArray, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDailyServicingJob, systemActor, toWire } from '@ipf/app';
import { tables } from '@ipf/db';
import { formatYuan, parseYuan } from '@ipf/domain/money';
import { NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE } from '@ipf/domain/subsidy';
import { createTestApp, type TestApp } from './testing/create-test-app.ts';
import { datedSessions } from './testing/dated-sessions.ts';
import { prepareRegisteredCases, type RegisteredCase } from './testing/registered-case.ts';

type Problem = { status: number; code: string };
type Condition = {
  condition: string;
  met: boolean;
  proof: { kind: string; id: string } | null;
  reason: { code: string } | null;
};
type Evaluation = { eligible: boolean; totalYuan: string; conditions: Condition[] };
type SchemeEligibility = {
  schemeVersionId: string;
  schemeId: string;
  subsidyYear: number;
  eligible: boolean;
  totalYuan: string;
  evaluation: Evaluation;
  application: { id: string; state: string } | null;
};
type LoanEligibility = { caseId: string; schemes: SchemeEligibility[] };
type Application = {
  id: string;
  state: string;
  requestedYuan: string;
  grantedYuan: string | null;
  subsidyYear: number;
  version: number;
  payment: { amountYuan: string } | null;
};
type SchemeVersion = {
  id: string;
  schemeId: string;
  version: number;
  state: string;
  budgets: { district: string; totalYuan: string; usedYuan: string; remainingYuan: string }[];
};
type Loan = { payable: { totalYuan: string }; repayments: { id: string; interestYuan: string }[] };

/** Half-up rounding of num/den (both positive), written out here rather than taken from the domain. */
const halfUp = (num: bigint, den: bigint) => (2n * num + den) / (2n * den);

describe('subsidies 贴息 贴费 (issue 9): schemes as data, eligibility proved from the ledger, applications, budgets', () => {
  let t: TestApp;
  let a: RegisteredCase;
  let b: RegisteredCase;
  let c: RegisteredCase;
  const logins = new Map<string, string>();

  const { as, api, setDate } = datedSessions(() => t);
  const enterpriseOf = (x: RegisteredCase) => logins.get(x.caseId)!;
  const eligibilityOf = async (x: RegisteredCase, schemeId: string) => {
    const res = await api(enterpriseOf(x), 'GET', '/api/subsidy-eligibility');
    expect(res.statusCode, res.body).toBe(200);
    const loan = res.json<LoanEligibility[]>().find((l) => l.caseId === x.caseId)!;
    return loan.schemes.find((s) => s.schemeId === schemeId)!;
  };
  /** Interest actually paid on the loan, from its repayments as the loan API lists them. */
  const interestPaidFen = async (x: RegisteredCase) => {
    const loan = (await api('bank01.clerk', 'GET', `/api/cases/${x.caseId}/loan`)).json<Loan>();
    return loan.repayments.reduce((sum, r) => sum + parseYuan(r.interestYuan), 0n);
  };
  const applyAndReview = async (x: RegisteredCase, schemeVersionId: string, declared?: object) => {
    const applied = await api(enterpriseOf(x), 'POST', '/api/subsidy-applications', {
      caseId: x.caseId,
      schemeVersionId,
      ...(declared === undefined ? {} : { declared }),
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const id = applied.json<Application>().id;
    const reviewed = await api('bureau.nanshan', 'POST', `/api/subsidy-applications/${id}/review`, {
      decision: 'pass',
      note: '材料齐全',
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    return reviewed.json<Application>();
  };
  const publish = async (scheme: object, version: number, budgetYuan: string, whenShort: string) => {
    const res = await api('bureau.city', 'POST', '/api/subsidy-schemes', {
      scheme: {
        ...(toWire(NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE) as object),
        ...scheme,
        version,
        budget: {
          totalYuan: budgetYuan,
          whenShort,
          source: { document: '测试预算', article: 'budget', isExample: true },
        },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<SchemeVersion>();
  };

  beforeAll(async () => {
    t = await createTestApp();
    const cases = await prepareRegisteredCases(t);
    a = await cases.registeredCase();
    b = await cases.registeredCase({ amountYuan: '800000.00' });
    c = await cases.registeredCase({ amountYuan: '600000.00' });
    const rows = await t.deps.db
      .select({ caseId: tables.financingCases.id, enterpriseId: tables.financingCases.enterpriseId })
      .from(tables.financingCases)
      .where(inArray(tables.financingCases.id, [a.caseId, b.caseId, c.caseId]));
    for (const row of rows) {
      const [user] = await t.deps.db
        .select({ login: tables.users.login })
        .from(tables.users)
        .innerJoin(tables.memberships, eq(tables.memberships.userId, tables.users.id))
        .where(eq(tables.memberships.organisationId, row.enterpriseId));
      logins.set(row.caseId, user!.login);
      // The borrowers are registered in 南山 for this story.
      await t.deps.db
        .update(tables.enterprises)
        .set({ district: 'nanshan' })
        .where(eq(tables.enterprises.organisationId, row.enterpriseId));
    }

    // Disbursed on 2026-03-02; B and C settle in full on 03-20; A pays its first instalment on 04-02 and
    // settles in full on 04-10.
    for (const x of [a, b, c]) {
      const res = await api('bank01.clerk', 'POST', `/api/cases/${x.caseId}/disbursement`, {});
      if (res.statusCode !== 200) throw new Error(`disbursement: ${res.body}`);
    }
    await runDailyServicingJob({ businessDate: '2026-03-02' }, systemActor('day-of'), t.deps);
    const repay = async (x: RegisteredCase, key: string, payload: object) => {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/cases/${x.caseId}/repayments`,
        headers: { ...(await as('bank01.clerk')).headers, 'idempotency-key': key },
        payload,
      });
      if (res.statusCode !== 200) throw new Error(`repayment ${key}: ${res.body}`);
    };
    setDate('2026-03-20');
    await repay(b, 'sub-settle-b', { kind: 'prepayment', settleInFull: true });
    await repay(c, 'sub-settle-c', { kind: 'prepayment', settleInFull: true });
    setDate('2026-04-02');
    const due = (await api('bank01.clerk', 'GET', `/api/cases/${a.caseId}/loan`)).json<Loan>();
    await repay(a, 'sub-a-0402', { kind: 'regular', amountYuan: due.payable.totalYuan });
    setDate('2026-04-10');
    await repay(a, 'sub-settle-a', { kind: 'prepayment', settleInFull: true });
    // Per-year schemes are applied for once the year has ended.
    setDate('2027-01-11');
  }, 900_000);
  afterAll(async () => t.close());

  it('the three example schemes and the illustrative bank reward are published as data with the source of every clause', async () => {
    const res = await api('ent001', 'GET', '/api/subsidy-schemes');
    expect(res.statusCode, res.body).toBe(200);
    const schemes = res.json<
      (SchemeVersion & {
        beneficiary: string;
        sourceDocument: string;
        scheme: { eligibility: { source: { document: string } }[] };
      })[]
    >();
    expect(schemes.map((s) => s.schemeId).sort()).toEqual([
      'bank-first-loan-reward',
      'futian-patent-pledge-subsidy',
      'nanshan-ip-pledge-subsidy',
      'sz-city-tech-loan-subsidy',
    ]);
    // The three subsidies go to enterprises; the reward (奖励申请) to banks.
    expect(Object.fromEntries(schemes.map((s) => [s.schemeId, s.beneficiary]))).toEqual({
      'bank-first-loan-reward': 'bank',
      'futian-patent-pledge-subsidy': 'enterprise',
      'nanshan-ip-pledge-subsidy': 'enterprise',
      'sz-city-tech-loan-subsidy': 'enterprise',
    });
    for (const s of schemes) {
      expect(s.state).toBe('published');
      expect(s.sourceDocument).not.toBe('');
      for (const clause of s.scheme.eligibility) expect(clause.source.document).not.toBe('');
    }
    expect(schemes.find((s) => s.schemeId === 'futian-patent-pledge-subsidy')!.budgets).toEqual([
      { district: 'all', totalYuan: '10000000.00', usedYuan: '0.00', remainingYuan: '10000000.00' },
    ]);
    // Only the city bureau publishes.
    expect((await api('bureau.nanshan', 'POST', '/api/subsidy-schemes', { scheme: {} })).statusCode).toBe(
      403,
    );
  });

  it('南山: a repaid loan shows every condition proved by a platform record and 70% of the interest paid, to the fen', async () => {
    const nanshan = await eligibilityOf(a, 'nanshan-ip-pledge-subsidy');
    expect(nanshan.subsidyYear).toBe(2026);
    expect(nanshan.eligible).toBe(true);
    for (const condition of nanshan.evaluation.conditions)
      expect(condition.met, condition.condition).toBe(true);
    const registrations = (await api('bank01.clerk', 'GET', `/api/cases/${a.caseId}/registrations`)).json<
      { registrationNumber: string | null }[]
    >();
    const byKind = new Map(nanshan.evaluation.conditions.map((c) => [c.condition, c]));
    expect(byKind.get('pledge_registered')!.proof).toEqual({
      kind: 'registration_notice',
      id: registrations[0]!.registrationNumber,
    });
    expect(byKind.get('district')!.proof!.kind).toBe('enterprise_profile');

    const interestFen = await interestPaidFen(a);
    expect(interestFen).toBeGreaterThan(0n);
    // 70% of the interest actually paid, half-up to the fen, under the cap of 1.5 m per firm per year.
    const expectedFen = halfUp(interestFen * 70n, 100n);
    expect(expectedFen).toBeLessThan(1_500_000_00n);
    expect(nanshan.totalYuan).toBe(formatYuan(expectedFen));

    // The city tech-loan scheme needs the 科技型 status, which the platform does not hold: upload needed.
    const city = await eligibilityOf(a, 'sz-city-tech-loan-subsidy');
    expect(city.eligible).toBe(false);
    expect(city.evaluation.conditions.find((c) => c.condition === 'enterprise_flag')).toMatchObject({
      met: false,
      proof: null,
      reason: { code: 'SUBSIDY_CONDITION_FACT_MISSING' },
    });
    // 福田's district condition is not met by a 南山 firm.
    const futian = await eligibilityOf(a, 'futian-patent-pledge-subsidy');
    expect(futian.evaluation.conditions.find((c) => c.condition === 'district')!.met).toBe(false);
  });

  it('applies in one step; the district reviews, another user approves (maker-checker), the payment is recorded once', async () => {
    const nanshan = await eligibilityOf(a, 'nanshan-ip-pledge-subsidy');
    const applied = await api(enterpriseOf(a), 'POST', '/api/subsidy-applications', {
      caseId: a.caseId,
      schemeVersionId: nanshan.schemeVersionId,
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const application = applied.json<Application>();
    expect(application).toMatchObject({
      state: 'submitted',
      requestedYuan: nanshan.totalYuan,
      subsidyYear: 2026,
    });
    const again = await api(enterpriseOf(a), 'POST', '/api/subsidy-applications', {
      caseId: a.caseId,
      schemeVersionId: nanshan.schemeVersionId,
    });
    expect(again.json<Problem>().code).toBe('SUBSIDY_APPLICATION_DUPLICATE');
    // Another district's bureau does not see it.
    expect(
      (await api('bureau.futian', 'GET', `/api/subsidy-applications/${application.id}`)).statusCode,
    ).toBe(404);

    const url = `/api/subsidy-applications/${application.id}`;
    expect((await api('bureau.nanshan', 'POST', `${url}/review`, { decision: 'pass' })).statusCode).toBe(200);
    const self = await api('bureau.nanshan', 'POST', `${url}/approve`, {});
    expect(self.json<Problem>().code).toBe('SUBSIDY_MAKER_CHECKER_VIOLATION');
    const approved = await api('bureau.city', 'POST', `${url}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<Application>()).toMatchObject({ state: 'approved', grantedYuan: nanshan.totalYuan });
    const paid = await api('bureau.city', 'POST', `${url}/payment`, { reference: 'GK-2027-0001' });
    expect(paid.json<Application>()).toMatchObject({
      state: 'paid',
      payment: { amountYuan: nanshan.totalYuan },
    });
    const twice = await api('bureau.city', 'POST', `${url}/payment`, { reference: 'GK-2027-0002' });
    expect(twice.json<Problem>().code).toBe('SUBSIDY_TRANSITION_NOT_ALLOWED');
    const mine = await api(enterpriseOf(a), 'GET', '/api/subsidy-applications');
    expect(mine.json<{ items: Application[] }>().items.map((x) => x.id)).toContain(application.id);
  });

  it('notifies each step inside its transaction: the submission to the district bureau, review, approval and payment to the enterprise; read marks clear the count', async () => {
    type Notice = {
      id: string;
      kind: string;
      params: Record<string, string>;
      link: string | null;
      readAt: string | null;
    };
    type Notices = { items: Notice[]; total: number; unread: number };
    const [paid] = (await api(enterpriseOf(a), 'GET', '/api/subsidy-applications?state=paid')).json<{
      items: (Application & { applicationNumber: string })[];
    }>().items;
    const mine = (await api(enterpriseOf(a), 'GET', '/api/notifications')).json<Notices>();
    const ofPaid = mine.items.filter((n) => n.params['applicationNumber'] === paid!.applicationNumber);
    // The test clock stands still between the steps, so they share one time: compared as a set.
    expect(ofPaid.map((n) => n.kind).sort()).toEqual([
      'subsidy_application.approved',
      'subsidy_application.paid',
      'subsidy_application.reviewed',
    ]);
    const paidNotice = ofPaid.find((n) => n.kind === 'subsidy_application.paid')!;
    expect(paidNotice).toMatchObject({
      link: '/subsidies',
      readAt: null,
      params: { amountYuan: paid!.grantedYuan, schemeZh: '南山区知识产权质押融资贴息贴费（示例）' },
    });
    const district = (await api('bureau.nanshan', 'GET', '/api/notifications')).json<Notices>();
    const submitted = district.items.find((n) => n.params['applicationNumber'] === paid!.applicationNumber);
    expect(submitted).toMatchObject({ kind: 'subsidy_application.submitted', link: '/subsidy-applications' });
    // Not another district's, not another enterprise's.
    const futian = (await api('bureau.futian', 'GET', '/api/notifications')).json<Notices>();
    expect(futian.items.some((n) => n.params['applicationNumber'] === paid!.applicationNumber)).toBe(false);
    const stranger = ['ent001', 'ent002', 'ent003'].find((l) => l !== enterpriseOf(a))!;
    const other = (await api(stranger, 'GET', '/api/notifications')).json<Notices>();
    expect(other.items.some((n) => n.params['applicationNumber'] === paid!.applicationNumber)).toBe(false);
    expect((await api(stranger, 'POST', `/api/notifications/${paidNotice.id}/read`)).statusCode).toBe(404);

    const before = (await api(enterpriseOf(a), 'GET', '/api/notifications/unread-count')).json<{
      unread: number;
    }>();
    expect(before.unread).toBe(mine.unread);
    expect(before.unread).toBeGreaterThanOrEqual(3);
    const one = await api(enterpriseOf(a), 'POST', `/api/notifications/${ofPaid[1]!.id}/read`);
    expect(one.json<{ marked: number }>().marked).toBe(1);
    const after = (await api(enterpriseOf(a), 'GET', '/api/notifications/unread-count')).json<{
      unread: number;
    }>();
    expect(after.unread).toBe(before.unread - 1);
    const all = await api(enterpriseOf(a), 'POST', '/api/notifications/read-all');
    expect(all.json<{ marked: number }>().marked).toBe(after.unread);
    const none = (await api(enterpriseOf(a), 'GET', '/api/notifications?unreadOnly=true')).json<Notices>();
    expect(none).toMatchObject({ items: [], total: 0, unread: 0 });
  });

  it('the same loan is never subsidised beyond the interest paid across schemes: the city scheme gets only what 南山 left', async () => {
    const interestFen = await interestPaidFen(a);
    const nanshanFen = halfUp(interestFen * 70n, 100n);
    const city = await eligibilityOf(a, 'sz-city-tech-loan-subsidy');
    const reviewed = await applyAndReview(a, city.schemeVersionId, { techSmeNumber: '202744030500123' });
    // 50% (70% first loan) of the interest would be due; only the 30% no scheme has covered remains.
    expect(reviewed.requestedYuan).toBe(formatYuan(interestFen - nanshanFen));
    const approved = await api('bureau.city', 'POST', `/api/subsidy-applications/${reviewed.id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);

    const claims = await t.deps.db
      .select()
      .from(tables.subsidyCostClaims)
      .where(and(eq(tables.subsidyCostClaims.caseId, a.caseId), isNull(tables.subsidyCostClaims.releasedAt)));
    const byCost = new Map<string, { paid: bigint; claimed: bigint }>();
    for (const claim of claims) {
      const entry = byCost.get(claim.costId) ?? { paid: claim.costPaidFen, claimed: 0n };
      byCost.set(claim.costId, { ...entry, claimed: entry.claimed + claim.claimedFen });
    }
    const totalClaimed = [...byCost.values()].reduce((sum, e) => sum + e.claimed, 0n);
    expect(totalClaimed).toBe(interestFen);
    for (const entry of byCost.values()) expect(entry.claimed).toBe(entry.paid);

    // Nothing is left to claim on this loan's interest.
    const after = await eligibilityOf(a, 'sz-city-tech-loan-subsidy');
    expect(after.application).toMatchObject({ state: 'approved' });
  });

  it('a budget runs out exactly: the last application gets what is left (grant_partial) and the budget ends at zero', async () => {
    const amountB = parseYuan((await eligibilityOf(b, 'nanshan-ip-pledge-subsidy')).totalYuan);
    expect(amountB).toBe(halfUp((await interestPaidFen(b)) * 70n, 100n));
    const v2 = await publish({}, 2, formatYuan(amountB + 100_00n), 'grant_partial');
    expect(v2).toMatchObject({ version: 2, state: 'published' });

    const appB = await applyAndReview(b, v2.id);
    const approvedB = await api('bureau.city', 'POST', `/api/subsidy-applications/${appB.id}/approve`, {});
    expect(approvedB.json<Application>().grantedYuan).toBe(formatYuan(amountB));
    const appC = await applyAndReview(c, v2.id);
    const approvedC = await api('bureau.city', 'POST', `/api/subsidy-applications/${appC.id}/approve`, {});
    expect(approvedC.statusCode, approvedC.body).toBe(200);
    expect(approvedC.json<Application>()).toMatchObject({
      requestedYuan: appC.requestedYuan,
      grantedYuan: '100.00',
    });

    // The partial grant claims exactly 100.00 of C's interest records.
    const claimsC = await t.deps.db
      .select()
      .from(tables.subsidyCostClaims)
      .where(eq(tables.subsidyCostClaims.applicationId, appC.id));
    expect(claimsC.reduce((sum, x) => sum + x.claimedFen, 0n)).toBe(100_00n);

    const schemes = (await api('bureau.city', 'GET', '/api/subsidy-schemes?state=published')).json<
      SchemeVersion[]
    >();
    expect(schemes.find((s) => s.schemeId === 'nanshan-ip-pledge-subsidy')!.budgets).toEqual([
      {
        district: 'all',
        totalYuan: formatYuan(amountB + 100_00n),
        usedYuan: formatYuan(amountB + 100_00n),
        remainingYuan: '0.00',
      },
    ]);
  });

  it('two approvals racing for the last of a budget cannot both be granted', async () => {
    // A scheme of its own (南山's clauses, refusing when short) whose budget fits only the larger of the two
    // amounts left: of each loan's interest, what 南山 v2 did not cover (C was granted 100.00 of it).
    const interestB = await interestPaidFen(b);
    const interestC = await interestPaidFen(c);
    const amountB = interestB - halfUp(interestB * 70n, 100n);
    const seventyC = halfUp(interestC * 70n, 100n);
    const amountC = seventyC < interestC - 100_00n ? seventyC : interestC - 100_00n;
    const larger = amountB > amountC ? amountB : amountC;
    const race = await publish(
      { schemeId: 'race-test-scheme', nameZh: '竞争测试政策' },
      1,
      formatYuan(larger),
      'refuse',
    );
    expect((await eligibilityOf(b, 'race-test-scheme')).totalYuan).toBe(formatYuan(amountB));
    expect((await eligibilityOf(c, 'race-test-scheme')).totalYuan).toBe(formatYuan(amountC));

    const appB = await applyAndReview(b, race.id);
    const appC = await applyAndReview(c, race.id);
    const city = await as('bureau.city');
    const results = await Promise.all(
      [appB, appC].map((x) =>
        t.app.inject({
          method: 'POST',
          url: `/api/subsidy-applications/${x.id}/approve`,
          headers: city.headers,
          payload: {},
        }),
      ),
    );
    const codes = results.map((r) => (r.statusCode === 200 ? 'granted' : r.json<Problem>().code)).sort();
    expect(codes).toEqual(['SUBSIDY_BUDGET_EXHAUSTED', 'granted']);
    const [budget] = await t.deps.db
      .select()
      .from(tables.subsidyBudgets)
      .where(eq(tables.subsidyBudgets.schemeId, 'race-test-scheme'));
    expect(budget!.usedFen).toBeLessThanOrEqual(budget!.totalFen);
    const granted = results.find((r) => r.statusCode === 200)!.json<Application>();
    expect(budget!.usedFen).toBe(parseYuan(granted.grantedYuan!));
  });

  it('a clawback releases the claims and returns the grant to the budget', async () => {
    const list = await api(
      'bureau.city',
      'GET',
      '/api/subsidy-applications?schemeId=race-test-scheme&state=approved',
    );
    const [approved] = list.json<{ items: Application[] }>().items;
    const res = await api('bureau.nanshan', 'POST', `/api/subsidy-applications/${approved!.id}/clawback`, {
      reason: '企业注册地核查不符',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Application>().state).toBe('clawed_back');
    const [budget] = await t.deps.db
      .select()
      .from(tables.subsidyBudgets)
      .where(eq(tables.subsidyBudgets.schemeId, 'race-test-scheme'));
    expect(budget!.usedFen).toBe(0n);
    const live = await t.deps.db
      .select()
      .from(tables.subsidyCostClaims)
      .where(
        and(
          eq(tables.subsidyCostClaims.applicationId, approved!.id),
          isNull(tables.subsidyCostClaims.releasedAt),
        ),
      );
    expect(live).toEqual([]);
  });

  it("a district's share of a budget binds on its own: used up in 南山, an approval there is refused", async () => {
    const res = await api('bureau.city', 'POST', '/api/subsidy-schemes', {
      scheme: {
        ...(toWire(NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE) as object),
        schemeId: 'district-budget-test',
        budget: {
          totalYuan: '1000000.00',
          whenShort: 'grant_partial',
          source: { document: '测试预算', article: 'budget', isExample: true },
        },
      },
      districtBudgets: [{ district: 'nanshan', totalYuan: '0.00' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const scheme = res.json<SchemeVersion>();
    expect(scheme.budgets.map((x) => [x.district, x.totalYuan]).sort()).toEqual([
      ['all', '1000000.00'],
      ['nanshan', '0.00'],
    ]);
    const reviewed = await applyAndReview(b, scheme.id);
    const refused = await api('bureau.city', 'POST', `/api/subsidy-applications/${reviewed.id}/approve`, {});
    expect(refused.json<Problem>().code).toBe('SUBSIDY_BUDGET_EXHAUSTED');
  });
});
