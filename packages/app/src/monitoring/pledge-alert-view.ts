import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { formatYuan } from '@ipf/domain/money';
import { tables, type Executor } from '@ipf/db';

export type PledgeAlertRow = typeof tables.pledgeAlerts.$inferSelect;

/** 押品预警 on the wire, with the case number and the asset's number and title. */
export interface PledgeAlertView {
  readonly id: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly assetId: string;
  readonly assetNumber: string;
  readonly assetTitle: string;
  readonly kind: string;
  readonly severity: string;
  readonly dueDate: string;
  readonly detectedOn: string;
  readonly source: string;
  readonly params: Record<string, string>;
  readonly state: string;
  readonly acknowledgedAt: string | null;
  readonly resolvedAt: string | null;
  /** True when the scan resolved it because the condition cleared. */
  readonly resolvedBySystem: boolean;
  readonly note: string | null;
  readonly version: number;
}

/** 代缴年费 on the wire. */
export interface FeePaymentOnBehalfView {
  readonly id: string;
  readonly assetId: string;
  readonly amountYuan: string;
  readonly paidOn: string;
  readonly feeYear: number;
  readonly paidThroughDate: string;
  readonly addedToSecuredAmount: boolean;
  readonly reference: string | null;
  readonly recordedAt: string;
}

/** 押品监测 of one case: the secured amount with fees added, the fees paid on behalf and the alerts. */
export interface CasePledgeMonitoringView {
  readonly caseId: string;
  /** 登记的被担保主债权数额 (the registered pledge's secured amount); null before registration. */
  readonly registeredSecuredAmountYuan: string | null;
  readonly feesAddedToSecuredAmountYuan: string;
  /** 担保范围内金额: registered secured amount plus fees paid on behalf that the contract secures. */
  readonly securedAmountYuan: string;
  readonly feePayments: FeePaymentOnBehalfView[];
  readonly alerts: PledgeAlertView[];
}

/** Joins the case numbers and asset titles onto alert rows, keeping their order. */
export async function toPledgeAlertViews(
  executor: Executor,
  rows: readonly PledgeAlertRow[],
): Promise<PledgeAlertView[]> {
  if (rows.length === 0) return [];
  const cases = await executor
    .select({ id: tables.financingCases.id, caseNumber: tables.financingCases.caseNumber })
    .from(tables.financingCases)
    .where(inArray(tables.financingCases.id, [...new Set(rows.map((r) => r.caseId))]));
  const assets = await executor
    .select({ id: tables.ipAssets.id, number: tables.ipAssets.number, title: tables.ipAssets.title })
    .from(tables.ipAssets)
    .where(inArray(tables.ipAssets.id, [...new Set(rows.map((r) => r.assetId))]));
  const caseNumbers = new Map(cases.map((c) => [c.id, c.caseNumber]));
  const assetsById = new Map(assets.map((a) => [a.id, a]));
  return rows.map((r) => ({
    id: r.id,
    caseId: r.caseId,
    caseNumber: caseNumbers.get(r.caseId) ?? '',
    assetId: r.assetId,
    assetNumber: assetsById.get(r.assetId)?.number ?? '',
    assetTitle: assetsById.get(r.assetId)?.title ?? '',
    kind: r.kind,
    severity: r.severity,
    dueDate: r.dueDate,
    detectedOn: r.detectedOn,
    source: r.source,
    params: r.params,
    state: r.state,
    acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    resolvedBySystem: r.resolvedAt !== null && r.resolvedByUserId === null,
    note: r.note,
    version: r.version,
  }));
}

/** Loads the monitoring view of a case the caller already may see. */
export async function loadCasePledgeMonitoring(
  executor: Executor,
  caseId: string,
): Promise<CasePledgeMonitoringView> {
  const [registration] = await executor
    .select({ securedAmountFen: tables.pledgeRegistrations.securedAmountFen })
    .from(tables.pledgeRegistrations)
    .where(and(eq(tables.pledgeRegistrations.caseId, caseId)))
    .orderBy(desc(tables.pledgeRegistrations.createdAt))
    .limit(1);
  const payments = await executor
    .select()
    .from(tables.feePaymentsOnBehalf)
    .where(eq(tables.feePaymentsOnBehalf.caseId, caseId))
    .orderBy(asc(tables.feePaymentsOnBehalf.paidOn), asc(tables.feePaymentsOnBehalf.feeYear));
  const alerts = await executor
    .select()
    .from(tables.pledgeAlerts)
    .where(eq(tables.pledgeAlerts.caseId, caseId))
    .orderBy(asc(tables.pledgeAlerts.dueDate), asc(tables.pledgeAlerts.kind));
  const addedFen = payments.filter((p) => p.addedToSecuredAmount).reduce((sum, p) => sum + p.amountFen, 0n);
  const registeredFen = registration?.securedAmountFen ?? null;
  return {
    caseId,
    registeredSecuredAmountYuan: registeredFen === null ? null : formatYuan(registeredFen),
    feesAddedToSecuredAmountYuan: formatYuan(addedFen),
    securedAmountYuan: formatYuan((registeredFen ?? 0n) + addedFen),
    feePayments: payments.map((p) => ({
      id: p.id,
      assetId: p.assetId,
      amountYuan: formatYuan(p.amountFen),
      paidOn: p.paidOn,
      feeYear: p.feeYear,
      paidThroughDate: p.paidThroughDate,
      addedToSecuredAmount: p.addedToSecuredAmount,
      reference: p.reference,
      recordedAt: p.recordedAt.toISOString(),
    })),
    alerts: await toPledgeAlertViews(executor, alerts),
  };
}
