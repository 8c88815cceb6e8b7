import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
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
 * second run), a new database on that PostgreSQL server copied from the run's template, dropped again on close.
 *
 * Starting PGlite and migrating costs seconds, so within one test run (IPF_TEST_TEMPLATE_DIR, set by the
 * global setup and emptied at each run) the prepared cluster is dumped once and later files load the dump.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<DatabaseHandle> {
  const { databaseUrl, testTemplateDir } = loadConfig();
  if (databaseUrl !== null) return createServerDatabase(databaseUrl, options, testTemplateDir);

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
  runTemplateDir: string | null,
): Promise<DatabaseHandle> {
  const name = `ipf_test_${randomBytes(6).toString('hex')}`;
  const template =
    runTemplateDir === null
      ? null
      : await ensureServerTemplate(
          databaseUrl,
          serverTemplateName(runTemplateDir, options.template),
          options,
        );
  await withAdminClient(databaseUrl, (admin) =>
    admin.query(`create database ${name}${template === null ? '' : ` template ${template}`}`),
  );

  const handle = await openDatabase({
    databaseUrl: databaseOn(databaseUrl, name),
    dataDir: 'unused',
    poolSize: 20,
    migrate: template === null,
  });
  if (template === null) await options.prepare?.(handle);
  return {
    ...handle,
    async close() {
      await handle.close();
      await withAdminClient(databaseUrl, (admin) =>
        admin.query(`drop database if exists ${name} with (force)`),
      );
    },
  };
}

/** Drops the template databases a test run made on the server (the run's global teardown). */
export async function dropServerTestTemplates(databaseUrl: string, runTemplateDir: string): Promise<void> {
  await withAdminClient(databaseUrl, async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      'select datname from pg_database where starts_with(datname, $1)',
      [serverTemplatePrefix(runTemplateDir)],
    );
    for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
  });
}

function serverTemplatePrefix(runTemplateDir: string): string {
  return `ipf_tpl_${basename(runTemplateDir)
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()}_`;
}

function serverTemplateName(runTemplateDir: string, template: string | undefined): string {
  return `${serverTemplatePrefix(runTemplateDir)}${(template ?? 'migrated').replace(/[^a-z0-9]/gi, '')}`;
}

/**
 * Migrating and seeding a server database costs seconds per test file, so the first file of a run prepares
 * a template database under an advisory lock and every later file copies it (`create database … template`).
 * It is prepared under a temporary name and renamed when complete, so a failed preparation leaves no
 * half-prepared template to copy.
 */
async function ensureServerTemplate(
  databaseUrl: string,
  template: string,
  options: TestDatabaseOptions,
): Promise<string> {
  await withAdminClient(databaseUrl, async (admin) => {
    await admin.query('select pg_advisory_lock(hashtext($1))', [template]);
    try {
      const found = await admin.query('select 1 from pg_database where datname = $1', [template]);
      if (found.rowCount !== 0) return;
      const partial = `${template}_partial`;
      await admin.query(`drop database if exists ${partial} with (force)`);
      await admin.query(`create database ${partial}`);
      const handle = await openDatabase({
        databaseUrl: databaseOn(databaseUrl, partial),
        dataDir: 'unused',
        poolSize: 5,
      });
      try {
        await options.prepare?.(handle);
      } finally {
        await handle.close();
      }
      await admin.query(`alter database ${partial} rename to ${template}`);
    } finally {
      await admin.query('select pg_advisory_unlock(hashtext($1))', [template]);
    }
  });
  return template;
}

async function withAdminClient<T>(databaseUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

function databaseOn(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
