import { and, desc, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables, type Executor } from '@ipf/db';
import type { CaseRow } from './case-view.ts';

/**
 * 授权校验: the enterprise's latest consent of `scope` to the case's bank unit must be neither revoked nor expired
 * on `today` (access.md "Consent": revoking stops further use). CASE_CONSENT_INVALID names the state.
 */
export async function assertCaseConsent(
  executor: Executor,
  row: CaseRow,
  scope: string,
  today: string,
): Promise<void> {
  const { consents } = tables;
  const [consent] = await executor
    .select()
    .from(consents)
    .where(
      and(
        eq(consents.enterpriseId, row.enterpriseId),
        eq(consents.recipientId, row.bankUnitId),
        eq(consents.scope, scope),
      ),
    )
    .orderBy(desc(consents.grantedAt))
    .limit(1);
  const state =
    consent === undefined
      ? 'missing'
      : consent.revokedAt !== null
        ? 'revoked'
        : consent.expiresOn < today
          ? 'expired'
          : 'active';
  if (state !== 'active')
    throw new DomainError(
      'CASE_CONSENT_INVALID',
      { scope, state },
      { problems: [{ code: 'CASE_CONSENT_INVALID', field: 'consents', params: { scope, state } }] },
    );
}
