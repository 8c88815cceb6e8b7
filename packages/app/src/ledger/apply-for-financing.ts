import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { addMonths } from '@ipf/domain/calendar';
import { assertNoProblems, DomainError, type ProblemDetail } from '@ipf/domain/errors';
import type { IpAssetKind } from '@ipf/domain/ip-asset';
import { assertCaseAction, validateApplicationAgainstProduct, type CombinedModel } from '@ipf/domain/ledger';
import type { RepaymentMethod } from '@ipf/domain/loan';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { checkIpAssetPledgeEligibility } from '../ip-assets/check-ip-asset-pledge-eligibility.ts';
import { recordCustomerLink } from '../parties/record-customer-link.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { headOfficeIdOf, toBankProduct } from './bank-product-view.ts';
import { loadCaseDetail, type CaseDetail } from './case-view.ts';
import { findSupervisingBureau } from './find-supervising-bureau.ts';
import { getVisibleCase, writeCaseTransition } from './transition-case.ts';
import { newCaseNumber } from './new-case-number.ts';

export interface ApplyForFinancingInput {
  readonly bankUnitId: string;
  readonly productId: string;
  readonly amountFen: bigint;
  readonly termMonths: number;
  readonly repaymentMethod: RepaymentMethod;
  readonly spreadBps: number;
  readonly combinedModel: CombinedModel;
  readonly assetIds: readonly string[];
  readonly coOwnerConsentPartyIds?: readonly string[];
  /** Expiry of the consents the application grants the bank (data sharing, 征信 query) and the bureau. */
  readonly consentExpiresOn: string;
  /** 担保机构: required with `plus_guarantee` (and then the pledgee, 反担保), refused with other models. */
  readonly guarantorOrganisationId?: string;
  /** 保险机构: required with `plus_insurance`, refused with other models. */
  readonly insurerOrganisationId?: string;
  /** Apply on a lead the bank or bureau opened for this enterprise. */
  readonly leadCaseId?: string;
  readonly expectedVersion?: number;
}

/**
 * 在线申请: the enterprise applies to a bank unit for a product. Every problem at once: the product's terms
 * (`validateApplicationAgainstProduct`) and each asset's pledge eligibility (`assessPledgeEligibility`, with its
 * refusal grounds), with the debt maturing `termMonths` after today. The application creates the customer
 * relationship and grants three consents with scope, purpose and expiry: the bank unit may use the enterprise's
 * financial data for this application (`financials`) and query its credit report (征信, `credit_report`); the
 * enterprise's district IP bureau (the city bureau where the district has none, `findSupervisingBureau`) receives
 * the financing record for supervision (`financing_record`, purpose `bureau_supervision:<caseId>`). Nothing is
 * written when refused.
 *
 * Combined models (组合模式, issue 5 items 1 and 5): `plus_guarantee` names an active guarantor organisation, which
 * guarantees the loan to the bank and takes the IP as counter-guarantee (反担保): the case's pledgee is the
 * guarantor (`pledgeeKind = 'guarantor'`) and the assets' eligibility is checked against it; `plus_insurance`
 * names an active insurer (保证保险) while the bank stays pledgee. Either becomes a `case_participants` row, which
 * lets that organisation see the case and later accept it (承保).
 */
