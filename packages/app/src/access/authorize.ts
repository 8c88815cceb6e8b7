import { DomainError } from '@ipf/domain/errors';
import type { Actor } from '../actor.ts';
import { permissionMatrix, type AccessScope, type Operation } from './permission-matrix.ts';

/**
 * Checks the actor's role (and an API token's scopes) against the permission matrix and returns the scope the
 * use case must apply to its query. Refusals are FORBIDDEN (403); records outside the scope are NOT_FOUND (404)
 * at the use case, so a bank cannot even learn that another bank's customer exists.
 */
export function authorize(actor: Actor, operation: Operation): Exclude<AccessScope, 'none'> {
  const scope = permissionMatrix[operation][actor.role];
  if (scope === 'none') throw new DomainError('FORBIDDEN', { operation });
  if (
    actor.scopes !== null &&
    !actor.scopes.some((s) => s === operation || (s.endsWith('.*') && operation.startsWith(s.slice(0, -1))))
  ) {
    throw new DomainError('API_TOKEN_SCOPE_MISSING', { scope: operation });
  }
  return scope;
}

/** The operations a role may perform (the web shell builds its navigation from these). */
export function permittedOperations(actor: Pick<Actor, 'role'>): Operation[] {
  return (Object.keys(permissionMatrix) as Operation[]).filter(
    (op) => permissionMatrix[op][actor.role] !== 'none',
  );
}
