import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { validateRiskSharingAgreement } from '@ipf/domain/risk-sharing';
import { tables, type Executor } from '@ipf/db';

/** A guarantor's terms: the share of the bank's loss it covers, its re-guarantee share and fund, and its cap. */
export interface GuaranteeTerms {
  readonly coverageShareBps: number;
  readonly reGuaranteeShareBps: number | null;
  readonly reGuarantorId: string | null;
  readonly capFen: bigint | null;
}

/**
 * 担保条件校验: the terms as a draft agreement through `validateRiskSharingAgreement` — the re-guarantee share
 * 20%–50% of the guarantor's part (RISK_SHARE_BPS_OUT_OF_RANGE) and the bank keeping at least 20% in bank–guarantor
 * sharing (RISK_BANK_SHARE_BELOW_MINIMUM, 国办发〔2019〕6号); the first problem's code is the error's code, every
 * problem is listed. A re-guarantee share needs an active re-guarantee fund (RE_GUARANTOR_INVALID).
 */
export async function assertGuaranteeTerms(
  executor: Executor,
  terms: GuaranteeTerms,
  guarantorId: string,
): Promise<void> {
  if ((terms.reGuaranteeShareBps === null) !== (terms.reGuarantorId === null))
    throw new DomainError('RE_GUARANTOR_INVALID');
  const problems = validateRiskSharingAgreement({
    agreementId: 'draft',
    fixedOn: '2000-01-01',
    lossBase: 'principal',
    bankParty: 'bank',
    guarantor: {
      party: guarantorId,
      shareBps: BigInt(terms.coverageShareBps),
      ...(terms.capFen === null ? {} : { capFen: terms.capFen }),
    },
    ...(terms.reGuaranteeShareBps === null || terms.reGuarantorId === null
      ? {}
      : { reGuarantor: { party: terms.reGuarantorId, shareBps: BigInt(terms.reGuaranteeShareBps) } }),
  });
  const [first] = problems;
  if (first !== undefined) throw new DomainError(first.code, first.params ?? {}, { problems });
  if (terms.reGuarantorId !== null) {
    const [fund] = await executor
      .select({ id: tables.organisations.id })
      .from(tables.organisations)
      .where(
        and(
          eq(tables.organisations.id, terms.reGuarantorId),
          eq(tables.organisations.kind, 're_guarantor'),
          eq(tables.organisations.active, true),
        ),
      );
    if (fund === undefined) throw new DomainError('RE_GUARANTOR_INVALID');
  }
}
