import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, Uuid } from './common.ts';

/** A Curve25519 point (X25519 u-coordinate), 32 bytes as unpadded base64url. */
export const PsiPoint = Type.String({ pattern: '^[A-Za-z0-9_-]{43}$', description: '32 bytes, base64url' });

export const PsiSetKind = Type.Union([Type.Literal('opted_in'), Type.Literal('my_whitelist')], {
  description: 'opted_in: enterprises in the whitelist programme; my_whitelist: your bank’s whitelist',
});

export const OpenPsiSessionBody = Type.Object({ setKind: PsiSetKind }, { additionalProperties: false });
export type OpenPsiSessionBody = Static<typeof OpenPsiSessionBody>;

/** 隐私求交会话: the server's set masked with the session key, shuffled, and its size. */
export const PsiSessionOpened = Type.Object({
  sessionId: Uuid,
  setKind: PsiSetKind,
  serverSetSize: Type.Integer(),
  maxClientSetSize: Type.Integer(),
  expiresAt: IsoDateTime,
  curve: Type.Literal('X25519'),
  hashToCurveSuite: Type.String(),
  hashToCurveDst: Type.String(),
  maskedServerSet: Type.Array(PsiPoint),
});
export type PsiSessionOpened = Static<typeof PsiSessionOpened>;

/** The bank's items masked with its own key; the size limit is checked by the use case (PSI_SET_TOO_LARGE). */
export const AnswerPsiSessionBody = Type.Object(
  { maskedItems: Type.Array(PsiPoint) },
  { additionalProperties: false },
);
export type AnswerPsiSessionBody = Static<typeof AnswerPsiSessionBody>;

export const PsiSessionAnswer = Type.Object({
  sessionId: Uuid,
  serverSetSize: Type.Integer(),
  clientSetSize: Type.Integer(),
  doublyMaskedItems: Type.Array(PsiPoint),
});
export type PsiSessionAnswer = Static<typeof PsiSessionAnswer>;
