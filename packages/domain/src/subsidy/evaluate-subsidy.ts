import { addDays, compareIsoDates, parseIsoDate, type IsoDate } from '../calendar/iso-date.ts';
import type { ErrorParams } from '../errors/domain-error.ts';
import { allocateLargestRemainder } from '../money/allocate-largest-remainder.ts';
import { applyRate, parseRatePct } from '../money/rate.ts';
import type { CostPaid, CoveredCost, FactProof, PriorSubsidyPayment, SubsidyFacts } from './subsidy-facts.ts';
import type {
  AmountCap,
  ClauseSource,
  EligibilityClause,
  SubsidyLineKind,
  SubsidyScheme,
} from './subsidy-scheme.ts';

/** What a condition checks: an eligibility clause, or one of the scheme's own conditions. */
export type SubsidyConditionKind = EligibilityClause['kind'] | 'scheme_in_effect' | 'trigger' | 'stacking';

/** 条件核验 (one condition, met or not, with the record that proves it and, if unmet, why). */
export interface SubsidyConditionResult {
  readonly condition: SubsidyConditionKind;
  readonly met: boolean;
  /** The caller's record behind the fact checked; null when the platform holds none (upload needed). */
  readonly proof: FactProof | null;
  /** A SUBSIDY_CONDITION_… code and its params when unmet. */
  readonly reason: { readonly code: string; readonly params: ErrorParams } | null;
  readonly source: ClauseSource;
}

/** One step of an amount: the line's amount after the step, with the clause applied. */
export interface SubsidyAmountStep {
  readonly step:
    | 'cost_paid'
    | 'counted_cost_limit'
    | 'rate'
    | 'reward'
    | 'cap_per_line_per_year'
    | 'cap_per_firm_per_year'
    | 'cap_per_firm_lifetime'
    | 'cost_not_yet_subsidised';
  readonly amountFen: bigint;
  /** The clause applied (null for the platform's own 100%-of-cost rule, whose source is issue 9). */
  readonly source: ClauseSource | null;
  /** The rate or limit applied, for display, e.g. `"70"` (percent) or a cap in fen. */
  readonly parameter?: string;
}

/** One line of a subsidy: a cost kind or a reward, its steps, final amount and the cost records it covers. */
export interface SubsidyLine {
  readonly line: SubsidyLineKind;
  readonly steps: readonly SubsidyAmountStep[];
  readonly amountFen: bigint;
  readonly coveredCosts: readonly CoveredCost[];
}

/** 补贴测算结果 (evaluation of one scheme for one loan). */
export interface SubsidyEvaluation {
  readonly schemeId: string;
  readonly version: number;
  readonly loanId: string;
  readonly eligible: boolean;
  /** The year the subsidy counts toward (caps per year); null when the trigger is not met. */
  readonly subsidyYear: number | null;
  readonly conditions: readonly SubsidyConditionResult[];
  readonly lines: readonly SubsidyLine[];
  readonly totalFen: bigint;
}

/** The platform's own rule: never more than 100% of a cost actually paid across all schemes (issue 9 item 1). */
const NOT_OVER_COST_RULE = null;

const yearOf = (date: IsoDate) => parseIsoDate(date).year;
const min = (a: bigint, b: bigint) => (a < b ? a : b);

function missing(
  condition: SubsidyConditionKind,
  fact: string,
  source: ClauseSource,
): SubsidyConditionResult {
  return {
    condition,
    met: false,
    proof: null,
    reason: { code: 'SUBSIDY_CONDITION_FACT_MISSING', params: { fact } },
    source,
  };
}

function check(
  condition: SubsidyConditionKind,
  met: boolean,
  proof: FactProof | null,
  source: ClauseSource,
  code: string,
  params: ErrorParams = {},
): SubsidyConditionResult {
  return { condition, met, proof, reason: met ? null : { code, params }, source };
}

