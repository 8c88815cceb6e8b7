import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { formatYuan } from '@ipf/domain/money';
import { evaluateSubsidy, toPriorPayments, type PriorSubsidyPayment } from '@ipf/domain/subsidy';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import {
  assembleSubsidyFacts,
  findPriorSubsidyPaymentsOfFirms,
  loadSubsidyLedger,
} from './build-subsidy-facts.ts';
import { schemeOf } from './subsidy-views.ts';

export interface SimulateSubsidySchemeInput {
  /** The scheme version (draft, published or closed). */
  readonly id: string;
  /** The calendar year simulated; default the last year ended (Asia/Shanghai). */
  readonly year?: number;
}

export interface SubsidySimulationDistrictRow {
  readonly district: string;
  readonly loans: number;
  readonly enterprises: number;
  readonly totalYuan: string;
}

export interface SubsidySimulationEnterpriseRow {
  readonly enterpriseId: string;
  readonly enterpriseName: string;
  readonly district: string;
  readonly loans: number;
  readonly totalYuan: string;
}

/** 模拟测算 (what a scheme version would have paid over one year's ledger). */
export interface SubsidySimulationView {
  readonly schemeVersionId: string;
  readonly schemeId: string;
  readonly version: number;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly state: string;
  readonly year: number;
  readonly asOfDate: string;
  /** The effective period the simulation assumed when the scheme only takes effect after the year (else null). */
  readonly assumedEffectiveFrom: string | null;
  readonly loansEvaluated: number;
  readonly loansEligible: number;
  readonly totalYuan: string;
  /** The scheme's budget (null: no limit), what of it the simulated total would use, and that share in percent. */
  readonly budgetTotalYuan: string | null;
  readonly budgetUsedYuan: string;
  readonly budgetUsePct: string | null;
  readonly exceedsBudget: boolean;
  readonly byDistrict: SubsidySimulationDistrictRow[];
  readonly byEnterprise: SubsidySimulationEnterpriseRow[];
}

/** Percent of part in whole with two decimals, half-up, as text (bigint arithmetic). */
function percentText(part: bigint, whole: bigint): string {
  const hundredths = (part * 20000n + whole) / (2n * whole);
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
}

/**
 * 模拟测算 (simulate a scheme over last year's ledger, issue 9 item 5): every loan with facts in the year — active
 * at some day of it (disbursed by its end, not closed before its start) — is evaluated with the same facts builder
 * and the domain's `evaluateSubsidy` as a real application, as if applied for right after the year ended. Loans
 * are taken in disbursement order and each firm's simulated grants feed its later loans (per-firm caps, the 100%
 * rule), on top of what the firm was really granted. The total is set against the scheme's budget. A draft that
 * takes effect only after the year is simulated as if in effect from the year's first day (said in the result).
 * Set-based: the ledger of all the year's loans and the firms' real grants are read in a fixed number of queries
 * (`loadSubsidyLedger`, `findPriorSubsidyPaymentsOfFirms`), whatever the number of loans. Reads only.
 */
