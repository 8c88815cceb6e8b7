import { addMonths, isIsoDate, type IsoDate } from '../calendar/index.ts';
import { DomainError } from '../errors/index.ts';
import { addRates, parseRatePct, rateFromBps, type Rate } from '../money/index.ts';
import lprData from './lpr-cn.json' with { type: 'json' };
import type { RateChange } from './loan-types.ts';

/** LPR 期限品种 (LPR tenor): 1-year or over-5-year. */
export type LprTenor = '1Y' | '5Y';

/** The data shape of an LPR file: per tenor, rows of `{ effectiveDate, ratePct }` in date order. */
export interface LprTableData {
  readonly source?: string;
  readonly oneYear: readonly { readonly effectiveDate: string; readonly ratePct: string }[];
  readonly fiveYear: readonly { readonly effectiveDate: string; readonly ratePct: string }[];
}

/** One quotation in effect from its date. */
export interface LprQuote {
  readonly effectiveDate: IsoDate;
  readonly ratePct: string;
  readonly annualRate: Rate;
}

/** 贷款市场报价利率表 (LPR table): versioned data, quotations by tenor in ascending effective date. */
export interface LprTable {
  readonly source: string;
  readonly quotes: Readonly<Record<LprTenor, readonly LprQuote[]>>;
}

function toQuotes(rows: LprTableData['oneYear'], tenor: LprTenor): LprQuote[] {
  let previous = '';
  return rows.map((row) => {
    if (!isIsoDate(row.effectiveDate) || row.effectiveDate <= previous) {
      throw new DomainError('LPR_TABLE_INVALID', {
        detail: `${tenor} ${row.effectiveDate} is not a date after ${previous || 'the start'}`,
      });
    }
    previous = row.effectiveDate;
    return { effectiveDate: row.effectiveDate, ratePct: row.ratePct, annualRate: parseRatePct(row.ratePct) };
  });
}

/**
 * 构建 LPR 表 (build an LPR table) from data, checking dates ascend and rates parse exactly.
 * @throws DomainError('LPR_TABLE_INVALID')
 */
export function createLprTable(data: LprTableData): LprTable {
  return {
    source: data.source ?? '',
    quotes: { '1Y': toQuotes(data.oneYear, '1Y'), '5Y': toQuotes(data.fiveYear, '5Y') },
  };
}

/** The LPR history of domain-reference.md (`lpr-cn.json`), 2022-08-22 to 2025-05-20. */
export const CN_LPR_TABLE: LprTable = createLprTable(lprData);

/**
 * 适用 LPR (the LPR in effect on a date): the latest quotation of the tenor whose effective date is on or
 * before `date`. Example: 1Y on 2024-01-15 → 3.45 %; 5Y on 2024-02-20 → 3.95 %.
 * @throws DomainError('LPR_NOT_AVAILABLE') before the first quotation in the table.
 */
export function findLprQuote(table: LprTable, tenor: LprTenor, date: IsoDate): LprQuote {
  const quotes = table.quotes[tenor];
  let found: LprQuote | undefined;
  for (const quote of quotes) {
    if (quote.effectiveDate <= date) found = quote;
    else break;
  }
  if (found === undefined)
    throw new DomainError('LPR_NOT_AVAILABLE', {
      tenor,
      date,
      earliestDate: quotes[0]?.effectiveDate ?? '-',
    });
  return found;
}

/** Input of {@link calculateFloatingRateChanges}. */
export interface FloatingRateInput {
  readonly table: LprTable;
  readonly tenor: LprTenor;
  /** 加点 (spread) over the LPR in integer basis points; may be negative. */
  readonly spreadBps: bigint;
  /** 定价基准日: the LPR in effect on this date prices the loan at the start (usually the contract date). */
  readonly pricingDate: IsoDate;
  /** 重定价日 (repricing dates) after the start. */
  readonly repricingDates: readonly IsoDate[];
}

/**
 * 浮动利率 (floating rate): LPR + spread at the pricing date, and a {@link RateChange} at every repricing date
 * whose new rate (the LPR in effect that day + spread) differs from the previous one. Feed `initialRate` as
 * the schedule's `annualRate` and `changes` as its `rateChanges`. Example: 1Y LPR 3.45 % + 50 bps = 3.95 %.
 * Source: PBoC announcement [2019] No. 30 (LPR reform), domain-reference.md LPR table.
 */
export function calculateFloatingRateChanges(input: FloatingRateInput): {
  initialRate: Rate;
  changes: RateChange[];
} {
  const spread = rateFromBps(input.spreadBps);
  const initialRate = addRates(findLprQuote(input.table, input.tenor, input.pricingDate).annualRate, spread);
  const changes: RateChange[] = [];
  let current = initialRate;
  for (const date of [...input.repricingDates].sort()) {
    const rate = addRates(findLprQuote(input.table, input.tenor, date).annualRate, spread);
    if (rate.numerator !== current.numerator || rate.denominator !== current.denominator)
      changes.push({ effectiveDate: date, annualRate: rate });
    current = rate;
  }
  return { initialRate, changes };
}

/**
 * 周年重定价日 (anniversary repricing dates): start + 12, 24, … months (clamped to month end), strictly before
 * maturity (start + term). A common contract choice besides 1 January.
 */
export function calculateAnniversaryRepricingDates(startDate: IsoDate, termMonths: number): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let months = 12; months < termMonths; months += 12) dates.push(addMonths(startDate, months));
  return dates;
}
