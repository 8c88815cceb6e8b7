// The whitelist rules, push, tracking and reverse evaluation use cases (issue 10 items 4–6), exported as one group.
export * from './whitelist-rule-set-view.ts';
export * from './publish-whitelist-rules.ts';
export * from './find-whitelist-rule-sets.ts';
export * from './build-whitelist.ts';
export * from './find-whitelist-entries.ts';
export * from './push-round-bank.ts';
export * from './push-whitelist.ts';
export * from './run-monthly-whitelist-push.ts';
export * from './find-whitelist-pushes.ts';
export * from './whitelist-lead-view.ts';
export * from './find-whitelist-leads.ts';
export * from './record-whitelist-lead-contact.ts';
export * from './find-whitelist-conversion.ts';
export * from './reverse-evaluation-view.ts';
export * from './create-reverse-evaluation.ts';
export * from './find-reverse-evaluations.ts';
export * from './get-reverse-evaluation-report.ts';
