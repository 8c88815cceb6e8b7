import { and, asc, count, eq, inArray, isNotNull, like } from 'drizzle-orm';
import { addDays, addMonths } from '@ipf/domain/calendar';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { grantConsent } from '../parties/grant-consent.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { createValuation, type CreateValuationInput } from '../valuation/create-valuation.ts';
import type { ValuationAssetInput, ValuationKind } from '../valuation/valuation-input.ts';
import { loadDemoActors } from './demo-actors.ts';
import { SeededRandom } from './seeded-random.ts';

/** Pre-assessments per demo enterprise user, internal evaluations per bank clerk, formal reports per firm. */
export const DEMO_PRE_ASSESSMENTS_PER_ENTERPRISE = 6;
export const DEMO_INTERNAL_EVALUATIONS_PER_CLERK = 8;
export const DEMO_FORMAL_REPORTS_PER_FIRM = 4;

const VALUABLE_KINDS = [
  'invention_patent',
  'utility_model_patent',
  'design_patent',
  'trademark',
  'software_copyright',
] as const;
const SCORED_KINDS: ReadonlySet<string> = new Set(['invention_patent', 'utility_model_patent']);

interface Candidate {
  readonly id: string;
  readonly kind: string;
  readonly enterpriseId: string;
}

/**
 * 演示估值: about 300 valuations on record through `createValuation`, so the valuation pages and the batch AVM
 * (which reads revenue, claims, family and citations from each asset's latest visible valuation) show real
 * figures. Each demo enterprise pre-assesses some of its own granted rights; each bank clerk evaluates some of
 * its customers' rights internally; the five admitted evaluation firms sign a few formal reports (two certified
 * valuers) for enterprises that first grant them a consent (`grantConsent`). Deterministic from the demo seed:
 * revenue forecasts of 3–5 years at 0.5–20 million yuan a year, royalty rates 2–8 %, valuation dates within the
 * last 12 months, validity 12 months. Does nothing when valuations exist already.
 */
