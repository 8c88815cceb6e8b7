import { daysBetween, type IsoDate } from '../calendar/index.ts';
import { DomainError } from '../errors/index.ts';
import {
  addRates,
  compareRates,
  createRate,
  divideRounded,
  formatRatePct,
  multiplyRates,
  type Rate,
} from '../money/index.ts';

/** 罚息上浮区间 (allowed markup range) as fractions, e.g. overdue 30–50 %, misuse of funds 50–100 %. */
export interface MarkupRange {
  readonly min: Rate;
  readonly max: Rate;
}

/** 银发〔2003〕251号: overdue loans, contract rate +30 % to +50 %. */
export const OVERDUE_MARKUP_RANGE: MarkupRange = { min: createRate(30n, 100n), max: createRate(50n, 100n) };
/** 银发〔2003〕251号: misuse of loan funds, contract rate +50 % to +100 %. */
export const MISUSE_MARKUP_RANGE: MarkupRange = { min: createRate(50n, 100n), max: createRate(100n, 100n) };

/**
 * 罚息利率 (penalty rate): contract annual rate × (1 + markup), the markup a fraction parsed from the wire
 * percent (`parseRatePct("50")` = 1/2). Example: 3.45 % × 1.5 = 5.175 %.
 * Source: 银发〔2003〕251号 (overdue +30 % to +50 %, checked against `range`).
 * @throws DomainError('PENALTY_MARKUP_OUT_OF_RANGE') when the markup is outside the range.
 */
export function calculatePenaltyRate(
  annualRate: Rate,
  markup: Rate,
  range: MarkupRange = OVERDUE_MARKUP_RANGE,
): Rate {
  if (compareRates(markup, range.min) < 0 || compareRates(markup, range.max) > 0) {
    throw new DomainError('PENALTY_MARKUP_OUT_OF_RANGE', {
      minPct: formatRatePct(range.min, 0),
      maxPct: formatRatePct(range.max, 0),
      valuePct: formatRatePct(markup),
    });
  }
  return multiplyRates(annualRate, addRates(createRate(1n, 1n), markup));
}

/** Input of {@link calculatePenaltyInterest}. */
export interface PenaltyInterestInput {
  /** Overdue principal (罚息) or unpaid interest (复利), in fen. */
  readonly overdueFen: bigint;
  readonly annualRate: Rate;
  /** Markup as a fraction (+50 % = 1/2, from `parseRatePct("50")`). */
  readonly markup: Rate;
  readonly days: number;
  readonly range?: MarkupRange;
}

/**
 * 罚息/复利 (penalty or compound interest): `overdue × annual × (1 + markup) × days / 360`, exact, rounded once
 * half-up. Applies to overdue principal (罚息) and to unpaid interest (复利, at the same penalty rate).
 * Golden vector: 84,898.82 at 3.45 % + 50 % for 10 days = 122.04. Source: 银发〔2003〕251号; domain-reference.md.
 * @throws DomainError('OVERDUE_DAYS_INVALID' | 'OVERDUE_AMOUNT_INVALID' | 'PENALTY_MARKUP_OUT_OF_RANGE')
 */
export function calculatePenaltyInterest(input: PenaltyInterestInput): bigint {
  if (!Number.isSafeInteger(input.days) || input.days < 0) throw new DomainError('OVERDUE_DAYS_INVALID');
  if (input.overdueFen < 0n) throw new DomainError('OVERDUE_AMOUNT_INVALID');
  const rate = calculatePenaltyRate(input.annualRate, input.markup, input.range);
  return divideRounded(input.overdueFen * rate.numerator * BigInt(input.days), rate.denominator * 360n);
}

/** 逾期天数 (days past due): calendar days from the due date to `asOfDate`, 0 when not yet past due. */
export function calculateDaysPastDue(dueDate: IsoDate, asOfDate: IsoDate): number {
  const days = daysBetween(dueDate, asOfDate);
  return days > 0 ? days : 0;
}

/** One unpaid instalment for {@link calculateOverdueCharges}. */
export interface OverdueItem {
  readonly dueDate: IsoDate;
  readonly overduePrincipalFen: bigint;
  readonly overdueInterestFen: bigint;
}

/** Input of {@link calculateOverdueCharges}. */
export interface OverdueChargesInput {
  readonly items: readonly OverdueItem[];
  readonly asOfDate: IsoDate;
  readonly annualRate: Rate;
  /** Markup as a fraction (+50 % = 1/2). */
  readonly markup: Rate;
  readonly range?: MarkupRange;
}

/** Per-instalment and total overdue charges. */
export interface OverdueCharges {
  readonly items: readonly {
    readonly dueDate: IsoDate;
    readonly daysPastDue: number;
    readonly penaltyFen: bigint;
    readonly compoundFen: bigint;
  }[];
  readonly maxDaysPastDue: number;
  readonly totalPenaltyFen: bigint;
  readonly totalCompoundFen: bigint;
}

/**
 * 逾期罚息与复利 (overdue charges): for each unpaid instalment, days past due as of `asOfDate`, 罚息 on its
 * overdue principal and 复利 on its unpaid interest, both at the penalty rate, ACT/360, from the due date,
 * each rounded once half-up. Source: 银发〔2003〕251号 (overdue +30–50 %; unpaid interest compounds at the
 * penalty rate).
 */
export function calculateOverdueCharges(input: OverdueChargesInput): OverdueCharges {
  let totalPenaltyFen = 0n;
  let totalCompoundFen = 0n;
  let maxDaysPastDue = 0;
  const items = input.items.map((item) => {
    const days = calculateDaysPastDue(item.dueDate, input.asOfDate);
    const base = {
      annualRate: input.annualRate,
      markup: input.markup,
      days,
      ...(input.range === undefined ? {} : { range: input.range }),
    };
    const penaltyFen = calculatePenaltyInterest({ ...base, overdueFen: item.overduePrincipalFen });
    const compoundFen = calculatePenaltyInterest({ ...base, overdueFen: item.overdueInterestFen });
    totalPenaltyFen += penaltyFen;
    totalCompoundFen += compoundFen;
    if (days > maxDaysPastDue) maxDaysPastDue = days;
    return { dueDate: item.dueDate, daysPastDue: days, penaltyFen, compoundFen };
  });
  return { items, maxDaysPastDue, totalPenaltyFen, totalCompoundFen };
}
