import { CN_HOLIDAY_CALENDAR } from '@ipf/domain/calendar';
import { DomainError } from '@ipf/domain/errors';
import { registrationAuthorities, type RegistrationAuthorityId } from '@ipf/domain/registration';
import type { AppDeps } from '../deps.ts';
import { createBuiltInRegistrationAdapter } from './built-in-registration-adapter.ts';
import type { RegistrationAuthorityAdapter } from './registration-authority-adapter.ts';

/** The built-in authorities, one adapter each, on the committed holiday calendar. */
export const builtInRegistrationAdapters: readonly RegistrationAuthorityAdapter[] =
  registrationAuthorities.map((authority) =>
    createBuiltInRegistrationAdapter(authority, CN_HOLIDAY_CALENDAR),
  );

/**
 * What registration use cases receive: the app's deps, and optionally other adapters (an external authority's
 * gateway) that replace the built-in one with the same `authorityId`.
 */
export type RegistrationDeps = AppDeps & {
  readonly registrationAdapters?: readonly RegistrationAuthorityAdapter[];
};

/** The adapter for an authority: the one passed in `deps`, else the built-in one. */
export function getRegistrationAdapter(
  deps: RegistrationDeps,
  authorityId: RegistrationAuthorityId,
): RegistrationAuthorityAdapter {
  const adapter =
    deps.registrationAdapters?.find((a) => a.authorityId === authorityId) ??
    builtInRegistrationAdapters.find((a) => a.authorityId === authorityId);
  if (adapter === undefined)
    throw new DomainError('REGISTRATION_AUTHORITY_UNAVAILABLE', { kind: authorityId });
  return adapter;
}