export async function seedDemoValuations(
  deps: AppDeps,
): Promise<{ readonly seeded: boolean; readonly valuations: number; readonly consents: number }> {
  const [existing] = await deps.db.select({ n: count() }).from(tables.valuations);
  if ((existing?.n ?? 0) > 0) return { seeded: false, valuations: 0, consents: 0 };
  const actors = await loadDemoActors(deps.db, 'demo-seed');
  const random = new SeededRandom(`${deps.demoSeed}:valuations`);
  const today = toShanghaiDate(deps.clock.now());
  const { ipAssets, ipAssetOwners, customerLinks, organisations, memberships, users } = tables;

  const rows = await deps.db
    .select({ id: ipAssets.id, kind: ipAssets.kind, enterpriseId: ipAssetOwners.enterpriseId })
    .from(ipAssets)
    .innerJoin(ipAssetOwners, eq(ipAssetOwners.assetId, ipAssets.id))
    .where(
      and(
        inArray(ipAssets.legalStatus, ['granted', 'registered']),
        inArray(ipAssets.kind, [...VALUABLE_KINDS]),
        eq(ipAssetOwners.position, 0),
        isNotNull(ipAssetOwners.enterpriseId),
      ),
    )
    .orderBy(asc(ipAssets.number));
  const byEnterprise = new Map<string, Candidate[]>();
  for (const r of rows) {
    const list = byEnterprise.get(r.enterpriseId!) ?? [];
    list.push({ id: r.id, kind: r.kind, enterpriseId: r.enterpriseId! });
    byEnterprise.set(r.enterpriseId!, list);
  }
  if (byEnterprise.size === 0) return { seeded: false, valuations: 0, consents: 0 };

  /** One to three distinct rights of the enterprise, patents first in likelihood. */
  const pickAssets = (candidates: readonly Candidate[]): Candidate[] => {
    const patents = candidates.filter((c) => SCORED_KINDS.has(c.kind));
    const pool = patents.length > 0 && random.chance(0.8) ? patents : candidates;
    const wanted = random.chance(0.75) ? 1 : random.int(2, 3);
    const picked: Candidate[] = [];
    for (let i = 0; i < wanted * 3 && picked.length < Math.min(wanted, pool.length); i += 1) {
      const c = random.pick(pool);
      if (!picked.includes(c)) picked.push(c);
    }
    return picked;
  };
  const yuan = (min: number, max: number): string => `${random.int(min, max) * 100}.00`;
  const pct = (min: number, max: number): string => `${random.int(min, max - 1)}.${random.int(0, 9)}`;
  const assetInput = (c: Candidate, withCost: boolean): ValuationAssetInput => {
    const years = random.int(3, 5);
    // A first-year revenue of 0.5–20 million yuan, growing or flat, in whole hundreds of yuan.
    let revenue = random.int(5_000, 200_000) * 100;
    const growth = random.int(0, 15);
    const revenueForecastYuan: string[] = [];
    for (let y = 0; y < years; y += 1) {
      revenueForecastYuan.push(`${revenue}.00`);
      revenue = Math.round((revenue * (100 + growth)) / 10_000) * 100;
    }
    const scored = SCORED_KINDS.has(c.kind);
    return {
      assetId: c.id,
      income: {
        revenueForecastYuan,
        royaltyRatePct: pct(2, 8),
        attributionPct: `${random.int(40, 100)}`,
        taxRatePct: random.chance(0.6) ? '15' : '25',
        riskFreeRatePct: '2.5',
        riskPremia: [
          { name: '技术风险', ratePct: pct(2, 5) },
          { name: '市场风险', ratePct: pct(2, 5) },
          { name: '管理风险', ratePct: pct(1, 3) },
        ],
      },
      ...(withCost
        ? {
            cost: {
              reproductionCostYuan: yuan(1_000, 20_000),
              physicalObsolescencePct: '0',
              functionalObsolescencePct: `${random.int(5, 40)}`,
              economicObsolescencePct: `${random.int(0, 20)}`,
            },
          }
        : {}),
      weightsBps: withCost ? { income: 8000, market: 0, cost: 2000 } : { income: 10000, market: 0, cost: 0 },
      ...(scored
        ? {
            facts: {
              familySize: random.chance(0.7) ? 1 : random.int(2, 12),
              claimsCount: random.int(c.kind === 'invention_patent' ? 5 : 1, 20),
              claimKinds: random.int(1, 3),
              forwardCitations: random.chance(0.4) ? 0 : random.int(1, 15),
              annualRevenueYuan: revenueForecastYuan[0]!,
            },
          }
        : {}),
    };
  };
  let valuations = 0;
  const value = async (
    actor: Actor,
    kind: ValuationKind,
    candidates: readonly Candidate[],
    extra: Partial<CreateValuationInput> = {},
    valuationDate = addDays(today, -random.int(0, 364)),
  ): Promise<void> => {
    const picked = pickAssets(candidates);
    if (picked.length === 0) return;
    const withCost = kind !== 'pre_assessment' && random.chance(0.4);
    await createValuation(
      {
        kind,
        enterpriseId: picked[0]!.enterpriseId,
        valuationDate,
        validUntil: addDays(addMonths(valuationDate, 12), -1),
        assets: picked.map((c) => assetInput(c, withCost)),
        pledgeRatioPct: kind === 'formal_report' ? '50' : `${random.int(3, 5)}0`,
        maxPledgeRatePct: '50',
        ...extra,
      },
      actor,
      deps,
    );
    valuations += 1;
  };

  // 企业预评估: each demo enterprise user pre-assesses its own rights.
  const enterpriseLogins = await deps.db
    .select({ login: users.login, organisationId: memberships.organisationId })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(users.isDemo, true), eq(memberships.role, 'enterprise_user')))
    .orderBy(asc(users.login));
  for (const e of enterpriseLogins) {
    const own = byEnterprise.get(e.organisationId) ?? [];
    for (let n = 0; n < DEMO_PRE_ASSESSMENTS_PER_ENTERPRISE; n += 1)
      await value(actors.byLogin(e.login), 'pre_assessment', own);
  }

  // 银行内部评估: each bank clerk evaluates rights of its unit's customers (applications to the unit or below).
  const clerks = await deps.db
    .select({ login: users.login, path: organisations.path })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(users.isDemo, true), eq(memberships.role, 'bank_clerk')))
    .orderBy(asc(users.login));
  for (const clerk of clerks) {
    const linked = await deps.db
      .selectDistinct({ enterpriseId: customerLinks.enterpriseId })
      .from(customerLinks)
      .innerJoin(organisations, eq(organisations.id, customerLinks.bankUnitId))
      .where(like(organisations.path, `${clerk.path}%`))
      .orderBy(asc(customerLinks.enterpriseId));
    const customers = linked.map((l) => byEnterprise.get(l.enterpriseId) ?? []).filter((c) => c.length > 0);
    if (customers.length === 0) continue;
    for (let n = 0; n < DEMO_INTERNAL_EVALUATIONS_PER_CLERK; n += 1)
      await value(actors.byLogin(clerk.login), 'internal_evaluation', random.pick(customers), {
        note: '银行内部评估（演示）',
      });
  }

  // 正式评估报告: two demo enterprises (from the second half, the first ones stay as tests expect them) consent
  // to each admitted firm, which then signs reports on their rights.
  const admitted = await deps.db
    .select({
      organisationId: tables.evaluatorAdmissions.organisationId,
      valuers: tables.evaluatorAdmissions.certifiedValuers,
    })
    .from(tables.evaluatorAdmissions)
    .where(eq(tables.evaluatorAdmissions.state, 'admitted'));
  const valuersOf = new Map(admitted.map((a) => [a.organisationId, a.valuers]));
  const consenting = enterpriseLogins
    .slice(Math.floor(enterpriseLogins.length / 2))
    .filter((e) => (byEnterprise.get(e.organisationId) ?? []).length > 0);
  let consents = 0;
  for (let n = 1; n <= 5 && consenting.length > 0; n += 1) {
    const firm = actors.byLogin(`evaluator${n}`);
    const registered = valuersOf.get(firm.organisationId) ?? [];
    if (registered.length < 2) continue;
    const clients = [
      consenting[(2 * n - 2) % consenting.length]!,
      consenting[(2 * n - 1) % consenting.length]!,
    ];
    for (const client of new Set(clients)) {
      await grantConsent(
        {
          recipientId: firm.organisationId,
          scope: 'ip_assets',
          purpose: '知识产权价值评估（演示）',
          expiresOn: addMonths(today, 12),
        },
        actors.byLogin(client.login),
        deps,
      );
      consents += 1;
    }
    // Two of the firm's certified valuers on record sign every report.
    const valuers = registered
      .slice(0, 2)
      .map((v) => ({ name: v.name, certificateNumber: v.certificateNumber }));
    for (let r = 1; r <= DEMO_FORMAL_REPORTS_PER_FIRM; r += 1) {
      const client = clients[r % clients.length]!;
      // The report is signed a few days after its valuation date (基准日).
      const valuationDate = addDays(today, -random.int(14, 364));
      const signedOn = addDays(valuationDate, random.int(5, 14));
      await value(
        firm,
        'formal_report',
        byEnterprise.get(client.organisationId)!,
        {
          reportNumber: `深评报字〔${signedOn.slice(0, 4)}〕第${String(n * 100 + r).padStart(4, '0')}号`,
          signedOn,
          valuers,
        },
        valuationDate,
      );
    }
  }
  return { seeded: true, valuations, consents };
}
