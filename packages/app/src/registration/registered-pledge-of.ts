import { eq, inArray } from 'drizzle-orm';
import { DomainError, type ProblemDetail } from '@ipf/domain/errors';
import {
  registrationAuthorities,
  type RegisteredPledge,
  type RegistrationAuthority,
  type RegistrationState,
} from '@ipf/domain/registration';
import { tables, type Executor } from '@ipf/db';
import type { RegistrationRow } from './registration-view.ts';

/** The registered pledge a change, extension or cancellation refers to, with its authority's rules. */
export async function registeredPledgeOf(
  tx: Executor,
  row: RegistrationRow,
): Promise<{ pledge: RegisteredPledge; authority: RegistrationAuthority }> {
  const authority = registrationAuthorities.find((a) => a.authorityId === row.authorityId);
  if (authority === undefined)
    throw new DomainError('REGISTRATION_AUTHORITY_UNAVAILABLE', { kind: row.authorityId });
  const assetIds = (
    await tx
      .select({ assetId: tables.assetPledgeLocks.assetId })
      .from(tables.assetPledgeLocks)
      .where(eq(tables.assetPledgeLocks.registrationId, row.id))
  ).map((l) => l.assetId);
  const assets =
    assetIds.length === 0
      ? []
      : await tx
          .select({ expiryDate: tables.ipAssets.expiryDate })
          .from(tables.ipAssets)
          .where(inArray(tables.ipAssets.id, assetIds));
  return {
    authority,
    pledge: {
      registrationNumber: row.registrationNumber ?? '',
      state: row.state as RegistrationState,
      periodStartDate: row.decisionDate ?? row.filingDate,
      periodEndDate: row.periodEndDate ?? row.dueDate,
      assetExpiryDates: assets.map((a) => a.expiryDate),
    },
  };
}

/** Throws a refused follow-up's first problem as the error, carrying every problem (nothing written). */
export function throwFollowUpProblems(problems: readonly ProblemDetail[]): never {
  const [first] = problems;
  throw new DomainError(first?.code ?? 'VALIDATION_FAILED', first?.params ?? {}, { problems });
}
