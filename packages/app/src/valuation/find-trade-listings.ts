import { aliasedTable, and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { tables, type Executor } from '@ipf/db';
import { formatYuan } from '@ipf/domain/money';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { pageOffset, type Page, type PageInput } from '../support/page.ts';
import type { TradeListingView } from './trade-view.ts';

export interface FindTradeListingsInput extends PageInput {
  readonly status?: string;
  readonly ipKind?: string;
  readonly kind?: string;
  /** IPC prefix of the main class, spaces ignored (`G06F`, `H04L12`). */
  readonly ipcPrefix?: string;
  readonly ownerEnterpriseId?: string;
  /** Only the listings of the actor's own organisation (owner or lister). */
  readonly mine?: boolean;
}

const { ipTradeListings, ipAssets, organisations } = tables;
const owner = aliasedTable(organisations, 'listing_owner');
const lister = aliasedTable(organisations, 'listing_lister');

function listingQuery(db: Executor) {
  return db
    .select({
      listing: ipTradeListings,
      assetKind: ipAssets.kind,
      assetNumber: ipAssets.number,
      assetTitle: ipAssets.title,
      ipcClasses: ipAssets.ipcClasses,
      ownerName: owner.nameZh,
      listerName: lister.nameZh,
    })
    .from(ipTradeListings)
    .innerJoin(ipAssets, eq(ipAssets.id, ipTradeListings.assetId))
    .innerJoin(owner, eq(owner.id, ipTradeListings.ownerEnterpriseId))
    .innerJoin(lister, eq(lister.id, ipTradeListings.listerOrganisationId));
}

type ListingRow = Awaited<ReturnType<ReturnType<typeof listingQuery>['where']>>[number];

function toTradeListingView(row: ListingRow): TradeListingView {
  const l = row.listing;
  return {
    id: l.id,
    assetId: l.assetId,
    assetKind: row.assetKind,
    assetNumber: row.assetNumber,
    assetTitle: row.assetTitle,
    ipcClasses: row.ipcClasses,
    kind: l.kind,
    askingPrice: l.askingPriceFen === null ? null : formatYuan(l.askingPriceFen),
    listedOn: l.listedOn,
    expiresOn: l.expiresOn,
    status: l.status,
    ownerEnterpriseId: l.ownerEnterpriseId,
    ownerName: row.ownerName,
    listerOrganisationId: l.listerOrganisationId,
    listerName: row.listerName,
    note: l.note,
  };
}

/** One listing as the API shows it (inside or outside a transaction); undefined when there is none. */
export async function loadTradeListingView(db: Executor, id: string): Promise<TradeListingView | undefined> {
  const [row] = await listingQuery(db).where(eq(ipTradeListings.id, id));
  return row === undefined ? undefined : toTradeListingView(row);
}

/** Main IPC class of an asset without spaces, matched against a prefix. */
export function ipcPrefixCondition(
  ipcClasses: typeof ipAssets.ipcClasses | typeof tables.ipTrades.ipcClasses,
  prefix: string,
): SQL {
  const normalised = prefix
    .replace(/\s+/g, '')
    .toUpperCase()
    .replace(/[\\%_]/g, '');
  return sql`replace(coalesce(${ipcClasses}->>0, ''), ' ', '') like ${`${normalised}%`}`;
}

/**
 * 挂牌信息检索: listings are public offers every user may browse (the market of R4, and later the buyers'
 * side of disposition); filtered by status (default 挂牌中), IP kind, trade kind, IPC prefix and owner; newest first.
 */
export async function findTradeListings(
  input: FindTradeListingsInput,
  actor: Actor,
  deps: AppDeps,
): Promise<Page<TradeListingView>> {
  authorize(actor, 'ip_trade_listing.list');
  const conditions: SQL[] = [eq(ipTradeListings.status, input.status ?? 'listed')];
  if (input.ipKind !== undefined) conditions.push(eq(ipAssets.kind, input.ipKind));
  if (input.kind !== undefined) conditions.push(eq(ipTradeListings.kind, input.kind));
  if (input.ipcPrefix !== undefined && input.ipcPrefix.trim() !== '')
    conditions.push(ipcPrefixCondition(ipAssets.ipcClasses, input.ipcPrefix));
  if (input.ownerEnterpriseId !== undefined)
    conditions.push(eq(ipTradeListings.ownerEnterpriseId, input.ownerEnterpriseId));
  if (input.mine === true)
    conditions.push(
      sql`(${ipTradeListings.ownerEnterpriseId} = ${actor.organisationId} or ${ipTradeListings.listerOrganisationId} = ${actor.organisationId})`,
    );
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    listingQuery(deps.db)
      .where(where)
      .orderBy(desc(ipTradeListings.listedOn), asc(ipTradeListings.id))
      .limit(input.pageSize)
      .offset(pageOffset(input)),
    deps.db
      .select({ n: count() })
      .from(ipTradeListings)
      .innerJoin(ipAssets, eq(ipAssets.id, ipTradeListings.assetId))
      .where(where),
  ]);
  return {
    items: rows.map(toTradeListingView),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}
