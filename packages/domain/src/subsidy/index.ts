export * from './subsidy-errors.ts';
export * from './subsidy-scheme.ts';
export * from './subsidy-facts.ts';
export * from './evaluate-subsidy.ts';
export * from './evaluate-subsidies.ts';
export * from './reserve-budget.ts';
export * from './example-subsidy-schemes.ts';
