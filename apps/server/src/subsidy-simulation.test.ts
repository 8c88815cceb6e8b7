import { eq, inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDailyServicingJob, simulateSubsidyScheme, systemActor, toWire, type Actor } from '@ipf/app';
import type { Role } from '@ipf/domain/party';
import { tables, type Database } from '@ipf/db';
import { formatYuan } from '@ipf/domain/money';
import { NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE } from '@ipf/domain/subsidy';
import { createTestApp, type TestApp } from './testing/create-test-app.ts';
import { datedSessions } from './testing/dated-sessions.ts';
import { prepareRegisteredCases, type RegisteredCase } from './testing/registered-case.ts';

type Simulation = {
  state: string;
  year: number;
  totalYuan: string;
  loansEligible: number;
  budgetTotalYuan: string | null;
  budgetUsedYuan: string;
  budgetUsePct: string | null;
  exceedsBudget: boolean;
  byDistrict: { district: string; enterprises: number; totalYuan: string }[];
  byEnterprise: { enterpriseId: string; district: string; totalYuan: string }[];
};
type ReportRow = {
  key: string;
  grantedCount: number;
  grantedYuan: string;
  paidCount: number;
  paidYuan: string;
};
type Report = {
  total: ReportRow;
  byScheme: ReportRow[];
  byDistrict: ReportRow[];
  byEnterprise: ReportRow[];
  byInstitution: ReportRow[];
};

/**
 * What a draft scheme "70% of the interest actually paid in the year, ≤ cap per firm per year, pledge registered"
 * pays in 2026, computed here straight from the ledger tables: interest of the repayments dated in 2026 per loan
 * with a registration notice, 70% half-up per loan, summed per firm and capped, then per district.
 */
async function independentFigures(t: TestApp, capFen: bigint) {
  const result = await t.deps.db.execute(sql`
    with per_loan as (
      select fc.enterprise_id, e.district, coalesce(sum(r.interest_fen), 0) as interest
      from loan_accounts la
      join financing_cases fc on fc.id = la.case_id
      join enterprises e on e.organisation_id = fc.enterprise_id
      left join loan_repayments r
        on r.loan_account_id = la.id and r.interest_fen > 0
        and r.repayment_date >= '2026-01-01' and r.repayment_date <= '2026-12-31'
      where exists (
        select 1 from pledge_registrations pr
        where pr.case_id = la.case_id and pr.registration_number is not null
      )
      group by la.id, fc.enterprise_id, e.district
    ),
    per_firm as (
      select enterprise_id, district, least(sum(div(2 * interest * 70 + 100, 200)), ${capFen.toString()}::numeric) as fen
      from per_loan group by enterprise_id, district
    )
    select enterprise_id::text as enterprise_id, district, fen::text as fen from per_firm where fen > 0
  `);
  const rows = (result as { rows: { enterprise_id: string; district: string; fen: string }[] }).rows;
  const byEnterprise = new Map(rows.map((r) => [r.enterprise_id, BigInt(r.fen)]));
  const byDistrict = new Map<string, bigint>();
  for (const r of rows) byDistrict.set(r.district, (byDistrict.get(r.district) ?? 0n) + BigInt(r.fen));
  const total = rows.reduce((sum, r) => sum + BigInt(r.fen), 0n);
  return { byEnterprise, byDistrict, total };
}

/** The methods of the database that each send one query when the builder they return is awaited. */
const QUERY_METHODS = new Set([
  'select',
  'selectDistinct',
  'execute',
  'insert',
  'update',
  'delete',
  'transaction',
]);

/** The database wrapped so that every query it is asked for is counted. */
function countingDatabase(db: Database): { db: Database; queries: () => number } {
  let queries = 0;
  const counted = new Proxy(db, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => {
        if (QUERY_METHODS.has(String(property))) queries += 1;
        return method.apply(target, args);
      };
    },
  });
  return { db: counted, queries: () => queries };
}

