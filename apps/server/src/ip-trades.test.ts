import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '@ipf/db';
import { calculatePatentCheckDigit } from '@ipf/domain/ip-asset';
import { createTestApp, type TestApp, type TestSession } from './testing/create-test-app.ts';

// The test clock stands at 2026-03-02 (Asia/Shanghai). Fixtures use IPC classes A99Z/A99Y/A98Z, which the demo
// trades never use, so the demo market data does not disturb the counts below.
const patent = (year: number, type: string, serial: number) => {
  const body = `${year}${type}${String(serial).padStart(7, '0')}`;
  return `${body}.${calculatePatentCheckDigit(body)!}`;
};

interface Page<T> {
  items: T[];
  total: number;
}
interface Trade {
  id: string;
  ipKind: string;
  assetNumber: string;
  kind: string;
  price: string | null;
  royaltyRatePct: string | null;
  tradeDate: string;
  sellerName: string | null;
  buyerName: string | null;
}
interface Listing {
  id: string;
  status: string;
  ownerEnterpriseId: string;
  listerOrganisationId: string;
  askingPrice: string | null;
}
interface Comparable {
  comparableId: string;
  assetNumber: string;
  kind: string;
  price: string;
  weight: number;
  match: string;
  factors: { time: string; size: string; technology: string; terms: string };
}