export async function applyForFinancing(
  input: ApplyForFinancingInput,
  actor: Actor,
  deps: AppDeps,
): Promise<CaseDetail> {
  const scope = authorize(actor, 'case.apply');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  if (input.consentExpiresOn <= today)
    assertNoProblems([{ code: 'CASE_CONSENT_EXPIRY_TOO_SHORT', field: 'consentExpiresOn' }]);

  const { organisations, bankProducts, ipAssets } = tables;
  const [unit] = await deps.db
    .select()
    .from(organisations)
    .where(
      and(
        eq(organisations.id, input.bankUnitId),
        eq(organisations.kind, 'bank'),
        eq(organisations.active, true),
      ),
    );
  if (unit === undefined)
    assertNoProblems([
      { code: 'CASE_BANK_UNIT_INVALID', field: 'bankUnitId', params: { bankUnitId: input.bankUnitId } },
    ]);
  const bankId = headOfficeIdOf(unit!.path);
  const [productRow] = await deps.db
    .select()
    .from(bankProducts)
    .where(
      and(
        eq(bankProducts.id, input.productId),
        eq(bankProducts.bankId, bankId),
        eq(bankProducts.active, true),
      ),
    );
  if (productRow === undefined)
    assertNoProblems([
      {
        code: 'BANK_PRODUCT_NOT_OFFERED',
        field: 'productId',
        params: { productId: input.productId, bankUnitId: input.bankUnitId },
      },
    ]);
  const product = toBankProduct(productRow!);

  const named = await findNamedParticipants(deps.db, input);
  const pledgee =
    input.combinedModel === 'plus_guarantee'
      ? { kind: 'guarantor' as const, organisationId: named.guarantorId }
      : { kind: 'bank' as const, organisationId: unit!.id };

  const debtMaturityDate = addMonths(today, input.termMonths);
  const eligibility: ProblemDetail[] = [];
  // Without a valid pledgee the assets cannot be judged; the participant problems say why.
  const assetsToCheck = pledgee.organisationId === null ? [] : [...input.assetIds.entries()];
  for (const [index, assetId] of assetsToCheck) {
    const result = await checkIpAssetPledgeEligibility(
      {
        id: assetId,
        debtMaturityDate,
        decisionDate: today,
        pledgeeOrganisationId: pledgee.organisationId!,
        coOwnerConsentPartyIds: input.coOwnerConsentPartyIds ?? [],
        coPledgedAssetIds: input.assetIds.filter((a) => a !== assetId),
      },
      actor,
      deps,
    ).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
      throw error;
    });
    if (result === null) {
      eligibility.push({ code: 'NOT_FOUND', field: `assetIds[${index}]` });
      continue;
    }
    for (const reason of result.reasons)
      eligibility.push({
        code: reason.code,
        field: `assetIds[${index}].${reason.field}`,
        params: {
          ...reason.params,
          regulation: reason.ground.regulation,
          groundItem: reason.ground.item ?? '-',
        },
      });
  }
  const kinds =
    input.assetIds.length === 0
      ? []
      : await deps.db
          .select({ id: ipAssets.id, kind: ipAssets.kind })
          .from(ipAssets)
          .where(inArray(ipAssets.id, [...input.assetIds]));
  const kindOf = new Map(kinds.map((k) => [k.id, k.kind as IpAssetKind]));
  const assets = input.assetIds
    .filter((id) => kindOf.has(id))
    .map((assetId) => ({ assetId, kind: kindOf.get(assetId)! }));
  const productProblems = validateApplicationAgainstProduct(
    {
      amountFen: input.amountFen,
      termMonths: input.termMonths,
      repaymentMethod: input.repaymentMethod,
      spreadBps: input.spreadBps,
      combinedModel: input.combinedModel,
      assets: input.assetIds.length === 0 ? [] : assets,
    },
    product,
  );
  // The domain names its own inputs; the applicant fixed the request's fields (amountYuan, assetIds[i]).
  const toRequestField = (field: string): string =>
    field === 'amountFen'
      ? 'amountYuan'
      : field.replace(/^assets\[(\d+)\]\.kind$/, 'assetIds[$1]').replace(/^assets$/, 'assetIds');
  assertNoProblems([
    ...productProblems.map((p) => ({ ...p, field: toRequestField(p.field) })),
    ...named.problems,
    ...eligibility,
  ]);
  const bureau = await findSupervisingBureau(deps.db, actor.organisationId);

  return runInTransaction(deps, async (tx) => {
    const terms = {
      productId: product.productId,
      amountFen: input.amountFen,
      termMonths: input.termMonths,
      repaymentMethod: input.repaymentMethod,
      spreadBps: input.spreadBps,
      combinedModel: input.combinedModel,
      pledgeeKind: pledgee.kind,
    };
    const participants = [
      ...(named.guarantorId === null ? [] : [{ organisationId: named.guarantorId, role: 'guarantor' }]),
      ...(named.insurerId === null ? [] : [{ organisationId: named.insurerId, role: 'insurer' }]),
    ];
    let caseId: string;
    if (input.leadCaseId !== undefined) {
      const lead = await getVisibleCase(tx, input.leadCaseId, actor, scope);
      if (lead.bankUnitId !== unit!.id)
        assertNoProblems([
          { code: 'CASE_BANK_UNIT_INVALID', field: 'bankUnitId', params: { bankUnitId: input.bankUnitId } },
        ]);
      const to = assertCaseAction({
        state: lead.state as never,
        action: 'apply',
        actorRole: actor.role,
        actorUserId: actor.userId,
      });
      await writeCaseTransition(
        tx,
        deps,
        actor,
        { row: lead, action: 'apply', to, expectedVersion: input.expectedVersion, patch: terms },
        now,
      );
      caseId = lead.id;
    } else {
      caseId = randomUUID();
      const caseNumber = newCaseNumber(today);
      await tx.insert(tables.financingCases).values({
        id: caseId,
        caseNumber,
        enterpriseId: actor.organisationId,
        bankUnitId: unit!.id,
        bankId,
        state: 'applied',
        origin: 'application',
        ...terms,
        preparedByUserIds: [],
        stateEnteredAt: now,
        createdAt: now,
        updatedAt: now,
      });
      await tx.insert(tables.caseEvents).values({
        id: randomUUID(),
        caseId,
        action: 'apply',
        fromState: null,
        toState: 'applied',
        actorUserId: actor.userId,
        actorOrganisationId: actor.organisationId,
        actorRole: actor.role,
        occurredAt: now,
      });
      await deps.audit.append(
        tx,
        actor,
        {
          action: 'case.apply',
          entityType: 'financing_case',
          entityId: caseId,
          after: { state: 'applied', caseNumber, ...terms, participants },
        },
        now,
      );
    }
    if (participants.length > 0)
      await tx
        .insert(tables.caseParticipants)
        .values(participants.map((p) => ({ caseId, ...p, createdAt: now })));
    await tx
      .insert(tables.caseAssets)
      .values(assets.map((a, position) => ({ caseId, assetId: a.assetId, kind: a.kind, position })));
    await recordCustomerLink(
      tx,
      { enterpriseId: actor.organisationId, bankUnitId: unit!.id, source: 'application' },
      now,
    );
    const consents = [
      { recipientId: unit!.id, scope: 'financials', purpose: `financing_application:${caseId}` },
      { recipientId: unit!.id, scope: 'credit_report', purpose: `credit_bureau_query:${caseId}` },
      { recipientId: bureau.id, scope: 'financing_record', purpose: `bureau_supervision:${caseId}` },
    ].map((c) => ({
      id: randomUUID(),
      enterpriseId: actor.organisationId,
      ...c,
      grantedAt: now,
      expiresOn: input.consentExpiresOn,
    }));
    await tx.insert(tables.consents).values(consents);
    for (const c of consents) {
      await deps.audit.append(
        tx,
        actor,
        {
          action: 'consent.granted',
          entityType: 'consent',
          entityId: c.id,
          after: { ...c, grantedAt: now.toISOString() },
        },
        now,
      );
    }
    const row = await getVisibleCase(tx, caseId, actor, scope);
    return loadCaseDetail(tx, row, today);
  });
}

