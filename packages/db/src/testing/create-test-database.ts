import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '@ipf/config';
import type { DatabaseHandle } from '../database.ts';
import { openDatabase } from '../open-database.ts';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default; with `DATABASE_URL` set (CI's
 * second run), a new database on that PostgreSQL server, dropped again on close.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const { databaseUrl } = loadConfig();
  if (databaseUrl === null) return openDatabase({ databaseUrl: null, dataDir: 'memory://' });

  const name = `ipf_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();

  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: 'unused', poolSize: 20 });
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
