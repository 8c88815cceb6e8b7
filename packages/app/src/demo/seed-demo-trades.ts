import { asc, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { addDays, addMonths } from '@ipf/domain/calendar';
import { formatYuan } from '@ipf/domain/money';
import { tables } from '@ipf/db';
import type { AppDeps } from '../deps.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { changeTradeListingStatus } from '../valuation/change-trade-listing-status.ts';
import { createTradeListing } from '../valuation/create-trade-listing.ts';
import { createTradeRecord } from '../valuation/create-trade-record.ts';
import type { TradeKind } from '../valuation/trade-view.ts';
import { loadDemoActors } from './demo-actors.ts';
import { SeededRandom } from './seeded-random.ts';

/** Demo market (issue 7 item 3): completed trades and licences, and listings. */
export const DEMO_TRADE_COUNT = 300;
export const DEMO_LISTING_COUNT = 50;

/** Price ranges in yuan by IP kind (order of magnitude of Shenzhen trading-centre deals). */
const PRICE_RANGE_YUAN: Readonly<Record<string, readonly [number, number]>> = {
  invention_patent: [200_000, 5_000_000],
  utility_model_patent: [50_000, 800_000],
  design_patent: [20_000, 300_000],
  trademark: [30_000, 2_000_000],
  software_copyright: [20_000, 500_000],
};
const BUYERS = [
  '深圳市华创智造科技有限公司',
  '深圳市蓝海新材料有限公司',
  '深圳市前湾医疗器械有限公司',
  '东莞市松湖精密制造有限公司',
  '广州市穗研生物科技有限公司',
  '深圳市光启智联电子有限公司',
  '惠州市仲恺新能源科技有限公司',
  '深圳市鹏程软件股份有限公司',
  '佛山市顺德家电创新有限公司',
  '深圳市湾区数字文化有限公司',
];
const SOURCES = [
  'trading_centre',
  'trading_centre',
  'trading_centre',
  'registration_notice',
  'other',
] as const;

/**
 * 演示交易数据: 300 completed trades and licences of demo assets over the last four years, recorded by the city
 * bureau for the trading centre (prices by kind, licences partly with a royalty rate only), then 50 listings —
 * most by their owner enterprise, some by the bureau on its behalf — a few of them withdrawn. Through the real
 * use cases (audited). Does nothing when trades exist already.
 */
export async function seedDemoTrades(
  deps: AppDeps,
): Promise<{ readonly seeded: boolean; readonly trades: number; readonly listings: number }> {
  const [existing] = await deps.db.select({ n: count() }).from(tables.ipTrades);
  if ((existing?.n ?? 0) > 0) return { seeded: false, trades: 0, listings: 0 };
  const actors = await loadDemoActors(deps.db, 'demo-seed');
  const bureau = actors.byLogin('bureau.city');
  const random = new SeededRandom(`${deps.demoSeed}:trades`);
  const today = toShanghaiDate(deps.clock.now());
  const { ipAssets, ipAssetOwners } = tables;

  const candidates = await deps.db
    .select({
      id: ipAssets.id,
      kind: ipAssets.kind,
      ownerId: ipAssetOwners.enterpriseId,
      ownerName: ipAssetOwners.name,
    })
    .from(ipAssets)
    .innerJoin(ipAssetOwners, eq(ipAssetOwners.assetId, ipAssets.id))
    .where(
      sql`${ipAssets.legalStatus} in ('granted', 'registered') and ${ipAssetOwners.position} = 0 and ${inArray(ipAssets.kind, Object.keys(PRICE_RANGE_YUAN))} and ${isNotNull(ipAssetOwners.enterpriseId)}`,
    )
    .orderBy(asc(ipAssets.kind), asc(ipAssets.number));
  if (candidates.length === 0) return { seeded: false, trades: 0, listings: 0 };

  let trades = 0;
  for (let n = 0; n < DEMO_TRADE_COUNT; n += 1) {
    const asset = random.pick(candidates);
    const [low, high] = PRICE_RANGE_YUAN[asset.kind]!;
    const kind: TradeKind = random.pick(['sale', 'sale', 'exclusive_licence', 'non_exclusive_licence']);
    const licence = kind !== 'sale';
    const royaltyOnly = licence && random.chance(0.15);
    // Licence fees run below sale prices; whole hundreds of yuan like real contracts.
    const priceYuan = Math.round((random.int(low, high) * (licence ? 0.5 : 1)) / 100) * 100;
    await createTradeRecord(
      {
        assetId: asset.id,
        kind,
        price: royaltyOnly ? null : formatYuan(BigInt(priceYuan) * 100n),
        royaltyRatePct:
          licence && (royaltyOnly || random.chance(0.5)) ? `${random.int(1, 8)}.${random.int(0, 9)}` : null,
        tradeDate: addDays(today, -random.int(1, 4 * 365)),
        sellerName: asset.ownerName,
        buyerName: random.pick(BUYERS),
        source: random.pick(SOURCES),
      },
      bureau,
      deps,
    );
    trades += 1;
  }

  const listable = candidates.filter((c) => c.ownerId !== null && actors.enterpriseIds.has(c.ownerId));
  let listings = 0;
  const listed = new Set<string>();
  for (
    let n = 0;
    n < DEMO_LISTING_COUNT * 3 && listings < DEMO_LISTING_COUNT && listable.length > 0;
    n += 1
  ) {
    const asset = random.pick(listable);
    if (listed.has(asset.id)) continue;
    listed.add(asset.id);
    const byBureau = random.chance(0.2);
    const listedOn = addDays(today, -random.int(0, 180));
    const [low, high] = PRICE_RANGE_YUAN[asset.kind]!;
    const listing = await createTradeListing(
      {
        assetId: asset.id,
        kind: random.pick(['sale', 'exclusive_licence', 'non_exclusive_licence']),
        askingPrice: random.chance(0.2)
          ? null
          : formatYuan(BigInt(Math.round(random.int(low, high) / 1000) * 1000) * 100n),
        listedOn,
        expiresOn: addMonths(listedOn, random.int(6, 12)),
        ownerEnterpriseId: asset.ownerId!,
        note: byBureau ? '科技成果与知识产权交易中心受托挂牌' : null,
      },
      byBureau ? bureau : actors.ofEnterprise(asset.ownerId!),
      deps,
    );
    if (random.chance(0.1))
      await changeTradeListingStatus({ id: listing.id, status: 'withdrawn' }, bureau, deps);
    listings += 1;
  }
  return { seeded: true, trades, listings };
}
