import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs the CLI as `npm run -s cli -- …` does (no npm in between); the risk calculator never opens a database. */
function cli(args: readonly string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'apps/cli/src/main.ts', ...args], {
    encoding: 'utf8',
  });
}

describe('risk allocate (issue 8 item 9)', () => {
  it('prints the flat split by largest remainder, the odd fen to the first listed, as one JSON line', () => {
    const run = cli(['risk', 'allocate', '--loss', '1000000.01', '--shares', 'pool:1,bank:1', '--json']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('{"allocation":{"pool":"500000.01","bank":"500000.00"}}\n');
  });

  it('splits insurer : bank : guarantor 60 : 20 : 20 so the parts add up to the loss to the fen', () => {
    const run = cli([
      'risk',
      'allocate',
      '--loss',
      '100.01',
      '--shares',
      'insurer:60,bank:20,guarantor:20',
      '--json',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const { allocation } = JSON.parse(run.stdout) as { allocation: Record<string, string> };
    expect(allocation).toEqual({ insurer: '60.01', bank: '20.00', guarantor: '20.00' });
  });

  it('refuses a negative loss and a bad share with coded problems and exit code 1', () => {
    const run = cli(['risk', 'allocate', '--loss', '-1.00', '--shares', 'pool:x', '--json', '--lang', 'en']);
    expect(run.status).toBe(1);
    const { errors } = JSON.parse(run.stdout) as { errors: { code: string; field: string }[] };
    expect(errors.map((e) => `${e.code}@${e.field}`)).toEqual([
      'RISK_LOSS_INVALID@loss',
      'RISK_SHARE_WEIGHT_INVALID@shares[0]',
    ]);
  });
});
