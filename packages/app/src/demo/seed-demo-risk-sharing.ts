import { randomUUID } from 'node:crypto';
import { count, inArray } from 'drizzle-orm';
import { addDays } from '@ipf/domain/calendar';
import { CITY_POOL_RATIOS_EXAMPLE } from '@ipf/domain/risk-sharing';
import { tables } from '@ipf/db';
import { systemActor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { generateDemoParties } from './generate-demo-parties.ts';
import { DEMO_LEDGER_HISTORY_DAYS } from './seed-demo-ledger.ts';

const YUAN = 100n;

/**
 * *Example* guarantor products: coverage, annual fee, the city re-guarantee fund's share (20%–50%), and the days
 * overdue after which the guarantor compensates (代偿触发).
 */
const DEMO_GUARANTEE_PRODUCTS = [
  {
    login: 'guarantor1.user',
    code: 'IP-SME',
    zh: '知识产权质押融资担保（小微）',
    en: 'IP pledge loan guarantee (SME)',
    coverageShareBps: 7000,
    feeRateBps: 80,
    reGuaranteeShareBps: 3000,
    compensationOverdueDays: 90,
  },
  {
    login: 'guarantor1.user',
    code: 'IP-STD',
    zh: '知识产权质押融资担保',
    en: 'IP pledge loan guarantee',
    coverageShareBps: 8000,
    feeRateBps: 100,
    reGuaranteeShareBps: 5000,
    compensationOverdueDays: 90,
  },
  {
    login: 'guarantor2.user',
    code: 'IP-STD',
    zh: '知识产权质押融资担保',
    en: 'IP pledge loan guarantee',
    coverageShareBps: 7500,
    feeRateBps: 150,
    reGuaranteeShareBps: 4000,
    compensationOverdueDays: 60,
  },
] as const;

/** *Example* article-八 policies on record: insurer, enterprise, kind, premium and sum insured in yuan. */
const DEMO_POLICIES = [
  {
    insurer: 'insurer1.user',
    enterprise: 'ent001',
    kind: 'infringement_liability',
    premiumYuan: 12_000n,
    sumInsuredYuan: 2_000_000n,
  },
  {
    insurer: 'insurer1.user',
    enterprise: 'ent002',
    kind: 'enforcement',
    premiumYuan: 8_000n,
    sumInsuredYuan: 500_000n,
  },
  {
    insurer: 'insurer2.user',
    enterprise: 'ent003',
    kind: 'overseas_infringement',
    premiumYuan: 30_000n,
    sumInsuredYuan: 5_000_000n,
  },
  {
    insurer: 'insurer3.user',
    enterprise: 'ent004',
    kind: 'transaction',
    premiumYuan: 5_000n,
    sumInsuredYuan: 1_000_000n,
  },
] as const;

/**
 * 演示分险数据: guarantor products (with the city re-guarantee fund), the city pool (CNY 5 bn, IP pledge loans
 * 1 : 1) and the 坪山 district pool (CNY 10 m) with yearly budgets and member banks (every demo bank in the city
 * pool, bank01–bank04 in 坪山) from before the demo ledger's history, and a few article-八 policies. Figures are
 * *examples* (domain-reference.md). Demo disbursements then file their loans and fix their agreements through
 * the disbursement itself. Does nothing when pools exist already.
 */
export async function seedDemoRiskSharing(deps: AppDeps): Promise<{ readonly seeded: boolean }> {
  const [existing] = await deps.db.select({ n: count() }).from(tables.riskPools);
  if ((existing?.n ?? 0) > 0) return { seeded: false };
  const parties = generateDemoParties(deps.demoSeed);
  const orgOf = (login: string) => parties.users.find((u) => u.login === login)?.organisationId;
  const reGuarantorId = orgOf('reguarantor.user');
  const cityPoolOrg = orgOf('pool.city');
  const pingshanPoolOrg = orgOf('pool.pingshan');
  if (reGuarantorId === undefined || cityPoolOrg === undefined || pingshanPoolOrg === undefined)
    return { seeded: false };
  const banks = parties.organisations.filter((o) => o.kind === 'bank' && o.parentId === null);
  const bankByLogin = (n: number) => orgOf(`bank${String(n).padStart(2, '0')}.hq`);
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  const fromDate = addDays(today, -(DEMO_LEDGER_HISTORY_DAYS + 30));
  const years: number[] = [];
  for (let y = Number(fromDate.slice(0, 4)); y <= Number(today.slice(0, 4)); y++) years.push(y);
  const admin = systemActor('demo-seed');
  const logins = [
    'pool.city',
    ...DEMO_GUARANTEE_PRODUCTS.map((p) => p.login),
    ...DEMO_POLICIES.map((p) => p.insurer),
  ];
  const userRows = await deps.db
    .select({ id: tables.users.id, login: tables.users.login })
    .from(tables.users)
    .where(inArray(tables.users.login, logins));
  const userIds = new Map(userRows.map((u) => [u.login, u.id]));
  const userOf = (login: string) => userIds.get(login);

  const productRows: (typeof tables.guaranteeProducts.$inferInsert)[] = [];
  for (const p of DEMO_GUARANTEE_PRODUCTS) {
    const guarantorId = orgOf(p.login);
    const createdByUserId = userOf(p.login);
    if (guarantorId === undefined || createdByUserId === undefined) continue;
    productRows.push({
      id: randomUUID(),
      guarantorId,
      code: p.code,
      nameZh: p.zh,
      nameEn: p.en,
      coverageShareBps: p.coverageShareBps,
      feeRateBps: p.feeRateBps,
      reGuaranteeShareBps: p.reGuaranteeShareBps,
      compensationOverdueDays: p.compensationOverdueDays,
      reGuarantorId,
      createdByUserId,
      createdAt: now,
      updatedAt: now,
    });
  }
  const ratios = CITY_POOL_RATIOS_EXAMPLE.map((r) => ({ ...r, ratioBps: r.ratioBps.toString() }));
  const pools = [
    {
      id: randomUUID(),
      organisationId: cityPoolOrg,
      level: 'city',
      district: null,
      fundFen: 5_000_000_000n * YUAN,
      budgetFen: 500_000_000n * YUAN,
    },
    {
      id: randomUUID(),
      organisationId: pingshanPoolOrg,
      level: 'district',
      district: 'pingshan',
      fundFen: 10_000_000n * YUAN,
      budgetFen: 10_000_000n * YUAN,
    },
  ] as const;
  const poolAdmin = userOf('pool.city');
  if (poolAdmin === undefined) return { seeded: false };
  const policyRows: (typeof tables.insurancePolicies.$inferInsert)[] = [];
  for (const p of DEMO_POLICIES) {
    const insurerId = orgOf(p.insurer);
    const enterpriseId = orgOf(p.enterprise);
    const createdByUserId = userOf(p.insurer);
    if (insurerId === undefined || enterpriseId === undefined || createdByUserId === undefined) continue;
    const id = randomUUID();
    policyRows.push({
      id,
      policyNumber: `BX-${today.slice(0, 4)}-${id.slice(0, 8).toUpperCase()}`,
      kind: p.kind,
      insurerId,
      insuredId: enterpriseId,
      policyholderId: enterpriseId,
      premiumFen: p.premiumYuan * YUAN,
      sumInsuredFen: p.sumInsuredYuan * YUAN,
      startDate: addDays(today, -60),
      endDate: addDays(today, 305),
      state: 'active',
      createdByUserId,
      createdAt: now,
      updatedAt: now,
    });
  }

  await runInTransaction(deps, async (tx) => {
    if (productRows.length > 0) await tx.insert(tables.guaranteeProducts).values(productRows);
    for (const pool of pools) {
      await tx.insert(tables.riskPools).values({
        id: pool.id,
        organisationId: pool.organisationId,
        level: pool.level,
        district: pool.district,
        fundSizeFen: pool.fundFen,
        ratios,
        ratiosEffectiveDate: fromDate,
        createdAt: now,
        updatedAt: now,
      });
      await tx.insert(tables.riskPoolBudgets).values(
        years.map((year) => ({
          id: randomUUID(),
          poolId: pool.id,
          year,
          budgetFen: pool.budgetFen,
          updatedAt: now,
        })),
      );
      const members =
        pool.level === 'city'
          ? banks.map((b) => b.id)
          : [1, 2, 3, 4].map(bankByLogin).filter((id) => id !== undefined);
      if (members.length > 0)
        await tx.insert(tables.riskPoolMemberships).values(
          members.map((bankId) => ({
            id: randomUUID(),
            poolId: pool.id,
            bankId,
            fromDate,
            addedByUserId: poolAdmin,
            createdAt: now,
          })),
        );
    }
    if (policyRows.length > 0) await tx.insert(tables.insurancePolicies).values(policyRows);
    await deps.audit.append(
      tx,
      admin,
      {
        action: 'demo.risk_sharing_seeded',
        entityType: 'platform',
        entityId: 'demo',
        after: { guaranteeProducts: productRows.length, pools: pools.length, policies: policyRows.length },
      },
      now,
    );
  });
  return { seeded: true };
}