describe('IP trade records (R4) and market comparables', () => {
  let t: TestApp;
  let bureau: TestSession;
  let ent1: TestSession;
  let ent2: TestSession;
  let clerk: TestSession;
  let ent1Id: string;
  let subjectId: string;

  const trade = (payload: Record<string, unknown>, session = bureau) =>
    t.app.inject({
      method: 'POST',
      url: '/api/ip-trades',
      headers: session.headers,
      payload: {
        ipKind: 'invention_patent',
        assetTitle: '一种测试用装置',
        kind: 'sale',
        sellerName: '深圳市卖方科技有限公司',
        buyerName: '深圳市买方实业有限公司',
        source: 'trading_centre',
        ...payload,
      },
    });
  const search = async (query: string, session = bureau) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/ip-trades?${query}`,
      headers: session.headers,
    });
    expect(response.statusCode).toBe(200);
    return response.json<Page<Trade>>();
  };

  beforeAll(async () => {
    t = await createTestApp();
    [bureau, ent1, ent2, clerk] = [
      await t.loginAs('bureau.city'),
      await t.loginAs('ent001'),
      await t.loginAs('ent002'),
      await t.loginAs('bank01.clerk'),
    ];
    const [row] = await t.handle.db
      .select({ id: tables.memberships.organisationId })
      .from(tables.memberships)
      .innerJoin(tables.users, eq(tables.users.id, tables.memberships.userId))
      .where(eq(tables.users.login, 'ent001'));
    ent1Id = row!.id;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/ip-assets',
      headers: ent1.headers,
      payload: {
        kind: 'invention_patent',
        number: patent(2020, '1', 9101),
        title: '一种被评估的测试方法',
        legalStatus: 'granted',
        filingDate: '2020-03-04',
        grantDate: '2022-05-06',
        annualFeePaidThrough: '2027-03-03',
        ipcClasses: ['A99Z 1/00'],
      },
    });
    expect(created.statusCode).toBe(201);
    subjectId = created.json<{ id: string }>().id;
  });
  afterAll(async () => t.close());

  it('seeds a demo market of 300 trades and 50 listings through the use cases, with an audit event each', async () => {
    const trades = await search('pageSize=1');
    expect(trades.total).toBeGreaterThanOrEqual(300);
    const [audited] = await t.handle.db
      .select({ n: count() })
      .from(tables.auditEvents)
      .where(eq(tables.auditEvents.action, 'ip_trade.recorded'));
    expect(audited!.n).toBeGreaterThanOrEqual(300);
    const [listings] = await t.handle.db.select({ n: count() }).from(tables.ipTradeListings);
    expect(listings!.n).toBe(50);
  });

  it('records a completed trade for the bureau and shows its counterparties only to the bureaus', async () => {
    const response = await trade({
      assetNumber: patent(2019, '1', 9001),
      ipcClasses: ['A99Z 5/10'],
      price: '1000000.00',
      tradeDate: '2025-03-02',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json<Trade>()).toMatchObject({
      price: '1000000.00',
      sellerName: '深圳市卖方科技有限公司',
    });
    const forBureau = await search('ipcPrefix=A99Z5');
    expect(forBureau.items[0]).toMatchObject({ buyerName: '深圳市买方实业有限公司' });
    const forEnterprise = await search('ipcPrefix=A99Z5', ent1);
    expect(forEnterprise.items[0]).toMatchObject({ price: '1000000.00', sellerName: null, buyerName: null });
  });

  it('refuses trades from enterprises and banks, and trades without a price or royalty or dated in the future', async () => {
    const payload = { assetNumber: patent(2019, '1', 9002), price: '1.00', tradeDate: '2025-01-01' };
    expect((await trade(payload, ent1)).statusCode).toBe(403);
    expect((await trade(payload, clerk)).statusCode).toBe(403);
    const noPrice = await trade({ assetNumber: patent(2019, '1', 9002), tradeDate: '2025-01-01' });
    expect(noPrice.statusCode).toBe(400);
    expect(noPrice.json<{ problems: { code: string }[] }>().problems[0]!.code).toBe(
      'TRADE_PRICE_OR_ROYALTY_REQUIRED',
    );
    const future = await trade({ ...payload, tradeDate: '2026-03-03' });
    expect(future.statusCode).toBe(400);
    expect(future.json<{ problems: { code: string }[] }>().problems[0]!.code).toBe('TRADE_DATE_IN_FUTURE');
  });

  it('searches trades by IPC prefix, kind, date range and price range, with paging', async () => {
    for (const [serial, kind, price, date] of [
      [9011, 'sale', '200000.00', '2024-06-01'],
      [9012, 'exclusive_licence', '300000.00', '2025-06-01'],
      [9013, 'non_exclusive_licence', '400000.00', '2025-09-01'],
    ] as const) {
      const response = await trade({
        assetNumber: patent(2018, '1', serial),
        ipcClasses: ['A98Z 2/00'],
        kind,
        price,
        tradeDate: date,
      });
      expect(response.statusCode).toBe(201);
    }
    expect((await search('ipcPrefix=A98Z')).total).toBe(3);
    expect((await search('ipcPrefix=A98Z&kind=exclusive_licence')).total).toBe(1);
    expect((await search('ipcPrefix=A98Z&dateFrom=2025-01-01&dateTo=2025-12-31')).total).toBe(2);
    expect((await search('ipcPrefix=A98Z&priceMin=250000.00&priceMax=350000.00')).items).toEqual([
      expect.objectContaining({ kind: 'exclusive_licence', price: '300000.00' }),
    ]);
    const firstPage = await search('ipcPrefix=A98Z&page=1&pageSize=2');
    const secondPage = await search('ipcPrefix=A98Z&page=2&pageSize=2');
    expect([firstPage.items.length, secondPage.items.length, firstPage.total]).toEqual([2, 1, 3]);
    expect(firstPage.items[0]!.tradeDate).toBe('2025-09-01');
  });

  it('lets an enterprise list only its own assets, withdraw once, and a bureau close a listing by recording its trade', async () => {
    const listing = await t.app.inject({
      method: 'POST',
      url: '/api/ip-trade-listings',
      headers: ent1.headers,
      payload: { assetId: subjectId, kind: 'sale', askingPrice: '880000.00', expiresOn: '2026-12-31' },
    });
    expect(listing.statusCode).toBe(201);
    const listed = listing.json<Listing>();
    expect(listed).toMatchObject({ status: 'listed', ownerEnterpriseId: ent1Id, askingPrice: '880000.00' });

    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/ip-trade-listings',
      headers: ent2.headers,
      payload: { assetId: subjectId, kind: 'sale', expiresOn: '2026-12-31' },
    });
    expect(foreign.statusCode).toBe(404);

    const visible = await t.app.inject({
      method: 'GET',
      url: '/api/ip-trade-listings?ipcPrefix=A99Z',
      headers: clerk.headers,
    });
    expect(visible.json<Page<Listing>>().items.map((l) => l.id)).toEqual([listed.id]);

    const withdraw = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/ip-trade-listings/${listed.id}/status`,
        headers: ent1.headers,
        payload: { status: 'withdrawn' },
      });
    expect((await withdraw()).statusCode).toBe(200);
    const again = await withdraw();
    expect(again.statusCode).toBe(409);
    expect(again.json<{ code: string }>().code).toBe('TRADE_LISTING_NOT_LISTED');

    const onBehalf = await t.app.inject({
      method: 'POST',
      url: '/api/ip-trade-listings',
      headers: bureau.headers,
      payload: {
        assetId: subjectId,
        kind: 'exclusive_licence',
        expiresOn: '2026-06-30',
        ownerEnterpriseId: ent1Id,
      },
    });
    expect(onBehalf.statusCode).toBe(201);
    const second = onBehalf.json<Listing>();
    expect(second.listerOrganisationId).not.toBe(ent1Id);
    const closing = await trade({
      assetId: subjectId,
      listingId: second.id,
      kind: 'exclusive_licence',
      price: '500000.00',
      royaltyRatePct: '3.5',
      tradeDate: '2026-03-01',
      source: 'platform_listing',
    });
    expect(closing.statusCode).toBe(201);
    expect(closing.json<Trade>()).toMatchObject({
      assetNumber: patent(2020, '1', 9101),
      royaltyRatePct: '3.50',
    });
    const [row] = await t.handle.db
      .select({ status: tables.ipTradeListings.status })
      .from(tables.ipTradeListings)
      .where(eq(tables.ipTradeListings.id, second.id));
    expect(row!.status).toBe('closed');
  });

  it('selects comparables of the same kind and IPC class from the last three years, preferring the same subclass, with suggested factors', async () => {
    const record = async (serial: number, payload: Record<string, unknown>) => {
      const response = await trade({ assetNumber: patent(2017, '1', serial), ...payload });
      expect(response.statusCode).toBe(201);
      return response.json<Trade>().id;
    };
    const sameSubclass = await record(9021, {
      ipcClasses: ['A99Z 3/00'],
      price: '1000000.00',
      tradeDate: '2025-03-02',
    });
    const sameClass = await record(9022, {
      ipcClasses: ['A99Y 1/00'],
      kind: 'exclusive_licence',
      price: '800000.00',
      tradeDate: '2026-03-02',
    });
    await record(9023, { ipcClasses: ['A98Z 1/00'], price: '1.00', tradeDate: '2026-01-01' });
    await record(9024, { ipcClasses: ['A99Z 1/00'], price: '2.00', tradeDate: '2023-03-01' });
    await record(9025, {
      ipKind: 'utility_model_patent',
      assetNumber: patent(2017, '2', 9025),
      ipcClasses: ['A99Z 1/00'],
      price: '3.00',
      tradeDate: '2026-01-01',
    });
    await record(9026, { ipcClasses: ['A99Z 1/00'], royaltyRatePct: '4', tradeDate: '2026-01-01' });

    const response = await t.app.inject({
      method: 'GET',
      url: `/api/ip-assets/${subjectId}/trade-comparables`,
      headers: ent1.headers,
    });
    expect(response.statusCode).toBe(200);
    const items = response.json<{ items: Comparable[] }>().items;
    const ids = items.map((c) => c.comparableId);
    // The earlier tests' A99Z trades (2025-03-02 sale, 2026-03-01 licence of the subject itself) count too.
    expect(ids).toContain(sameSubclass);
    expect(ids).toContain(sameClass);
    expect(items.every((c) => c.match === 'ipc_subclass' || c.match === 'ipc_class')).toBe(true);
    expect(items.map((c) => c.price)).not.toContain('1.00');
    expect(items.map((c) => c.price)).not.toContain('2.00');
    expect(items.map((c) => c.price)).not.toContain('3.00');
    // Same subclass first, weight 2; a year-old sale: time factor 1 + 3 % × 365/365, terms 1.
    expect(items.findIndex((c) => c.comparableId === sameSubclass)).toBeLessThan(
      items.findIndex((c) => c.comparableId === sameClass),
    );
    expect(items.find((c) => c.comparableId === sameSubclass)).toMatchObject({
      weight: 2,
      kind: 'trade',
      factors: { time: '103.0000', size: '100.0000', technology: '100.0000', terms: '100.0000' },
    });
    expect(items.find((c) => c.comparableId === sameClass)).toMatchObject({
      weight: 1,
      kind: 'licence',
      match: 'ipc_class',
      factors: { time: '100.0000', terms: '125.0000' },
    });

    const foreign = await t.app.inject({
      method: 'GET',
      url: `/api/ip-assets/${subjectId}/trade-comparables`,
      headers: ent2.headers,
    });
    expect(foreign.statusCode).toBe(404);
  });
});