function checkClause(
  clause: EligibilityClause,
  scheme: SubsidyScheme,
  facts: SubsidyFacts,
  priorPayments: readonly PriorSubsidyPayment[],
  subsidyYear: number | null,
): SubsidyConditionResult {
  const { loan } = facts;
  switch (clause.kind) {
    case 'district': {
      const fact = clause.basis === 'registration' ? facts.registrationDistrict : facts.taxDistrict;
      if (fact === undefined)
        return missing(
          clause.kind,
          clause.basis === 'registration' ? 'registrationDistrict' : 'taxDistrict',
          clause.source,
        );
      return check(
        clause.kind,
        clause.districts.includes(fact.value),
        fact.proof,
        clause.source,
        'SUBSIDY_CONDITION_DISTRICT',
        { basis: clause.basis, district: fact.value },
      );
    }
    case 'enterprise_flag': {
      const fact = facts.enterpriseFlags[clause.flag];
      if (fact === undefined) return missing(clause.kind, clause.flag, clause.source);
      return check(clause.kind, fact.value, fact.proof, clause.source, 'SUBSIDY_CONDITION_FLAG', {
        flag: clause.flag,
      });
    }
    case 'pledged_ip_kinds': {
      const fact = loan.pledgedIpKinds;
      if (fact === undefined) return missing(clause.kind, 'pledgedIpKinds', clause.source);
      const disallowed = fact.value.filter((kind) => !clause.allowedKinds.includes(kind));
      return check(
        clause.kind,
        fact.value.length > 0 && disallowed.length === 0,
        fact.proof,
        clause.source,
        'SUBSIDY_CONDITION_IP_KIND',
        { kinds: disallowed.join(', ') || '—' },
      );
    }
    case 'max_loan_term':
      return check(
        clause.kind,
        loan.termMonths.value <= clause.maxTermMonths,
        loan.termMonths.proof,
        clause.source,
        'SUBSIDY_CONDITION_TERM',
        { termMonths: loan.termMonths.value, maxTermMonths: clause.maxTermMonths },
      );
    case 'pledge_registered': {
      const fact = loan.pledgeRegistered;
      if (fact === undefined) return missing(clause.kind, 'pledgeRegistered', clause.source);
      return check(clause.kind, fact.value, fact.proof, clause.source, 'SUBSIDY_CONDITION_NOT_REGISTERED');
    }
    case 'filed_with_district': {
      const fact = loan.filedWithDistrictOn;
      if (fact === undefined) return missing(clause.kind, 'filedWithDistrictOn', clause.source);
      const deadline = addDays(loan.disbursedOn.value, clause.withinDays);
      return check(
        clause.kind,
        compareIsoDates(fact.value, deadline) <= 0,
        fact.proof,
        clause.source,
        'SUBSIDY_CONDITION_FILING_LATE',
        { filedOn: fact.value, deadline },
      );
    }
    case 'fully_repaid': {
      const fact = loan.fullyRepaidOn;
      if (fact === undefined)
        return check(clause.kind, false, null, clause.source, 'SUBSIDY_CONDITION_NOT_REPAID');
      return check(
        clause.kind,
        compareIsoDates(fact.value, facts.asOfDate) <= 0,
        fact.proof,
        clause.source,
        'SUBSIDY_CONDITION_NOT_REPAID',
      );
    }
    case 'max_subsidy_years': {
      const years = new Set(
        priorPayments
          .filter((p) => p.schemeId === scheme.schemeId && p.subsidyYear !== subsidyYear)
          .map((p) => p.subsidyYear),
      );
      return check(
        clause.kind,
        years.size < clause.maxYears,
        null,
        clause.source,
        'SUBSIDY_CONDITION_MAX_YEARS',
        { years: years.size, maxYears: clause.maxYears },
      );
    }
  }
}

