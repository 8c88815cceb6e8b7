import { createHash } from 'node:crypto';
import { asc, count, eq } from 'drizzle-orm';
import {
  calculateIpExpiry,
  createSeededRandom,
  generateDemoAssets,
  type IpAsset,
} from '@ipf/domain/ip-asset';
import { tables } from '@ipf/db';
import { systemActor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { insertIpAssets, type IpAssetToInsert } from '../ip-assets/insert-ip-assets.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { stableUuid } from './seeded-random.ts';

/** Demo portfolio size (issue 3 item 7: at least 5,000 assets across kinds). */
export const DEMO_ASSET_COUNT = 5000;

export interface SeedDemoAssetsResult {
  readonly seeded: boolean;
  readonly assets: number;
}

function toInsert(asset: IpAsset, idOf: (demoId: string) => string): IpAssetToInsert {
  const term = asset.term;
  const filingDate = 'filingDate' in term ? term.filingDate : (asset.statusHistory[0]?.date ?? null);
  return {
    id: idOf(asset.assetId),
    asset: {
      kind: asset.kind,
      number: asset.number,
      title: asset.title,
      pctNationalPhase: asset.pctNationalPhase,
      legalStatus: asset.legalStatus,
      flags: [...asset.flags],
      filingDate,
      grantDate: asset.grantDate,
      term,
      expiry: calculateIpExpiry(term),
      annualFeePaidThrough: asset.annualFeePaidThrough,
      ipcClasses: [...asset.ipcClasses],
      niceClasses: [...asset.niceClasses],
      sameDayDualApplication: asset.sameDayDualApplication,
    },
    owners: asset.owners.map((o) => ({ enterpriseId: o.partyId, name: o.name, shareBps: o.shareBps })),
    events: asset.statusHistory.map((e) => ({
      occurredOn: e.date,
      legalStatus: e.legalStatus,
      flags: e.flags,
      reason: e.reason,
    })),
    licences: asset.licences.map((l) => ({
      licenseeName: l.licenseeName,
      kind: l.kind,
      startDate: l.startDate,
      endDate: l.endDate,
      disclosedToPledgee: l.disclosedToPledgee,
    })),
    similarMarkAssetIds: asset.similarMarkAssetIds.map(idOf),
  };
}

/**
 * 演示知识产权: `count` assets across every kind for the demo enterprises (`generateDemoAssets`, seeded from the
 * demo seed, consistent as of today): valid check digits, some lapsed, disputed, pledged, licensed and co-owned.
 * Inserted in batches in one transaction with one audit event; does nothing when demo assets exist already.
 */
export async function seedDemoAssets(
  deps: AppDeps,
  count_ = DEMO_ASSET_COUNT,
): Promise<SeedDemoAssetsResult> {
  const [existing] = await deps.db
    .select({ n: count() })
    .from(tables.ipAssets)
    .where(eq(tables.ipAssets.source, 'demo'));
  if ((existing?.n ?? 0) > 0) return { seeded: false, assets: 0 };
  const owners = await deps.db
    .select({ partyId: tables.enterprises.organisationId, name: tables.enterprises.name })
    .from(tables.enterprises)
    .orderBy(asc(tables.enterprises.uscc));
  if (owners.length === 0) return { seeded: false, assets: 0 };

  const now = deps.clock.now();
  const seed = createHash('sha256').update(`${deps.demoSeed}:ip-assets`).digest().readUInt32LE(0);
  const assets = generateDemoAssets({
    owners,
    count: count_,
    random: createSeededRandom(seed),
    asOfDate: toShanghaiDate(now),
  });
  const idOf = (demoId: string) => stableUuid(`${deps.demoSeed}:ip:${demoId}`);

  await runInTransaction(deps, async (tx) => {
    await insertIpAssets(
      tx,
      assets.map((a) => toInsert(a, idOf)),
      { now, actorUserId: null, source: 'demo' },
    );
    await deps.audit.append(
      tx,
      systemActor('demo-seed'),
      {
        action: 'demo.ip_assets_seeded',
        entityType: 'platform',
        entityId: 'demo',
        after: { assets: assets.length },
      },
      now,
    );
  });
  return { seeded: true, assets: assets.length };
}
