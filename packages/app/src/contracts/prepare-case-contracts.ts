import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, max } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { assertCaseAction, type CaseState } from '@ipf/domain/ledger';
import { CN_LPR_TABLE, findLprQuote } from '@ipf/domain/loan';
import { formatYuan } from '@ipf/domain/money';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { buildLoanContract } from '../documents/build-loan-contract.ts';
import { buildPledgeContract } from '../documents/build-pledge-contract.ts';
import type { ContractParty } from '../documents/contract-layout.ts';
import { renderPdf } from '../documents/render-pdf.ts';
import { loadCaseDetail, type CaseRow } from '../ledger/case-view.ts';
import { getVisibleCase, withPreparer, writeCaseTransition } from '../ledger/transition-case.ts';
import { calculateSm3DigestHex } from '../signing/calculate-sm3-digest.ts';
import { createPlatformTestCa } from '../signing/create-platform-test-ca.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import {
  findCaseDocumentRows,
  findDocumentSignatures,
  toCaseDocumentViews,
  type CaseDocumentView,
} from './case-document-view.ts';
import { findSigningServiceKey } from './find-signing-service-key.ts';
import { lockCaseForSigning } from './lock-case-for-signing.ts';

export interface PrepareCaseContractsInput {
  readonly id: string;
  readonly expectedVersion?: number;
  readonly note?: string;
}

/**
 * 办理出质登记的期限 written into the pledge contract: 5 working days after signing (*example* value; the
 * registration offices decide within 2–10 days of a complete filing, domain-reference.md "Pledge registration").
 */
const REGISTRATION_WITHIN_WORKING_DAYS = 5;

async function loadParty(executor: Executor, organisationId: string): Promise<ContractParty> {
  const [org] = await executor
    .select({
      id: tables.organisations.id,
      nameZh: tables.organisations.nameZh,
      uscc: tables.organisations.uscc,
      address: tables.enterprises.address,
    })
    .from(tables.organisations)
    .leftJoin(tables.enterprises, eq(tables.enterprises.organisationId, tables.organisations.id))
    .where(eq(tables.organisations.id, organisationId));
  if (org === undefined) throw new DomainError('NOT_FOUND', { organisationId });
  return { orgId: org.id, name: org.nameZh, uscc: org.uscc, address: org.address };
}

/** The pledgee: the bank unit, or under 反担保 the guarantor assigned to the case. */
async function loadPledgee(executor: Executor, row: CaseRow, lender: ContractParty): Promise<ContractParty> {
  if (row.pledgeeKind !== 'guarantor') return lender;
  const [guarantor] = await executor
    .select({ organisationId: tables.caseParticipants.organisationId })
    .from(tables.caseParticipants)
    .where(and(eq(tables.caseParticipants.caseId, row.id), eq(tables.caseParticipants.role, 'guarantor')));
  if (guarantor === undefined) throw new DomainError('CASE_GUARANTOR_NOT_ASSIGNED', { caseId: row.id });
  return loadParty(executor, guarantor.organisationId);
}

/** The value of each pledged asset from the latest value evaluation, in yuan. */
async function loadAssetValues(executor: Executor, caseId: string): Promise<Map<string, string>> {
  const [value] = await executor
    .select({ assetValues: tables.caseEvaluations.assetValues })
    .from(tables.caseEvaluations)
    .where(and(eq(tables.caseEvaluations.caseId, caseId), eq(tables.caseEvaluations.step, 'value')))
    .orderBy(desc(tables.caseEvaluations.recordedAt))
    .limit(1);
  return new Map((value?.assetValues ?? []).map((a) => [a.assetId, formatYuan(BigInt(a.valueFen))]));
}

/**
 * 生成合同 (prepare the contracts): the bank clerk generates the 借款合同 (lender: the case's bank unit) and the
 * 质押合同 (pledgee: the bank unit, or under 反担保 the guarantor, then it is the counter-guarantee pledge contract
 * between enterprise and guarantor) as PDFs from the approved case, stores each with its SM3 digest and its
 * required signers in order (lender or pledgee first, the enterprise last), and signs at once for the bank
 * through the bank's signing service (only the digest and the key handle go to the service). Regenerating makes
 * version + 1 and supersedes the older versions, and is refused once the enterprise has signed
 * (CASE_DOCUMENTS_ALREADY_SIGNED): a signed contract is never replaced. Timeline and audit: `prepare_contract`.
 * Source: issue 5 item 5; 《电子签名法》第十三条 (reliable electronic signature); 《民法典》第四百二十七条 (pledge
 * contract in writing).
 */
