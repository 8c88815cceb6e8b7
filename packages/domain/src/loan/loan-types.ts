import type { HolidayCalendar, IsoDate } from '../calendar/index.ts';
import type { Rate } from '../money/index.ts';

/** 还款方式 (repayment method): 等额本息 annuity, 等额本金 equal principal, 先息后本 interest-only, 到期一次还本付息 bullet. */
export type RepaymentMethod = 'annuity' | 'equalPrincipal' | 'interestOnly' | 'bullet';

/** 还款频率 (payment frequency). */
export type PaymentFrequency = 'monthly' | 'quarterly';

/**
 * 计息基准 (interest basis) of a full scheduled period: `monthly` = annual/12 per month (the default), or a day
 * count: actual/360, actual/365, 30/360 (bond basis). Part periods always use actual days × annual/360.
 */
export type InterestBasis = 'monthly' | 'ACT/360' | 'ACT/365' | '30/360';

/** An annual rate taking effect on a date (a floating-rate repricing, or a contract change). */
export interface RateChange {
  readonly effectiveDate: IsoDate;
  readonly annualRate: Rate;
}

/** Input of {@link calculateSchedule}. Amounts in fen, the annual rate exact, dates ISO. */
export interface ScheduleInput {
  readonly principalFen: bigint;
  /** Contract annual rate at the start (3.45 % = 345/10000). */
  readonly annualRate: Rate;
  readonly termMonths: number;
  readonly method: RepaymentMethod;
  /** 起息日: disbursement date; interest accrues from it. */
  readonly startDate: IsoDate;
  readonly frequency?: PaymentFrequency;
  readonly interestBasis?: InterestBasis;
  /** Annuity instalment rounded half-up to this multiple (default 1 fen; 100 = whole yuan). */
  readonly installmentMultipleFen?: bigint;
  /** 首期还款日: the broken first period accrues actual days × annual/360; later due dates follow it. */
  readonly firstDueDate?: IsoDate;
  /** Shift each due date to the following working day of this calendar (accrual dates are not shifted). */
  readonly followingWorkingDayCalendar?: HolidayCalendar;
  /** 结息日 for 先息后本: interest is settled on this day of each month (or each quarter's last month). */
  readonly settlementDay?: number;
  /** Fixed annuity instalment instead of the computed one (keeps the instalment after a shorten-term prepayment). */
  readonly installmentFen?: bigint;
  /** Fixed principal part for 等额本金 instead of principal ÷ periods (shorten-term prepayment). */
  readonly principalPartFen?: bigint;
  /** Explicit accrual end dates of every period (keeps the original due dates after a prepayment). */
  readonly periodEndDates?: readonly IsoDate[];
  /** With `periodEndDates`: false when the first period is a part period (accrues actual/360); default true. */
  readonly firstPeriodFull?: boolean;
  /** Rate changes after the start (floating rates): each applies from the first period starting on or after it. */
  readonly rateChanges?: readonly RateChange[];
}

/** One instalment of a schedule. */
export interface Installment {
  readonly period: number;
  readonly accrualStartDate: IsoDate;
  readonly accrualEndDate: IsoDate;
  /** Accrual end, or the following working day when the product shifts due dates. */
  readonly dueDate: IsoDate;
  readonly principalFen: bigint;
  readonly interestFen: bigint;
  readonly paymentFen: bigint;
  /** Outstanding principal after this instalment. */
  readonly balanceFen: bigint;
  readonly annualRate: Rate;
}

/** 还款计划 (repayment schedule). `provisional` when a shifted due date fell in a year without holiday data. */
export interface Schedule {
  readonly installments: readonly Installment[];
  readonly totalPrincipalFen: bigint;
  readonly totalInterestFen: bigint;
  readonly totalPaymentFen: bigint;
  readonly provisional: boolean;
}
