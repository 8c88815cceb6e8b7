import { and, asc, eq, gt, inArray, isNotNull, isNull, ne } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import type { IpAssetKind } from '@ipf/domain/ip-asset';
import type { DistrictCode } from '@ipf/domain/party';
import type {
  CostPaid,
  CoveredCost,
  EnterpriseFlag,
  PriorSubsidyPayment,
  Proved,
  SubsidyFacts,
  SubsidyLineKind,
} from '@ipf/domain/subsidy';
import { tables, type Executor } from '@ipf/db';

/**
 * Facts the platform does not hold, declared by the enterprise with the number of the document it uploads
 * (issue 9 item 3 "uploads only for what it does not hold"): the tax district and its 完税证明, the 科技型中小企业
 * 入库编号, the 规上 statistics certificate, the district filing (备案) date and number.
 */
export interface DeclaredSubsidyFacts {
  readonly taxDistrict?: string;
  readonly taxCertificateNumber?: string;
  readonly techSmeNumber?: string;
  readonly aboveDesignatedSizeNumber?: string;
  readonly districtFilingDate?: string;
  readonly districtFilingNumber?: string;
}

export interface BuildSubsidyFactsInput {
  readonly caseId: string;
  readonly asOfDate: string;
  readonly subsidyYear?: number;
  readonly declared?: DeclaredSubsidyFacts;
}

/** The facts of one loan and what the evaluation needs around them. */
export interface BuiltSubsidyFacts {
  readonly facts: SubsidyFacts;
  readonly enterpriseId: string;
  readonly district: string;
  readonly loanAccountId: string;
  readonly caseNumber: string;
}

/**
 * 由台账生成补贴事实 (subsidy facts from the ledger): for the loan of a case, every fact the platform holds with the
 * record proving it — district and flags from the enterprise profile (统一社会信用代码), principal and term from
 * the loan contract, disbursement and payoff from the loan account, pledged IP kinds from the case's assets, the
 * registration notice (登记号), the interest of each repayment, the guarantee fee of the guarantee contract and the
 * premium of the 保证保险 policy. What it does not hold stays absent unless declared (then proved by the upload).
 */
export async function buildSubsidyFacts(
  executor: Executor,
  input: BuildSubsidyFactsInput,
): Promise<BuiltSubsidyFacts> {
  const [row] = await executor
    .select({
      caseNumber: tables.financingCases.caseNumber,
      enterpriseId: tables.financingCases.enterpriseId,
      loan: tables.loanAccounts,
      enterprise: tables.enterprises,
    })
    .from(tables.financingCases)
    .innerJoin(tables.enterprises, eq(tables.enterprises.organisationId, tables.financingCases.enterpriseId))
    .leftJoin(tables.loanAccounts, eq(tables.loanAccounts.caseId, tables.financingCases.id))
    .where(eq(tables.financingCases.id, input.caseId));
  if (row === undefined) throw new DomainError('NOT_FOUND');
  const { loan, enterprise, caseNumber } = row;
  if (loan === null) throw new DomainError('SUBSIDY_LOAN_MISSING');

  const profile = { kind: 'enterprise_profile', id: enterprise.uscc } as const;
  const contract = { kind: 'contract', id: `${caseNumber}#v1` } as const;
  const declared = input.declared ?? {};

  const assets = await executor
    .select({ kind: tables.caseAssets.kind })
    .from(tables.caseAssets)
    .where(eq(tables.caseAssets.caseId, input.caseId))
    .orderBy(asc(tables.caseAssets.position));
  const [registration] = await executor
    .select({ registrationNumber: tables.pledgeRegistrations.registrationNumber })
    .from(tables.pledgeRegistrations)
    .where(
      and(
        eq(tables.pledgeRegistrations.caseId, input.caseId),
        isNotNull(tables.pledgeRegistrations.registrationNumber),
      ),
    )
    .orderBy(asc(tables.pledgeRegistrations.createdAt))
    .limit(1);

  const repayments = await executor
    .select()
    .from(tables.loanRepayments)
    .where(and(eq(tables.loanRepayments.loanAccountId, loan.id), gt(tables.loanRepayments.interestFen, 0n)))
    .orderBy(asc(tables.loanRepayments.postedAt));
  const costsPaid: CostPaid[] = repayments.map((r) => ({
    costId: `repayment:${r.id}:interest`,
    kind: 'interest',
    amountFen: r.interestFen,
    paidOn: r.repaymentDate,
    proof: { kind: 'ledger_entry', id: r.id },
  }));
  const guarantees = await executor
    .select()
    .from(tables.guarantees)
    .where(and(eq(tables.guarantees.caseId, input.caseId), ne(tables.guarantees.state, 'cancelled')));
  // The guarantee fee is charged on the guarantee contract at disbursement (担保费 paid up front).
  for (const g of guarantees)
    if (g.feeFen > 0n)
      costsPaid.push({
        costId: `guarantee:${g.id}:fee`,
        kind: 'guarantee_fee',
        amountFen: g.feeFen,
        paidOn: loan.disbursementDate,
        proof: { kind: 'contract', id: g.contractNumber },
      });
  const policies = await executor
    .select()
    .from(tables.insurancePolicies)
    .where(
      and(
        eq(tables.insurancePolicies.caseId, input.caseId),
        eq(tables.insurancePolicies.kind, 'pledge_financing_guarantee'),
        ne(tables.insurancePolicies.state, 'cancelled'),
      ),
    );
  for (const p of policies)
    if (p.premiumFen > 0n)
      costsPaid.push({
        costId: `policy:${p.id}:premium`,
        kind: 'insurance_premium',
        amountFen: p.premiumFen,
        paidOn: p.startDate,
        proof: { kind: 'contract', id: p.policyNumber },
      });

  const enterpriseFlags: Partial<Record<EnterpriseFlag, Proved<boolean>>> = {
    national_high_tech: { value: enterprise.highTech, proof: profile },
    specialised_sme: { value: enterprise.specialised, proof: profile },
    first_loan: { value: enterprise.firstLoan, proof: profile },
  };
  if (declared.techSmeNumber !== undefined)
    enterpriseFlags.tech_sme = { value: true, proof: { kind: 'upload', id: declared.techSmeNumber } };
  if (declared.aboveDesignatedSizeNumber !== undefined)
    enterpriseFlags.above_designated_size = {
      value: true,
      proof: { kind: 'upload', id: declared.aboveDesignatedSizeNumber },
    };

  const facts: SubsidyFacts = {
    asOfDate: input.asOfDate,
    ...(input.subsidyYear === undefined ? {} : { subsidyYear: input.subsidyYear }),
    registrationDistrict: { value: enterprise.district as DistrictCode, proof: profile },
    ...(declared.taxDistrict !== undefined && declared.taxCertificateNumber !== undefined
      ? {
          taxDistrict: {
            value: declared.taxDistrict as DistrictCode,
            proof: { kind: 'upload', id: declared.taxCertificateNumber },
          },
        }
      : {}),
    enterpriseFlags,
    loan: {
      loanId: input.caseId,
      principalFen: { value: loan.principalFen, proof: contract },
      termMonths: { value: loan.termMonths, proof: contract },
      disbursedOn: { value: loan.disbursementDate, proof: { kind: 'ledger_entry', id: loan.id } },
      pledgedIpKinds: { value: assets.map((a) => a.kind as IpAssetKind), proof: contract },
      pledgeRegistered: {
        value: registration !== undefined,
        proof: { kind: 'registration_notice', id: registration?.registrationNumber ?? '—' },
      },
      ...(declared.districtFilingDate !== undefined && declared.districtFilingNumber !== undefined
        ? {
            filedWithDistrictOn: {
              value: declared.districtFilingDate,
              proof: { kind: 'filing', id: declared.districtFilingNumber },
            },
          }
        : {}),
      ...(loan.status === 'closed' && loan.closedDate !== null
        ? { fullyRepaidOn: { value: loan.closedDate, proof: { kind: 'payoff_certificate', id: loan.id } } }
        : {}),
    },
    costsPaid,
  };
  return {
    facts,
    enterpriseId: row.enterpriseId,
    district: enterprise.district,
    loanAccountId: loan.id,
    caseNumber,
  };
}

