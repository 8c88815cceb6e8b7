import type { Command } from 'commander';
import { loadConfig } from '@ipf/config';
import { currentDemoTotpCode } from '@ipf/app/demo-totp';
import { printJson } from '../cli-output.ts';
import { withCliDatabase } from '../open-cli-database.ts';
import { runCommand } from './run-command.ts';

/** `demo totp <login>` (no database) and `demo seed [--scale N] [--ledger-cases N]`. */
export function registerDemoCommands(program: Command): void {
  const demo = program.command('demo').description('demo data and demo log-ins');
  demo
    .command('totp <login>')
    .description("print a demo user's current one-time code (demo users only; never opens the database)")
    .option('--json', 'print JSON only')
    .option('--lang <lang>', 'zh-CN or en', 'zh-CN')
    .action(async (login: string, options: { json?: boolean; lang?: string }) =>
      runCommand(options, async () => {
        const code = currentDemoTotpCode(loadConfig().demoSeed, login, Date.now());
        if (options.json === true)
          printJson({ login, code, validForSeconds: 30 - (Math.floor(Date.now() / 1000) % 30) });
        else process.stdout.write(`${code}\n`);
        await Promise.resolve();
      }),
    );
  demo
    .command('seed')
    .description('fill an empty database with the demo city (does nothing if data exists)')
    .option('--scale <n>', 'enterprises = 500 × scale', '1')
    .option(
      '--ledger-cases <n>',
      'demo ledger: financing cases run through the real use cases when there are none (default IPF_DEMO_LEDGER_CASES, 1050; 0: none)',
    )
    .option('--json', 'print JSON only')
    .action(async (options: { scale: string; ledgerCases?: string; json?: boolean }) =>
      runCommand(options, () =>
        withCliDatabase(async (deps) => {
          const scale = Number(options.scale);
          if (!Number.isInteger(scale) || scale < 1 || scale > 100)
            throw new Error('--scale must be an integer from 1 to 100');
          const ledgerCases =
            options.ledgerCases === undefined ? loadConfig().demoLedgerCases : Number(options.ledgerCases);
          if (!Number.isInteger(ledgerCases) || ledgerCases < 0 || ledgerCases > 100_000)
            throw new Error('--ledger-cases must be an integer from 0 to 100000');
          const { formatDemoLedgerSummary, seedDemoData, seedDemoLedger } = await import('@ipf/app');
          const result = await seedDemoData(deps, scale, { cases: ledgerCases, deferred: true });
          const ledger = await seedDemoLedger(deps, ledgerCases);
          const summary = {
            seeded: result.seeded,
            organisations: result.organisations,
            enterprises: result.enterprises,
            users: result.users.length,
            ledgerCases: ledger.cases,
            ledgerByState: ledger.byState,
            ledgerElapsedMs: ledger.elapsedMs,
          };
          if (options.json === true) printJson(summary);
          else
            process.stdout.write(
              result.seeded
                ? `已生成演示数据 seeded: ${summary.organisations} organisations, ${summary.enterprises} enterprises, ${summary.users} users\n`
                : '数据库已有数据，未重复生成 (database not empty; nothing seeded)\n',
            );
          if (options.json !== true && ledger.seeded)
            process.stdout.write(
              `已生成演示台账 demo ledger: ${ledger.cases} cases in ${Math.round(ledger.elapsedMs / 1000)} s (${formatDemoLedgerSummary(ledger)})\n`,
            );
        }),
      ),
    );
}
