import { and, asc, eq, gte, inArray, isNotNull, lte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTotpCode, seedDemoData, toWire } from '@ipf/app';
import { tables } from '@ipf/db';
import { formatYuan, parseYuan } from '@ipf/domain/money';
import { BANK_FIRST_LOAN_REWARD_EXAMPLE } from '@ipf/domain/subsidy';
import { createTestApp, type TestApp, type TestSession } from './testing/create-test-app.ts';

type Condition = { condition: string; met: boolean; proof: { kind: string; id: string } | null };
type RewardLoan = {
  caseId: string;
  caseNumber: string;
  eligible: boolean;
  amountYuan: string;
  grantedYuan: string | null;
  evaluation: { conditions: Condition[] };
  claimConditions: Condition[];
};
type Eligibility = { schemeVersionId: string; rewardYear: number; totalYuan: string; loans: RewardLoan[] };
type Application = {
  id: string;
  state: string;
  requestedYuan: string;
  grantedYuan: string | null;
  version: number;
  loans: RewardLoan[];
  payment: { amountYuan: string; reference: string } | null;
};
type SchemeVersion = {
  id: string;
  schemeId: string;
  budgets: { district: string; usedYuan: string; remainingYuan: string }[];
};

/** Half-up rounding of num/den (both positive), written out here rather than taken from the domain. */
const halfUp = (num: bigint, den: bigint) => (2n * num + den) / (2n * den);
const SCHEME_ID = 'test-bank-first-loan-reward';
const REWARD_YEAR = 2025;
const DEMO_CASES = 150;

