import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, isNotNull, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { validateRiskSharingAgreement, type RiskSharingAgreement } from '@ipf/domain/risk-sharing';
import { tables, type Transaction } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import type { CaseRow } from '../ledger/case-view.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { calculateTermFeeFen } from './case-risk-participation.ts';
import { toStoredAgreement } from './risk-sharing-views.ts';

/** 贷款类别 of every loan on the platform: an IP pledge loan (the pools' ratio table is keyed by it). */
export const IP_PLEDGE_LOAN_CATEGORY = 'ip_pledge_loan';

export interface FixCaseRiskSharingInput {
  readonly caseRow: CaseRow;
  readonly loanAccount: typeof tables.loanAccounts.$inferSelect;
}

type GuaranteeRow = typeof tables.guarantees.$inferSelect;
type FilingRow = typeof tables.riskPoolFilings.$inferSelect;

/**
 * A `plus_guarantee` case whose accepted guarantor did not price its guarantee gets one on the guarantor's
 * standard terms (its first active product by code); without a product there is no guarantee layer.
 */
async function guaranteeOf(
  tx: Transaction,
  caseRow: CaseRow,
  actor: Actor,
  now: Date,
): Promise<GuaranteeRow | undefined> {
  const { guarantees, guaranteeProducts, caseParticipants } = tables;
  const [recorded] = await tx
    .select()
    .from(guarantees)
    .where(and(eq(guarantees.caseId, caseRow.id), ne(guarantees.state, 'cancelled')));
  if (recorded !== undefined || caseRow.combinedModel !== 'plus_guarantee') return recorded;
  const [participant] = await tx
    .select()
    .from(caseParticipants)
    .where(
      and(
        eq(caseParticipants.caseId, caseRow.id),
        eq(caseParticipants.role, 'guarantor'),
        isNotNull(caseParticipants.acceptedAt),
      ),
    );
  if (participant === undefined || caseRow.amountFen === null || caseRow.termMonths === null)
    return undefined;
  const [product] = await tx
    .select()
    .from(guaranteeProducts)
    .where(
      and(eq(guaranteeProducts.guarantorId, participant.organisationId), eq(guaranteeProducts.active, true)),
    )
    .orderBy(asc(guaranteeProducts.code))
    .limit(1);
  if (product === undefined) return undefined;
  const [created] = await tx
    .insert(guarantees)
    .values({
      id: randomUUID(),
      caseId: caseRow.id,
      guarantorId: participant.organisationId,
      productId: product.id,
      contractNumber: `DB-${caseRow.caseNumber}`,
      guaranteedPrincipalFen: caseRow.amountFen,
      coveredShareBps: product.coverageShareBps,
      feeRateBps: product.feeRateBps,
      feeFen: calculateTermFeeFen(caseRow.amountFen, product.feeRateBps, caseRow.termMonths),
      capFen: product.capFen,
      reGuaranteeShareBps: product.reGuaranteeShareBps,
      reGuarantorId: product.reGuarantorId,
      compensationOverdueDays: product.compensationOverdueDays,
      state: 'active',
      acceptedByUserId: participant.acceptedByUserId ?? actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return created;
}

/**
 * 入池备案: files the loan into the pool of the enterprise's district, else the city pool — the first one of which
 * the bank (head office) is a member on the disbursement day and that has a ratio for IP pledge loans — with that
 * ratio and the budget year fixed. A bank that is no member is not filed.
 */
async function fileIntoPool(
  tx: Transaction,
  { caseRow, loanAccount }: FixCaseRiskSharingInput,
  today: string,
  now: Date,
): Promise<{ filing: FilingRow; poolOrganisationId: string; lossBase: string } | undefined> {
  const { riskPools, riskPoolMemberships, riskPoolFilings, enterprises } = tables;
  const [enterprise] = await tx
    .select({ district: enterprises.district })
    .from(enterprises)
    .where(eq(enterprises.organisationId, caseRow.enterpriseId));
  const candidates = await tx
    .select({ pool: riskPools })
    .from(riskPools)
    .innerJoin(riskPoolMemberships, eq(riskPoolMemberships.poolId, riskPools.id))
    .where(
      and(
        eq(riskPools.active, true),
        eq(riskPoolMemberships.bankId, caseRow.bankId),
        lte(riskPoolMemberships.fromDate, today),
        or(isNull(riskPoolMemberships.toDate), gte(riskPoolMemberships.toDate, today)),
        or(
          eq(riskPools.level, 'city'),
          enterprise?.district === null || enterprise?.district === undefined
            ? sql`false`
            : and(eq(riskPools.level, 'district'), eq(riskPools.district, enterprise.district)),
        ),
      ),
    );
  const ordered = [...candidates.map((c) => c.pool)].sort(
    (a, b) => Number(a.level === 'city') - Number(b.level === 'city') || a.id.localeCompare(b.id),
  );
  for (const pool of ordered) {
    const ratio = pool.ratios.find((r) => r.loanCategory === IP_PLEDGE_LOAN_CATEGORY);
    if (ratio === undefined) continue;
    const [filing] = await tx
      .insert(riskPoolFilings)
      .values({
        id: randomUUID(),
        poolId: pool.id,
        caseId: caseRow.id,
        loanAccountId: loanAccount.id,
        bankId: caseRow.bankId,
        enterpriseId: caseRow.enterpriseId,
        loanCategory: IP_PLEDGE_LOAN_CATEGORY,
        ratioBps: Number(ratio.ratioBps),
        budgetYear: Number(today.slice(0, 4)),
        principalFen: loanAccount.principalFen,
        filedDate: today,
        state: 'filed',
        createdAt: now,
      })
      .returning();
    return { filing: filing!, poolOrganisationId: pool.organisationId, lossBase: pool.lossBase };
  }
  return undefined;
}

/**
 * 分险协议固定 (fix the case's risk-sharing agreement at disbursement), inside the disbursement's transaction: files
 * an eligible loan into its pool (入池备案), then builds the layered agreement from the guarantee (guarantor and
 * re-guarantee fund), the 保证保险 policy (insurer) and the filing (pool: its ratio of the bank's retained loss,
 * its loss base), validates it (`validateRiskSharingAgreement`; refused with the first problem's code, e.g.
 * RISK_BANK_SHARE_BELOW_MINIMUM) and stores it as version 1. Later changes to products or pool ratios never touch
 * it. Source: issue 8 items 3, 4; domain-reference.md "Risk sharing and compensation".
 */
export async function fixCaseRiskSharing(
  tx: Transaction,
  deps: Pick<AppDeps, 'audit'>,
  actor: Actor,
  input: FixCaseRiskSharingInput,
  now: Date,
): Promise<void> {
  const today = toShanghaiDate(now);
  const { caseRow } = input;
  const guarantee = await guaranteeOf(tx, caseRow, actor, now);
  const [policy] = await tx
    .select()
    .from(tables.insurancePolicies)
    .where(
      and(
        eq(tables.insurancePolicies.caseId, caseRow.id),
        eq(tables.insurancePolicies.kind, 'pledge_financing_guarantee'),
        ne(tables.insurancePolicies.state, 'cancelled'),
      ),
    );
  const filed = await fileIntoPool(tx, input, today, now);

  const agreementId = randomUUID();
  const cap = (capFen: bigint | null) => (capFen === null ? {} : { capFen });
  const agreement: RiskSharingAgreement = {
    agreementId,
    fixedOn: today,
    lossBase: filed?.lossBase === 'principal_and_interest' ? 'principal_and_interest' : 'principal',
    bankParty: caseRow.bankId,
    ...(guarantee === undefined
      ? {}
      : {
          guarantor: {
            party: guarantee.guarantorId,
            shareBps: BigInt(guarantee.coveredShareBps),
            ...cap(guarantee.capFen),
          },
        }),
    ...(guarantee?.reGuarantorId === null ||
    guarantee?.reGuarantorId === undefined ||
    guarantee.reGuaranteeShareBps === null
      ? {}
      : { reGuarantor: { party: guarantee.reGuarantorId, shareBps: BigInt(guarantee.reGuaranteeShareBps) } }),
    ...(policy?.coverageShareBps === null || policy?.coverageShareBps === undefined
      ? {}
      : {
          insurer: {
            party: policy.insurerId,
            shareBps: BigInt(policy.coverageShareBps),
            ...cap(policy.capFen),
          },
        }),
    ...(filed === undefined
      ? {}
      : { pool: { party: filed.poolOrganisationId, shareBps: BigInt(filed.filing.ratioBps) } }),
  };
  const problems = validateRiskSharingAgreement(agreement);
  const [first] = problems;
  if (first !== undefined) throw new DomainError(first.code, first.params ?? {}, { problems });

  const stored = toStoredAgreement(agreement);
  await tx.insert(tables.riskSharingAgreements).values({
    id: agreementId,
    caseId: caseRow.id,
    version: 1,
    agreement: stored,
    lossBase: agreement.lossBase,
    fixedOn: today,
    guaranteeId: guarantee?.id ?? null,
    insurancePolicyId: policy?.id ?? null,
    poolFilingId: filed?.filing.id ?? null,
    createdAt: now,
  });
  if (filed !== undefined)
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'risk_pool.loan_filed',
        entityType: 'risk_pool_filing',
        entityId: filed.filing.id,
        after: {
          caseId: caseRow.id,
          poolId: filed.filing.poolId,
          ratioBps: filed.filing.ratioBps,
          budgetYear: filed.filing.budgetYear,
          principalFen: filed.filing.principalFen.toString(),
        },
      },
      now,
    );
  await deps.audit.append(
    tx,
    actor,
    {
      action: 'risk_sharing.agreement_fixed',
      entityType: 'risk_sharing_agreement',
      entityId: agreementId,
      after: { caseId: caseRow.id, agreement: stored },
    },
    now,
  );
}
