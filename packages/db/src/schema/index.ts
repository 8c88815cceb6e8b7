export * from './parties.ts';
export * from './ip-assets.ts';
export * from './ledger.ts';
