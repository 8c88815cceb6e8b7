import { inArray } from 'drizzle-orm';
import { formatYuan } from '@ipf/domain/money';
import type { LossBase, RiskLayer, RiskSharingAgreement } from '@ipf/domain/risk-sharing';
import { tables, type Executor } from '@ipf/db';

type StoredRiskLayer = tables.StoredRiskLayer;
type StoredRiskSharingAgreement = tables.StoredRiskSharingAgreement;

type GuaranteeProductRow = typeof tables.guaranteeProducts.$inferSelect;
type GuaranteeRow = typeof tables.guarantees.$inferSelect;
type PolicyRow = typeof tables.insurancePolicies.$inferSelect;
type FilingRow = typeof tables.riskPoolFilings.$inferSelect;

export interface GuaranteeProductView {
  readonly id: string;
  readonly guarantorId: string;
  readonly guarantorName: string;
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly coverageShareBps: number;
  readonly feeRateBps: number;
  readonly reGuaranteeShareBps: number | null;
  readonly reGuarantorId: string | null;
  readonly reGuarantorName: string | null;
  readonly capYuan: string | null;
  /** 代偿触发天数: days overdue after which the guarantor may be claimed; null: at default only. */
  readonly compensationOverdueDays: number | null;
  readonly active: boolean;
  readonly version: number;
}

export interface GuaranteeView {
  readonly id: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly caseState: string;
  readonly bankName: string;
  readonly enterpriseName: string;
  readonly guarantorId: string;
  readonly guarantorName: string;
  readonly productId: string | null;
  readonly contractNumber: string;
  readonly guaranteedPrincipalYuan: string;
  readonly coveredShareBps: number;
  readonly feeRateBps: number;
  readonly feeYuan: string;
  readonly capYuan: string | null;
  readonly reGuaranteeShareBps: number | null;
  readonly reGuarantorId: string | null;
  readonly reGuarantorName: string | null;
  readonly compensationOverdueDays: number | null;
  readonly state: string;
  readonly createdAt: string;
}

export interface InsurancePolicyView {
  readonly id: string;
  readonly policyNumber: string;
  readonly kind: string;
  readonly insurerId: string;
  readonly insurerName: string;
  readonly insuredId: string;
  readonly insuredName: string;
  readonly policyholderId: string;
  readonly policyholderName: string;
  readonly caseId: string | null;
  readonly caseNumber: string | null;
  readonly premiumYuan: string;
  readonly premiumRateBps: number | null;
  readonly coverageShareBps: number | null;
  readonly sumInsuredYuan: string | null;
  readonly capYuan: string | null;
  readonly startDate: string;
  readonly endDate: string;
  readonly state: string;
  readonly note: string | null;
  readonly createdAt: string;
}

export interface PoolFilingView {
  readonly id: string;
  readonly poolId: string;
  readonly poolName: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly bankId: string;
  readonly bankName: string;
  readonly enterpriseName: string;
  readonly loanCategory: string;
  readonly ratioBps: number;
  readonly budgetYear: number;
  readonly principalYuan: string;
  readonly filedDate: string;
  readonly state: string;
}

/** Yuan string of an optional fen amount. */
export function yuanOrNull(fen: bigint | null): string | null {
  return fen === null ? null : formatYuan(fen);
}

/** Chinese names of organisations by id (one query). */
export async function loadOrganisationNames(
  executor: Executor,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await executor
    .select({ id: tables.organisations.id, nameZh: tables.organisations.nameZh })
    .from(tables.organisations)
    .where(inArray(tables.organisations.id, wanted));
  return new Map(rows.map((r) => [r.id, r.nameZh]));
}

