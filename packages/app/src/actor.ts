import type { OrganisationKind, Role } from '@ipf/domain/party';

/** Who is acting: resolved from a session or an API token at the edge, checked in every use case. */
export interface Actor {
  readonly userId: string;
  readonly organisationId: string;
  readonly organisationKind: OrganisationKind;
  /** Materialised path of the organisation (bank hierarchy). */
  readonly organisationPath: string;
  readonly district: string | null;
  readonly role: Role;
  readonly requestId: string;
  /** API tokens carry scopes; a session has every permission of its role. */
  readonly scopes: readonly string[] | null;
}

/** The system itself (jobs, seeding): bypasses role checks, still audited. */
export function systemActor(requestId: string): Actor {
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    organisationId: '00000000-0000-0000-0000-000000000000',
    organisationKind: 'platform_operator',
    organisationPath: '/',
    district: null,
    role: 'platform_admin',
    requestId,
    scopes: null,
  };
}
