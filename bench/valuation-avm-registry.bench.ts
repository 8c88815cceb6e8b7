import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { eq, inArray, sql } from 'drizzle-orm';
import {
  chainedAuditWriter,
  runAvmBatch,
  runRegistryAvmBatch,
  seedDemoData,
  type Actor,
  type AppDeps,
} from '@ipf/app';
import { createSeededRandom } from '@ipf/domain/ip-asset';
import type { OrganisationKind, Role } from '@ipf/domain/party';
import { createTestDatabase, tables } from '@ipf/db';

/**
 * Batch AVM over the platform's own data (issue 7 item 4): the demo city (seed `bench-demo-seed`, 500
 * enterprises and their registry of about 5,000 rights) in in-memory PGlite (or PostgreSQL with DATABASE_URL),
 * then `runAvmBatch` as the city bureau over the whole registry and as one enterprise over its portfolio, and
 * the operator's `runRegistryAvmBatch`. Timed per run: loading (keyset pages of 1,000 with owners, status
 * history, licences and the latest valuation's facts) and scoring + valuing; reported per 1,000 patents.
 * An optional repetition count after the filter (default 5); the median run is reported.
 */
// A count meant for the in-memory bench (`valuation-avm 100000` runs both files) is not a repetition count.
const requested = Number(process.argv[3] ?? 5);
const REPEAT = Number.isInteger(requested) && requested >= 1 && requested <= 20 ? requested : 5;

