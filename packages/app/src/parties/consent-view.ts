import type { tables } from '@ipf/db';

/** Purposes and scopes an enterprise can consent to (access.md "Consent"). */
export const consentScopes = ['profile', 'ip_assets', 'financials', 'credit_report'] as const;
export type ConsentScope = (typeof consentScopes)[number];

export interface ConsentView {
  readonly id: string;
  readonly enterpriseId: string;
  readonly recipientId: string;
  readonly recipientNameZh: string;
  readonly recipientNameEn: string;
  readonly scope: string;
  readonly purpose: string;
  readonly grantedAt: string;
  readonly expiresOn: string;
  readonly revokedAt: string | null;
  /** `active` | `expired` | `revoked`, as of the request's date. */
  readonly state: 'active' | 'expired' | 'revoked';
}

export function toConsentView(
  row: typeof tables.consents.$inferSelect,
  recipient: { nameZh: string; nameEn: string },
  today: string,
): ConsentView {
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    recipientId: row.recipientId,
    recipientNameZh: recipient.nameZh,
    recipientNameEn: recipient.nameEn,
    scope: row.scope,
    purpose: row.purpose,
    grantedAt: row.grantedAt.toISOString(),
    expiresOn: row.expiresOn,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    state: row.revokedAt !== null ? 'revoked' : row.expiresOn < today ? 'expired' : 'active',
  };
}
