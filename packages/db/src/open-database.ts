import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema/index.ts';
import type { Database, DatabaseHandle } from './database.ts';
import { acquirePgliteLock } from './pglite-lock.ts';
import { sharedTypeParsers } from './type-parsers.ts';

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

export interface OpenDatabaseOptions {
  /** `postgres://…` for a server; null for PGlite. */
  readonly databaseUrl: string | null;
  /** PGlite folder, or `memory://` for a throwaway in-memory database (tests). */
  readonly dataDir: string;
  readonly migrate?: boolean;
  readonly poolSize?: number;
  /** In-memory PGlite only: start from this dump (`dumpDataDir`) instead of an empty cluster (test templates). */
  readonly loadDataDir?: Blob;
}

/**
 * The one place that imports a database driver (design.md rule 5). Opens PGlite (taking the folder lock) or a
 * `pg` pool with the same type parsers, and applies the migration tree when asked.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl !== null) return openPostgres(options.databaseUrl, options);

  const inMemory = options.dataDir.startsWith('memory://');
  const release = inMemory ? () => undefined : acquirePgliteLock(options.dataDir);
  try {
    const client = await PGlite.create(inMemory ? undefined : options.dataDir, {
      parsers: sharedTypeParsers,
      ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
    });
    const db = drizzlePglite({ client, schema }) as unknown as Database;
    if (options.migrate !== false) await migratePglite(db as never, { migrationsFolder });
    return {
      db,
      kind: 'pglite',
      dump: () => client.dumpDataDir('none'),
      async close() {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

async function openPostgres(databaseUrl: string, options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  // drizzle's pg session passes its own per-query `types` that fall back to the global registry, so the
  // shared parsers must be registered there (this module is the only user of `pg`).
  for (const [oid, parser] of Object.entries(sharedTypeParsers)) pg.types.setTypeParser(Number(oid), parser);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
  // An idle connection can drop (server restart, an administrator terminating it): the pool discards that
  // client and the next checkout opens a new one. Unlistened, the 'error' event would end the process.
  pool.on('error', () => undefined);
  const db = drizzlePg({ client: pool, schema }) as unknown as Database;
  if (options.migrate !== false) {
    // Several server processes may start at once: one migrates, the others wait on the advisory lock.
    const connection = await pool.connect();
    try {
      await connection.query('select pg_advisory_lock(7262001)');
      await migratePg(drizzlePg({ client: connection, schema }), { migrationsFolder });
    } finally {
      await connection.query('select pg_advisory_unlock(7262001)');
      connection.release();
    }
  }
  return { db, kind: 'postgres', close: () => endPool(pool) };
}

/**
 * Ends the pool and waits until every connection has closed: `pool.end()` resolves once its clients are
 * released, while their connections may still be closing (a database dropped right after would terminate them).
 */
async function endPool(pool: pg.Pool): Promise<void> {
  let open = pool.totalCount;
  const closed = new Promise<void>((resolve) => {
    if (open === 0) resolve();
    pool.on('remove', () => {
      open -= 1;
      if (open <= 0) resolve();
    });
  });
  await pool.end();
  await closed;
}

/** `select 1`: the health check's database probe. */
export async function pingDatabase(db: Database): Promise<void> {
  await db.execute(sql`select 1`);
}
