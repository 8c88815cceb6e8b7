export * from './common.ts';
export * from './auth.ts';
export * from './parties.ts';
export * from './ip-assets.ts';
export * from './ledger.ts';
export * from './case-documents.ts';
export * from './registrations.ts';
export * from './servicing.ts';
