import { and, asc, inArray, type SQL } from 'drizzle-orm';
import type {
  IpAsset,
  IpAssetFlag,
  IpAssetKind,
  IpLegalStatus,
  IpTermFacts,
  LicenceKind,
} from '@ipf/domain/ip-asset';
import { tables, type Executor } from '@ipf/db';

/** A registry asset as the domain's valuation functions read it, with its owners' enterprise ids. */
export interface ValuationAsset {
  readonly asset: IpAsset;
  readonly ownerEnterpriseIds: readonly string[];
}

/**
 * 读取估值资产: the rows of `ip_assets` (with owners, status events and licences) mapped to the domain's
 * `IpAsset`, restricted by `visible` (the caller's scope condition on `ip_assets`). Assets outside it are absent.
 */
export async function loadValuationAssets(
  executor: Executor,
  assetIds: readonly string[],
  visible: SQL,
): Promise<Map<string, ValuationAsset>> {
  const result = new Map<string, ValuationAsset>();
  if (assetIds.length === 0) return result;
  const { ipAssets, ipAssetOwners, ipAssetStatusEvents, ipAssetLicences } = tables;
  const rows = await executor
    .select()
    .from(ipAssets)
    .where(and(inArray(ipAssets.id, [...assetIds]), visible));
  if (rows.length === 0) return result;
  const ids = rows.map((r) => r.id);
  const owners = await executor
    .select()
    .from(ipAssetOwners)
    .where(inArray(ipAssetOwners.assetId, ids))
    .orderBy(asc(ipAssetOwners.position));
  const events = await executor
    .select()
    .from(ipAssetStatusEvents)
    .where(inArray(ipAssetStatusEvents.assetId, ids))
    .orderBy(asc(ipAssetStatusEvents.occurredOn));
  const licences = await executor.select().from(ipAssetLicences).where(inArray(ipAssetLicences.assetId, ids));
  for (const row of rows) {
    const own = owners.filter((o) => o.assetId === row.id);
    const asset: IpAsset = {
      assetId: row.id,
      kind: row.kind as IpAssetKind,
      number: row.number,
      pctNationalPhase: row.pctNationalPhase,
      title: row.title,
      owners: own.map((o, i) => ({
        partyId: o.enterpriseId ?? `external:${row.id}:${i}`,
        name: o.name,
        shareBps: o.shareBps,
      })),
      term: row.termFacts as unknown as IpTermFacts,
      grantDate: row.grantDate,
      expiryDate: row.expiryDate,
      legalStatus: row.legalStatus as IpLegalStatus,
      flags: row.flags as IpAssetFlag[],
      statusHistory: events
        .filter((e) => e.assetId === row.id)
        .map((e) => ({
          date: e.occurredOn,
          legalStatus: e.legalStatus as IpLegalStatus,
          flags: e.flags as IpAssetFlag[],
          reason: e.reason,
        })),
      annualFeePaidThrough: row.annualFeePaidThrough,
      ipcClasses: row.ipcClasses,
      niceClasses: row.niceClasses,
      similarMarkAssetIds: row.similarMarkAssetIds,
      sameDayDualApplication: row.sameDayDualApplication,
      licences: licences
        .filter((l) => l.assetId === row.id)
        .map((l) => ({
          licenceId: l.id,
          licenseeName: l.licenseeName,
          kind: l.kind as LicenceKind,
          startDate: l.startDate,
          endDate: l.endDate,
          disclosedToPledgee: l.disclosedToPledgee,
        })),
    };
    result.set(row.id, {
      asset,
      ownerEnterpriseIds: own.flatMap((o) => (o.enterpriseId === null ? [] : [o.enterpriseId])),
    });
  }
  return result;
}
