import { Command } from 'commander';
import { registerValidateCommands } from './commands/validate-commands.ts';
import { registerLoanCommands } from './commands/loan-commands.ts';
import { registerValidateIpCommands } from './commands/validate-ip-commands.ts';
import { registerAuditCommands } from './commands/audit-commands.ts';
import { registerDbCommands } from './commands/db-commands.ts';
import { registerDemoCommands } from './commands/demo-commands.ts';
import { registerUsersCommands } from './commands/users-commands.ts';
import { registerValuationCommands } from './commands/valuation-commands.ts';
import { registerRiskCommands } from './commands/risk-commands.ts';
import { registerServicingCommands } from './commands/servicing-commands.ts';
import { registerPsiCommands } from './commands/psi-commands.ts';

/**
 * `npm run -s cli -- …`: thin commands over use cases and domain functions. With `--json` only JSON goes to
 * stdout. Commands that need the database open it through `withCliDatabase`, which refuses while the server
 * holds the PGlite folder; pure commands (validation, calculators) never open it.
 */
const program = new Command('ipf').description('知识产权质押融资服务平台 command line').showHelpAfterError();

registerValidateIpCommands(registerValidateCommands(program));
registerLoanCommands(program);
registerDbCommands(program);
registerDemoCommands(program);
registerUsersCommands(program);
registerAuditCommands(program);
registerValuationCommands(program);
registerRiskCommands(program);
registerServicingCommands(program);
registerPsiCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
