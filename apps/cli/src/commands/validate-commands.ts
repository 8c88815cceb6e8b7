import type { Command } from 'commander';
import { normalizeUscc, validateUscc } from '@ipf/domain/party';
import { cliLanguage, printJson, renderProblems } from '../cli-output.ts';

/** `validate uscc <code>`: pure, never opens the database; exit 0 when valid, 1 when not. */
export function registerValidateCommands(program: Command): Command {
  const validate = program.command('validate').description('validate identifiers (no database)');
  validate
    .command('uscc <code>')
    .description('统一社会信用代码 (GB 32100 + GB 11714)')
    .option('--json', 'print JSON only')
    .option('--lang <lang>', 'zh-CN or en', 'zh-CN')
    .action((code: string, options: { json?: boolean; lang?: string }) => {
      const errors = renderProblems(validateUscc(code, 'code'), cliLanguage(options));
      const valid = errors.length === 0;
      if (options.json === true) printJson({ valid, normalized: normalizeUscc(code), errors });
      else
        process.stdout.write(
          valid
            ? `有效 valid: ${normalizeUscc(code)}\n`
            : errors.map((e) => `✗ ${e.message}`).join('\n') + '\n',
        );
      process.exitCode = valid ? 0 : 1;
    });
  return validate;
}
