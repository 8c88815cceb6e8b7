import { sql, type SQL } from 'drizzle-orm';
import { sm2 } from 'sm-crypto-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateDemoParties,
  readXlsxRows,
  systemActor,
  writeCaseTransition,
  type LedgerDashboard,
} from '@ipf/app';
import { tables } from '@ipf/db';
import { caseStates, findCaseTransition, type CaseAction, type CaseState } from '@ipf/domain/ledger';
import { createTestApp, TEST_DEMO_SEED, type TestApp, type TestSession } from './testing/create-test-app.ts';
import { completeDueDiligence } from './testing/complete-due-diligence.ts';
import { lowRiskFacts } from './testing/low-risk-facts.ts';

type Case = { id: string; state: string; version: number };
type CaseRow = {
  caseNumber: string;
  enterpriseName: string;
  bankId: string;
  bankUnitName: string;
  state: string;
  amountYuan: string | null;
  termMonths: number | null;
  stateEnteredAt: string;
  updatedAt: string;
};

/**
 * The dashboard's figures are checked against SQL this test writes itself over the ledger tables. Cases reach
 * `registered` through the real API (application, evaluation chain, approval, SM2-signed contracts, the built-in
 * authority); the servicing moves after registration (disburse … non-performing) use the committed transition table
 * through `writeCaseTransition`, standing in for the servicing use cases until they land.
 */