describe('subsidy simulation and reports (issue 9 items 5, 6)', () => {
  let t: TestApp;
  let cases: RegisteredCase[];
  const { as, api, setDate } = datedSessions(() => t);
  const draft = async (
    schemeId: string,
    capYuan: string,
    budgetYuan: string,
    change: { ratePct?: string; trigger?: object; effectiveFrom?: string } = {},
  ) => {
    const example = toWire(NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE) as {
      eligibility: { kind: string }[];
      benefits: { costKind: string }[];
      caps: object[];
    };
    const res = await api('bureau.city', 'POST', '/api/subsidy-schemes', {
      state: 'draft',
      scheme: {
        ...example,
        schemeId,
        version: 1,
        nameZh: '模拟测算草稿：贴息 70%',
        nameEn: 'Simulation draft: 70% of interest',
        effectiveFrom: change.effectiveFrom ?? '2000-01-01',
        effectiveTo: null,
        eligibility: example.eligibility.filter((c) => c.kind === 'pledge_registered'),
        benefits: example.benefits
          .filter((b) => b.costKind === 'interest')
          .map((b) => ({ ...b, ...(change.ratePct === undefined ? {} : { ratePct: change.ratePct }) })),
        ...(change.trigger === undefined ? {} : { trigger: change.trigger }),
        caps: [{ ...example.caps[0], capYuan }],
        budget: {
          totalYuan: budgetYuan,
          whenShort: 'grant_partial',
          source: { document: '测试预算', article: 'budget', isExample: true },
        },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json<{ id: string; state: string }>();
    expect(view.state).toBe('draft');
    return view.id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const factory = await prepareRegisteredCases(t);
    cases = [
      await factory.registeredCase(),
      await factory.registeredCase({ amountYuan: '800000.00' }),
      await factory.registeredCase({ amountYuan: '600000.00' }),
    ];
    // The three demo borrowers in three districts.
    for (const [login, district] of [
      ['ent001', 'nanshan'],
      ['ent002', 'futian'],
      ['ent003', 'baoan'],
    ] as const)
      await t.deps.db.execute(sql`
        update enterprises set district = ${district}
        where organisation_id = (select organisation_id from memberships m join users u on u.id = m.user_id
                                 where u.login = ${login} limit 1)`);
    for (const x of cases) {
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
    await repay(cases[1]!, 'sim-settle-1', { kind: 'prepayment', settleInFull: true });
    await repay(cases[2]!, 'sim-settle-2', { kind: 'prepayment', settleInFull: true });
    setDate('2026-04-02');
    const due = (await api('bank01.clerk', 'GET', `/api/cases/${cases[0]!.caseId}/loan`)).json<{
      payable: { totalYuan: string };
    }>();
    await repay(cases[0]!, 'sim-0402', { kind: 'regular', amountYuan: due.payable.totalYuan });
    setDate('2026-04-10');
    await repay(cases[0]!, 'sim-settle-0', { kind: 'prepayment', settleInFull: true });
    setDate('2027-01-11');
  }, 300_000);
  afterAll(async () => t.close());

  it("a draft scheme's simulated cost over last year's ledger equals an independent SQL computation, in total, by district and by enterprise", async () => {
    // Nothing granted yet: the simulation stands on the ledger alone.
    expect(await t.deps.db.select().from(tables.subsidyCostClaims)).toEqual([]);
    const uncapped = await independentFigures(t, 10n ** 15n);
    expect(uncapped.total).toBeGreaterThan(0n);
    // The ledger spreads over more than one district.
    expect(uncapped.byDistrict.size).toBeGreaterThan(1);
    // A cap 1 yuan under the largest firm's amount, so that exactly that cap binds.
    const largest = [...uncapped.byEnterprise.values()].reduce((m, v) => (v > m ? v : m), 0n);
    const capFen = largest - 100n;
    const expected = await independentFigures(t, capFen);
    expect(expected.total).toBe(uncapped.total - 100n);

    const id = await draft('sim-draft-interest', formatYuan(capFen), '1000000.00');
    const res = await api('bureau.city', 'POST', `/api/subsidy-schemes/${id}/simulation`, {});
    expect(res.statusCode, res.body).toBe(200);
    const simulation = res.json<Simulation>();
    expect(simulation).toMatchObject({ state: 'draft', year: 2026, totalYuan: formatYuan(expected.total) });
    expect(new Map(simulation.byDistrict.map((d) => [d.district, d.totalYuan]))).toEqual(
      new Map([...expected.byDistrict].map(([d, fen]) => [d, formatYuan(fen)])),
    );
    expect(new Map(simulation.byEnterprise.map((e) => [e.enterpriseId, e.totalYuan]))).toEqual(
      new Map([...expected.byEnterprise].map(([e, fen]) => [e, formatYuan(fen)])),
    );
    expect(simulation.budgetTotalYuan).toBe('1000000.00');
    expect(simulation.budgetUsedYuan).toBe(formatYuan(expected.total));
    expect(simulation.exceedsBudget).toBe(false);

    // A budget smaller than the cost: the simulation says it would run out, and uses all of it.
    const tight = await draft('sim-draft-tight', formatYuan(capFen), formatYuan(expected.total - 1n));
    const short = (
      await api('bureau.city', 'POST', `/api/subsidy-schemes/${tight}/simulation`, {})
    ).json<Simulation>();
    expect(short).toMatchObject({
      totalYuan: formatYuan(expected.total),
      budgetUsedYuan: formatYuan(expected.total - 1n),
      budgetUsePct: '100.00',
      exceedsBudget: true,
    });

    // An after-repayment draft (50% of all interest paid, no cap) counts the loans paid off in the year only.
    const afterRepayment = await draft('sim-draft-payoff', '999999999.00', '100000000.00', {
      ratePct: '50',
      trigger: {
        kind: 'after_full_repayment',
        source: { document: '测试', article: 'trigger', isExample: true },
      },
    });
    const payoff = (
      await api('bureau.city', 'POST', `/api/subsidy-schemes/${afterRepayment}/simulation`, {})
    ).json<Simulation>();
    const payoffSql = await t.deps.db.execute(sql`
      select coalesce(sum(fen), 0)::text as fen from (
        select div(2 * sum(r.interest_fen) * 50 + 100, 200) as fen
        from loan_accounts la
        join loan_repayments r on r.loan_account_id = la.id and r.interest_fen > 0
        where la.status = 'closed' and la.closed_date >= '2026-01-01' and la.closed_date <= '2026-12-31'
          and exists (select 1 from pledge_registrations pr
                      where pr.case_id = la.case_id and pr.registration_number is not null)
        group by la.id
      ) per_loan
    `);
    const payoffFen = BigInt((payoffSql as { rows: { fen: string }[] }).rows[0]!.fen);
    expect(payoffFen).toBeGreaterThan(0n);
    expect(payoff.totalYuan).toBe(formatYuan(payoffFen));

    // A draft taking effect in 2027 is simulated as if in effect from 2026-01-01: loans disbursed in 2026 only.
    const future = await draft('sim-draft-future', '999999999.00', '100000000.00', {
      effectiveFrom: '2027-01-01',
    });
    const ahead = (await api('bureau.city', 'POST', `/api/subsidy-schemes/${future}/simulation`, {})).json<
      Simulation & { assumedEffectiveFrom: string | null }
    >();
    const aheadSql = await t.deps.db.execute(sql`
      select coalesce(sum(fen), 0)::text as fen from (
        select div(2 * sum(r.interest_fen) * 70 + 100, 200) as fen
        from loan_accounts la
        join loan_repayments r on r.loan_account_id = la.id and r.interest_fen > 0
          and r.repayment_date >= '2026-01-01' and r.repayment_date <= '2026-12-31'
        where la.disbursement_date >= '2026-01-01'
          and exists (select 1 from pledge_registrations pr
                      where pr.case_id = la.case_id and pr.registration_number is not null)
        group by la.id
      ) per_loan
    `);
    expect(ahead.assumedEffectiveFrom).toBe('2026-01-01');
    expect(ahead.totalYuan).toBe(formatYuan(BigInt((aheadSql as { rows: { fen: string }[] }).rows[0]!.fen)));

    // Only the city bureau simulates; a year not yet ended cannot be simulated.
    expect(
      (await api('bureau.nanshan', 'POST', `/api/subsidy-schemes/${id}/simulation`, {})).statusCode,
    ).toBe(403);
    const open = await api('bureau.city', 'POST', `/api/subsidy-schemes/${id}/simulation`, { year: 2027 });
    expect(open.json<{ code: string }>().code).toBe('SUBSIDY_SIMULATION_YEAR_INVALID');
  });

  it('the report counts granted and paid subsidies by scheme, district, enterprise and bank, a district sees its own, and exports to xlsx', async () => {
    const ent001 = cases[0]!;
    const eligibility = (await api('ent001', 'GET', '/api/subsidy-eligibility')).json<
      { caseId: string; schemes: { schemeId: string; schemeVersionId: string; totalYuan: string }[] }[]
    >();
    const nanshan = eligibility
      .find((l) => l.caseId === ent001.caseId)!
      .schemes.find((s) => s.schemeId === 'nanshan-ip-pledge-subsidy')!;
    const applied = await api('ent001', 'POST', '/api/subsidy-applications', {
      caseId: ent001.caseId,
      schemeVersionId: nanshan.schemeVersionId,
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const url = `/api/subsidy-applications/${applied.json<{ id: string }>().id}`;
    expect((await api('bureau.nanshan', 'POST', `${url}/review`, { decision: 'pass' })).statusCode).toBe(200);
    expect((await api('bureau.city', 'POST', `${url}/approve`, {})).statusCode).toBe(200);

    const before = (await api('bureau.city', 'GET', '/api/subsidy-reports?year=2026')).json<Report>();
    expect(before.total).toMatchObject({
      grantedCount: 1,
      grantedYuan: nanshan.totalYuan,
      paidCount: 0,
      paidYuan: '0.00',
    });
    expect((await api('bureau.city', 'POST', `${url}/payment`, { reference: 'GK-SIM-1' })).statusCode).toBe(
      200,
    );
    const report = (await api('bureau.city', 'GET', '/api/subsidy-reports')).json<Report>();
    const paid = {
      grantedCount: 1,
      grantedYuan: nanshan.totalYuan,
      paidCount: 1,
      paidYuan: nanshan.totalYuan,
    };
    expect(report.total).toMatchObject(paid);
    expect(report.byScheme).toEqual([expect.objectContaining({ key: 'nanshan-ip-pledge-subsidy', ...paid })]);
    expect(report.byDistrict).toEqual([
      expect.objectContaining({ key: 'nanshan', nameZh: '南山区', nameEn: 'Nanshan', ...paid }),
    ]);
    expect(report.byEnterprise).toHaveLength(1);
    expect(report.byInstitution).toEqual([expect.objectContaining(paid)]);

    // 福田's bureau sees none of 南山's; an enterprise has no report.
    const futian = (await api('bureau.futian', 'GET', '/api/subsidy-reports')).json<Report>();
    expect(futian.total).toMatchObject({ grantedCount: 0, paidCount: 0 });
    expect((await api('ent001', 'GET', '/api/subsidy-reports')).statusCode).toBe(403);

    const file = await api('bureau.city', 'GET', '/api/subsidy-reports/export');
    expect(file.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const byDistrict = workbook.getWorksheet('按区')!;
    expect(byDistrict.getRow(2).values).toEqual([
      undefined,
      '南山区',
      1,
      nanshan.totalYuan,
      1,
      nanshan.totalYuan,
      0,
      '0.00',
    ]);
  });

  it('the simulation reads the ledger in a fixed number of queries, whatever the number of loans (set-based)', async () => {
    const id = await draft('sim-draft-count', '999999999.00', '100000000.00');
    const [member] = await t.deps.db
      .select({ userId: tables.users.id, organisation: tables.organisations, role: tables.memberships.role })
      .from(tables.users)
      .innerJoin(tables.memberships, eq(tables.memberships.userId, tables.users.id))
      .innerJoin(tables.organisations, eq(tables.organisations.id, tables.memberships.organisationId))
      .where(eq(tables.users.login, 'bureau.city'));
    const actor: Actor = {
      userId: member!.userId,
      organisationId: member!.organisation.id,
      organisationKind: member!.organisation.kind as Actor['organisationKind'],
      organisationPath: member!.organisation.path,
      district: member!.organisation.district,
      role: member!.role as Role,
      requestId: 'sim-count',
      scopes: null,
    };
    const simulate = async () => {
      const counting = countingDatabase(t.deps.db);
      const started = performance.now();
      const view = await simulateSubsidyScheme({ id, year: 2026 }, actor, { ...t.deps, db: counting.db });
      return { view, queries: counting.queries(), ms: Math.round(performance.now() - started) };
    };
    const all = await simulate();
    expect(all.view.loansEvaluated).toBeGreaterThanOrEqual(cases.length);
    expect(all.view.loansEligible).toBeGreaterThan(0);
    // Two of the loans moved out of the year (disbursed after it): fewer loans, the same number of queries.
    const moved = cases.slice(1).map((x) => x.caseId);
    const [original] = await t.deps.db
      .select({ date: tables.loanAccounts.disbursementDate })
      .from(tables.loanAccounts)
      .where(inArray(tables.loanAccounts.caseId, moved));
    await t.deps.db
      .update(tables.loanAccounts)
      .set({ disbursementDate: '2027-01-05' })
      .where(inArray(tables.loanAccounts.caseId, moved));
    try {
      const fewer = await simulate();
      expect(fewer.view.loansEvaluated).toBe(all.view.loansEvaluated - moved.length);
      expect(fewer.queries).toBe(all.queries);
      // The scheme, the loans, seven ledger reads (cases, assets, registrations, repayments, guarantees,
      // policies, fee payments), the firms' grants and their names.
      expect(all.queries).toBeLessThanOrEqual(11);
      console.info(
        `subsidy simulation: ${all.view.loansEvaluated} loans in ${all.queries} queries, ${all.ms} ms; ` +
          `${fewer.view.loansEvaluated} loans in ${fewer.queries} queries, ${fewer.ms} ms`,
      );
    } finally {
      await t.deps.db
        .update(tables.loanAccounts)
        .set({ disbursementDate: original!.date })
        .where(inArray(tables.loanAccounts.caseId, moved));
    }
  });
});
