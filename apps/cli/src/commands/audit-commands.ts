import type { Command } from 'commander';
import { printJson } from '../cli-output.ts';
import { withCliDatabase } from '../open-cli-database.ts';
import { runCommand } from './run-command.ts';

/** `audit verify`: recomputes the SM3 hash chain; exit 0 when intact, 1 naming the first broken link. */
export function registerAuditCommands(program: Command): void {
  program
    .command('audit')
    .description('audit trail')
    .command('verify')
    .option('--json', 'print JSON only')
    .action(async (options: { json?: boolean }) =>
      runCommand(options, () =>
        withCliDatabase(async (deps) => {
          const { verifyAuditChain } = await import('@ipf/app');
          const verdict = await verifyAuditChain(deps.db);
          if (options.json === true) printJson(verdict);
          else if (verdict.ok)
            process.stdout.write(
              `审计链完整 audit chain intact: ${verdict.events} events, head ${verdict.lastHash}\n`,
            );
          else
            process.stdout.write(
              `审计链断裂 audit chain broken at seq ${verdict.brokenAtSeq}: ${verdict.reason}\n`,
            );
          process.exitCode = verdict.ok ? 0 : 1;
        }),
      ),
    );
}
