import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadValuationAssets } from '@ipf/app';
import { formatYuan } from '@ipf/domain/money';
import {
  AVM_PARAMETERS_2024,
  calculatePatentScore,
  calculateRoyaltyRelief,
  derivePatentScoringFacts,
  type PatentFactsSupplement,
} from '@ipf/domain/valuation';
import { tables } from '@ipf/db';
import { createTestApp, type TestApp, type TestSession } from './testing/create-test-app.ts';

// The test clock stands at 2026-03-02 (Asia/Shanghai).
const AS_OF = '2026-03-02';

interface Item {
  assetId: string;
  number: string;
  kind: string;
  ownerNames: string[];
  score: string;
  band: string;
  valueYuan: string;
  revenueKnown: boolean;
  unknownFacts: string[];
}
interface Batch {
  scope: string;
  count: number;
  asOfDate: string;
  parametersVersion: string;
  totalValueYuan: string;
  byBand: { key: string; count: number; valueYuan: string }[];
  byKind: { key: string; count: number; valueYuan: string }[];
  checksum: string;
  elapsedMs: number;
  items: Item[];
  total: number;
  page: number;
  pageSize: number;
  meanScore: string;
  runId: string | null;
}

interface Fixture {
  number: string;
  kind?: string;
  filingDate?: string;
  expiryDate?: string;
  annualFeePaidThrough?: string | null;
  flags?: string[];
  legalStatus?: string;
  ipcClasses?: string[];
  /** Facts entered with an earlier valuation (the registry does not hold them). */
  facts?: Record<string, unknown>;
}

/** The exact single-asset path: indicator score, then royalty relief at the AVM band's rates over a flat forecast. */
function expectedOf(
  asset: Parameters<typeof calculatePatentScore>[0]['asset'],
  supplement: PatentFactsSupplement,
) {
  const p = AVM_PARAMETERS_2024;
  const score = calculatePatentScore({ asset, asOfDate: AS_OF, weightTable: p.weightTable, supplement });
  const facts = derivePatentScoringFacts(asset, AS_OF, supplement);
  const hundredths = Number(score.overallScoreHundredths);
  const band = p.bands.find((b) => hundredths >= b.minScoreHundredths)!;
  const years = Math.min(p.maxLifeYears, Math.floor(facts.remainingDays / 365));
  const revenue = facts.annualRevenueFen ?? 0;
  const valueFen =
    years === 0 || revenue === 0
      ? 0n
      : calculateRoyaltyRelief({
          revenueForecastFen: Array.from({ length: years }, () => BigInt(revenue)),
          royaltyRate: band.royaltyRate,
          attributionShare: p.attributionShare,
          taxRate: p.taxRate,
          discountRate: band.discountRate,
        }).valueFen;
  return { score: score.overallScore, valueYuan: formatYuan(valueFen) };
}