export async function simulateSubsidyScheme(
  input: SimulateSubsidySchemeInput,
  actor: Actor,
  deps: AppDeps,
): Promise<SubsidySimulationView> {
  authorize(actor, 'subsidy_scheme.simulate');
  const [schemeRow] = await deps.db
    .select()
    .from(tables.subsidySchemes)
    .where(eq(tables.subsidySchemes.id, input.id));
  if (schemeRow === undefined) throw new DomainError('NOT_FOUND');
  const today = toShanghaiDate(deps.clock.now());
  const year = input.year ?? Number(today.slice(0, 4)) - 1;
  if (!Number.isInteger(year) || year < 2000 || year >= Number(today.slice(0, 4)))
    throw new DomainError('SUBSIDY_SIMULATION_YEAR_INVALID', { year: String(year) });
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  // As if applied for on the first day after the year (per-year triggers need the year closed).
  const asOfDate = `${year + 1}-01-01`;
  const stored = schemeOf(schemeRow);
  // A draft that takes effect after the simulated year is simulated as if in effect from that year's start.
  const periodAssumed = stored.effectiveFrom > yearEnd;
  const scheme = periodAssumed ? { ...stored, effectiveFrom: yearStart, effectiveTo: null } : stored;

  const { loanAccounts, financingCases } = tables;
  const loans = await deps.db
    .select({ caseId: loanAccounts.caseId })
    .from(loanAccounts)
    .innerJoin(financingCases, eq(financingCases.id, loanAccounts.caseId))
    .where(
      and(
        lte(loanAccounts.disbursementDate, yearEnd),
        or(isNull(loanAccounts.closedDate), gte(loanAccounts.closedDate, yearStart)),
      ),
    )
    .orderBy(asc(loanAccounts.disbursementDate), asc(financingCases.caseNumber));

  const ledger = await loadSubsidyLedger(
    deps.db,
    loans.map((l) => l.caseId),
  );
  const realByFirm = await findPriorSubsidyPaymentsOfFirms(deps.db, [
    ...new Set([...ledger.values()].map((l) => l.enterpriseId)),
  ]);
  const simulatedByFirm = new Map<string, PriorSubsidyPayment[]>();
  const districts = new Map<string, { loans: number; enterprises: Set<string>; fen: bigint }>();
  const firms = new Map<string, { district: string; loans: number; fen: bigint }>();
  let loansEligible = 0;
  let totalFen = 0n;
  for (const { caseId } of loans) {
    const built = assembleSubsidyFacts(ledger, {
      caseId,
      asOfDate,
      ...(scheme.trigger.kind === 'per_year' ? { subsidyYear: year } : {}),
    });
    // An after-repayment scheme pays in the year of the payoff: only loans repaid in the simulated year.
    if (scheme.trigger.kind === 'after_full_repayment') {
      const repaid = built.facts.loan.fullyRepaidOn?.value;
      if (repaid === undefined || repaid < yearStart || repaid > yearEnd) continue;
    }
    const real = realByFirm.get(built.enterpriseId) ?? [];
    const simulated = simulatedByFirm.get(built.enterpriseId) ?? [];
    const evaluation = evaluateSubsidy(scheme, built.facts, [...real, ...simulated]);
    const amountFen = evaluation.eligible ? evaluation.totalFen : 0n;
    simulatedByFirm.set(built.enterpriseId, [...simulated, ...toPriorPayments(scheme, evaluation)]);
    const district = districts.get(built.district) ?? { loans: 0, enterprises: new Set<string>(), fen: 0n };
    const firm = firms.get(built.enterpriseId) ?? { district: built.district, loans: 0, fen: 0n };
    if (amountFen > 0n) {
      loansEligible += 1;
      district.loans += 1;
      district.enterprises.add(built.enterpriseId);
      district.fen += amountFen;
      firm.loans += 1;
      firm.fen += amountFen;
      totalFen += amountFen;
    }
    districts.set(built.district, district);
    firms.set(built.enterpriseId, firm);
  }

  const names = new Map<string, string>();
  if (firms.size > 0)
    for (const row of await deps.db
      .select({ id: tables.enterprises.organisationId, name: tables.enterprises.name })
      .from(tables.enterprises)
      .where(inArray(tables.enterprises.organisationId, [...firms.keys()])))
      names.set(row.id, row.name);
  const budgetFen = scheme.budget.totalFen;
  const usedFen = budgetFen === null || totalFen < budgetFen ? totalFen : budgetFen;
  return {
    schemeVersionId: schemeRow.id,
    schemeId: schemeRow.schemeId,
    version: schemeRow.version,
    nameZh: schemeRow.nameZh,
    nameEn: schemeRow.nameEn,
    state: schemeRow.state,
    year,
    asOfDate,
    assumedEffectiveFrom: periodAssumed ? yearStart : null,
    loansEvaluated: loans.length,
    loansEligible,
    totalYuan: formatYuan(totalFen),
    budgetTotalYuan: budgetFen === null ? null : formatYuan(budgetFen),
    budgetUsedYuan: formatYuan(usedFen),
    budgetUsePct: budgetFen === null || budgetFen === 0n ? null : percentText(usedFen, budgetFen),
    exceedsBudget: budgetFen !== null && totalFen > budgetFen,
    byDistrict: [...districts.entries()]
      .filter(([, d]) => d.fen > 0n)
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([district, d]) => ({
        district,
        loans: d.loans,
        enterprises: d.enterprises.size,
        totalYuan: formatYuan(d.fen),
      })),
    byEnterprise: [...firms.entries()]
      .filter(([, f]) => f.fen > 0n)
      .sort(([, x], [, y]) => (x.fen === y.fen ? 0 : x.fen > y.fen ? -1 : 1))
      .map(([enterpriseId, f]) => ({
        enterpriseId,
        enterpriseName: names.get(enterpriseId) ?? '',
        district: f.district,
        loans: f.loans,
        totalYuan: formatYuan(f.fen),
      })),
  };
}
