import { loadConfig } from '@ipf/config';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './database.ts';
import { openDatabase } from './open-database.ts';
import { typeProbes } from './schema/index.ts';
import { createTestDatabase } from './testing/create-test-database.ts';

describe(`database driver (${loadConfig().databaseUrl === null ? 'PGlite' : 'PostgreSQL'})`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  it('round-trips 2^53+1 fen and an exact numeric without losing a digit', async () => {
    const amountFen = 2n ** 53n + 1n;
    await handle.db.insert(typeProbes).values({ id: 1, amountFen, rateNumeric: '12345678901234.123456' });
    const [row] = await handle.db.select().from(typeProbes);
    expect(row?.amountFen).toBe(9007199254740993n);
    expect(row?.rateNumeric).toBe('12345678901234.123456');
  });

  it('returns int8, numeric and date from raw SQL as bigint, string and ISO string on both drivers', async () => {
    const result = await handle.db.execute(
      sql`select count(*) as n, 9007199254740993::int8 as big, 3.450::numeric(6,3) as rate, date '2024-02-29' as d`,
    );
    const row = (result as { rows: Record<string, unknown>[] }).rows[0];
    expect(row).toEqual({ n: 1n, big: 9007199254740993n, rate: '3.450', d: '2024-02-29' });
  });
});

describe('PGlite folder lock', () => {
  it('refuses a second opener of the same data folder with a clear, coded message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ipf-lock-'));
    const first = await openDatabase({ databaseUrl: null, dataDir: dir, migrate: false });
    try {
      await expect(openDatabase({ databaseUrl: null, dataDir: dir, migrate: false })).rejects.toMatchObject({
        code: 'DATA_FOLDER_LOCKED',
        params: { path: dir, pid: process.pid },
      });
    } finally {
      await first.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