/**
 * 已获补贴 (what the enterprise has been granted, by any scheme): one prior payment per approved application and
 * line, from its live cost claims — the basis of caps, stacking and the 100%-of-cost rule of later evaluations.
 */
export async function findPriorSubsidyPayments(
  executor: Executor,
  enterpriseId: string,
  excludeApplicationId?: string,
): Promise<PriorSubsidyPayment[]> {
  const rows = await executor
    .select({
      applicationId: tables.subsidyCostClaims.applicationId,
      schemeId: tables.subsidyCostClaims.schemeId,
      caseId: tables.subsidyCostClaims.caseId,
      subsidyYear: tables.subsidyCostClaims.subsidyYear,
      costKind: tables.subsidyCostClaims.costKind,
      costId: tables.subsidyCostClaims.costId,
      claimedFen: tables.subsidyCostClaims.claimedFen,
      scheme: tables.subsidySchemes.scheme,
    })
    .from(tables.subsidyCostClaims)
    .innerJoin(
      tables.subsidyApplications,
      eq(tables.subsidyApplications.id, tables.subsidyCostClaims.applicationId),
    )
    .innerJoin(
      tables.subsidySchemes,
      eq(tables.subsidySchemes.id, tables.subsidyApplications.schemeVersionId),
    )
    .where(
      and(
        eq(tables.subsidyApplications.enterpriseId, enterpriseId),
        isNull(tables.subsidyCostClaims.releasedAt),
        inArray(tables.subsidyApplications.state, ['approved', 'paid']),
      ),
    )
    .orderBy(asc(tables.subsidyCostClaims.createdAt), asc(tables.subsidyCostClaims.costId));
  const byLine = new Map<string, { payment: PriorSubsidyPayment; covered: CoveredCost[]; fen: bigint }>();
  for (const r of rows) {
    if (r.applicationId === excludeApplicationId) continue;
    const key = `${r.applicationId}|${r.costKind}`;
    const stacking = (r.scheme as { stacking?: { excludesSchemeIds?: string[] } }).stacking;
    const entry = byLine.get(key) ?? {
      payment: {
        schemeId: r.schemeId,
        excludesSchemeIds: stacking?.excludesSchemeIds ?? [],
        loanId: r.caseId,
        subsidyYear: r.subsidyYear,
        line: r.costKind as SubsidyLineKind,
        amountFen: 0n,
        coveredCosts: [],
      },
      covered: [],
      fen: 0n,
    };
    entry.covered.push({ costId: r.costId, amountFen: r.claimedFen });
    entry.fen += r.claimedFen;
    byLine.set(key, entry);
  }
  return [...byLine.values()].map((e) => ({ ...e.payment, amountFen: e.fen, coveredCosts: e.covered }));
}
