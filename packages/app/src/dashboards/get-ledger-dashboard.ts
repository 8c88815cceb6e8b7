import { and, eq, inArray, sql } from 'drizzle-orm';
import { caseStateCodes, type CaseState } from '@ipf/domain/ledger';
import { createRate, formatRatePct, formatYuan } from '@ipf/domain/money';
import type { RegistrationState } from '@ipf/domain/registration';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { ledgerDashboardConditions, type LedgerDashboardFilters } from './ledger-dashboard-conditions.ts';

const { financingCases, enterprises, caseAssets, organisations, pledgeRegistrations } = tables;

/**
 * 贷款余额口径 (loans outstanding): cases whose loan has been paid out and not ended — disbursed, repaying,
 * overdue, and the default states still on the books (states.md). `closed` and `recovered` are repaid;
 * `written_off` is 核销, taken off the balance sheet, so neither outstanding nor non-performing.
 */
export const outstandingLoanStates: readonly CaseState[] = [
  'disbursed',
  'repaying',
  'overdue',
  'non_performing',
  'compensating',
  'disposing',
];

/**
 * 不良贷款口径 (non-performing loans): `non_performing` (次级 or worse, domain-reference.md "Classification") and the
 * default work-out states that follow it while the loan is still on the books (`compensating`, `disposing`).
 * `overdue` is not NPL by itself: up to 90 days past due the floor is 关注; the daily job moves a loan to
 * `non_performing` when it reaches 次级.
 */
export const nonPerformingLoanStates: readonly CaseState[] = ['non_performing', 'compensating', 'disposing'];

/**
 * Registrations counted by year: every filing that reached the register, including those later changed,
 * extended, being cancelled or cancelled (注销 ends the pledge, it does not undo its registration).
 */
export const registeredPledgeStates: readonly RegistrationState[] = [
  'registered',
  'change_pending',
  'extension_pending',
  'cancellation_pending',
  'cancelled',
];

interface Figures {
  readonly caseCount: number;
  readonly amountYuan: string;
}

/** 台账看板 on the wire: counts and amounts (yuan strings) per dimension; each dimension sums to `totals`. */
export interface LedgerDashboard {
  /** The Asia/Shanghai date the figures were read. */
  readonly asOfDate: string;
  readonly filters: LedgerDashboardFilters;
  readonly totals: Figures;
  readonly byState: (Figures & { readonly state: string })[];
  /** District of the borrowing enterprise; null when the enterprise has none on file. */
  readonly byDistrict: (Figures & { readonly district: string | null })[];
  /** By bank head office (总行). */
  readonly byBank: (Figures & {
    readonly bankId: string;
    readonly bankNameZh: string;
    readonly bankNameEn: string;
  })[];
  /**
   * By IP kind: `caseCount`/`amountYuan` put each case under the kind of its first pledged asset (so the rows
   * sum to the totals; null = no asset yet, e.g. a lead); `casesPledgingKind` counts a case under every kind it
   * pledges (these may sum to more than the total).
   */
  readonly byIpKind: (Figures & { readonly ipKind: string | null; readonly casesPledgingKind: number })[];
  /** 质押登记 by the year of the registration decision: filings, distinct cases and Σ secured amounts. */
  readonly registeredPledgesByYear: {
    readonly year: number;
    readonly registrationCount: number;
    readonly caseCount: number;
    readonly securedAmountYuan: string;
  }[];
  /** 不良率 of IP-pledge loans: NPL amount ÷ outstanding amount, in percent, 2 decimals, rounded half up. */
  readonly nonPerformingLoans: {
    readonly nonPerformingCaseCount: number;
    readonly nonPerformingAmountYuan: string;
    readonly outstandingCaseCount: number;
    readonly outstandingAmountYuan: string;
    /** Null when nothing is outstanding (the ratio is undefined, not 0). */
    readonly ratioPct: string | null;
    readonly rounding: 'halfUp';
    readonly nonPerformingStates: string[];
    readonly outstandingStates: string[];
  };
}

