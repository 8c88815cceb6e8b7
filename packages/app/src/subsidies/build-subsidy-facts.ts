import { and, asc, eq, gt, inArray, isNotNull, isNull, ne } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import type { IpAssetKind } from '@ipf/domain/ip-asset';
import type { DistrictCode } from '@ipf/domain/party';
import type {
  CostPaid,
  CoveredCost,
  EnterpriseFlag,
  FactProof,
  PriorSubsidyPayment,
  Proved,
  SubsidyCostKind,
  SubsidyFacts,
  SubsidyLineKind,
} from '@ipf/domain/subsidy';
import { tables, type Executor } from '@ipf/db';

/**
 * Facts the platform does not hold, declared by the enterprise with the number of the document it uploads
 * (issue 9 item 3 "uploads only for what it does not hold"): the tax district and its 完税证明, the 科技型中小企业
 * 入库编号, the 规上 statistics certificate, the district filing (备案) date and number. Each may carry the id of the
 * uploaded document (a case attachment of the loan's case), which the proof then names so that the reviewer opens
 * it from the application.
 */
export interface DeclaredSubsidyFacts {
  readonly taxDistrict?: string;
  readonly taxCertificateNumber?: string;
  readonly taxCertificateDocumentId?: string;
  readonly techSmeNumber?: string;
  readonly techSmeDocumentId?: string;
  readonly aboveDesignatedSizeNumber?: string;
  readonly aboveDesignatedSizeDocumentId?: string;
  readonly districtFilingDate?: string;
  readonly districtFilingNumber?: string;
  readonly districtFilingDocumentId?: string;
}

/** The declared facts' document ids, each with the name of its field. */
const DOCUMENT_FIELDS = [
  'taxCertificateDocumentId',
  'techSmeDocumentId',
  'aboveDesignatedSizeDocumentId',
  'districtFilingDocumentId',
] as const;

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

type LoanRow = typeof tables.loanAccounts.$inferSelect;
type EnterpriseRow = typeof tables.enterprises.$inferSelect;

/** What the ledger holds for one case's loan, as loaded by {@link loadSubsidyLedger}. */
interface CaseLedger {
  readonly caseNumber: string;
  readonly enterpriseId: string;
  readonly loan: LoanRow | null;
  readonly enterprise: EnterpriseRow;
  readonly assetKinds: string[];
  registrationNumber: string | null;
  readonly costsPaid: CostPaid[];
}

/** The ledger of a set of cases, by case id. */
export type SubsidyLedger = ReadonlyMap<string, CaseLedger>;

/**
 * 台账批量读取 (the ledger behind the subsidy facts of many cases at once): a fixed number of queries whatever the
 * number of cases — the cases with enterprise and loan, the pledged assets, the registration notices, the interest
 * of the repayments, the guarantee fees, the 保证保险 premiums and the fee payment records — so that a simulation
 * over a year's loans does not query per loan. Costs are listed per case in the order a single case lists them.
 */
