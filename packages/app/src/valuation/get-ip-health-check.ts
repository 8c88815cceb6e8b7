import { and, asc, eq, inArray } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import type {
  IpAsset,
  IpAssetFlag,
  IpAssetKind,
  IpLegalStatus,
  IpTermFacts,
  LicenceKind,
} from '@ipf/domain/ip-asset';
import { assessIpHealth, type IpHealthReport } from '@ipf/domain/valuation';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { enterpriseVisibility } from '../access/enterprise-visibility.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';

/** 知识产权体检 of one enterprise: the domain report with the enterprise it concerns. */
export interface IpHealthCheck extends IpHealthReport {
  readonly enterprise: { readonly id: string; readonly name: string; readonly uscc: string };
}

/**
 * The enterprise's assets (every right it owns or co-owns) in the domain's shape. The status history is not
 * loaded: the health check reads the current status, flags, dates, owners and licences only.
 */
async function loadEnterpriseAssets(db: Executor, enterpriseId: string): Promise<IpAsset[]> {
  const { ipAssets, ipAssetOwners, ipAssetLicences } = tables;
  const owned = db
    .select({ id: ipAssetOwners.assetId })
    .from(ipAssetOwners)
    .where(eq(ipAssetOwners.enterpriseId, enterpriseId));
  const rows = await db
    .select()
    .from(ipAssets)
    .where(inArray(ipAssets.id, owned))
    .orderBy(asc(ipAssets.kind), asc(ipAssets.number));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [owners, licences] = await Promise.all([
    db
      .select()
      .from(ipAssetOwners)
      .where(inArray(ipAssetOwners.assetId, ids))
      .orderBy(asc(ipAssetOwners.position)),
    db.select().from(ipAssetLicences).where(inArray(ipAssetLicences.assetId, ids)),
  ]);
  return rows.map((row): IpAsset => ({
    assetId: row.id,
    kind: row.kind as IpAssetKind,
    number: row.number,
    pctNationalPhase: row.pctNationalPhase,
    title: row.title,
    owners: owners
      .filter((o) => o.assetId === row.id)
      .map((o) => ({
        partyId: o.enterpriseId ?? `external:${row.id}:${o.position}`,
        name: o.name,
        shareBps: o.shareBps,
      })),
    term: row.termFacts as unknown as IpTermFacts,
    grantDate: row.grantDate,
    expiryDate: row.expiryDate,
    legalStatus: row.legalStatus as IpLegalStatus,
    flags: row.flags as IpAssetFlag[],
    statusHistory: [],
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
  }));
}

/**
 * 知识产权体检 / 诊断 (IP health check) of an enterprise as of today (Asia/Shanghai): `assessIpHealth` over every
 * right it owns or co-owns — strengths, risks (expiry within 24 months, unpaid fees, invalidation or dispute,
 * concentration, co-ownership) and recommendations. Whoever may read the enterprise may run it; an enterprise
 * outside the actor's scope is NOT_FOUND.
 */
export async function getIpHealthCheck(
  input: { readonly enterpriseId: string },
  actor: Actor,
  deps: AppDeps,
): Promise<IpHealthCheck> {
  const scope = authorize(actor, 'ip_health.read');
  const today = toShanghaiDate(deps.clock.now());
  const { enterprises } = tables;
  const [enterprise] = await deps.db
    .select({ id: enterprises.organisationId, name: enterprises.name, uscc: enterprises.uscc })
    .from(enterprises)
    .where(
      and(eq(enterprises.organisationId, input.enterpriseId), enterpriseVisibility(actor, scope, today)),
    );
  if (enterprise === undefined) throw new DomainError('NOT_FOUND');
  const assets = await loadEnterpriseAssets(deps.db, enterprise.id);
  return { enterprise, ...assessIpHealth({ assets, asOfDate: today }) };
}
