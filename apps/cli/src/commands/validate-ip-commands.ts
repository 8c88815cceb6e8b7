import type { Command } from 'commander';
import type { ProblemDetail } from '@ipf/domain/errors';
import { validateCopyrightNumber, validatePatentNumber, validateTrademarkNumber } from '@ipf/domain/ip-asset';
import { cliLanguage, printJson, renderProblems } from '../cli-output.ts';

interface ValidateOptions {
  json?: boolean;
  lang?: string;
}

/** Prints one validation result (JSON or a line of text) and sets the exit code: 0 valid, 1 not. */
function report(
  options: ValidateOptions,
  normalized: string | null,
  problems: readonly ProblemDetail[],
  extra: Record<string, unknown>,
): void {
  const errors = renderProblems(problems, cliLanguage(options));
  const valid = errors.length === 0;
  if (options.json === true) printJson({ valid, normalized, ...extra, errors });
  else
    process.stdout.write(
      valid ? `有效 valid: ${normalized ?? ''}\n` : errors.map((e) => `✗ ${e.message}`).join('\n') + '\n',
    );
  process.exitCode = valid ? 0 : 1;
}

/**
 * `validate patent-number | trademark-number | copyright-number <n>`: pure identifier checks under the
 * existing `validate` command; never opens the database. The patent kind is printed in the wire form
 * (`utility-model`, `pct-invention`).
 */
export function registerValidateIpCommands(validate: Command): Command {
  validate
    .command('patent-number <number>')
    .description('专利申请号/专利号 (ZC 0006-2003: 12 or 8 digits, check digit; ZL/CN prefix allowed)')
    .option('--json', 'print JSON only')
    .option('--lang <lang>', 'zh-CN or en', 'zh-CN')
    .action((number: string, options: ValidateOptions) => {
      const result = validatePatentNumber(number);
      report(options, result.normalized, result.problems, {
        kind: result.kind === null ? null : result.kind.replace(/_/g, '-'),
        filingYear: result.filingYear,
      });
    });

  validate
    .command('trademark-number <number>')
    .description('商标注册号 (digits only, no check digit)')
    .option('--json', 'print JSON only')
    .option('--lang <lang>', 'zh-CN or en', 'zh-CN')
    .action((number: string, options: ValidateOptions) => {
      const result = validateTrademarkNumber(number);
      report(options, result.normalized, result.problems, {});
    });

  validate
    .command('copyright-number <number>')
    .description('著作权登记号 (software YYYYSR + 6–7 digits; works 国作登字-YYYY-X-NNNNNNNN)')
    .option('--json', 'print JSON only')
    .option('--lang <lang>', 'zh-CN or en', 'zh-CN')
    .action((number: string, options: ValidateOptions) => {
      const result = validateCopyrightNumber(number);
      report(options, result.normalized, result.problems, {
        kind: result.kind,
        registrationYear: result.registrationYear,
      });
    });

  return validate;
}
