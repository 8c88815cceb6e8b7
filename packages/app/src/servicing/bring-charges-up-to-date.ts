import { addDays, daysBetween, type IsoDate } from '@ipf/domain/calendar';
import { calculatePenaltyInterest } from '@ipf/domain/loan';
import { parseRatePct } from '@ipf/domain/money';
import { loanAnnualRate, type InstallmentRow, type LoanAccountRow } from './loan-annual-rate.ts';

/** What an instalment still owes: principal, interest, and penalty plus compound interest charged and unpaid. */
export function unpaidOf(installment: InstallmentRow): {
  principalFen: bigint;
  interestFen: bigint;
  chargesFen: bigint;
} {
  return {
    principalFen: installment.principalFen - installment.principalPaidFen,
    interestFen: installment.interestFen - installment.interestPaidFen,
    chargesFen: installment.penaltyChargedFen + installment.compoundChargedFen - installment.chargesPaidFen,
  };
}

/** An instalment that still counts: not paid off and not replaced by a prepayment's new schedule. */
export function isOpenInstallment(installment: InstallmentRow): boolean {
  return installment.status !== 'paid' && installment.status !== 'superseded';
}

/** The charges of one day of one instalment, for the posting of that business date. */
export interface DailyCharge {
  readonly date: IsoDate;
  readonly installmentId: string;
  readonly penaltyFen: bigint;
  readonly compoundFen: bigint;
}

/**
 * 罚息与复利计至某日 (bring overdue charges up to a date): for each open instalment past its due date, 罚息 on its
 * overdue principal and 复利 on its unpaid interest at contract rate × (1 + markup), ACT/360, day by day after
 * `chargedThroughDate`. Within a segment (amounts unchanged since `chargeBaseDate`) a day's charge is
 * `P(days to that day) − P(days to the day before)` with P the engine's once-rounded
 * {@link calculatePenaltyInterest}, so the days of a segment add up to exactly one rounding of the whole
 * segment (10 days on 84,898.82 at 3.45 % + 50 % = 122.04). Returns new rows (inputs untouched) and the
 * per-day charges. Source: 银发〔2003〕251号; domain-reference.md conventions (part periods actual/360).
 */
export function bringChargesUpToDate(
  account: LoanAccountRow,
  installments: readonly InstallmentRow[],
  throughDate: IsoDate,
): { installments: InstallmentRow[]; charges: DailyCharge[] } {
  const annualRate = loanAnnualRate(account);
  const markup = parseRatePct(account.penaltyMarkupPct);
  const charges: DailyCharge[] = [];
  const updated = installments.map((row) => {
    if (!isOpenInstallment(row) || row.dueDate >= throughDate) return row;
    const unpaid = unpaidOf(row);
    if (unpaid.principalFen === 0n && unpaid.interestFen === 0n) return row;
    const baseDate = row.chargeBaseDate ?? row.dueDate;
    let through = row.chargedThroughDate ?? baseDate;
    let penaltyChargedFen = row.penaltyChargedFen;
    let compoundChargedFen = row.compoundChargedFen;
    const charge = (overdueFen: bigint, days: number) =>
      calculatePenaltyInterest({ overdueFen, annualRate, markup, days });
    while (through < throughDate) {
      const day = addDays(through, 1);
      const daysTo = daysBetween(baseDate, day);
      const penaltyFen = charge(unpaid.principalFen, daysTo) - charge(unpaid.principalFen, daysTo - 1);
      const compoundFen = charge(unpaid.interestFen, daysTo) - charge(unpaid.interestFen, daysTo - 1);
      penaltyChargedFen += penaltyFen;
      compoundChargedFen += compoundFen;
      charges.push({ date: day, installmentId: row.id, penaltyFen, compoundFen });
      through = day;
    }
    return {
      ...row,
      status: 'overdue',
      chargeBaseDate: baseDate,
      chargedThroughDate: through,
      penaltyChargedFen,
      compoundChargedFen,
    };
  });
  return { installments: updated, charges };
}