describe('rewards to institutions 机构奖励 (issue 9 item 2): eligibility from the ledger, one claim per loan, maker-checker, budget', () => {
  let t: TestApp;
  const sessions = new Map<string, TestSession>();
  let bankLogin = '';
  let otherBankLogin = '';
  /** The bank's qualifying loans in disbursement order with the reward each earns after the cap. */
  let expected: { caseId: string; amountFen: bigint }[] = [];
  let expectedTotalFen = 0n;
  let capFen = 0n;
  let uncappedLastFen = 0n;
  let schemeVersionId = '';

  const as = async (login: string) => {
    let session = sessions.get(login);
    if (session === undefined) {
      session = await t.loginAs(login);
      sessions.set(login, session);
    }
    return session;
  };
  const api = async (login: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: (await as(login)).headers,
      ...(payload === undefined ? {} : { payload }),
    });
  const publish = async (version: number, budgetFen: bigint) => {
    const wire = toWire(BANK_FIRST_LOAN_REWARD_EXAMPLE) as Record<string, unknown>;
    const res = await api('bureau.city', 'POST', '/api/subsidy-schemes', {
      scheme: {
        ...wire,
        schemeId: SCHEME_ID,
        version,
        caps: [
          {
            kind: 'per_firm_per_year',
            capYuan: formatYuan(capFen),
            source: { document: '测试政策', article: '每家银行每年上限', isExample: true },
          },
        ],
        budget: {
          totalYuan: formatYuan(budgetFen),
          whenShort: 'refuse',
          source: { document: '测试预算', article: 'budget', isExample: true },
        },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<SchemeVersion>();
  };
  const budgetOf = async () => {
    const res = await api('bureau.city', 'GET', '/api/subsidy-schemes');
    const scheme = res.json<SchemeVersion[]>().find((s) => s.schemeId === SCHEME_ID)!;
    return scheme.budgets.find((b) => b.district === 'all')!;
  };
  const eligibility = async (login: string) => {
    const res = await api(login, 'GET', `/api/subsidy-reward-eligibility?rewardYear=${REWARD_YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Eligibility[]>().find((e) => e.schemeVersionId === schemeVersionId);
  };
  const apply = (login: string, caseIds?: string[]) =>
    api(login, 'POST', '/api/subsidy-reward-applications', {
      schemeVersionId,
      rewardYear: REWARD_YEAR,
      ...(caseIds === undefined ? {} : { caseIds }),
    });
  /** A second user of the city bureau (the checker), created by the administrator and enrolled with TOTP. */
  const createCheckerSession = async (): Promise<TestSession> => {
    const admin = await t.loginAs('admin');
    const orgs = await t.app.inject({
      method: 'GET',
      url: '/api/organisations?kind=ip_bureau',
      headers: admin.headers,
    });
    const bureau = orgs.json<{ items: { id: string }[] }>().items[0]!;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: {
        login: 'bureau.city.checker',
        displayName: '市局复核岗',
        password: 'Secure#Pass2026',
        organisationId: bureau.id,
        role: 'city_bureau',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'bureau.city.checker', password: 'Secure#Pass2026' },
    });
    const pending = {
      cookie: `ipf_session=${login.cookies[0]!.value}`,
      'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken,
    };
    const enrolment = await t.app.inject({ method: 'GET', url: '/api/auth/enrolment', headers: pending });
    const secret = new URL(enrolment.json<{ otpauthUrl: string }>().otpauthUrl).searchParams.get('secret')!;
    const confirm = await t.app.inject({
      method: 'POST',
      url: '/api/auth/enrolment',
      headers: pending,
      payload: { code: generateTotpCode(secret, t.clock.now().getTime()) },
    });
    expect(confirm.json()).toMatchObject({ status: 'authenticated' });
    const cookieValue = confirm.cookies.find((c) => c.name === 'ipf_session')?.value;
    const cookie = cookieValue === undefined ? pending.cookie : `ipf_session=${cookieValue}`;
    const csrfToken = confirm.json<{ csrfToken?: string }>().csrfToken ?? pending['x-csrf-token'];
    return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
  };

  beforeAll(async () => {
    // The demo city with its demo ledger, generated by the real use cases on past dates up to today (2026-03-02).
    t = await createTestApp({ seed: false });
    await seedDemoData(t.deps, 1, { cases: DEMO_CASES });
    const db = t.deps.db;
    // Independent computation over the demo ledger: loans disbursed in the year, borrower flagged 首贷, pledge
    // registered (a registration number on record), per bank head office.
    const rows = await db
      .select({
        caseId: tables.financingCases.id,
        bankId: tables.financingCases.bankId,
        principalFen: tables.loanAccounts.principalFen,
        disbursedOn: tables.loanAccounts.disbursementDate,
        firstLoan: tables.enterprises.firstLoan,
      })
      .from(tables.financingCases)
      .innerJoin(tables.loanAccounts, eq(tables.loanAccounts.caseId, tables.financingCases.id))
      .innerJoin(
        tables.enterprises,
        eq(tables.enterprises.organisationId, tables.financingCases.enterpriseId),
      )
      .where(
        and(
          gte(tables.loanAccounts.disbursementDate, `${REWARD_YEAR}-01-01`),
          lte(tables.loanAccounts.disbursementDate, `${REWARD_YEAR}-12-31`),
        ),
      );
    const registered = new Set(
      (
        await db
          .select({ caseId: tables.pledgeRegistrations.caseId })
          .from(tables.pledgeRegistrations)
          .where(isNotNull(tables.pledgeRegistrations.registrationNumber))
      ).map((r) => r.caseId),
    );
    const qualifying = rows.filter((r) => r.firstLoan && registered.has(r.caseId));
    const byBank = new Map<string, typeof qualifying>();
    for (const r of qualifying) byBank.set(r.bankId, [...(byBank.get(r.bankId) ?? []), r]);
    const ranked = [...byBank.entries()].sort((x, y) => y[1].length - x[1].length || (x[0] < y[0] ? -1 : 1));
    const [bankId, loans] = ranked[0]!;
    expect(loans.length).toBeGreaterThanOrEqual(2);
    const hqLogin = async (orgId: string) => {
      const [user] = await db
        .select({ login: tables.users.login })
        .from(tables.users)
        .innerJoin(tables.memberships, eq(tables.memberships.userId, tables.users.id))
        .where(
          and(eq(tables.memberships.organisationId, orgId), eq(tables.memberships.role, 'bank_approver')),
        )
        .orderBy(asc(tables.users.login));
      return user!.login;
    };
    bankLogin = await hqLogin(bankId);
    const headOffices = await db
      .select({ id: tables.organisations.id })
      .from(tables.organisations)
      .where(and(eq(tables.organisations.kind, 'bank'), eq(tables.organisations.bankLevel, 'head_office')))
      .orderBy(asc(tables.organisations.id));
    otherBankLogin = await hqLogin(headOffices.find((o) => o.id !== bankId)!.id);

    // Per loan: 10,000 yuan per first loan + 0.5% of principal (half-up to the fen); the cap per bank per year
    // falls inside the last loan, so the last loan is cut and the total equals the cap.
    const ordered = [...loans].sort((x, y) =>
      x.disbursedOn < y.disbursedOn ? -1 : x.disbursedOn > y.disbursedOn ? 1 : x.caseId < y.caseId ? -1 : 1,
    );
    const uncapped = ordered.map((r) => ({
      caseId: r.caseId,
      amountFen: 1_000_000n + halfUp(r.principalFen * 5n, 1000n),
    }));
    const beforeLast = uncapped.slice(0, -1).reduce((sum, l) => sum + l.amountFen, 0n);
    uncappedLastFen = uncapped.at(-1)!.amountFen;
    capFen = beforeLast + uncappedLastFen / 2n;
    let usedFen = 0n;
    expected = uncapped.map((l) => {
      const room = capFen - usedFen;
      const amountFen = l.amountFen < room ? l.amountFen : room;
      usedFen += amountFen;
      return { caseId: l.caseId, amountFen };
    });
    expectedTotalFen = usedFen;
    // The budget runs one fen short of every reward of the year.
    schemeVersionId = (await publish(1, expectedTotalFen - 1n)).id;
  }, 900_000);
  afterAll(async () => t.close());

  it("lists the bank's first loans of the year with every condition proved and the amounts of an independent computation, the cap per bank per year applied", async () => {
    const scheme = (await eligibility(bankLogin))!;
    const due = scheme.loans.filter((l) => l.eligible);
    expect(due.map((l) => l.caseId).sort()).toEqual(expected.map((l) => l.caseId).sort());
    for (const e of expected)
      expect(due.find((l) => l.caseId === e.caseId)!.amountYuan).toBe(formatYuan(e.amountFen));
    expect(scheme.totalYuan).toBe(formatYuan(expectedTotalFen));
    expect(parseYuan(scheme.totalYuan)).toBe(capFen);
    const last = due.find((l) => l.caseId === expected.at(-1)!.caseId)!;
    expect(parseYuan(last.amountYuan)).toBeLessThan(uncappedLastFen);
    for (const loan of due) {
      for (const c of [...loan.evaluation.conditions, ...loan.claimConditions]) expect(c.met).toBe(true);
      const registered = loan.evaluation.conditions.find((c) => c.condition === 'pledge_registered')!;
      expect(registered.proof?.kind).toBe('registration_notice');
      expect(registered.proof?.id).not.toBe('—');
    }
    // Loans of the bank that fail a condition are listed with the condition unmet and nothing due.
    for (const loan of scheme.loans.filter((l) => !l.eligible)) {
      expect(loan.amountYuan).toBe('0.00');
      expect([...loan.evaluation.conditions, ...loan.claimConditions].some((c) => !c.met)).toBe(true);
    }
  });

  it("a user of another bank neither sees the bank's loans nor applies for them", async () => {
    const other = await eligibility(otherBankLogin);
    const theirs = new Set(other?.loans.map((l) => l.caseId) ?? []);
    for (const e of expected) expect(theirs.has(e.caseId)).toBe(false);
    const res = await apply(otherBankLogin, [expected[0]!.caseId]);
    expect(res.statusCode, res.body).toBe(404);
    // An enterprise or a district bureau has no reward to claim.
    expect((await api('bureau.nanshan', 'GET', '/api/subsidy-reward-eligibility')).statusCode).toBe(403);
  });

  let first: Application;
  let rest: Application;

  it('of two concurrent submissions for the same loan exactly one claims it; the loan cannot be claimed again', async () => {
    const [x, y] = await Promise.all([
      apply(bankLogin, [expected[0]!.caseId]),
      apply(bankLogin, [expected[0]!.caseId]),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([201, 409]);
    const refused = x.statusCode === 409 ? x : y;
    expect(refused.json<{ code: string }>().code).toBe('SUBSIDY_REWARD_LOAN_CLAIMED');
    first = (x.statusCode === 201 ? x : y).json<Application>();
    expect(first.requestedYuan).toBe(formatYuan(expected[0]!.amountFen));

    const again = await apply(bankLogin, [expected[0]!.caseId]);
    expect(again.statusCode).toBe(409);
    const listed = (await eligibility(bankLogin))!.loans.find((l) => l.caseId === expected[0]!.caseId)!;
    expect(listed.eligible).toBe(false);
    expect(listed.claimConditions.find((c) => c.condition === 'not_rewarded_before')!.met).toBe(false);

    // The prefilled application takes every other loan with a reward due; the cap counts the first claim.
    const res = await apply(bankLogin);
    expect(res.statusCode, res.body).toBe(201);
    rest = res.json<Application>();
    expect(rest.loans.map((l) => l.caseId).sort()).toEqual(
      expected
        .slice(1)
        .map((l) => l.caseId)
        .sort(),
    );
    expect(parseYuan(first.requestedYuan) + parseYuan(rest.requestedYuan)).toBe(expectedTotalFen);
    // The other bank cannot read it.
    expect((await api(otherBankLogin, 'GET', `/api/subsidy-reward-applications/${rest.id}`)).statusCode).toBe(
      404,
    );
    const list = await api(otherBankLogin, 'GET', '/api/subsidy-reward-applications');
    expect(list.json<{ items: { id: string }[] }>().items.map((i) => i.id)).not.toContain(rest.id);
  });

  it('refuses approval by the user who reviewed; another bureau user approves and the budget is used', async () => {
    const reviewed = await api('bureau.city', 'POST', `/api/subsidy-reward-applications/${first.id}/review`, {
      decision: 'pass',
      note: '材料齐全',
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    const same = await api('bureau.city', 'POST', `/api/subsidy-reward-applications/${first.id}/approve`, {});
    expect(same.statusCode).toBe(409);
    expect(same.json<{ code: string }>().code).toBe('SUBSIDY_MAKER_CHECKER_VIOLATION');
    sessions.set('checker', await createCheckerSession());
    const approved = await api('checker', 'POST', `/api/subsidy-reward-applications/${first.id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<Application>()).toMatchObject({
      state: 'approved',
      grantedYuan: first.requestedYuan,
    });
    expect((await budgetOf()).usedYuan).toBe(first.requestedYuan);

    const paid = await api('checker', 'POST', `/api/subsidy-reward-applications/${first.id}/pay`, {
      reference: 'GK2026-0001',
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json<Application>().payment).toMatchObject({
      amountYuan: first.requestedYuan,
      reference: 'GK2026-0001',
    });
  });

  it('refuses the approval that would overdraw the budget by one fen, then grants exactly the rest', async () => {
    const reviewed = await api('bureau.city', 'POST', `/api/subsidy-reward-applications/${rest.id}/review`, {
      decision: 'pass',
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    const refused = await api('checker', 'POST', `/api/subsidy-reward-applications/${rest.id}/approve`, {});
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json<{ code: string }>().code).toBe('SUBSIDY_BUDGET_EXHAUSTED');
    const before = await budgetOf();
    expect(before.usedYuan).toBe(first.requestedYuan);
    expect(parseYuan(before.remainingYuan)).toBe(parseYuan(rest.requestedYuan) - 1n);

    // A new version raises the budget by that fen (the application stays under its version).
    schemeVersionId = (await publish(2, expectedTotalFen)).id;
    const approved = await api('checker', 'POST', `/api/subsidy-reward-applications/${rest.id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<Application>().grantedYuan).toBe(rest.requestedYuan);
    expect(await budgetOf()).toMatchObject({ usedYuan: formatYuan(expectedTotalFen), remainingYuan: '0.00' });
  });

  it('a clawback returns the grant to the budget and releases the loans; each step is notified and audited', async () => {
    const res = await api('checker', 'POST', `/api/subsidy-reward-applications/${rest.id}/clawback`, {
      reason: '贷款首贷认定有误',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Application>().state).toBe('clawed_back');
    expect((await budgetOf()).usedYuan).toBe(first.requestedYuan);
    const listed = (await eligibility(bankLogin))!.loans.find((l) => l.caseId === expected[1]!.caseId)!;
    expect(listed.claimConditions.find((c) => c.condition === 'not_rewarded_before')!.met).toBe(true);

    // The subsidy report counts the rewards by scheme and by the rewarded institution.
    const report = await api('bureau.city', 'GET', `/api/subsidy-reports?schemeId=${SCHEME_ID}`);
    expect(report.statusCode, report.body).toBe(200);
    type ReportRow = { key: string; grantedYuan: string; paidYuan: string; clawedBackYuan: string };
    const byInstitution = report.json<{ byInstitution: ReportRow[] }>().byInstitution;
    expect(byInstitution).toHaveLength(1);
    expect(byInstitution[0]).toMatchObject({
      grantedYuan: first.requestedYuan,
      paidYuan: first.requestedYuan,
      clawedBackYuan: rest.requestedYuan,
    });
    const notices = await t.deps.db
      .select({ kind: tables.notifications.kind })
      .from(tables.notifications)
      .where(
        inArray(tables.notifications.kind, [
          'subsidy_reward.submitted',
          'subsidy_reward.reviewed',
          'subsidy_reward.approved',
          'subsidy_reward.paid',
          'subsidy_reward.clawed_back',
        ]),
      );
    expect(new Set(notices.map((n) => n.kind)).size).toBe(5);
    const events = await t.deps.db
      .select({ action: tables.auditEvents.action })
      .from(tables.auditEvents)
      .where(inArray(tables.auditEvents.entityId, [first.id, rest.id]));
    expect(events.map((e) => e.action).sort()).toEqual(
      [
        'subsidy_reward.submitted',
        'subsidy_reward.reviewed',
        'subsidy_reward.approved',
        'subsidy_reward.paid',
        'subsidy_reward.submitted',
        'subsidy_reward.reviewed',
        'subsidy_reward.approved',
        'subsidy_reward.clawed_back',
      ].sort(),
    );
  });
  it("rewards a guarantor per guaranteed loan of the year that it accepted, from its case participations; a bank cannot claim a guarantor's reward", async () => {
    const db = t.deps.db;
    const wire = toWire(BANK_FIRST_LOAN_REWARD_EXAMPLE) as Record<string, unknown>;
    const source = { document: '测试政策', article: '担保奖励', isExample: true };
    const published = await api('bureau.city', 'POST', '/api/subsidy-schemes', {
      scheme: {
        ...wire,
        schemeId: 'test-guarantor-reward',
        version: 1,
        nameZh: '担保机构奖励（测试）',
        nameEn: 'Guarantor reward (test)',
        beneficiary: 'guarantor',
        eligibility: [{ kind: 'pledge_registered', source }],
        benefits: [{ kind: 'loan_reward', amountYuan: '2000.00', source }],
        caps: [],
        budget: { totalYuan: null, whenShort: 'refuse', source },
      },
    });
    expect(published.statusCode, published.body).toBe(201);
    const guarantorSchemeId = published.json<SchemeVersion>().id;

    // Independently: accepted guarantor participations in loans disbursed in the year with a registration number.
    const rows = await db
      .select({
        caseId: tables.caseParticipants.caseId,
        organisationId: tables.caseParticipants.organisationId,
      })
      .from(tables.caseParticipants)
      .innerJoin(tables.loanAccounts, eq(tables.loanAccounts.caseId, tables.caseParticipants.caseId))
      .where(
        and(
          eq(tables.caseParticipants.role, 'guarantor'),
          isNotNull(tables.caseParticipants.acceptedAt),
          gte(tables.loanAccounts.disbursementDate, `${REWARD_YEAR}-01-01`),
          lte(tables.loanAccounts.disbursementDate, `${REWARD_YEAR}-12-31`),
        ),
      );
    const registered = new Set(
      (
        await db
          .select({ caseId: tables.pledgeRegistrations.caseId })
          .from(tables.pledgeRegistrations)
          .where(isNotNull(tables.pledgeRegistrations.registrationNumber))
      ).map((r) => r.caseId),
    );
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.organisationId, (counts.get(r.organisationId) ?? 0) + 1);
    const [guarantorId] = [...counts.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]!;
    const expectedCases = rows
      .filter((r) => r.organisationId === guarantorId && registered.has(r.caseId))
      .map((r) => r.caseId)
      .sort();
    expect(expectedCases.length).toBeGreaterThan(0);
    const [user] = await db
      .select({ login: tables.users.login })
      .from(tables.users)
      .innerJoin(tables.memberships, eq(tables.memberships.userId, tables.users.id))
      .where(eq(tables.memberships.organisationId, guarantorId))
      .orderBy(asc(tables.users.login));

    const res = await api(user!.login, 'GET', `/api/subsidy-reward-eligibility?rewardYear=${REWARD_YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    const schemes = res.json<Eligibility[]>();
    // A guarantor sees the guarantor schemes only, not the banks'.
    expect(schemes.map((e) => e.schemeVersionId)).toEqual([guarantorSchemeId]);
    const due = schemes[0]!.loans.filter((l) => l.eligible);
    expect(due.map((l) => l.caseId).sort()).toEqual(expectedCases);
    for (const l of due) expect(l.amountYuan).toBe('2000.00');
    expect(parseYuan(schemes[0]!.totalYuan)).toBe(200_000n * BigInt(expectedCases.length));

    const refused = await api(bankLogin, 'POST', '/api/subsidy-reward-applications', {
      schemeVersionId: guarantorSchemeId,
      rewardYear: REWARD_YEAR,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ code: string }>().code).toBe('SUBSIDY_REWARD_WRONG_INSTITUTION');
  });
});
