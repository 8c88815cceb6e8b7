import type { ProblemBody, ProblemItem } from './api-types.ts';

/** An API answer that was not 2xx, carrying the RFC 9457 body (texts already in the request's language). */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly requestId: string | undefined;
  readonly problems: ProblemItem[];

  constructor(status: number, body: ProblemBody, fallbackDetail: string) {
    const detail = body.detail ?? body.title ?? fallbackDetail;
    super(detail);
    this.name = 'ApiProblem';
    this.status = status;
    this.code = body.code ?? 'UNKNOWN';
    this.detail = detail;
    this.requestId = body.requestId;
    this.problems = Array.isArray(body.problems) ? body.problems : [];
  }
}

/** True for an ApiProblem with the given HTTP status. */
export function isApiProblem(error: unknown, status?: number): error is ApiProblem {
  return error instanceof ApiProblem && (status === undefined || error.status === status);
}
