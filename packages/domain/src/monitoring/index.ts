export * from './pledge-alert-kinds.ts';
export * from './find-condition-start-dates.ts';
export * from './detect-pledged-asset-alerts.ts';
export * from './monitoring-errors.ts';
