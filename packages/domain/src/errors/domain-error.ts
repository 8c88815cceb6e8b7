/** Parameters interpolated into an error's message, e.g. `{ assetId }`. */
export type ErrorParams = Readonly<Record<string, string | number | bigint | boolean>>;

/** One problem in a list: `{ code, field, params }`; the edge renders `message` in the request's language. */
export interface ProblemDetail {
  readonly code: string;
  /** JSON path of the offending input (`owners[0].sharePct`), or `''` for the whole request. */
  readonly field: string;
  readonly params?: ErrorParams;
}

/**
 * The one error type of the platform. `code` is a stable SCREAMING_SNAKE code from the error catalogue;
 * `problems` lists every individual problem when one request has several (validation, eligibility).
 */
export class DomainError extends Error {
  readonly code: string;
  readonly params: ErrorParams;
  readonly problems: readonly ProblemDetail[];

  constructor(
    code: string,
    params: ErrorParams = {},
    options: { problems?: readonly ProblemDetail[]; cause?: unknown } = {},
  ) {
    super(code, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
    this.problems = options.problems ?? [];
  }
}

/** Throws one `VALIDATION_FAILED` error carrying every problem, or returns when there are none. */
export function assertNoProblems(problems: readonly ProblemDetail[]): void {
  if (problems.length === 0) return;
  throw new DomainError('VALIDATION_FAILED', { count: problems.length }, { problems });
}