export async function loadSubsidyLedger(
  executor: Executor,
  caseIds: readonly string[],
): Promise<SubsidyLedger> {
  const result = new Map<string, CaseLedger>();
  if (caseIds.length === 0) return result;
  const ids = [...new Set(caseIds)];
  const rows = await executor
    .select({
      caseId: tables.financingCases.id,
      caseNumber: tables.financingCases.caseNumber,
      enterpriseId: tables.financingCases.enterpriseId,
      loan: tables.loanAccounts,
      enterprise: tables.enterprises,
    })
    .from(tables.financingCases)
    .innerJoin(tables.enterprises, eq(tables.enterprises.organisationId, tables.financingCases.enterpriseId))
    .leftJoin(tables.loanAccounts, eq(tables.loanAccounts.caseId, tables.financingCases.id))
    .where(inArray(tables.financingCases.id, ids));
  for (const r of rows)
    result.set(r.caseId, {
      caseNumber: r.caseNumber,
      enterpriseId: r.enterpriseId,
      loan: r.loan,
      enterprise: r.enterprise,
      assetKinds: [],
      registrationNumber: null,
      costsPaid: [],
    });

  const assets = await executor
    .select({ caseId: tables.caseAssets.caseId, kind: tables.caseAssets.kind })
    .from(tables.caseAssets)
    .where(inArray(tables.caseAssets.caseId, ids))
    .orderBy(asc(tables.caseAssets.caseId), asc(tables.caseAssets.position));
  for (const a of assets) result.get(a.caseId)?.assetKinds.push(a.kind);

  const registrations = await executor
    .select({
      caseId: tables.pledgeRegistrations.caseId,
      registrationNumber: tables.pledgeRegistrations.registrationNumber,
    })
    .from(tables.pledgeRegistrations)
    .where(
      and(
        inArray(tables.pledgeRegistrations.caseId, ids),
        isNotNull(tables.pledgeRegistrations.registrationNumber),
      ),
    )
    .orderBy(asc(tables.pledgeRegistrations.createdAt), asc(tables.pledgeRegistrations.id));
  // The first registration notice of each case.
  for (const r of registrations) {
    const entry = result.get(r.caseId);
    if (entry !== undefined && entry.registrationNumber === null)
      entry.registrationNumber = r.registrationNumber;
  }

  const caseOfLoan = new Map<string, string>();
  for (const [caseId, entry] of result) if (entry.loan !== null) caseOfLoan.set(entry.loan.id, caseId);
  const repayments =
    caseOfLoan.size === 0
      ? []
      : await executor
          .select()
          .from(tables.loanRepayments)
          .where(
            and(
              inArray(tables.loanRepayments.loanAccountId, [...caseOfLoan.keys()]),
              gt(tables.loanRepayments.interestFen, 0n),
            ),
          )
          .orderBy(asc(tables.loanRepayments.postedAt), asc(tables.loanRepayments.id));
  for (const r of repayments)
    result.get(caseOfLoan.get(r.loanAccountId) ?? '')?.costsPaid.push({
      costId: `repayment:${r.id}:interest`,
      kind: 'interest',
      amountFen: r.interestFen,
      paidOn: r.repaymentDate,
      proof: { kind: 'ledger_entry', id: r.id },
    });

  const guarantees = await executor
    .select()
    .from(tables.guarantees)
    .where(and(inArray(tables.guarantees.caseId, ids), ne(tables.guarantees.state, 'cancelled')))
    .orderBy(asc(tables.guarantees.id));
  // The guarantee fee is charged on the guarantee contract at disbursement (担保费 paid up front).
  for (const g of guarantees) {
    const entry = result.get(g.caseId);
    if (entry?.loan == null || g.feeFen <= 0n) continue;
    entry.costsPaid.push({
      costId: `guarantee:${g.id}:fee`,
      kind: 'guarantee_fee',
      amountFen: g.feeFen,
      paidOn: entry.loan.disbursementDate,
      proof: { kind: 'contract', id: g.contractNumber },
    });
  }
  const policies = await executor
    .select()
    .from(tables.insurancePolicies)
    .where(
      and(
        inArray(tables.insurancePolicies.caseId, ids),
        eq(tables.insurancePolicies.kind, 'pledge_financing_guarantee'),
        ne(tables.insurancePolicies.state, 'cancelled'),
      ),
    )
    .orderBy(asc(tables.insurancePolicies.id));
  for (const p of policies)
    if (p.premiumFen > 0n)
      result.get(p.caseId ?? '')?.costsPaid.push({
        costId: `policy:${p.id}:premium`,
        kind: 'insurance_premium',
        amountFen: p.premiumFen,
        paidOn: p.startDate,
        proof: { kind: 'contract', id: p.policyNumber },
      });

  // 评估费 and 服务费 from the fee payment records: the payee's record, or the enterprise's with its invoice.
  const fees = await executor
    .select()
    .from(tables.feePayments)
    .where(inArray(tables.feePayments.caseId, ids))
    .orderBy(asc(tables.feePayments.paidDate), asc(tables.feePayments.createdAt), asc(tables.feePayments.id));
  for (const f of fees)
    result.get(f.caseId)?.costsPaid.push({
      costId: `fee:${f.id}`,
      kind: f.kind as SubsidyCostKind,
      amountFen: f.amountFen,
      paidOn: f.paidDate,
      proof: {
        kind: f.recordedBy === 'payee' ? 'fee_payment' : 'upload',
        id: f.invoiceNumber,
        ...(f.evidenceAttachmentId === null ? {} : { documentId: f.evidenceAttachmentId }),
      },
    });
  return result;
}

