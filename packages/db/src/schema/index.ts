export * from './parties.ts';
