import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, IsoDateTime, PageOf, PageQuery, Uuid, YuanString } from './common.ts';

/** Scope of a batch AVM run: one enterprise's portfolio, a list of assets, or (neither) the whole registry. */
const AvmBatchScopeFields = {
  enterpriseId: Type.Optional(Uuid),
  assetIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 10_000 })),
};

export const AvmBatchQuery = Type.Object(
  { enterpriseId: Type.Optional(Uuid), ...PageQuery },
  { additionalProperties: false },
);
export type AvmBatchQuery = Static<typeof AvmBatchQuery>;

export const AvmBatchBody = Type.Object(
  { ...AvmBatchScopeFields, ...PageQuery },
  { additionalProperties: false },
);
export type AvmBatchBody = Static<typeof AvmBatchBody>;

export const AvmBatchExportQuery = Type.Object(
  { enterpriseId: Type.Optional(Uuid), lang: Type.Optional(Type.String()) },
  { additionalProperties: false },
);
export type AvmBatchExportQuery = Static<typeof AvmBatchExportQuery>;

const AvmBatchGroup = Type.Object({ key: Type.String(), count: Type.Integer(), valueYuan: YuanString });

export const AvmBatchItem = Type.Object({
  assetId: Uuid,
  number: Type.String(),
  title: Type.String(),
  kind: Type.String(),
  ownerNames: Type.Array(Type.String()),
  score: Type.String({ description: '0–100, two decimals' }),
  band: Type.Union([Type.Literal('high'), Type.Literal('medium'), Type.Literal('low')]),
  valueYuan: YuanString,
  revenueKnown: Type.Boolean(),
  unknownFacts: Type.Array(Type.String()),
});
export type AvmBatchItem = Static<typeof AvmBatchItem>;

/** 批量估值结果 (batch AVM run, issue 7 item 4): summary, distributions, checksum and one page of results. */
export const AvmBatchView = Type.Object({
  scope: Type.Union([Type.Literal('enterprise'), Type.Literal('assets'), Type.Literal('registry')]),
  count: Type.Integer(),
  asOfDate: IsoDate,
  parametersVersion: Type.String(),
  weightTableVersion: Type.String(),
  totalValueYuan: YuanString,
  meanScore: Type.String(),
  revenueKnownCount: Type.Integer(),
  byBand: Type.Array(AvmBatchGroup),
  byKind: Type.Array(AvmBatchGroup),
  checksum: Type.String({ description: 'FNV-1a 32 over (score, value) in asset id order' }),
  loadMs: Type.Integer(),
  scoreMs: Type.Integer(),
  elapsedMs: Type.Integer(),
  items: Type.Array(AvmBatchItem),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  /** The stored run (see /api/valuations/avm-runs); null for a later page, which only recomputes the run. */
  runId: Type.Union([Uuid, Type.Null()]),
});
export type AvmBatchView = Static<typeof AvmBatchView>;

const NamedRef = Type.Object({ id: Uuid, name: Type.String() });

/** 批量估值运行记录: who ran a batch AVM, when, over what, how many, how long, and its summary. */
export const AvmRun = Type.Object({
  id: Uuid,
  source: Type.Union([Type.Literal('api'), Type.Literal('export'), Type.Literal('cli')]),
  runBy: Type.Union([NamedRef, Type.Null()]),
  organisation: Type.Union([NamedRef, Type.Null()]),
  role: Type.Union([Type.String(), Type.Null()]),
  scope: Type.Union([Type.Literal('enterprise'), Type.Literal('assets'), Type.Literal('registry')]),
  enterprise: Type.Union([NamedRef, Type.Null()]),
  requestedAssetCount: Type.Union([Type.Integer(), Type.Null()]),
  count: Type.Integer(),
  asOfDate: IsoDate,
  parametersVersion: Type.String(),
  weightTableVersion: Type.String(),
  totalValueYuan: YuanString,
  meanScore: Type.String(),
  revenueKnownCount: Type.Integer(),
  checksum: Type.String(),
  loadMs: Type.Integer(),
  scoreMs: Type.Integer(),
  elapsedMs: Type.Integer(),
  byBand: Type.Array(AvmBatchGroup),
  byKind: Type.Array(AvmBatchGroup),
  startedAt: IsoDateTime,
});
export type AvmRun = Static<typeof AvmRun>;
export const AvmRunPage = PageOf(AvmRun);
export const AvmRunQuery = Type.Object(
  {
    scope: Type.Optional(
      Type.Union([Type.Literal('enterprise'), Type.Literal('assets'), Type.Literal('registry')]),
    ),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type AvmRunQuery = Static<typeof AvmRunQuery>;