interface CubeRow {
  readonly state: string;
  readonly district: string | null;
  readonly bankId: string;
  readonly primaryKind: string | null;
  readonly caseCount: number;
  readonly amountFen: bigint;
}

/** Adds the cube rows into one bucket per key, keeping first-seen order. */
function rollUp<K>(
  rows: readonly CubeRow[],
  keyOf: (row: CubeRow) => K,
): Map<K, { count: number; fen: bigint }> {
  const buckets = new Map<K, { count: number; fen: bigint }>();
  for (const row of rows) {
    const bucket = buckets.get(keyOf(row)) ?? { count: 0, fen: 0n };
    buckets.set(keyOf(row), { count: bucket.count + row.caseCount, fen: bucket.fen + row.amountFen });
  }
  return buckets;
}

const figures = (bucket: { count: number; fen: bigint } | undefined): Figures => ({
  caseCount: bucket?.count ?? 0,
  amountYuan: formatYuan(bucket?.fen ?? 0n),
});

/** Largest count first, then the larger amount, then the key: a stable order for tables and charts. */
function byCountThenAmount(
  a: [unknown, { count: number; fen: bigint }],
  b: [unknown, { count: number; fen: bigint }],
) {
  if (a[1].count !== b[1].count) return b[1].count - a[1].count;
  if (a[1].fen !== b[1].fen) return a[1].fen > b[1].fen ? -1 : 1;
  return String(a[0]).localeCompare(String(b[0]));
}

/**
 * 台账看板 (the first ledger dashboard, issue 6 item 6 and R16): counts and amounts of the cases the actor may see
 * (a bank its hierarchy, a district bureau its district, the city bureau and regulators all), by state, district,
 * bank head office and IP kind; the registered pledges by year; and the NPL ratio of IP-pledge loans. Amounts are
 * the cases' loan amounts (`financing_cases.amount_fen`; a lead without terms adds 0). Every dimension is rolled up
 * from one grouped query, so the dimensions always add up to the same totals.
 *
 * NPL ratio (不良率) = Σ amount of {@link nonPerformingLoanStates} ÷ Σ amount of {@link outstandingLoanStates}
 * × 100, rounded half up to 2 decimals. It uses the contract amounts while the loan balances of servicing are not
 * on the ledger rows. Every case on the platform is an IP-pledge loan. Source: R16 (requirements.md), states.md,
 * domain-reference.md "Classification".
 */