describe('ledger dashboard and export: every figure equals an independent SQL query, scoped by visibility', () => {
  let t: TestApp;
  const parties = generateDemoParties(TEST_DEMO_SEED);
  const orgOf = (login: string) => parties.users.find((u) => u.login === login)!.organisationId;
  const sessions = new Map<string, TestSession>();
  const keyOf = new Map<string, { sign: (digestHex: string) => string; certificateId: string }>();
  /** Eligible invention patents with their owner's login, taken one per case. */
  const patents: { owner: string; assetId: string }[] = [];
  const owners = ['ent001', 'ent002', 'ent003', 'ent004', 'ent005', 'ent006', 'ent007', 'ent008'];
  /** A second-kind asset (trademark or software copyright) of an owner, for a case pledging two kinds. */
  let otherKindAsset: { login: string; assetId: string } | null = null;
  const banks = new Map<string, { productId: string }>();

  const api = (login: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: sessions.get(login)!.headers,
      ...(payload === undefined ? {} : { payload }),
    });
  /** Raw SQL rows; the shape is the same on PGlite and node-postgres (`{ rows }`). */
  async function rows<T>(query: SQL): Promise<T[]> {
    const result: unknown = await t.deps.db.execute(query);
    return (result as { rows: T[] }).rows;
  }

  async function apply(owner: string, bank: string, amountYuan: string, assetIds: string[]): Promise<string> {
    const res = await api(owner, 'POST', '/api/cases', {
      bankUnitId: orgOf(`${bank}.clerk`),
      productId: banks.get(bank)!.productId,
      amountYuan,
      termMonths: 12,
      repaymentMethod: 'annuity',
      spreadBps: 50,
      combinedModel: 'pledge_only',
      assetIds,
      consentExpiresOn: '2027-03-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Case>().id;
  }

  /** Application → evaluation chain → approval → contracts signed → pledge registered (built-in authority). */
  async function registeredCase(bank: string, amountYuan: string): Promise<string> {
    const { owner, assetId } = patents.shift()!;
    const caseId = await apply(owner, bank, amountYuan, [assetId]);
    const clerk = `${bank}.clerk`;
    const step = async (login: string, action: string, payload: object) => {
      const res = await api(login, 'POST', `/api/cases/${caseId}/${action}`, payload);
      expect(res.statusCode, res.body).toBe(200);
      return res;
    };
    await step(clerk, 'due-diligence', completeDueDiligence);
    await step(clerk, 'risk-evaluation', {
      facts: lowRiskFacts,
    });
    await step(clerk, 'value-evaluation', {
      basis: 'formal_report',
      evaluatorName: '中衡资产评估有限公司（演示）',
      valuers: ['王评估', '李评估'],
      method: 'income',
      valuationDate: '2026-02-20',
      validUntil: '2027-02-19',
      assetValues: [{ assetId, valueYuan: '5000000.00' }],
    });
    await step(clerk, 'credit-rating', { creditRating: 'A', creditLineYuan: amountYuan });
    await step(`${bank}.approver`, 'approve', {});
    const prepared = await step(clerk, 'contracts', {});
    const documents = prepared.json<{ id: string; sm3DigestHex: string; superseded: boolean }[]>();
    const key = keyOf.get(owner)!;
    const signed = await step(owner, 'signatures', {
      signatures: documents
        .filter((d) => !d.superseded)
        .map((d) => ({
          documentId: d.id,
          digestHex: d.sm3DigestHex,
          signatureHex: key.sign(d.sm3DigestHex),
          certificateId: key.certificateId,
        })),
    });
    expect(signed.json<Case>().state).toBe('contracted');
    await step(clerk, 'registrations', {});
    return caseId;
  }

  /** Servicing moves along the committed transition table (timeline and audit written as for any transition). */
  async function move(caseId: string, actions: CaseAction[]): Promise<void> {
    for (const action of actions) {
      await t.deps.db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(tables.financingCases)
          .where(sql`${tables.financingCases.id} = ${caseId}`);
        const transition = findCaseTransition(row!.state as CaseState, action);
        expect(transition, `${row!.state} ${action}`).not.toBeNull();
        const [user] = await tx
          .select({ id: tables.users.id })
          .from(tables.users)
          .where(sql`${tables.users.login} = 'bank01.clerk'`);
        await writeCaseTransition(
          tx,
          t.deps,
          { ...systemActor('dashboard-test'), userId: user!.id },
          { row: row!, action, to: transition!.to },
          t.clock.now(),
        );
      });
    }
  }

  const dashboard = async (login: string, query = '') => {
    const res = await api(login, 'GET', `/api/dashboards/ledger${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<LedgerDashboard>();
  };

  /** The visibility of `login` in the test's own words: a bank unit's subtree, a district, or everything. */
  function scopeSql(login: string): SQL {
    if (login.startsWith('bank'))
      return sql`exists (select 1 from organisations u where u.id = fc.bank_unit_id
        and u.path like (select path from organisations where id = ${orgOf(login)}) || '%')`;
    if (login.startsWith('bureau.') && login !== 'bureau.city')
      return sql`exists (select 1 from enterprises e where e.organisation_id = fc.enterprise_id
        and e.district = ${login.slice('bureau.'.length)})`;
    return sql`true`;
  }
  const yuan = (fenColumn: string) =>
    sql.raw(`(coalesce(sum(${fenColumn}), 0)::numeric / 100)::numeric(20, 2)::text`);

  /** Every figure of `login`'s dashboard against the test's SQL (optionally with an extra condition on `fc`). */
  async function expectDashboardEqualsSql(login: string, query = '', extra: SQL = sql`true`) {
    const d = await dashboard(login, query);
    const where = sql`${scopeSql(login)} and ${extra}`;
    const byState = await rows<{ state: string; n: number; amount: string }>(
      sql`select fc.state, count(*)::int as n, ${yuan('fc.amount_fen')} as amount
          from financing_cases fc where ${where} group by fc.state`,
    );
    const order = (s: string) => caseStates.findIndex((c) => c.code === s);
    expect(d.byState).toEqual(
      byState
        .sort((a, b) => order(a.state) - order(b.state))
        .map((r) => ({ state: r.state, caseCount: r.n, amountYuan: r.amount })),
    );
    const [totals] = await rows<{ n: number; amount: string }>(
      sql`select count(*)::int as n, ${yuan('fc.amount_fen')} as amount from financing_cases fc where ${where}`,
    );
    expect(d.totals).toEqual({ caseCount: totals!.n, amountYuan: totals!.amount });

    const byDistrict = await rows<{ district: string | null; n: number; amount: string }>(
      sql`select e.district, count(*)::int as n, ${yuan('fc.amount_fen')} as amount
          from financing_cases fc left join enterprises e on e.organisation_id = fc.enterprise_id
          where ${where} group by e.district`,
    );
    const key = (r: { caseCount: number; amountYuan: string }, name: string | null) =>
      `${name ?? '-'}:${r.caseCount}:${r.amountYuan}`;
    expect(d.byDistrict.map((r) => key(r, r.district)).sort()).toEqual(
      byDistrict.map((r) => key({ caseCount: r.n, amountYuan: r.amount }, r.district)).sort(),
    );

    const byBank = await rows<{ bank_id: string; name: string; n: number; amount: string }>(
      sql`select fc.bank_id, o.name_zh as name, count(*)::int as n, ${yuan('fc.amount_fen')} as amount
          from financing_cases fc join organisations o on o.id = fc.bank_id
          where ${where} group by fc.bank_id, o.name_zh`,
    );
    expect(d.byBank.map((r) => `${r.bankNameZh}/${key(r, r.bankId)}`).sort()).toEqual(
      byBank.map((r) => `${r.name}/${key({ caseCount: r.n, amountYuan: r.amount }, r.bank_id)}`).sort(),
    );

    // A case counts under the kind of its first asset (lowest position); "pledging" counts it under each kind.
    const byKind = await rows<{ kind: string | null; n: number; amount: string }>(
      sql`select first.kind, count(*)::int as n, ${yuan('fc.amount_fen')} as amount
          from financing_cases fc
          left join lateral (select ca.kind from case_assets ca where ca.case_id = fc.id
                             order by ca.position limit 1) first on true
          where ${where} group by first.kind`,
    );
    const pledging = await rows<{ kind: string; n: number }>(
      sql`select ca.kind, count(distinct fc.id)::int as n from financing_cases fc
          join case_assets ca on ca.case_id = fc.id where ${where} group by ca.kind`,
    );
    const kindKey = (kind: string | null, n: number, amount: string, p: number) =>
      `${kind}:${n}:${amount}:${p}`;
    const expectedKinds = new Map<string | null, string>();
    for (const r of byKind)
      expectedKinds.set(
        r.kind,
        kindKey(r.kind, r.n, r.amount, pledging.find((p) => p.kind === r.kind)?.n ?? 0),
      );
    for (const p of pledging)
      if (!expectedKinds.has(p.kind)) expectedKinds.set(p.kind, kindKey(p.kind, 0, '0.00', p.n));
    expect(
      d.byIpKind.map((r) => kindKey(r.ipKind, r.caseCount, r.amountYuan, r.casesPledgingKind)).sort(),
    ).toEqual([...expectedKinds.values()].sort());

    // Registered pledges: filings that were given a registration number, by the year of the decision.
    const byYear = await rows<{ year: number; filings: number; cases: number; amount: string }>(
      sql`select date_part('year', pr.decision_date)::int as year, count(*)::int as filings,
                 count(distinct pr.case_id)::int as cases, ${yuan('pr.secured_amount_fen')} as amount
          from pledge_registrations pr join financing_cases fc on fc.id = pr.case_id
          where pr.registration_number is not null and ${where}
          group by 1 order by 1`,
    );
    expect(d.registeredPledgesByYear).toEqual(
      byYear.map((r) => ({
        year: r.year,
        registrationCount: r.filings,
        caseCount: r.cases,
        securedAmountYuan: r.amount,
      })),
    );

    const [npl] = await rows<{
      npl_n: number;
      npl: string;
      out_n: number;
      outstanding: string;
      ratio: string | null;
    }>(
      sql`select count(*) filter (where fc.state in ('non_performing', 'compensating', 'disposing'))::int as npl_n,
                 ${sql.raw(`(coalesce(sum(fc.amount_fen) filter (where fc.state in ('non_performing', 'compensating', 'disposing')), 0)::numeric / 100)::numeric(20, 2)::text`)} as npl,
                 count(*) filter (where fc.state in ('disbursed', 'repaying', 'overdue', 'non_performing', 'compensating', 'disposing'))::int as out_n,
                 ${sql.raw(`(coalesce(sum(fc.amount_fen) filter (where fc.state in ('disbursed', 'repaying', 'overdue', 'non_performing', 'compensating', 'disposing')), 0)::numeric / 100)::numeric(20, 2)::text`)} as outstanding,
                 round(sum(fc.amount_fen) filter (where fc.state in ('non_performing', 'compensating', 'disposing'))::numeric * 100
                       / nullif(sum(fc.amount_fen) filter (where fc.state in ('disbursed', 'repaying', 'overdue', 'non_performing', 'compensating', 'disposing')), 0), 2)::text as ratio
          from financing_cases fc where ${where}`,
    );
    expect(d.nonPerformingLoans).toMatchObject({
      nonPerformingCaseCount: npl!.npl_n,
      nonPerformingAmountYuan: npl!.npl,
      outstandingCaseCount: npl!.out_n,
      outstandingAmountYuan: npl!.outstanding,
      // Postgres rounds numeric half away from zero: half up for these non-negative amounts.
      ratioPct: npl!.out_n === 0 ? null : (npl!.ratio ?? '0.00'),
      rounding: 'halfUp',
    });
    return d;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const logins = [
      ...owners,
      'bank01.clerk',
      'bank01.approver',
      'bank01.hq',
      'bank02.clerk',
      'bank02.approver',
      'bureau.city',
      'pboc.analyst',
    ];
    for (const login of logins) sessions.set(login, await t.loginAs(login));
    for (const bank of ['bank01', 'bank02']) {
      const products = (await api(`${bank}.clerk`, 'GET', '/api/bank-products')).json<
        { id: string; code: string }[]
      >();
      banks.set(bank, { productId: products.find((p) => p.code === 'prd-demo-ipdai')!.id });
    }
    for (const owner of owners) {
      const { privateKey, publicKey } = sm2.generateKeyPairHex();
      const certificate = await api(owner, 'POST', '/api/signing-certificates', { publicKeyHex: publicKey });
      expect(certificate.statusCode, certificate.body).toBe(201);
      keyOf.set(owner, {
        certificateId: certificate.json<{ id: string }>().id,
        sign: (digestHex) =>
          sm2.doSignature(sm2.hexToArray(digestHex), privateKey, {
            hash: true,
            publicKey,
            userId: '1234567812345678',
          }),
      });
      const eligible = async (assetId: string) =>
        (
          await api(owner, 'POST', `/api/ip-assets/${assetId}/eligibility`, {
            debtMaturityDate: '2027-03-02',
            pledgeeOrganisationId: orgOf('bank01.clerk'),
          })
        ).json<{ eligible: boolean }>().eligible;
      const owned = (await api(owner, 'GET', '/api/ip-assets?kind=invention_patent&pageSize=200')).json<{
        items: { id: string }[];
      }>().items;
      for (const p of owned) if (await eligible(p.id)) patents.push({ owner, assetId: p.id });
      for (const kind of ['trademark', 'software_copyright']) {
        if (otherKindAsset !== null) break;
        const assets = (await api(owner, 'GET', `/api/ip-assets?kind=${kind}&pageSize=50`)).json<{
          items: { id: string }[];
        }>().items;
        for (const a of assets)
          if (otherKindAsset === null && (await eligible(a.id)))
            otherKindAsset = { login: owner, assetId: a.id };
      }
    }
    expect(patents.length).toBeGreaterThanOrEqual(9);
    // The two-kind case needs a patent of the second-kind asset's owner: keep one back for it.
    const mixed = otherKindAsset;
    const mixedPatentIndex = mixed === null ? -1 : patents.findIndex((p) => p.owner === mixed.login);
    const mixedPatent = mixedPatentIndex === -1 ? null : patents.splice(mixedPatentIndex, 1)[0]!;

    // Bank 01 (its Nanshan sub-branch): repaying, non-performing, compensating.
    const repaying = await registeredCase('bank01', '1000000.00');
    await move(repaying, ['disburse', 'start_repayment']);
    const npl = await registeredCase('bank01', '1200000.37');
    await move(npl, ['disburse', 'start_repayment', 'mark_overdue', 'classify_non_performing']);
    const compensating = await registeredCase('bank01', '900000.01');
    await move(compensating, [
      'disburse',
      'start_repayment',
      'mark_overdue',
      'classify_non_performing',
      'file_claim',
    ]);
    // Bank 02: overdue, written off (off the books: neither NPL nor outstanding), registered.
    const overdue = await registeredCase('bank02', '1100000.50');
    await move(overdue, ['disburse', 'start_repayment', 'mark_overdue']);
    const writtenOff = await registeredCase('bank02', '750000.99');
    await move(writtenOff, [
      'disburse',
      'start_repayment',
      'mark_overdue',
      'classify_non_performing',
      'write_off',
    ]);
    await registeredCase('bank02', '1234567.89');

    // Ten days later: applications only (the application-date filter separates them).
    t.clock.advance(10 * 86_400_000);
    for (const login of logins) sessions.set(login, await t.loginAs(login)); // sessions expired meanwhile
    if (mixed !== null && mixedPatent !== null)
      await apply(mixed.login, 'bank01', '600000.00', [mixedPatent.assetId, mixed.assetId]);
    const a = patents.shift()!;
    await apply(a.owner, 'bank01', '333333.33', [a.assetId]);
    const b = patents.shift()!;
    await apply(b.owner, 'bank02', '444444.44', [b.assetId]);
  }, 300_000);
  afterAll(async () => t.close());

  it('gives the city bureau and a regulator every figure over all cases, equal to the SQL', async () => {
    const city = await expectDashboardEqualsSql('bureau.city');
    expect(city.totals.caseCount).toBeGreaterThanOrEqual(8);
    // The two-kind case counts once under its first asset's kind and under both kinds as "pledging".
    expect(otherKindAsset).not.toBeNull();
    const trademarkOrSoftware = city.byIpKind.filter((k) => k.ipKind !== 'invention_patent');
    expect(trademarkOrSoftware).toEqual([
      expect.objectContaining({ caseCount: 0, amountYuan: '0.00', casesPledgingKind: 1 }),
    ]);
    expect(city.byIpKind.reduce((n, k) => n + k.caseCount, 0)).toBe(city.totals.caseCount);
    expect(city.byBank.map((b) => b.bankId).sort()).toEqual([orgOf('bank01.hq'), orgOf('bank02.hq')].sort());
    // NPL: 1,200,000.37 + 900,000.01 over those two, the repaying 1,000,000.00 and the overdue 1,100,000.50.
    expect(city.nonPerformingLoans).toMatchObject({
      nonPerformingAmountYuan: '2100000.38',
      outstandingAmountYuan: '4200000.88',
      ratioPct: '50.00',
    });
    expect(city.registeredPledgesByYear).toEqual([
      { year: 2026, registrationCount: 6, caseCount: 6, securedAmountYuan: '6184569.76' },
    ]);
    await expectDashboardEqualsSql('pboc.analyst');
  });

  it('scopes a bank to its hierarchy: the branch and the head office see bank 01 only, the SQL agrees', async () => {
    const branch = await expectDashboardEqualsSql('bank01.approver');
    expect(branch.byBank.map((b) => b.bankId)).toEqual([orgOf('bank01.hq')]);
    expect(branch.nonPerformingLoans.ratioPct).toBe('67.74');
    const hq = await expectDashboardEqualsSql('bank01.hq');
    expect(hq.totals).toEqual(branch.totals);
  });

  it('never shows a bank another bank’s figures, even when it filters on that bank', async () => {
    const own = await expectDashboardEqualsSql('bank02.approver');
    expect(own.byBank.map((b) => b.bankId)).toEqual([orgOf('bank02.hq')]);
    // Written off is neither outstanding nor NPL: bank 02 has one overdue loan outstanding and no NPL.
    expect(own.nonPerformingLoans).toMatchObject({
      nonPerformingCaseCount: 0,
      outstandingCaseCount: 1,
      ratioPct: '0.00',
    });
    const other = await dashboard('bank02.approver', `?bankId=${orgOf('bank01.hq')}`);
    expect(other.totals).toEqual({ caseCount: 0, amountYuan: '0.00' });
    expect(other.byState).toEqual([]);
    expect(other.nonPerformingLoans.ratioPct).toBeNull();
  });

  it('applies the filters (application dates in Shanghai days, district, bank, IP kind) exactly as the SQL does', async () => {
    const later = await expectDashboardEqualsSql(
      'bureau.city',
      '?applicationDateFrom=2026-03-12',
      sql`exists (select 1 from case_events ev where ev.case_id = fc.id and ev.action = 'apply'
                  and ev.occurred_at >= '2026-03-12T00:00:00+08:00')`,
    );
    expect(later.byState.map((s) => s.state)).toEqual(['applied']);
    const earlier = await expectDashboardEqualsSql(
      'bureau.city',
      '?applicationDateFrom=2026-03-01&applicationDateTo=2026-03-02',
      sql`exists (select 1 from case_events ev where ev.case_id = fc.id and ev.action = 'apply'
                  and ev.occurred_at >= '2026-03-01T00:00:00+08:00' and ev.occurred_at < '2026-03-03T00:00:00+08:00')`,
    );
    expect(earlier.totals.caseCount + later.totals.caseCount).toBe(
      (await dashboard('bureau.city')).totals.caseCount,
    );

    const district = parties.enterprises.find((e) => e.organisationId === orgOf('ent001'))!.district;
    await expectDashboardEqualsSql(
      'bureau.city',
      `?district=${district}`,
      sql`exists (select 1 from enterprises e where e.organisation_id = fc.enterprise_id and e.district = ${district})`,
    );
    await expectDashboardEqualsSql(
      'bureau.city',
      `?bankId=${orgOf('bank02.hq')}`,
      sql`fc.bank_id = ${orgOf('bank02.hq')}`,
    );
    const kind = otherKindAsset === null ? 'invention_patent' : 'trademark';
    await expectDashboardEqualsSql(
      'bureau.city',
      `?ipKind=${kind}`,
      sql`exists (select 1 from case_assets ca where ca.case_id = fc.id and ca.kind = ${kind})`,
    );
  });

  it('refuses the dashboard to an enterprise (the matrix gives it no row)', async () => {
    const res = await api('ent001', 'GET', '/api/dashboards/ledger');
    expect(res.statusCode).toBe(403);
  });

  it('exports exactly the ledger list’s rows as xlsx with Chinese headers and amounts in yuan with two decimals', async () => {
    for (const [login, query] of [
      ['bank01.approver', ''],
      ['bureau.city', ''],
      ['bureau.city', 'state=applied'],
    ] as const) {
      const file = await api(login, 'GET', `/api/cases/export${query === '' ? '' : `?${query}`}`);
      expect(file.statusCode, file.body).toBe(200);
      expect(file.headers['content-type']).toContain('spreadsheetml');
      const read: string[][] = [];
      for await (const row of readXlsxRows(file.rawPayload)) read.push(row.cells);
      expect(read[0]).toEqual([
        '案件编号',
        '企业',
        '所属银行',
        '经办机构',
        '状态',
        '金额（元）',
        '期限（月）',
        '申请日期',
        '当前状态起始日期',
        '最近更新日期',
      ]);
      const list = (
        await api(login, 'GET', `/api/cases?pageSize=200${query === '' ? '' : `&${query}`}`)
      ).json<{
        items: CaseRow[];
        total: number;
      }>();
      expect(read.length - 1).toBe(list.total);
      const bankName = new Map(parties.organisations.map((o) => [o.id, o.nameZh]));
      const label = new Map<string, string>(caseStates.map((s) => [s.code, s.zh]));
      const day = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
      expect(read.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[8], r[9]])).toEqual(
        list.items.map((c) => [
          c.caseNumber,
          c.enterpriseName,
          bankName.get(c.bankId),
          c.bankUnitName,
          label.get(c.state),
          c.amountYuan ?? '',
          c.termMonths === null ? '' : String(c.termMonths),
          day(c.stateEnteredAt),
          day(c.updatedAt),
        ]),
      );
      for (const r of read.slice(1)) expect(r[5]).toMatch(/^\d+\.\d{2}$/);
    }
  });
});
