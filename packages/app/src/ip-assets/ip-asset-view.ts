import { asc, inArray } from 'drizzle-orm';
import { tables, type Executor } from '@ipf/db';
import { calculateIpAssetHealth, type IpAssetHealth } from './ip-asset-health.ts';

type AssetRow = typeof tables.ipAssets.$inferSelect;

export interface IpAssetOwnerView {
  /** The owner enterprise on the platform; null for a co-owner off the platform. */
  readonly enterpriseId: string | null;
  readonly name: string;
  readonly shareBps: number;
}

/** One asset in a list: identity, owners, status, key dates and health indicators. */
export interface IpAssetSummary {
  readonly id: string;
  readonly kind: string;
  readonly number: string;
  readonly title: string;
  readonly legalStatus: string;
  readonly flags: string[];
  readonly owners: IpAssetOwnerView[];
  readonly filingDate: string | null;
  readonly grantDate: string | null;
  readonly expiryDate: string | null;
  readonly annualFeePaidThrough: string | null;
  readonly ipcClasses: string[];
  readonly niceClasses: number[];
  readonly health: IpAssetHealth;
}

export interface IpStatusEventView {
  readonly id: string;
  readonly occurredOn: string;
  readonly legalStatus: string;
  readonly flags: string[];
  readonly reason: string;
  readonly note: string | null;
  readonly recordedAt: string;
}

export interface IpLicenceView {
  readonly id: string;
  readonly licenseeName: string;
  readonly kind: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly disclosedToPledgee: boolean;
}

/** 资产详情: the summary plus the term, the status timeline (oldest first) and the licences. */
export interface IpAssetDetail extends IpAssetSummary {
  readonly pctNationalPhase: boolean;
  readonly termFacts: Record<string, unknown>;
  readonly termBasis: string;
  readonly baseExpiryDate: string | null;
  readonly termCompensationDays: number;
  readonly sameDayDualApplication: boolean;
  readonly similarMarkAssetIds: string[];
  readonly statusHistory: IpStatusEventView[];
  readonly licences: IpLicenceView[];
  readonly source: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Owners of several assets in one query, in register order. */
export async function loadIpAssetOwners(
  executor: Executor,
  assetIds: readonly string[],
): Promise<Map<string, IpAssetOwnerView[]>> {
  const byAsset = new Map<string, IpAssetOwnerView[]>();
  if (assetIds.length === 0) return byAsset;
  const rows = await executor
    .select()
    .from(tables.ipAssetOwners)
    .where(inArray(tables.ipAssetOwners.assetId, [...assetIds]))
    .orderBy(asc(tables.ipAssetOwners.assetId), asc(tables.ipAssetOwners.position));
  for (const row of rows) {
    const list = byAsset.get(row.assetId) ?? [];
    list.push({ enterpriseId: row.enterpriseId, name: row.name, shareBps: row.shareBps });
    byAsset.set(row.assetId, list);
  }
  return byAsset;
}

export function toIpAssetSummary(
  row: AssetRow,
  owners: readonly IpAssetOwnerView[],
  today: string,
): IpAssetSummary {
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    title: row.title,
    legalStatus: row.legalStatus,
    flags: row.flags,
    owners: [...owners],
    filingDate: row.filingDate,
    grantDate: row.grantDate,
    expiryDate: row.expiryDate,
    annualFeePaidThrough: row.annualFeePaidThrough,
    ipcClasses: row.ipcClasses,
    niceClasses: row.niceClasses,
    health: calculateIpAssetHealth(row, today),
  };
}

/** The full record of one asset, read inside the caller's executor. */
export async function loadIpAssetDetail(
  executor: Executor,
  row: AssetRow,
  today: string,
): Promise<IpAssetDetail> {
  const owners = await loadIpAssetOwners(executor, [row.id]);
  const events = await executor
    .select()
    .from(tables.ipAssetStatusEvents)
    .where(inArray(tables.ipAssetStatusEvents.assetId, [row.id]))
    .orderBy(asc(tables.ipAssetStatusEvents.occurredOn), asc(tables.ipAssetStatusEvents.recordedAt));
  const licences = await executor
    .select()
    .from(tables.ipAssetLicences)
    .where(inArray(tables.ipAssetLicences.assetId, [row.id]))
    .orderBy(asc(tables.ipAssetLicences.startDate));
  return {
    ...toIpAssetSummary(row, owners.get(row.id) ?? [], today),
    pctNationalPhase: row.pctNationalPhase,
    termFacts: row.termFacts,
    termBasis: row.termBasis,
    baseExpiryDate: row.baseExpiryDate,
    termCompensationDays: row.termCompensationDays,
    sameDayDualApplication: row.sameDayDualApplication,
    similarMarkAssetIds: row.similarMarkAssetIds,
    statusHistory: events.map((e) => ({
      id: e.id,
      occurredOn: e.occurredOn,
      legalStatus: e.legalStatus,
      flags: e.flags,
      reason: e.reason,
      note: e.note,
      recordedAt: e.recordedAt.toISOString(),
    })),
    licences: licences.map((l) => ({
      id: l.id,
      licenseeName: l.licenseeName,
      kind: l.kind,
      startDate: l.startDate,
      endDate: l.endDate,
      disclosedToPledgee: l.disclosedToPledgee,
    })),
    source: row.source,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
