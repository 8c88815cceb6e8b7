import { DomainError, formatErrorMessage } from '@ipf/domain/errors';
import { cliLanguage, printJson, renderProblems } from '../cli-output.ts';

/**
 * Runs a command body and turns a coded error into `{ error: { code, message, problems } }` (with --json) or
 * a readable message, exit code 1. Unexpected faults propagate (exit 2).
 */
export async function runCommand(
  options: { json?: boolean; lang?: string },
  body: () => Promise<void>,
): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const language = cliLanguage(options);
    const message = formatErrorMessage(error.code, error.params, language);
    const problems = renderProblems(error.problems, language);
    if (options.json === true) printJson({ error: { code: error.code, message, problems } });
    else
      process.stderr.write(
        [`✗ ${message}`, ...problems.map((p) => `  - ${p.field}: ${p.message}`)].join('\n') + '\n',
      );
    process.exitCode = 1;
  }
}