/** The trigger's condition and the year the subsidy counts toward. */
function checkTrigger(
  scheme: SubsidyScheme,
  facts: SubsidyFacts,
): { result: SubsidyConditionResult; subsidyYear: number | null } {
  const source = scheme.trigger.source;
  if (scheme.trigger.kind === 'after_full_repayment') {
    const repaid = facts.loan.fullyRepaidOn;
    if (repaid === undefined || compareIsoDates(repaid.value, facts.asOfDate) > 0)
      return {
        result: check('trigger', false, null, source, 'SUBSIDY_CONDITION_NOT_REPAID'),
        subsidyYear: null,
      };
    return { result: check('trigger', true, repaid.proof, source, ''), subsidyYear: yearOf(repaid.value) };
  }
  const year = facts.subsidyYear;
  if (year === undefined) return { result: missing('trigger', 'subsidyYear', source), subsidyYear: null };
  const closed = compareIsoDates(facts.asOfDate, `${String(year + 1).padStart(4, '0')}-01-01`) >= 0;
  return {
    result: check('trigger', closed, null, source, 'SUBSIDY_CONDITION_YEAR_OPEN', { year }),
    subsidyYear: closed ? year : null,
  };
}

function checkStacking(
  scheme: SubsidyScheme,
  facts: SubsidyFacts,
  priorPayments: readonly PriorSubsidyPayment[],
): SubsidyConditionResult {
  const conflict = priorPayments.find(
    (p) =>
      p.loanId === facts.loan.loanId &&
      p.schemeId !== scheme.schemeId &&
      p.amountFen > 0n &&
      (scheme.stacking.excludesSchemeIds.includes(p.schemeId) ||
        p.excludesSchemeIds.includes(scheme.schemeId)),
  );
  return check(
    'stacking',
    conflict === undefined,
    null,
    scheme.stacking.source,
    'SUBSIDY_CONDITION_EXCLUDED',
    { schemeId: conflict?.schemeId ?? '' },
  );
}

/** Every condition of the scheme for these facts, in a fixed order: period, clauses, trigger, stacking. */
function checkConditions(
  scheme: SubsidyScheme,
  facts: SubsidyFacts,
  priorPayments: readonly PriorSubsidyPayment[],
): { conditions: SubsidyConditionResult[]; subsidyYear: number | null } {
  const disbursedOn = facts.loan.disbursedOn;
  const inEffect =
    compareIsoDates(disbursedOn.value, scheme.effectiveFrom) >= 0 &&
    (scheme.effectiveTo === null || compareIsoDates(disbursedOn.value, scheme.effectiveTo) <= 0);
  const period = check(
    'scheme_in_effect',
    inEffect,
    disbursedOn.proof,
    scheme.source,
    'SUBSIDY_CONDITION_NOT_IN_EFFECT',
    { date: disbursedOn.value, from: scheme.effectiveFrom, to: scheme.effectiveTo ?? '—' },
  );
  const trigger = checkTrigger(scheme, facts);
  const clauses = scheme.eligibility.map((clause) =>
    checkClause(clause, scheme, facts, priorPayments, trigger.subsidyYear),
  );
  return {
    conditions: [period, ...clauses, trigger.result, checkStacking(scheme, facts, priorPayments)],
    subsidyYear: trigger.subsidyYear,
  };
}

/** A line being computed: its amount so far, steps, and (for cost lines) the cost records it counts. */
interface WorkingLine {
  readonly line: SubsidyLineKind;
  amountFen: bigint;
  readonly steps: SubsidyAmountStep[];
  readonly counted: readonly CostPaid[];
}

/** Lowers the combined amount of `lines` to `roomFen` when above it, split pro rata by largest remainder. */
function applyCombinedCap(lines: readonly WorkingLine[], roomFen: bigint): void {
  const totalFen = lines.reduce((sum, l) => sum + l.amountFen, 0n);
  if (totalFen <= roomFen) return;
  const parts = allocateLargestRemainder(
    roomFen,
    lines.map((l) => l.amountFen),
  );
  lines.forEach((l, i) => (l.amountFen = parts[i] ?? 0n));
}

function priorSum(
  priorPayments: readonly PriorSubsidyPayment[],
  predicate: (p: PriorSubsidyPayment) => boolean,
): bigint {
  return priorPayments.filter(predicate).reduce((sum, p) => sum + p.amountFen, 0n);
}