async function loadCases(
  executor: Executor,
  ids: readonly (string | null)[],
): Promise<Map<string, { caseNumber: string; state: string; bankId: string; enterpriseId: string }>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const { financingCases } = tables;
  const rows = await executor
    .select({
      id: financingCases.id,
      caseNumber: financingCases.caseNumber,
      state: financingCases.state,
      bankId: financingCases.bankId,
      enterpriseId: financingCases.enterpriseId,
    })
    .from(financingCases)
    .where(inArray(financingCases.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function toGuaranteeProductViews(
  executor: Executor,
  rows: readonly GuaranteeProductRow[],
): Promise<GuaranteeProductView[]> {
  const names = await loadOrganisationNames(executor, [
    ...rows.map((r) => r.guarantorId),
    ...rows.map((r) => r.reGuarantorId),
  ]);
  return rows.map((r) => ({
    id: r.id,
    guarantorId: r.guarantorId,
    guarantorName: names.get(r.guarantorId) ?? '',
    code: r.code,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    coverageShareBps: r.coverageShareBps,
    feeRateBps: r.feeRateBps,
    reGuaranteeShareBps: r.reGuaranteeShareBps,
    reGuarantorId: r.reGuarantorId,
    reGuarantorName: r.reGuarantorId === null ? null : (names.get(r.reGuarantorId) ?? ''),
    capYuan: yuanOrNull(r.capFen),
    compensationOverdueDays: r.compensationOverdueDays,
    active: r.active,
    version: r.version,
  }));
}

export async function toGuaranteeViews(
  executor: Executor,
  rows: readonly GuaranteeRow[],
): Promise<GuaranteeView[]> {
  const cases = await loadCases(
    executor,
    rows.map((r) => r.caseId),
  );
  const names = await loadOrganisationNames(executor, [
    ...rows.flatMap((r) => [r.guarantorId, r.reGuarantorId]),
    ...[...cases.values()].flatMap((c) => [c.bankId, c.enterpriseId]),
  ]);
  return rows.map((r) => {
    const c = cases.get(r.caseId);
    return {
      id: r.id,
      caseId: r.caseId,
      caseNumber: c?.caseNumber ?? '',
      caseState: c?.state ?? '',
      bankName: names.get(c?.bankId ?? '') ?? '',
      enterpriseName: names.get(c?.enterpriseId ?? '') ?? '',
      guarantorId: r.guarantorId,
      guarantorName: names.get(r.guarantorId) ?? '',
      productId: r.productId,
      contractNumber: r.contractNumber,
      guaranteedPrincipalYuan: formatYuan(r.guaranteedPrincipalFen),
      coveredShareBps: r.coveredShareBps,
      feeRateBps: r.feeRateBps,
      feeYuan: formatYuan(r.feeFen),
      capYuan: yuanOrNull(r.capFen),
      reGuaranteeShareBps: r.reGuaranteeShareBps,
      reGuarantorId: r.reGuarantorId,
      reGuarantorName: r.reGuarantorId === null ? null : (names.get(r.reGuarantorId) ?? ''),
      compensationOverdueDays: r.compensationOverdueDays,
      state: r.state,
      createdAt: r.createdAt.toISOString(),
    };
  });
}

export async function toInsurancePolicyViews(
  executor: Executor,
  rows: readonly PolicyRow[],
): Promise<InsurancePolicyView[]> {
  const cases = await loadCases(
    executor,
    rows.map((r) => r.caseId),
  );
  const names = await loadOrganisationNames(
    executor,
    rows.flatMap((r) => [r.insurerId, r.insuredId, r.policyholderId]),
  );
  return rows.map((r) => ({
    id: r.id,
    policyNumber: r.policyNumber,
    kind: r.kind,
    insurerId: r.insurerId,
    insurerName: names.get(r.insurerId) ?? '',
    insuredId: r.insuredId,
    insuredName: names.get(r.insuredId) ?? '',
    policyholderId: r.policyholderId,
    policyholderName: names.get(r.policyholderId) ?? '',
    caseId: r.caseId,
    caseNumber: r.caseId === null ? null : (cases.get(r.caseId)?.caseNumber ?? ''),
    premiumYuan: formatYuan(r.premiumFen),
    premiumRateBps: r.premiumRateBps,
    coverageShareBps: r.coverageShareBps,
    sumInsuredYuan: yuanOrNull(r.sumInsuredFen),
    capYuan: yuanOrNull(r.capFen),
    startDate: r.startDate,
    endDate: r.endDate,
    state: r.state,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function toPoolFilingViews(
  executor: Executor,
  rows: readonly FilingRow[],
): Promise<PoolFilingView[]> {
  const cases = await loadCases(
    executor,
    rows.map((r) => r.caseId),
  );
  const pools =
    rows.length === 0
      ? []
      : await executor
          .select({ id: tables.riskPools.id, organisationId: tables.riskPools.organisationId })
          .from(tables.riskPools)
          .where(
            inArray(
              tables.riskPools.id,
              rows.map((r) => r.poolId),
            ),
          );
  const poolOrg = new Map(pools.map((p) => [p.id, p.organisationId]));
  const names = await loadOrganisationNames(executor, [
    ...rows.flatMap((r) => [r.bankId, r.enterpriseId]),
    ...pools.map((p) => p.organisationId),
  ]);
  return rows.map((r) => ({
    id: r.id,
    poolId: r.poolId,
    poolName: names.get(poolOrg.get(r.poolId) ?? '') ?? '',
    caseId: r.caseId,
    caseNumber: cases.get(r.caseId)?.caseNumber ?? '',
    bankId: r.bankId,
    bankName: names.get(r.bankId) ?? '',
    enterpriseName: names.get(r.enterpriseId) ?? '',
    loanCategory: r.loanCategory,
    ratioBps: r.ratioBps,
    budgetYear: r.budgetYear,
    principalYuan: formatYuan(r.principalFen),
    filedDate: r.filedDate,
    state: r.state,
  }));
}

function storeLayer(layer: RiskLayer | undefined): StoredRiskLayer | undefined {
  if (layer === undefined) return undefined;
  return {
    party: layer.party,
    shareBps: layer.shareBps.toString(),
    ...(layer.capFen === undefined ? {} : { capFen: layer.capFen.toString() }),
  };
}

function readLayer(layer: StoredRiskLayer | undefined): RiskLayer | undefined {
  if (layer === undefined) return undefined;
  return {
    party: layer.party,
    shareBps: BigInt(layer.shareBps),
    ...(layer.capFen === undefined ? {} : { capFen: BigInt(layer.capFen) }),
  };
}

/** The domain agreement as stored in jsonb (bigints as decimal strings, absent layers left out). */
export function toStoredAgreement(agreement: RiskSharingAgreement): StoredRiskSharingAgreement {
  const layers = {
    guarantor: storeLayer(agreement.guarantor),
    reGuarantor: storeLayer(agreement.reGuarantor),
    insurer: storeLayer(agreement.insurer),
    evaluator: storeLayer(agreement.evaluator),
    pool: storeLayer(agreement.pool),
  };
  return {
    agreementId: agreement.agreementId,
    fixedOn: agreement.fixedOn,
    lossBase: agreement.lossBase,
    bankParty: agreement.bankParty,
    ...Object.fromEntries(Object.entries(layers).filter(([, layer]) => layer !== undefined)),
  };
}

/**
 * The stored agreement back as the domain value: claims, disposition and recoveries read this (never the current
 * products or pool ratios).
 */
export function fromStoredAgreement(stored: StoredRiskSharingAgreement): RiskSharingAgreement {
  const layers = {
    guarantor: readLayer(stored.guarantor),
    reGuarantor: readLayer(stored.reGuarantor),
    insurer: readLayer(stored.insurer),
    evaluator: readLayer(stored.evaluator),
    pool: readLayer(stored.pool),
  };
  return {
    agreementId: stored.agreementId,
    fixedOn: stored.fixedOn,
    lossBase: stored.lossBase as LossBase,
    bankParty: stored.bankParty,
    ...Object.fromEntries(Object.entries(layers).filter(([, layer]) => layer !== undefined)),
  };
}
