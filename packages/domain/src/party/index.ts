export * from './reference-data.ts';
export * from './roles.ts';
export * from './validate-uscc.ts';
export * from './validate-password.ts';