describe('batch AVM 批量估值 over the registry', () => {
  let t: TestApp;
  let bureau: TestSession;
  let ent1: TestSession;
  let ent2: TestSession;
  let bank: TestSession;
  let ent1Id: string;
  let ent2Id: string;
  const supplements = new Map<string, PatentFactsSupplement>();
  const ent1Assets: string[] = [];

  const orgOf = async (login: string) => {
    const [row] = await t.handle.db
      .select({ id: tables.memberships.organisationId, userId: tables.users.id })
      .from(tables.memberships)
      .innerJoin(tables.users, eq(tables.users.id, tables.memberships.userId))
      .where(eq(tables.users.login, login));
    return row!;
  };

  const run = async (session: TestSession, query = '', expected = 200) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/valuations/avm-batch${query}`,
      headers: session.headers,
    });
    expect(response.statusCode, response.body).toBe(expected);
    return response.json<Batch>();
  };

  beforeAll(async () => {
    t = await createTestApp();
    [bureau, ent1, ent2, bank] = [
      await t.loginAs('bureau.city'),
      await t.loginAs('ent001'),
      await t.loginAs('ent002'),
      await t.loginAs('bank01.clerk'),
    ];
    const owner = await orgOf('ent001');
    ent1Id = owner.id;
    ent2Id = (await orgOf('ent002')).id;
    // ent001 gets exactly these assets: its demo assets pass to an off-platform owner of record.
    await t.handle.db
      .update(tables.ipAssetOwners)
      .set({ enterpriseId: null })
      .where(eq(tables.ipAssetOwners.enterpriseId, ent1Id));
    const [enterprise] = await t.handle.db
      .select({ name: tables.enterprises.name })
      .from(tables.enterprises)
      .where(eq(tables.enterprises.organisationId, ent1Id));
    const fixtures: Fixture[] = [
      {
        number: 'AVM-STRONG',
        ipcClasses: ['G06F 16/00', 'H04L 9/00'],
        facts: {
          familySize: 4,
          claimsCount: 12,
          claimKinds: 3,
          forwardCitations: 6,
          annualRevenueYuan: '38000000.00',
          priorFinancingCount: 2,
        },
      },
      { number: 'AVM-REVENUE-ONLY', facts: { annualRevenueYuan: '1234567.89' } },
      { number: 'AVM-PLAIN', ipcClasses: [] },
      {
        number: 'AVM-INVALIDATION',
        flags: ['invalidation_requested'],
        facts: { annualRevenueYuan: '500000.00' },
      },
      {
        number: 'AVM-FEE-DUE',
        kind: 'utility_model_patent',
        annualFeePaidThrough: '2026-01-01',
        filingDate: '2019-05-05',
        expiryDate: '2029-05-04',
      },
      { number: 'AVM-LAPSED', legalStatus: 'lapsed', facts: { annualRevenueYuan: '900000.00' } },
      { number: 'AVM-MARK', kind: 'trademark' },
    ];
    const now = t.clock.now();
    for (const f of fixtures) {
      const id = randomUUID();
      const kind = f.kind ?? 'invention_patent';
      const filingDate = f.filingDate ?? '2020-01-01';
      const expiryDate = f.expiryDate ?? '2039-12-31';
      await t.handle.db.insert(tables.ipAssets).values({
        id,
        kind,
        number: f.number,
        title: `批量估值测试 ${f.number}`,
        filingDate,
        grantDate: '2021-01-01',
        termFacts: { kind, filingDate },
        expiryDate,
        baseExpiryDate: expiryDate,
        termBasis: 'test',
        legalStatus: f.legalStatus ?? (kind === 'trademark' ? 'registered' : 'granted'),
        flags: f.flags ?? [],
        annualFeePaidThrough: f.annualFeePaidThrough === undefined ? '2027-12-31' : f.annualFeePaidThrough,
        ipcClasses: f.ipcClasses ?? (kind === 'trademark' ? [] : ['G06F 16/00']),
        niceClasses: kind === 'trademark' ? [9] : [],
        similarMarkAssetIds: [],
        source: 'test',
        createdAt: now,
        updatedAt: now,
      });
      await t.handle.db
        .insert(tables.ipAssetOwners)
        .values({ assetId: id, position: 0, enterpriseId: ent1Id, name: enterprise!.name, shareBps: 10000 });
      if (kind !== 'trademark') ent1Assets.push(id);
      if (f.facts === undefined) continue;
      // An earlier pre-assessment recorded the facts the registry lacks; the batch reads them from it.
      const valuationId = randomUUID();
      await t.handle.db.insert(tables.valuations).values({
        id: valuationId,
        number: `AVM-TEST-${f.number}`,
        kind: 'pre_assessment',
        scenario: 'financing',
        organisationId: ent1Id,
        createdByUserId: owner.userId,
        enterpriseId: ent1Id,
        valuationDate: '2026-01-15',
        validUntil: '2027-01-14',
        valuers: [],
        method: 'income',
        inputs: {
          assets: [{ assetId: id, weightsBps: { income: 10000, market: 0, cost: 0 }, facts: f.facts }],
        },
        results: {},
        valueFen: 0n,
        lowFen: 0n,
        highFen: 0n,
        pledgeValueFen: 0n,
        maxLoanFen: 0n,
        createdAt: now,
      });
      await t.handle.db
        .insert(tables.valuationAssets)
        .values({ valuationId, assetId: id, position: 0, valueFen: 0n, overallScore: null });
      const facts = f.facts as Record<string, number | string>;
      supplements.set(id, {
        ...(facts['familySize'] === undefined ? {} : { familySize: facts['familySize'] as number }),
        ...(facts['claimsCount'] === undefined ? {} : { claimsCount: facts['claimsCount'] as number }),
        ...(facts['claimKinds'] === undefined ? {} : { claimKinds: facts['claimKinds'] as 3 }),
        ...(facts['forwardCitations'] === undefined
          ? {}
          : { forwardCitations: facts['forwardCitations'] as number }),
        ...(facts['priorFinancingCount'] === undefined
          ? {}
          : { priorFinancingCount: facts['priorFinancingCount'] as number }),
        annualRevenueFen: Math.round(Number(facts['annualRevenueYuan']) * 100),
      });
    }
  });
  afterAll(async () => t.close());

  it('values each patent of a small portfolio exactly as the single-asset score and royalty relief do', async () => {
    const batch = await run(ent1, `?enterpriseId=${ent1Id}&pageSize=50`);
    expect(batch).toMatchObject({
      scope: 'enterprise',
      count: 6,
      total: 6,
      asOfDate: AS_OF,
      parametersVersion: 'avm-2024.1',
    });
    const loaded = await loadValuationAssets(t.handle.db, ent1Assets, sql`true`);
    let totalFen = 0n;
    for (const assetId of ent1Assets) {
      const expected = expectedOf(loaded.get(assetId)!.asset, supplements.get(assetId) ?? {});
      const item = batch.items.find((i) => i.assetId === assetId)!;
      expect({ number: item.number, score: item.score, valueYuan: item.valueYuan }).toEqual({
        number: item.number,
        ...expected,
      });
      totalFen += BigInt(expected.valueYuan.replace('.', ''));
    }
    expect(batch.totalValueYuan).toBe(formatYuan(totalFen));
    // The strong patent has every fact; the plain one lacks all of them and scores those indicators at 50.
    const strong = batch.items.find((i) => i.number === 'AVM-STRONG')!;
    expect(strong).toMatchObject({ revenueKnown: true, unknownFacts: [] });
    expect(Number(strong.valueYuan)).toBeGreaterThan(0);
    expect(batch.items.find((i) => i.number === 'AVM-PLAIN')!).toMatchObject({
      valueYuan: '0.00',
      revenueKnown: false,
      unknownFacts: [
        'ipcSubclassCount',
        'familySize',
        'claimsCount',
        'claimKinds',
        'forwardCitations',
        'annualRevenueFen',
      ],
    });
    expect(batch.items.find((i) => i.number === 'AVM-LAPSED')!.valueYuan).toBe('0.00');
    expect(batch.items.map((i) => i.number)).not.toContain('AVM-MARK');
    // Highest value first; the distributions add up to the count and the total.
    const values = batch.items.map((i) => BigInt(i.valueYuan.replace('.', '')));
    expect([...values].sort((a, b) => (b > a ? 1 : b < a ? -1 : 0))).toEqual(values);
    expect(batch.byBand.reduce((n, g) => n + g.count, 0)).toBe(6);
    expect(batch.byKind).toEqual([
      expect.objectContaining({ key: 'invention_patent', count: 5 }),
      expect.objectContaining({ key: 'utility_model_patent', count: 1 }),
    ]);
  });

  it('gives the same checksum and totals on every run of the same registry, and pages its results', async () => {
    const first = await run(bureau, '?pageSize=10');
    const second = await run(bureau, '?page=2&pageSize=10');
    expect(first.scope).toBe('registry');
    const [counted] = await t.handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(tables.ipAssets)
      .where(inArray(tables.ipAssets.kind, ['invention_patent', 'utility_model_patent']));
    expect(first.count).toBe(counted!.n);
    expect(second.checksum).toBe(first.checksum);
    expect(second.checksum).toMatch(/^[0-9a-f]{8}$/);
    expect(second.totalValueYuan).toBe(first.totalValueYuan);
    expect(first.items).toHaveLength(10);
    expect(second.items.map((i) => i.assetId)).not.toContain(first.items[0]!.assetId);
    expect(first.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('runs a list of assets sent by POST', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/valuations/avm-batch',
      headers: ent1.headers,
      payload: { assetIds: ent1Assets.slice(0, 2) },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<Batch>()).toMatchObject({ scope: 'assets', count: 2 });
  });

  it('refuses the whole registry to a bank and limits an enterprise to its own portfolio', async () => {
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/valuations/avm-batch',
      headers: bank.headers,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ code: string }>().code).toBe('VALUATION_AVM_SCOPE_NOT_ALLOWED');

    // Another enterprise's portfolio is NOT_FOUND, like one that does not exist.
    await run(ent2, `?enterpriseId=${ent1Id}`, 404);
    // Without a scope, an enterprise runs its own portfolio; a list of assets is cut to what it may see.
    const own = await run(ent1);
    expect(own).toMatchObject({ scope: 'enterprise', count: 6 });
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/valuations/avm-batch',
      headers: ent2.headers,
      payload: { assetIds: ent1Assets },
    });
    expect(foreign.json<Batch>().count).toBe(0);

    // A bank runs a customer's portfolio.
    const bankOrg = (await orgOf('bank01.clerk')).id;
    const [link] = await t.handle.db
      .select({ enterpriseId: tables.customerLinks.enterpriseId })
      .from(tables.customerLinks)
      .where(eq(tables.customerLinks.bankUnitId, bankOrg))
      .limit(1);
    if (link !== undefined) {
      const customer = await run(bank, `?enterpriseId=${link.enterpriseId}`);
      expect(customer.scope).toBe('enterprise');
    }
    expect(ent2Id).not.toBe(ent1Id);
  });

  it('exports every result to xlsx with the checksum of the run', async () => {
    const batch = await run(ent1, `?enterpriseId=${ent1Id}`);
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/valuations/avm-batch/export?enterpriseId=${ent1Id}`,
      headers: ent1.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const cells = sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : []));
    expect(cells).toContain('AVM-STRONG');
    expect(cells).toContain(batch.checksum);
    expect(cells).toContain(batch.totalValueYuan);
  });

  it('stores each run with who ran it, when, its scope, count, duration and summary, and lists them by organisation', async () => {
    const before = await t.handle.db.select({ n: sql<number>`count(*)::int` }).from(tables.avmRuns);
    const batch = await run(ent1, `?enterpriseId=${ent1Id}&pageSize=5`);
    // A later page recomputes the same run to show it and is not stored again.
    const later = await run(ent1, `?enterpriseId=${ent1Id}&page=2&pageSize=5`);
    expect(later.runId).toBeNull();
    // Newest first is by time: on one clock instant PostgreSQL may list equal times in any order.
    t.clock.advance(1_000);
    const registry = await run(bureau, '?pageSize=5');
    const after = await t.handle.db.select({ n: sql<number>`count(*)::int` }).from(tables.avmRuns);
    expect(after[0]!.n).toBe(before[0]!.n + 2);

    type Run = {
      id: string;
      source: string;
      runBy: { name: string } | null;
      organisation: { id: string } | null;
      role: string | null;
      scope: string;
      enterprise: { id: string } | null;
      count: number;
      asOfDate: string;
      totalValueYuan: string;
      meanScore: string;
      checksum: string;
      elapsedMs: number;
      byBand: { key: string; count: number }[];
      startedAt: string;
    };
    const list = async (session: TestSession, query = '') => {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/valuations/avm-runs?pageSize=50${query}`,
        headers: session.headers,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ items: Run[]; total: number }>();
    };
    const own = await list(ent1);
    const stored = own.items.find((r) => r.id === batch.runId)!;
    expect(stored).toMatchObject({
      source: 'api',
      organisation: { id: ent1Id },
      role: 'enterprise_user',
      scope: 'enterprise',
      enterprise: { id: ent1Id },
      count: batch.count,
      asOfDate: batch.asOfDate,
      totalValueYuan: batch.totalValueYuan,
      meanScore: batch.meanScore,
      checksum: batch.checksum,
      elapsedMs: batch.elapsedMs,
    });
    expect(stored.runBy?.name).toBeTruthy();
    expect(stored.byBand.reduce((n, g) => n + g.count, 0)).toBe(batch.count);
    // Another enterprise sees none of ent001's runs; the city bureau sees both, newest first, and filters by scope.
    expect((await list(ent2)).items.map((r) => r.id)).not.toContain(batch.runId);
    const all = await list(bureau);
    expect(all.items.map((r) => r.id)).toEqual(expect.arrayContaining([batch.runId, registry.runId]));
    expect(all.items.findIndex((r) => r.id === registry.runId)).toBeLessThan(
      all.items.findIndex((r) => r.id === batch.runId),
    );
    expect((await list(bureau, '&scope=registry')).items.every((r) => r.scope === 'registry')).toBe(true);
    const [audited] = await t.handle.db
      .select({ action: tables.auditEvents.action })
      .from(tables.auditEvents)
      .where(eq(tables.auditEvents.entityId, batch.runId!));
    expect(audited?.action).toBe('valuation.avm_batch_run');
  });
});