export default async function benchValuationAvmRegistry(): Promise<void> {
  console.log(
    `load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const clock = { now: () => new Date('2026-03-02T02:00:00.000Z') };
  const deps: AppDeps = {
    db: undefined as unknown as AppDeps['db'],
    clock,
    audit: chainedAuditWriter,
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    dataKey: Buffer.alloc(32, 7),
    demoSeed: 'bench-demo-seed',
    sessionTtlMinutes: 60,
  };
  const seeding = performance.now();
  const handle = await createTestDatabase({
    prepare: async (h) => void (await seedDemoData({ ...deps, db: h.db })),
  });
  const db = handle.db;
  const withDb: AppDeps = { ...deps, db };
  const [assets] = await db.select({ n: sql<number>`count(*)::int` }).from(tables.ipAssets);
  const [patents] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(tables.ipAssets)
    .where(inArray(tables.ipAssets.kind, ['invention_patent', 'utility_model_patent']));
  console.log(
    `demo registry: ${assets!.n.toLocaleString('en')} rights, ${patents!.n.toLocaleString('en')} invention and utility-model patents (${handle.kind}); seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
  );

  const actorOf = async (login: string): Promise<Actor> => {
    const [row] = await db
      .select({
        userId: tables.users.id,
        organisationId: tables.organisations.id,
        kind: tables.organisations.kind,
        path: tables.organisations.path,
        district: tables.organisations.district,
        role: tables.memberships.role,
      })
      .from(tables.users)
      .innerJoin(tables.memberships, eq(tables.memberships.userId, tables.users.id))
      .innerJoin(tables.organisations, eq(tables.organisations.id, tables.memberships.organisationId))
      .where(eq(tables.users.login, login));
    return {
      userId: row!.userId,
      organisationId: row!.organisationId,
      organisationKind: row!.kind as OrganisationKind,
      organisationPath: row!.path,
      district: row!.district,
      role: row!.role as Role,
      requestId: 'bench',
      scopes: null,
    };
  };
  const bureau = await actorOf('bureau.city');
  const enterprise = await actorOf('ent001');

  const cases: { label: string; run: () => ReturnType<typeof runRegistryAvmBatch> }[] = [
    { label: 'whole registry, city bureau (runAvmBatch)', run: () => runAvmBatch({}, bureau, withDb) },
    { label: 'whole registry, operator (runRegistryAvmBatch)', run: () => runRegistryAvmBatch({}, withDb) },
    {
      label: 'one portfolio, enterprise ent001 (runAvmBatch)',
      run: () => runAvmBatch({}, enterprise, withDb),
    },
  ];
  const measureAll = async (title: string) => {
    console.log(`\n## ${title}`);
    for (const c of cases) await measureCase(c);
  };
  const measureCase = async (c: (typeof cases)[number]) => {
    await c.run(); // warm-up: JIT and PGlite caches
    const runs = [];
    for (let i = 0; i < REPEAT; i += 1) runs.push(await c.run());
    const sorted = [...runs].sort((a, b) => a.elapsedMs - b.elapsedMs);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const per1000 = (ms: number) => (median.count < 100 ? '–' : ((ms * 1000) / median.count).toFixed(1));
    console.log(`\n${c.label}: ${median.count.toLocaleString('en')} patents, median of ${REPEAT} runs`);
    console.log(
      `  load ${median.loadMs} ms + score + value ${median.scoreMs} ms = ${median.elapsedMs} ms; per 1,000 patents: load ${per1000(median.loadMs)} ms, score + value ${per1000(median.scoreMs)} ms, total ${per1000(median.elapsedMs)} ms`,
    );
    console.log(
      `  checksum: fnv ${median.checksum} (same in all ${REPEAT} runs: ${runs.every((r) => r.checksum === median.checksum) ? 'yes' : 'NO'}); Σ value ${median.totalValueYuan} yuan; mean score ${median.meanScore}; revenue known ${median.revenueKnownCount}`,
    );
  };
  await measureAll('registry facts and the demo valuations');

  // Supplementary facts as evaluators enter them: one pre-assessment per enterprise over all its patents, with
  // seeded random family, claims, citations and revenue, so the value path and the facts lookup are measured.
  const random = createSeededRandom(20260707);
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const owned = await db
    .select({ assetId: tables.ipAssetOwners.assetId, enterpriseId: tables.ipAssetOwners.enterpriseId })
    .from(tables.ipAssetOwners)
    .innerJoin(tables.ipAssets, eq(tables.ipAssets.id, tables.ipAssetOwners.assetId))
    .where(inArray(tables.ipAssets.kind, ['invention_patent', 'utility_model_patent']));
  const byEnterprise = new Map<string, string[]>();
  for (const o of owned)
    if (o.enterpriseId !== null)
      byEnterprise.set(o.enterpriseId, [...(byEnterprise.get(o.enterpriseId) ?? []), o.assetId]);
  let number = 0;
  for (const [enterpriseId, assetIds] of byEnterprise) {
    const id = randomUUID();
    number += 1;
    await db.insert(tables.valuations).values({
      id,
      number: `BENCH-${String(number).padStart(6, '0')}`,
      kind: 'pre_assessment',
      scenario: 'financing',
      organisationId: enterpriseId,
      createdByUserId: bureau.userId,
      enterpriseId,
      valuationDate: '2026-01-15',
      validUntil: '2027-01-14',
      valuers: [],
      method: 'income',
      inputs: {
        assets: assetIds.map((assetId) => ({
          assetId,
          weightsBps: { income: 10000, market: 0, cost: 0 },
          facts: {
            familySize: random() < 0.8 ? 1 : int(2, 12),
            claimsCount: int(1, 20),
            claimKinds: int(1, 3),
            forwardCitations: random() < 0.5 ? 0 : int(1, 15),
            annualRevenueYuan: `${int(10_000, 50_000_000)}.00`,
          },
        })),
      },
      results: {},
      valueFen: 0n,
      lowFen: 0n,
      highFen: 0n,
      pledgeValueFen: 0n,
      maxLoanFen: 0n,
      createdAt: clock.now(),
    });
    await db.insert(tables.valuationAssets).values(
      assetIds.map((assetId, position) => ({
        valuationId: id,
        assetId,
        position,
        valueFen: 0n,
        overallScore: null,
      })),
    );
  }
  await measureAll(`with supplementary facts from ${number} pre-assessments (seeded random, seed 20260707)`);
  await handle.close();
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}
