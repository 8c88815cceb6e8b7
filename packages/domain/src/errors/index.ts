export * from './domain-error.ts';
export * from './error-catalogue.ts';
export * from './catalogue.ts';
