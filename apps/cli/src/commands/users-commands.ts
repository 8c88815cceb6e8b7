import type { Command } from 'commander';
import { DomainError } from '@ipf/domain/errors';
import { roleCodes, type Role } from '@ipf/domain/party';
import { printJson } from '../cli-output.ts';
import { withCliDatabase } from '../open-cli-database.ts';
import { runCommand } from './run-command.ts';

/** `users create`: an operator creates an account from the shell (audited as the system). */
export function registerUsersCommands(program: Command): void {
  program
    .command('users')
    .description('user accounts')
    .command('create')
    .requiredOption('--login <login>')
    .requiredOption('--name <displayName>')
    .requiredOption('--organisation <id>', 'organisation id (UUID)')
    .requiredOption('--role <role>', roleCodes.join(' | '))
    .option(
      '--password <password>',
      'initial password (or IPF_NEW_PASSWORD via stdin is not supported; pass it here)',
    )
    .option('--json', 'print JSON only')
    .option('--lang <lang>', 'zh-CN or en', 'zh-CN')
    .action(
      async (options: {
        login: string;
        name: string;
        organisation: string;
        role: string;
        password?: string;
        json?: boolean;
        lang?: string;
      }) =>
        runCommand(options, () =>
          withCliDatabase(async (deps) => {
            if (!(roleCodes as readonly string[]).includes(options.role)) {
              throw new DomainError(
                'VALIDATION_FAILED',
                { count: 1 },
                { problems: [{ code: 'FIELD_NOT_ALLOWED', field: 'role' }] },
              );
            }
            if (options.password === undefined) {
              throw new DomainError(
                'VALIDATION_FAILED',
                { count: 1 },
                { problems: [{ code: 'FIELD_REQUIRED', field: 'password' }] },
              );
            }
            const { createUser, systemActor } = await import('@ipf/app');
            const user = await createUser(
              {
                login: options.login,
                displayName: options.name,
                password: options.password,
                organisationId: options.organisation,
                role: options.role as Role,
              },
              systemActor(`cli-${process.pid}`),
              deps,
            );
            if (options.json === true) printJson(user);
            else process.stdout.write(`已创建用户 created ${user.login} (${user.id})\n`);
          }),
        ),
    );
}