function applyCap(
  cap: AmountCap,
  lines: WorkingLine[],
  scheme: SubsidyScheme,
  priorPayments: readonly PriorSubsidyPayment[],
  subsidyYear: number,
): void {
  const ofScheme = (p: PriorSubsidyPayment) => p.schemeId === scheme.schemeId;
  const step =
    cap.kind === 'per_line_per_year'
      ? 'cap_per_line_per_year'
      : cap.kind === 'per_firm_per_year'
        ? 'cap_per_firm_per_year'
        : 'cap_per_firm_lifetime';
  const capped = cap.kind === 'per_line_per_year' ? lines.filter((l) => l.line === cap.line) : lines;
  const usedFen =
    cap.kind === 'per_line_per_year'
      ? priorSum(priorPayments, (p) => ofScheme(p) && p.subsidyYear === subsidyYear && p.line === cap.line)
      : cap.kind === 'per_firm_per_year'
        ? priorSum(priorPayments, (p) => ofScheme(p) && p.subsidyYear === subsidyYear)
        : priorSum(priorPayments, ofScheme);
  const roomFen = cap.capFen > usedFen ? cap.capFen - usedFen : 0n;
  applyCombinedCap(capped, roomFen);
  for (const l of capped)
    l.steps.push({
      step,
      amountFen: l.amountFen,
      source: cap.source,
      parameter: `cap ${cap.capFen} fen, used ${usedFen} fen`,
    });
}

/** Splits a line's amount over its cost records pro rata to what is not yet subsidised (each part ≤ its remainder). */
function coverCosts(
  amountFen: bigint,
  counted: readonly CostPaid[],
  remainingOf: (cost: CostPaid) => bigint,
): CoveredCost[] {
  const remaining = counted.map(remainingOf);
  if (amountFen === 0n || remaining.every((r) => r === 0n)) return [];
  const parts = allocateLargestRemainder(amountFen, remaining);
  return counted
    .map((cost, i) => ({ costId: cost.costId, amountFen: parts[i] ?? 0n }))
    .filter((c) => c.amountFen > 0n);
}

/**
 * 补贴测算 (evaluate a subsidy or reward scheme for one loan): every condition met or not with its proof, and the
 * amount per line with each clause applied in order and shown.
 * Amount per cost line k (enterprise schemes):
 * 1. `cost_paid`: Σ costs of kind k paid within the effective period (per-year schemes: within the subsidy year);
 * 2. `counted_cost_limit`: listed kinds count together only up to `pct × principal` (truncated to the fen: a limit
 *    is never exceeded), split pro rata by largest remainder;
 * 3. `rate`: × rate (the first-loan rate when the 首贷 flag is proved), **rounded once, half-up, to the fen**;
 * 4. caps in the scheme's order: per line per year, per firm per year, per firm over the scheme's life, each less
 *    what the scheme already paid the firm (prior payments), a combined cap split pro rata by largest remainder;
 * 5. `cost_not_yet_subsidised`: at most what no scheme has yet covered of those cost records (never more than
 *    100% of a cost actually paid, across all schemes).
 * Rewards: `loan_reward` a fixed amount per qualifying loan, `volume_reward` principal × rate (half-up), then the
 * caps. An ineligible evaluation pays nothing. Example (南山, 70%): interest 10,000 + guarantee fee 20,000 → 21,000.
 * Source: issue 9 items 1–3; the example schemes of domain-reference.md "Subsidies".
 * @throws DomainError RATE_FORMAT_INVALID when a scheme's percent string is malformed.
 */
