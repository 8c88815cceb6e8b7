import { Command } from 'commander';
import { registerValidateCommands } from './commands/validate-commands.ts';
import { registerValidateIpCommands } from './commands/validate-ip-commands.ts';

/**
 * `npm run -s cli -- …`: thin commands over use cases and domain functions. With `--json` only JSON goes to
 * stdout. Commands that need the database open it through `openCliDatabase`, which refuses while the server
 * holds the PGlite folder; pure commands (validation, calculators) never open it.
 */
const program = new Command('ipf').description('知识产权质押融资服务平台 command line').showHelpAfterError();

registerValidateIpCommands(registerValidateCommands(program));

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
