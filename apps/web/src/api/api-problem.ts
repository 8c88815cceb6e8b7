import type { ProblemBody, ProblemItem } from './api-types.ts';

/** An API answer that was not 2xx, carrying the RFC 9457 body (texts already in the request's language). */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  /** The short summary; for a validation answer it does not repeat the problems that `detail` may list. */
  readonly title: string;
  readonly requestId: string | undefined;
  readonly problems: ProblemItem[];

  constructor(status: number, body: ProblemBody, fallbackDetail: string) {
    const detail = body.detail ?? body.title ?? fallbackDetail;
    super(detail);
    this.name = 'ApiProblem';
    this.status = status;
    this.code = body.code ?? 'UNKNOWN';
    this.detail = detail;
    this.title = body.title ?? detail;
    this.requestId = body.requestId;
    this.problems = Array.isArray(body.problems) ? body.problems : [];
  }
}

/** True for an ApiProblem with the given HTTP status. */
export function isApiProblem(error: unknown, status?: number): error is ApiProblem {
  return error instanceof ApiProblem && (status === undefined || error.status === status);
}
