export * from './parties.ts';
export * from './ip-assets.ts';
