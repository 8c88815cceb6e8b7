import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, tables } from '@ipf/db';
import { calculatePatentCheckDigit } from '@ipf/domain/ip-asset';

/**
 * Runs the CLI as `npm run -s cli -- …` does (no npm in between) on its own PGlite folder: `env` passes the
 * inherited environment on with IPF_DATA_DIR set and DATABASE_URL removed (CI's PostgreSQL leg sets it).
 */
function cli(args: readonly string[], dataDir: string) {
  return spawnSync(
    'env',
    [
      '-u',
      'DATABASE_URL',
      `IPF_DATA_DIR=${dataDir}`,
      process.execPath,
      '--import',
      'tsx',
      'apps/cli/src/main.ts',
      ...args,
    ],
    { encoding: 'utf8' },
  );
}

describe('valuation commands (issue 7 item 9)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ipf-cli-valuation-'));
  const body = '202110012345';
  const number = `${body}.${calculatePatentCheckDigit(body)!}`;

  beforeAll(async () => {
    // A migrated PGlite folder with one granted invention patent, as `db migrate` and the demo seed leave it.
    const handle = await openDatabase({ databaseUrl: null, dataDir });
    const now = new Date('2026-01-01T00:00:00Z');
    await handle.db.insert(tables.ipAssets).values({
      id: '9b6f3f0e-6d43-4a59-9a57-3c4e7f1d2a10',
      kind: 'invention_patent',
      number,
      title: '一种命令行评分测试方法',
      filingDate: '2021-01-15',
      grantDate: '2023-06-01',
      termFacts: { kind: 'invention_patent', filingDate: '2021-01-15', termCompensationDays: 0 },
      expiryDate: '2041-01-14',
      baseExpiryDate: '2041-01-14',
      termBasis: 'invention_20_years',
      legalStatus: 'granted',
      flags: [],
      annualFeePaidThrough: '2027-01-14',
      ipcClasses: ['G06F 16/00'],
      niceClasses: [],
      similarMarkAssetIds: [],
      source: 'test',
      createdAt: now,
      updatedAt: now,
    });
    await handle.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints {"value","presentValues"} for royalty relief with end-of-year discounting, exact and rounded once', () => {
    const out = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'apps/cli/src/main.ts',
        'valuation',
        'royalty-relief',
        '--revenue',
        '1000000,1200000,1400000',
        '--royalty-rate',
        '5',
        '--attribution',
        '100',
        '--tax-rate',
        '25',
        '--discount-rate',
        '12',
        '--json',
      ],
      { encoding: 'utf8' },
    );
    // 37,500 / 1.12 = 33,482.142857…; 45,000 / 1.12² = 35,873.724489…; 52,500 / 1.12³ = 37,368.463010…;
    // the sum 106,724.330357… rounds once to 106,724.33 (the rounded years would add to 106,724.32).
    expect(JSON.parse(out)).toEqual({
      value: '106724.33',
      presentValues: ['33482.14', '35873.72', '37368.46'],
    });
  });

  it('scores a patent of the database by its number (ZL prefix accepted) and lists every indicator', () => {
    const result = cli(['valuation', 'score', '--asset', `ZL${number}`, '--json'], dataDir);
    expect(result.status).toBe(0);
    const score = JSON.parse(result.stdout) as {
      asset: { number: string };
      source: string;
      overallScore: string;
      indicators: { indicator: string; contribution: string }[];
    };
    expect(score.asset.number).toBe(number);
    expect(score.source).toBe('database');
    expect(score.overallScore).toMatch(/^\d{1,3}\.\d{2}$/);
    expect(score.indicators.length).toBeGreaterThan(5);
  });

  it('answers an unknown number with VALUATION_ASSET_NOT_FOUND and numbers that exist, exit code 1', () => {
    const result = cli(['valuation', 'score', '--asset', '202199999999.9', '--json'], dataDir);
    expect(result.status).toBe(1);
    const answer = JSON.parse(result.stdout) as { error: { code: string; message: string } };
    expect(answer.error.code).toBe('VALUATION_ASSET_NOT_FOUND');
    expect(answer.error.message).toContain(number);
  });
});