export async function prepareCaseContracts(
  input: PrepareCaseContractsInput,
  actor: Actor,
  deps: AppDeps,
): Promise<CaseDocumentView[]> {
  const scope = authorize(actor, 'case.prepare_contract');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  return runInTransaction(deps, async (tx) => {
    await lockCaseForSigning(tx, input.id);
    const row = await getVisibleCase(tx, input.id, actor, scope);
    const to = assertCaseAction({
      state: row.state as CaseState,
      action: 'prepare_contract',
      actorRole: actor.role,
      actorUserId: actor.userId,
    });
    const current = await findCaseDocumentRows(tx, row.id, { currentOnly: true });
    const signatures = await findDocumentSignatures(
      tx,
      current.map((d) => d.id),
    );
    if (signatures.some((s) => s.signerOrganisationId === row.enterpriseId))
      throw new DomainError('CASE_DOCUMENTS_ALREADY_SIGNED', { caseId: row.id });

    const caseDetail = await loadCaseDetail(tx, row, today);
    const borrower = await loadParty(tx, row.enterpriseId);
    const lender = await loadParty(tx, row.bankUnitId);
    const pledgee = await loadPledgee(tx, row, lender);
    const [product] =
      row.productId === null
        ? []
        : await tx.select().from(tables.bankProducts).where(eq(tables.bankProducts.id, row.productId));
    if (product === undefined)
      throw new DomainError(
        'VALIDATION_FAILED',
        {},
        { problems: [{ code: 'FIELD_REQUIRED', field: 'productId' }] },
      );
    const lpr = findLprQuote(CN_LPR_TABLE, product.lprTenor === '5y' ? '5Y' : '1Y', today);
    const values = await loadAssetValues(tx, row.id);
    const assetRows = await tx
      .select({ id: tables.ipAssets.id, expiryDate: tables.ipAssets.expiryDate })
      .from(tables.ipAssets)
      .where(
        inArray(
          tables.ipAssets.id,
          caseDetail.assets.map((a) => a.assetId),
        ),
      );
    const expiryOf = new Map(assetRows.map((a) => [a.id, a.expiryDate]));

    const [latest] = await tx
      .select({ version: max(tables.caseDocuments.version) })
      .from(tables.caseDocuments)
      .where(eq(tables.caseDocuments.caseId, row.id));
    const version = (latest?.version ?? 0) + 1;
    const loanContractNumber = `JK-${row.caseNumber}-V${version}`;
    const pledgeContractNumber = `${row.pledgeeKind === 'guarantor' ? 'FDB' : 'ZY'}-${row.caseNumber}-V${version}`;

    const loanPdf = await renderPdf(
      buildLoanContract({
        contractNumber: loanContractNumber,
        caseDetail,
        borrower,
        lender,
        product: { nameZh: product.nameZh, lprTenor: product.lprTenor },
        lprPct: lpr.ratePct,
        lprPublishedOn: lpr.effectiveDate,
        schedule: null,
        generatedAt: now,
      }),
    );
    const pledgePdf = await renderPdf(
      buildPledgeContract({
        contractNumber: pledgeContractNumber,
        loanContractNumber,
        caseDetail,
        pledgor: borrower,
        pledgee,
        lender,
        assets: caseDetail.assets.map((a) => ({
          ...a,
          expiryDate: expiryOf.get(a.assetId) ?? null,
          valueYuan: values.get(a.assetId) ?? null,
        })),
        registrationWithinWorkingDays: REGISTRATION_WITHIN_WORKING_DAYS,
        generatedAt: now,
      }),
    );

    if (current.length > 0)
      await tx
        .update(tables.caseDocuments)
        .set({ superseded: true })
        .where(
          inArray(
            tables.caseDocuments.id,
            current.map((d) => d.id),
          ),
        );
    const documents = [
      {
        kind: 'loan_contract',
        contractNumber: loanContractNumber,
        pdf: loanPdf,
        signers: [lender, borrower],
      },
      {
        kind: 'pledge_contract',
        contractNumber: pledgeContractNumber,
        pdf: pledgePdf,
        signers: [pledgee, borrower],
      },
    ];
    const ca = createPlatformTestCa(deps, tx);
    const bankKey = await findSigningServiceKey(tx, lender, now);
    for (const document of documents) {
      const id = randomUUID();
      const sm3DigestHex = calculateSm3DigestHex(document.pdf);
      await tx.insert(tables.caseDocuments).values({
        id,
        caseId: row.id,
        kind: document.kind,
        version,
        contractNumber: document.contractNumber,
        pdf: document.pdf,
        sm3DigestHex,
        requiredSignerOrgIds: document.signers.map((s) => s.orgId),
        createdByUserId: actor.userId,
        createdAt: now,
      });
      if (!document.signers.some((s) => s.orgId === lender.orgId)) continue;
      // The bank signs at once through its signing service: the platform hands over the digest and the handle.
      const record = await ca.sign(sm3DigestHex, bankKey.keyId);
      await tx.insert(tables.documentSignatures).values({
        id: randomUUID(),
        documentId: id,
        signerOrganisationId: lender.orgId,
        signerUserId: actor.userId,
        certificateId: bankKey.certificateId,
        digestHex: record.digestHex,
        userIdA: record.userId,
        signatureHex: record.signatureHex,
        method: 'signing_service',
        signedAt: new Date(record.signedAt),
      });
    }

    await writeCaseTransition(
      tx,
      deps,
      actor,
      {
        row,
        action: 'prepare_contract',
        to,
        expectedVersion: input.expectedVersion,
        note: input.note ?? `${loanContractNumber}, ${pledgeContractNumber}`,
        patch: { preparedByUserIds: withPreparer(row, actor.userId) },
      },
      now,
    );
    return toCaseDocumentViews(tx, await findCaseDocumentRows(tx, row.id, { currentOnly: true }));
  });
}
