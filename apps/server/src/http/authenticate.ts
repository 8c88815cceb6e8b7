import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '@ipf/domain/errors';
import { resolveApiToken, resolveSession, type Actor, type AppDeps } from '@ipf/app';

export const SESSION_COOKIE = 'ipf_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Resolves the caller: a bank system's `Authorization: Bearer ipf_…` token, or a fully logged-in session cookie.
 * Cookie-authenticated writes must echo the session's CSRF token in `x-csrf-token` (synchronizer token).
 */
export async function authenticate(request: FastifyRequest, deps: AppDeps): Promise<Actor> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (match === null) throw new DomainError('API_TOKEN_INVALID');
    return resolveApiToken(match[1]!, request.id, deps);
  }
  const token = request.cookies[SESSION_COOKIE];
  if (token === undefined || token === '') throw new DomainError('UNAUTHENTICATED');
  const session = await resolveSession(token, deps);
  if (session.status !== 'authenticated') throw new DomainError('SECOND_FACTOR_REQUIRED');
  if (!SAFE_METHODS.has(request.method)) {
    const header = request.headers['x-csrf-token'];
    if (typeof header !== 'string' || !sameToken(header, session.csrfToken))
      throw new DomainError('CSRF_TOKEN_INVALID');
  }
  return { ...session.actor, requestId: request.id };
}

/** The session cookie of the current request, for the log-in steps that work on a pending session. */
export function sessionToken(request: FastifyRequest): string {
  const token = request.cookies[SESSION_COOKIE];
  if (token === undefined || token === '') throw new DomainError('UNAUTHENTICATED');
  return token;
}

/** Pending-session steps (one-time code, enrolment, log-out) also require the CSRF token from the last step. */
export async function assertSessionCsrf(request: FastifyRequest, deps: AppDeps): Promise<void> {
  const session = await resolveSession(sessionToken(request), deps);
  const header = request.headers['x-csrf-token'];
  if (typeof header !== 'string' || !sameToken(header, session.csrfToken))
    throw new DomainError('CSRF_TOKEN_INVALID');
}
