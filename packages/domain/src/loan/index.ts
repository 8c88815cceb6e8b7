export * from './loan-types.ts';
export * from './loan-errors.ts';
export * from './calculate-annuity-payment.ts';
export * from './calculate-period-interest.ts';
export * from './calculate-accrual-periods.ts';
export * from './validate-schedule-input.ts';
export * from './calculate-schedule.ts';