/**
 * The declared facts' documents must be uploads of the loan's case that are not deleted
 * (SUBSIDY_EVIDENCE_NOT_FOUND otherwise).
 */
async function assertDeclaredDocuments(
  executor: Executor,
  caseId: string,
  declared: DeclaredSubsidyFacts,
): Promise<void> {
  const documentIds = DOCUMENT_FIELDS.map((field) => declared[field]).filter(
    (id): id is string => id !== undefined,
  );
  if (documentIds.length === 0) return;
  const found = await executor
    .select({ id: tables.caseAttachments.id })
    .from(tables.caseAttachments)
    .where(
      and(
        inArray(tables.caseAttachments.id, documentIds),
        eq(tables.caseAttachments.caseId, caseId),
        isNull(tables.caseAttachments.deletedAt),
      ),
    );
  const missingId = documentIds.find((id) => !found.some((f) => f.id === id));
  if (missingId !== undefined) throw new DomainError('SUBSIDY_EVIDENCE_NOT_FOUND', { documentId: missingId });
}

/** An upload's proof: the certificate number, and the uploaded document when declared. */
function uploadProof(number: string, documentId: string | undefined): FactProof {
  return { kind: 'upload', id: number, ...(documentId === undefined ? {} : { documentId }) };
}

/**
 * The subsidy facts of one case from its loaded ledger (see {@link buildSubsidyFacts}); NOT_FOUND for a case not
 * loaded, SUBSIDY_LOAN_MISSING for a case without a loan.
 */