export function evaluateSubsidy(
  scheme: SubsidyScheme,
  facts: SubsidyFacts,
  priorPayments: readonly PriorSubsidyPayment[],
): SubsidyEvaluation {
  const { conditions, subsidyYear } = checkConditions(scheme, facts, priorPayments);
  const eligible = conditions.every((c) => c.met);
  const header = {
    schemeId: scheme.schemeId,
    version: scheme.version,
    loanId: facts.loan.loanId,
    eligible,
    subsidyYear,
    conditions,
  };
  if (!eligible || subsidyYear === null) return { ...header, lines: [], totalFen: 0n };

  const withinScheme = (cost: CostPaid) =>
    compareIsoDates(cost.paidOn, scheme.effectiveFrom) >= 0 &&
    (scheme.effectiveTo === null || compareIsoDates(cost.paidOn, scheme.effectiveTo) <= 0) &&
    (scheme.trigger.kind === 'after_full_repayment' || yearOf(cost.paidOn) === subsidyYear);
  const coveredBefore = new Map<string, bigint>();
  for (const payment of priorPayments)
    for (const c of payment.coveredCosts)
      coveredBefore.set(c.costId, (coveredBefore.get(c.costId) ?? 0n) + c.amountFen);
  const remainingOf = (cost: CostPaid) => {
    const left = cost.amountFen - (coveredBefore.get(cost.costId) ?? 0n);
    return left > 0n ? left : 0n;
  };
  const isFirstLoan = facts.enterpriseFlags.first_loan?.value === true;
  const principalFen = facts.loan.principalFen.value;

  const lines: WorkingLine[] = scheme.benefits.map((benefit) => {
    if (benefit.kind === 'loan_reward')
      return {
        line: 'loan_reward',
        amountFen: benefit.amountFen,
        steps: [{ step: 'reward', amountFen: benefit.amountFen, source: benefit.source }],
        counted: [],
      };
    if (benefit.kind === 'volume_reward') {
      const amountFen = applyRate(principalFen, parseRatePct(benefit.ratePct), 'halfUp');
      return {
        line: 'volume_reward',
        amountFen,
        steps: [{ step: 'rate', amountFen, source: benefit.source, parameter: benefit.ratePct }],
        counted: [],
      };
    }
    const counted = facts.costsPaid.filter((cost) => cost.kind === benefit.costKind && withinScheme(cost));
    const paidFen = counted.reduce((sum, cost) => sum + cost.amountFen, 0n);
    return {
      line: benefit.costKind,
      amountFen: paidFen,
      steps: [{ step: 'cost_paid', amountFen: paidFen, source: benefit.source }],
      counted,
    };
  });

  for (const limit of scheme.countedCostLimits) {
    const limited = lines.filter((l) => (limit.costKinds as readonly string[]).includes(l.line));
    const limitFen = applyRate(principalFen, parseRatePct(limit.pctOfPrincipal), 'down');
    applyCombinedCap(limited, limitFen);
    for (const l of limited)
      l.steps.push({
        step: 'counted_cost_limit',
        amountFen: l.amountFen,
        source: limit.source,
        parameter: `${limit.pctOfPrincipal}% of principal = ${limitFen} fen`,
      });
  }

  scheme.benefits.forEach((benefit, i) => {
    const l = lines[i];
    if (benefit.kind !== 'cost_share' || l === undefined) return;
    const ratePct =
      isFirstLoan && benefit.firstLoanRatePct !== undefined ? benefit.firstLoanRatePct : benefit.ratePct;
    l.amountFen = applyRate(l.amountFen, parseRatePct(ratePct), 'halfUp');
    l.steps.push({ step: 'rate', amountFen: l.amountFen, source: benefit.source, parameter: ratePct });
  });

  for (const cap of scheme.caps) applyCap(cap, lines, scheme, priorPayments, subsidyYear);

  const result = lines.map((l): SubsidyLine => {
    if (l.line === 'loan_reward' || l.line === 'volume_reward')
      return { line: l.line, steps: l.steps, amountFen: l.amountFen, coveredCosts: [] };
    const notYetFen = l.counted.reduce((sum, cost) => sum + remainingOf(cost), 0n);
    const amountFen = min(l.amountFen, notYetFen);
    const steps = [
      ...l.steps,
      {
        step: 'cost_not_yet_subsidised' as const,
        amountFen,
        source: NOT_OVER_COST_RULE,
        parameter: `${notYetFen} fen not yet subsidised`,
      },
    ];
    return { line: l.line, steps, amountFen, coveredCosts: coverCosts(amountFen, l.counted, remainingOf) };
  });
  return { ...header, lines: result, totalFen: result.reduce((sum, l) => sum + l.amountFen, 0n) };
}