export async function getLedgerDashboard(
  filters: LedgerDashboardFilters,
  actor: Actor,
  deps: Pick<AppDeps, 'db' | 'clock'>,
): Promise<LedgerDashboard> {
  const scope = authorize(actor, 'dashboard.ledger');
  const where = and(...ledgerDashboardConditions(filters, actor, scope));
  const primaryKind = sql<
    string | null
  >`(select ${caseAssets.kind} from ${caseAssets} where ${eq(caseAssets.caseId, financingCases.id)} order by ${caseAssets.position} limit 1)`;

  const [cube, kindsPledged, registrations] = await Promise.all([
    deps.db
      .select({
        state: financingCases.state,
        district: enterprises.district,
        bankId: financingCases.bankId,
        primaryKind,
        caseCount: sql<number>`count(*)::int`,
        amountFen: sql<string>`coalesce(sum(${financingCases.amountFen}), 0)::text`,
      })
      .from(financingCases)
      .leftJoin(enterprises, eq(enterprises.organisationId, financingCases.enterpriseId))
      .where(where)
      .groupBy(financingCases.state, enterprises.district, financingCases.bankId, primaryKind),
    deps.db
      .select({ kind: caseAssets.kind, caseCount: sql<number>`count(distinct ${financingCases.id})::int` })
      .from(financingCases)
      .innerJoin(caseAssets, eq(caseAssets.caseId, financingCases.id))
      .where(where)
      .groupBy(caseAssets.kind),
    deps.db
      .select({
        year: sql<number>`extract(year from ${pledgeRegistrations.decisionDate})::int`,
        registrationCount: sql<number>`count(*)::int`,
        caseCount: sql<number>`count(distinct ${pledgeRegistrations.caseId})::int`,
        securedAmountFen: sql<string>`coalesce(sum(${pledgeRegistrations.securedAmountFen}), 0)::text`,
      })
      .from(pledgeRegistrations)
      .innerJoin(financingCases, eq(financingCases.id, pledgeRegistrations.caseId))
      .where(
        and(
          where,
          inArray(pledgeRegistrations.state, [...registeredPledgeStates]),
          sql`${pledgeRegistrations.decisionDate} is not null`,
        ),
      )
      .groupBy(sql`1`)
      .orderBy(sql`1`),
  ]);
  const rows: CubeRow[] = cube.map((r) => ({ ...r, amountFen: BigInt(r.amountFen) }));

  const total = rollUp(rows, () => 'all').get('all');
  const states = rollUp(rows, (r) => r.state);
  const stateOrder = (s: string) => {
    const index = caseStateCodes.indexOf(s as CaseState);
    return index === -1 ? caseStateCodes.length : index;
  };
  const banks = rollUp(rows, (r) => r.bankId);
  const bankIds = [...banks.keys()];
  const bankNames =
    bankIds.length === 0
      ? []
      : await deps.db
          .select({ id: organisations.id, nameZh: organisations.nameZh, nameEn: organisations.nameEn })
          .from(organisations)
          .where(inArray(organisations.id, bankIds));
  const kinds = rollUp(rows, (r) => r.primaryKind);
  for (const k of kindsPledged) if (!kinds.has(k.kind)) kinds.set(k.kind, { count: 0, fen: 0n });
  const sumOver = (chosen: readonly CaseState[]) =>
    chosen.reduce(
      (acc, s) => {
        const bucket = states.get(s);
        return bucket === undefined ? acc : { count: acc.count + bucket.count, fen: acc.fen + bucket.fen };
      },
      { count: 0, fen: 0n },
    );
  const npl = sumOver(nonPerformingLoanStates);
  const outstanding = sumOver(outstandingLoanStates);

  return {
    asOfDate: toShanghaiDate(deps.clock.now()),
    filters,
    totals: figures(total),
    byState: [...states.entries()]
      .sort((a, b) => stateOrder(a[0]) - stateOrder(b[0]))
      .map(([state, bucket]) => ({ state, ...figures(bucket) })),
    byDistrict: [...rollUp(rows, (r) => r.district).entries()]
      .sort(byCountThenAmount)
      .map(([district, bucket]) => ({ district, ...figures(bucket) })),
    byBank: [...banks.entries()].sort(byCountThenAmount).map(([bankId, bucket]) => {
      const name = bankNames.find((b) => b.id === bankId);
      return { bankId, bankNameZh: name?.nameZh ?? '', bankNameEn: name?.nameEn ?? '', ...figures(bucket) };
    }),
    byIpKind: [...kinds.entries()].sort(byCountThenAmount).map(([ipKind, bucket]) => ({
      ipKind,
      ...figures(bucket),
      casesPledgingKind: kindsPledged.find((k) => k.kind === ipKind)?.caseCount ?? 0,
    })),
    registeredPledgesByYear: registrations.map((r) => ({
      year: r.year,
      registrationCount: r.registrationCount,
      caseCount: r.caseCount,
      securedAmountYuan: formatYuan(BigInt(r.securedAmountFen)),
    })),
    nonPerformingLoans: {
      nonPerformingCaseCount: npl.count,
      nonPerformingAmountYuan: formatYuan(npl.fen),
      outstandingCaseCount: outstanding.count,
      outstandingAmountYuan: formatYuan(outstanding.fen),
      ratioPct:
        outstanding.fen === 0n ? null : formatRatePct(createRate(npl.fen, outstanding.fen), 2, 'halfUp'),
      rounding: 'halfUp',
      nonPerformingStates: [...nonPerformingLoanStates],
      outstandingStates: [...outstandingLoanStates],
    },
  };
}
