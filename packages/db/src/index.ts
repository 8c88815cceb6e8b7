export * from './database.ts';
export * from './open-database.ts';
export * from './pglite-lock.ts';
export * as tables from './schema/index.ts';
export { createTestDatabase, dropServerTestTemplates } from './testing/create-test-database.ts';
