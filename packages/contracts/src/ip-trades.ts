import { Type, type Static } from '@sinclair/typebox';
import { ipAssetKindCodes } from '@ipf/domain/ip-asset';
import { IsoDate, PageQuery, Uuid, YuanString } from './common.ts';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const NullableString = Type.Union([Type.String(), Type.Null()]);

/** 交易方式: 转让, 独占许可, 普通许可. */
export const TradeKind = literals(['sale', 'exclusive_licence', 'non_exclusive_licence'] as const);
export const TradeListingStatus = literals(['listed', 'withdrawn', 'closed'] as const);
export const TradeSource = literals([
  'trading_centre',
  'registration_notice',
  'platform_listing',
  'other',
] as const);
const IpKind = literals(ipAssetKindCodes);
/** Percent with up to two decimals, 0–100 ("5.5"). */
const PctString = Type.String({ pattern: '^\\d{1,3}(\\.\\d{1,2})?$', examples: ['5.00'] });
const IpcPrefix = Type.String({ maxLength: 20, description: 'IPC prefix of the main class, e.g. G06F' });

export const TradeListing = Type.Object({
  id: Uuid,
  assetId: Uuid,
  assetKind: Type.String(),
  assetNumber: Type.String(),
  assetTitle: Type.String(),
  ipcClasses: Type.Array(Type.String()),
  kind: Type.String(),
  askingPrice: Type.Union([YuanString, Type.Null()], { description: 'null = 面议' }),
  listedOn: Type.String(),
  expiresOn: Type.String(),
  status: Type.String(),
  ownerEnterpriseId: Uuid,
  ownerName: Type.String(),
  listerOrganisationId: Uuid,
  listerName: Type.String(),
  note: NullableString,
});
export type TradeListing = Static<typeof TradeListing>;

export const TradeListingQuery = Type.Object(
  {
    status: Type.Optional(TradeListingStatus),
    ipKind: Type.Optional(IpKind),
    kind: Type.Optional(TradeKind),
    ipcPrefix: Type.Optional(IpcPrefix),
    ownerEnterpriseId: Type.Optional(Uuid),
    mine: Type.Optional(Type.Boolean()),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const CreateTradeListingBody = Type.Object(
  {
    assetId: Uuid,
    kind: TradeKind,
    askingPrice: Type.Optional(Type.Union([YuanString, Type.Null()])),
    listedOn: Type.Optional(IsoDate),
    expiresOn: IsoDate,
    ownerEnterpriseId: Type.Optional(Uuid),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateTradeListingBody = Static<typeof CreateTradeListingBody>;

export const ChangeTradeListingStatusBody = Type.Object(
  { status: Type.Union([Type.Literal('withdrawn'), Type.Literal('closed')]) },
  { additionalProperties: false },
);

export const TradeRecord = Type.Object({
  id: Uuid,
  assetId: Type.Union([Uuid, Type.Null()]),
  listingId: Type.Union([Uuid, Type.Null()]),
  ipKind: Type.String(),
  assetNumber: Type.String(),
  assetTitle: Type.String(),
  ipcClasses: Type.Array(Type.String()),
  niceClasses: Type.Array(Type.Integer()),
  kind: Type.String(),
  price: Type.Union([YuanString, Type.Null()]),
  royaltyRatePct: NullableString,
  tradeDate: Type.String(),
  sellerName: Type.Union([Type.String(), Type.Null()], { description: 'null unless the reader is a bureau' }),
  buyerName: Type.Union([Type.String(), Type.Null()], { description: 'null unless the reader is a bureau' }),
  source: Type.String(),
});
export type TradeRecord = Static<typeof TradeRecord>;

export const TradeRecordQuery = Type.Object(
  {
    ipKind: Type.Optional(IpKind),
    ipcPrefix: Type.Optional(IpcPrefix),
    niceClass: Type.Optional(Type.Integer({ minimum: 1, maximum: 45 })),
    kind: Type.Optional(TradeKind),
    source: Type.Optional(TradeSource),
    dateFrom: Type.Optional(IsoDate),
    dateTo: Type.Optional(IsoDate),
    priceMin: Type.Optional(YuanString),
    priceMax: Type.Optional(YuanString),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const CreateTradeRecordBody = Type.Object(
  {
    assetId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    listingId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    ipKind: Type.Optional(IpKind),
    assetNumber: Type.Optional(Type.String({ maxLength: 50 })),
    assetTitle: Type.Optional(Type.String({ maxLength: 200 })),
    ipcClasses: Type.Optional(Type.Array(Type.String({ maxLength: 30 }), { maxItems: 20 })),
    niceClasses: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 45 }), { maxItems: 45 })),
    kind: TradeKind,
    price: Type.Optional(Type.Union([YuanString, Type.Null()])),
    royaltyRatePct: Type.Optional(Type.Union([PctString, Type.Null()])),
    tradeDate: IsoDate,
    sellerName: Type.String({ minLength: 1, maxLength: 200 }),
    buyerName: Type.String({ minLength: 1, maxLength: 200 }),
    source: TradeSource,
  },
  { additionalProperties: false },
);
export type CreateTradeRecordBody = Static<typeof CreateTradeRecordBody>;

/** 可比交易 with suggested factors as percent strings (subject ÷ comparable; "100.0000" = no adjustment). */
export const TradeComparable = Type.Object({
  comparableId: Uuid,
  kind: Type.Union([Type.Literal('trade'), Type.Literal('licence')]),
  price: YuanString,
  factors: Type.Object({
    time: Type.String(),
    size: Type.String(),
    technology: Type.String(),
    terms: Type.String(),
  }),
  weight: Type.Integer(),
  tradeKind: Type.String(),
  tradeDate: Type.String(),
  ipKind: Type.String(),
  assetNumber: Type.String(),
  assetTitle: Type.String(),
  mainIpcSubclass: NullableString,
  royaltyRatePct: NullableString,
  match: Type.String(),
  ageDays: Type.Integer(),
});
export const TradeComparableQuery = Type.Object(
  { asOfDate: Type.Optional(IsoDate) },
  { additionalProperties: false },
);
export const TradeComparableList = Type.Object({ items: Type.Array(TradeComparable) });
export type TradeComparable = Static<typeof TradeComparable>;
