import i18n from '../i18n/i18n.ts';
import { ApiProblem } from './api-problem.ts';
import type { ProblemBody } from './api-types.ts';
import { csrfToken } from './csrf-token.ts';

export type QueryValue = string | number | boolean | null | undefined;

export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers (an `Idempotency-Key`, say); they cannot replace the ones set here. */
  headers?: Record<string, string>;
}

/** Builds `/api/path?a=1` leaving out empty values. */
export function buildApiUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search === '' ? `/api${path}` : `/api${path}?${search}`;
}

/**
 * Calls the API with the session cookie, the UI language as `Accept-Language` and, on mutating requests, the
 * CSRF token. Throws an ApiProblem for any non-2xx answer; returns undefined for 204.
 */
export async function apiRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    ...options.headers,
    Accept: 'application/json',
    'Accept-Language': i18n.language,
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const token = csrfToken.get();
  if (method !== 'GET' && token !== null) headers['x-csrf-token'] = token;

  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (options.body !== undefined) init.body = JSON.stringify(options.body);
  if (options.signal !== undefined) init.signal = options.signal;

  let response: Response;
  try {
    response = await fetch(buildApiUrl(path, options.query), init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiProblem(0, { code: 'NETWORK_ERROR' }, i18n.t('errors.network'));
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed = parseJson(text);
  if (!response.ok) {
    const body = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as ProblemBody;
    throw new ApiProblem(response.status, body, i18n.t('errors.httpStatus', { status: response.status }));
  }
  return parsed as T;
}

/** A body that is not JSON (a proxy's HTML error page, say) counts as empty; the status still tells the story. */
function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}