export function assembleSubsidyFacts(
  ledger: SubsidyLedger,
  input: BuildSubsidyFactsInput,
): BuiltSubsidyFacts {
  const row = ledger.get(input.caseId);
  if (row === undefined) throw new DomainError('NOT_FOUND');
  const { loan, enterprise, caseNumber } = row;
  if (loan === null) throw new DomainError('SUBSIDY_LOAN_MISSING');

  const profile = { kind: 'enterprise_profile', id: enterprise.uscc } as const;
  const contract = { kind: 'contract', id: `${caseNumber}#v1` } as const;
  const declared = input.declared ?? {};

  const enterpriseFlags: Partial<Record<EnterpriseFlag, Proved<boolean>>> = {
    national_high_tech: { value: enterprise.highTech, proof: profile },
    specialised_sme: { value: enterprise.specialised, proof: profile },
    first_loan: { value: enterprise.firstLoan, proof: profile },
  };
  if (declared.techSmeNumber !== undefined)
    enterpriseFlags.tech_sme = {
      value: true,
      proof: uploadProof(declared.techSmeNumber, declared.techSmeDocumentId),
    };
  if (declared.aboveDesignatedSizeNumber !== undefined)
    enterpriseFlags.above_designated_size = {
      value: true,
      proof: uploadProof(declared.aboveDesignatedSizeNumber, declared.aboveDesignatedSizeDocumentId),
    };

  const facts: SubsidyFacts = {
    asOfDate: input.asOfDate,
    ...(input.subsidyYear === undefined ? {} : { subsidyYear: input.subsidyYear }),
    registrationDistrict: { value: enterprise.district as DistrictCode, proof: profile },
    ...(declared.taxDistrict !== undefined && declared.taxCertificateNumber !== undefined
      ? {
          taxDistrict: {
            value: declared.taxDistrict as DistrictCode,
            proof: uploadProof(declared.taxCertificateNumber, declared.taxCertificateDocumentId),
          },
        }
      : {}),
    enterpriseFlags,
    loan: {
      loanId: input.caseId,
      principalFen: { value: loan.principalFen, proof: contract },
      termMonths: { value: loan.termMonths, proof: contract },
      disbursedOn: { value: loan.disbursementDate, proof: { kind: 'ledger_entry', id: loan.id } },
      pledgedIpKinds: { value: row.assetKinds as IpAssetKind[], proof: contract },
      pledgeRegistered: {
        value: row.registrationNumber !== null,
        proof: { kind: 'registration_notice', id: row.registrationNumber ?? '—' },
      },
      ...(declared.districtFilingDate !== undefined && declared.districtFilingNumber !== undefined
        ? {
            filedWithDistrictOn: {
              value: declared.districtFilingDate,
              proof: {
                kind: 'filing',
                id: declared.districtFilingNumber,
                ...(declared.districtFilingDocumentId === undefined
                  ? {}
                  : { documentId: declared.districtFilingDocumentId }),
              },
            },
          }
        : {}),
      ...(loan.status === 'closed' && loan.closedDate !== null
        ? { fullyRepaidOn: { value: loan.closedDate, proof: { kind: 'payoff_certificate', id: loan.id } } }
        : {}),
    },
    costsPaid: [...row.costsPaid],
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
 * 由台账生成补贴事实 (subsidy facts from the ledger): for the loan of a case, every fact the platform holds with the
 * record proving it — district and flags from the enterprise profile (统一社会信用代码), principal and term from
 * the loan contract, disbursement and payoff from the loan account, pledged IP kinds from the case's assets, the
 * registration notice (登记号), the interest of each repayment, the guarantee fee of the guarantee contract, the
 * premium of the 保证保险 policy and the evaluation and service fees of the fee payment records. What it does not
 * hold stays absent unless declared (then proved by the upload, whose document must belong to the case:
 * SUBSIDY_EVIDENCE_NOT_FOUND).
 */
export async function buildSubsidyFacts(
  executor: Executor,
  input: BuildSubsidyFactsInput,
): Promise<BuiltSubsidyFacts> {
  if (input.declared !== undefined) await assertDeclaredDocuments(executor, input.caseId, input.declared);
  return assembleSubsidyFacts(await loadSubsidyLedger(executor, [input.caseId]), input);
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
  const byFirm = await findPriorSubsidyPaymentsOfFirms(executor, [enterpriseId], excludeApplicationId);
  return byFirm.get(enterpriseId) ?? [];
}

/** {@link findPriorSubsidyPayments} for many enterprises in one query, by enterprise id (absent: none). */
export async function findPriorSubsidyPaymentsOfFirms(
  executor: Executor,
  enterpriseIds: readonly string[],
  excludeApplicationId?: string,
): Promise<Map<string, PriorSubsidyPayment[]>> {
  const result = new Map<string, PriorSubsidyPayment[]>();
  if (enterpriseIds.length === 0) return result;
  const rows = await executor
    .select({
      enterpriseId: tables.subsidyApplications.enterpriseId,
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
        inArray(tables.subsidyApplications.enterpriseId, [...new Set(enterpriseIds)]),
        isNull(tables.subsidyCostClaims.releasedAt),
        inArray(tables.subsidyApplications.state, ['approved', 'paid']),
      ),
    )
    .orderBy(asc(tables.subsidyCostClaims.createdAt), asc(tables.subsidyCostClaims.costId));
  const byLine = new Map<
    string,
    { enterpriseId: string; payment: PriorSubsidyPayment; covered: CoveredCost[]; fen: bigint }
  >();
  for (const r of rows) {
    if (r.applicationId === excludeApplicationId) continue;
    const key = `${r.applicationId}|${r.costKind}`;
    const stacking = (r.scheme as { stacking?: { excludesSchemeIds?: string[] } }).stacking;
    const entry = byLine.get(key) ?? {
      enterpriseId: r.enterpriseId,
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
  for (const e of byLine.values()) {
    const list = result.get(e.enterpriseId) ?? [];
    list.push({ ...e.payment, amountFen: e.fen, coveredCosts: e.covered });
    result.set(e.enterpriseId, list);
  }
  return result;
}