/**
 * The guarantor and insurer the application names, checked against its combined model: each must be an active
 * organisation of its kind (担保机构 `guarantor`, 保险机构 `insurer`), required by its model and refused by others.
 */
async function findNamedParticipants(
  executor: Executor,
  input: ApplyForFinancingInput,
): Promise<{ guarantorId: string | null; insurerId: string | null; problems: ProblemDetail[] }> {
  const problems: ProblemDetail[] = [];
  const check = async (
    organisationId: string | undefined,
    spec: { kind: string; model: CombinedModel; field: string; required: string; invalid: string },
  ): Promise<string | null> => {
    if (organisationId === undefined) {
      if (input.combinedModel === spec.model) problems.push({ code: spec.required, field: spec.field });
      return null;
    }
    if (input.combinedModel !== spec.model) {
      problems.push({
        code: 'CASE_PARTICIPANT_NOT_APPLICABLE',
        field: spec.field,
        params: { model: input.combinedModel },
      });
      return null;
    }
    const [row] = await executor
      .select({ id: tables.organisations.id })
      .from(tables.organisations)
      .where(
        and(
          eq(tables.organisations.id, organisationId),
          eq(tables.organisations.kind, spec.kind),
          eq(tables.organisations.active, true),
        ),
      );
    if (row === undefined) {
      problems.push({ code: spec.invalid, field: spec.field, params: { organisationId } });
      return null;
    }
    return row.id;
  };
  const guarantorId = await check(input.guarantorOrganisationId, {
    kind: 'guarantor',
    model: 'plus_guarantee',
    field: 'guarantorOrganisationId',
    required: 'CASE_GUARANTOR_REQUIRED',
    invalid: 'CASE_GUARANTOR_INVALID',
  });
  const insurerId = await check(input.insurerOrganisationId, {
    kind: 'insurer',
    model: 'plus_insurance',
    field: 'insurerOrganisationId',
    required: 'CASE_INSURER_REQUIRED',
    invalid: 'CASE_INSURER_INVALID',
  });
  return { guarantorId, insurerId, problems };
}
