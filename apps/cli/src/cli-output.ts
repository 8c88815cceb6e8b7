import { formatErrorMessage, type Language, type ProblemDetail } from '@ipf/domain/errors';

/** A problem as the CLI and the API print it: `{ code, field, message }`. */
export interface RenderedProblem {
  readonly code: string;
  readonly field: string;
  readonly message: string;
}

export function renderProblems(
  problems: readonly ProblemDetail[],
  language: Language = 'zh-CN',
): RenderedProblem[] {
  return problems.map((p) => ({
    code: p.code,
    field: p.field,
    message: formatErrorMessage(p.code, p.params ?? {}, language),
  }));
}

/** Writes one JSON document to stdout (the only thing `--json` commands print there). */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** The CLI's language: `--lang en`, else zh-CN. */
export function cliLanguage(options: { lang?: string }): Language {
  return options.lang === 'en' ? 'en' : 'zh-CN';
}
