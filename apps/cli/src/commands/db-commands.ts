import type { Command } from 'commander';
import { printJson } from '../cli-output.ts';
import { withCliDatabase } from '../open-cli-database.ts';
import { runCommand } from './run-command.ts';

/** `db migrate`: applies the forward-only migration tree (opening the database migrates it). */
export function registerDbCommands(program: Command): void {
  program
    .command('db')
    .description('database maintenance')
    .command('migrate')
    .description('apply pending migrations to PGlite (./data) or DATABASE_URL')
    .option('--json', 'print JSON only')
    .action(async (options: { json?: boolean }) =>
      runCommand(options, () =>
        withCliDatabase(async (_deps, handle) => {
          if (options.json === true) printJson({ migrated: true, database: handle.kind });
          else process.stdout.write(`迁移完成 migrations applied (${handle.kind})\n`);
          await Promise.resolve();
        }),
      ),
    );
}
