import { Type, type Static } from '@sinclair/typebox';
import { Uuid } from './common.ts';

/** One finding of the health check: a stable code, its parameters and its text in the request's language. */
export const IpHealthFinding = Type.Object({
  code: Type.String(),
  params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
  message: Type.String(),
});

/** 知识产权体检 of an enterprise (issue 7 item 5). */
export const IpHealthCheck = Type.Object({
  enterprise: Type.Object({ id: Uuid, name: Type.String(), uscc: Type.String() }),
  asOfDate: Type.String(),
  assetCount: Type.Integer(),
  inForceCount: Type.Integer(),
  strengths: Type.Array(IpHealthFinding),
  risks: Type.Array(IpHealthFinding),
  recommendations: Type.Array(IpHealthFinding),
});
export type IpHealthCheck = Static<typeof IpHealthCheck>;
