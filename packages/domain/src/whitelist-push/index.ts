export * from './whitelist-push-errors.ts';
export * from './calculate-lead-tracking.ts';
