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
  /** The financing case a consent of an application is for (purpose `<kind>:<caseId>`), null for others. */
  readonly caseId: string | null;
  /** That case's number (IPF-…), so the purpose reads "融资申请 IPF-…". */
  readonly caseNumber: string | null;
}

const CASE_PURPOSE = /^[a-z_]+:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * The case id in a consent's purpose: an application grants its consents with purpose `<kind>:<caseId>`
 * (`financing_application:…`, `credit_bureau_query:…`); null for a purpose the enterprise wrote itself.
 */
export function consentPurposeCaseId(purpose: string): string | null {
  return CASE_PURPOSE.exec(purpose)?.[1] ?? null;
}

export function toConsentView(
  row: typeof tables.consents.$inferSelect,
  recipient: { nameZh: string; nameEn: string },
  today: string,
  /** The case the purpose names, when the enterprise may see it (its own). */
  purposeCase: { readonly id: string; readonly caseNumber: string } | null = null,
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
    caseId: purposeCase?.id ?? null,
    caseNumber: purposeCase?.caseNumber ?? null,
  };
}
