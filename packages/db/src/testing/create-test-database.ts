import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '@ipf/config';
import type { DatabaseHandle } from '../database.ts';
import { openDatabase } from '../open-database.ts';

export interface TestDatabaseOptions {
  /** Names what `prepare` puts in the database, so the prepared state can be cached for the run. */
  readonly template?: string;
  /** Fills the freshly migrated database (e.g. demo data). */
  readonly prepare?: (handle: DatabaseHandle) => Promise<void>;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default; with `DATABASE_URL` set (CI's
 * second run), a new database on that PostgreSQL server, dropped again on close.
 *
 * Starting PGlite and migrating costs seconds, so within one test run (IPF_TEST_TEMPLATE_DIR, set by the
 * global setup and emptied at each run) the prepared cluster is dumped once and later files load the dump.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<DatabaseHandle> {
  const { databaseUrl, testTemplateDir } = loadConfig();
  if (databaseUrl !== null) return createServerDatabase(databaseUrl, options);

  const templatePath =
    testTemplateDir === null ? null : join(testTemplateDir, `${options.template ?? 'migrated'}.tar`);
  if (templatePath !== null && existsSync(templatePath)) {
    return openDatabase({
      databaseUrl: null,
      dataDir: 'memory://',
      migrate: false,
      loadDataDir: new Blob([readFileSync(templatePath)]),
    });
  }
  const handle = await openDatabase({ databaseUrl: null, dataDir: 'memory://' });
  await options.prepare?.(handle);
  if (templatePath !== null && handle.dump !== undefined) {
    const partial = `${templatePath}.${process.pid}.tmp`;
    writeFileSync(partial, Buffer.from(await (await handle.dump()).arrayBuffer()));
    renameSync(partial, templatePath);
  }
  return handle;
}

async function createServerDatabase(
  databaseUrl: string,
  options: TestDatabaseOptions,
): Promise<DatabaseHandle> {
  const name = `ipf_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();

  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: 'unused', poolSize: 20 });
  await options.prepare?.(handle);
  return {
    ...handle,
    async close() {
      await handle.close();
      const dropper = new pg.Client({ connectionString: databaseUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
