import { addMonths, isIsoDate } from '../calendar/index.ts';
import type { ProblemDetail } from '../errors/index.ts';
import { formatYuan } from '../money/index.ts';
import type { ScheduleInput } from './loan-types.ts';

/** Largest principal the engine accepts: 10^15 fen (10 trillion yuan), keeping every product far inside 2^63. */
export const MAX_PRINCIPAL_FEN = 10n ** 15n;
/** Longest term: 50 years. */
export const MAX_TERM_MONTHS = 600;
/** Highest annual rate accepted: 100 %. */
export const MAX_ANNUAL_RATE_PCT = 100n;

/**
 * 还款计划参数校验 (validate schedule input): every problem with its field, empty when valid. Checks amounts,
 * rate, term, the quarterly multiple, dates, and that options fit the method (结息日 only for 先息后本; no first
 * due date or settlement day for a bullet loan).
 */
export function validateScheduleInput(input: ScheduleInput): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  if (input.principalFen <= 0n || input.principalFen > MAX_PRINCIPAL_FEN) {
    problems.push({
      code: 'LOAN_PRINCIPAL_INVALID',
      field: 'principalFen',
      params: { maxYuan: formatYuan(MAX_PRINCIPAL_FEN) },
    });
  }
  const rate = input.annualRate;
  if (rate.numerator < 0n || rate.numerator * 100n > MAX_ANNUAL_RATE_PCT * rate.denominator) {
    problems.push({
      code: 'LOAN_RATE_INVALID',
      field: 'annualRate',
      params: { maxPct: String(MAX_ANNUAL_RATE_PCT) },
    });
  }
  for (const [index, change] of (input.rateChanges ?? []).entries()) {
    const r = change.annualRate;
    if (r.numerator < 0n || r.numerator * 100n > MAX_ANNUAL_RATE_PCT * r.denominator) {
      problems.push({
        code: 'LOAN_RATE_INVALID',
        field: `rateChanges[${index}].annualRate`,
        params: { maxPct: String(MAX_ANNUAL_RATE_PCT) },
      });
    }
    if (!isIsoDate(change.effectiveDate))
      problems.push({
        code: 'DATE_FORMAT_INVALID',
        field: `rateChanges[${index}].effectiveDate`,
        params: { value: change.effectiveDate },
      });
  }
  const termValid =
    Number.isSafeInteger(input.termMonths) && input.termMonths >= 1 && input.termMonths <= MAX_TERM_MONTHS;
  if (!termValid)
    problems.push({ code: 'LOAN_TERM_INVALID', field: 'termMonths', params: { maxMonths: MAX_TERM_MONTHS } });
  const quarterly = input.frequency === 'quarterly' && input.method !== 'bullet';
  if (termValid && quarterly && input.termMonths % 3 !== 0 && input.periodEndDates === undefined) {
    problems.push({
      code: 'LOAN_TERM_NOT_MULTIPLE_OF_PERIOD',
      field: 'termMonths',
      params: { termMonths: input.termMonths },
    });
  }
  if (input.installmentMultipleFen !== undefined && input.installmentMultipleFen <= 0n) {
    problems.push({ code: 'LOAN_INSTALLMENT_MULTIPLE_INVALID', field: 'installmentMultipleFen' });
  }
  const startValid = isIsoDate(input.startDate);
  if (!startValid)
    problems.push({ code: 'DATE_FORMAT_INVALID', field: 'startDate', params: { value: input.startDate } });

  if (input.firstDueDate !== undefined) {
    if (input.method === 'bullet' || input.settlementDay !== undefined) {
      problems.push({
        code: 'LOAN_OPTION_NOT_APPLICABLE',
        field: 'firstDueDate',
        params: { option: 'firstDueDate', method: input.method },
      });
    } else if (!isIsoDate(input.firstDueDate)) {
      problems.push({
        code: 'DATE_FORMAT_INVALID',
        field: 'firstDueDate',
        params: { value: input.firstDueDate },
      });
    } else if (startValid) {
      const latestDate = addMonths(input.startDate, 2 * (input.frequency === 'quarterly' ? 3 : 1));
      if (input.firstDueDate <= input.startDate || input.firstDueDate > latestDate) {
        problems.push({
          code: 'LOAN_FIRST_DUE_DATE_INVALID',
          field: 'firstDueDate',
          params: { startDate: input.startDate, latestDate },
        });
      }
    }
  }
  if (input.settlementDay !== undefined) {
    if (input.method !== 'interestOnly') {
      problems.push({
        code: 'LOAN_OPTION_NOT_APPLICABLE',
        field: 'settlementDay',
        params: { option: 'settlementDay', method: input.method },
      });
    } else if (
      !Number.isSafeInteger(input.settlementDay) ||
      input.settlementDay < 1 ||
      input.settlementDay > 31
    ) {
      problems.push({ code: 'LOAN_SETTLEMENT_DAY_INVALID', field: 'settlementDay' });
    }
  }
  if (input.periodEndDates !== undefined && startValid) {
    let previous = input.startDate;
    const ok =
      input.periodEndDates.length > 0 &&
      input.periodEndDates.every((date) => {
        const valid = isIsoDate(date) && date > previous;
        previous = date;
        return valid;
      });
    if (!ok) problems.push({ code: 'LOAN_DUE_DATES_INVALID', field: 'periodEndDates' });
  }
  if (input.installmentFen !== undefined && input.installmentFen <= 0n) {
    problems.push({ code: 'LOAN_INSTALLMENT_MULTIPLE_INVALID', field: 'installmentFen' });
  }
  return problems;
}
