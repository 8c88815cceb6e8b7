import { Type, type Static } from '@sinclair/typebox';
import { Uuid } from './common.ts';

export const SessionStatus = Type.Union([
  Type.Literal('second_factor_required'),
  Type.Literal('enrolment_required'),
  Type.Literal('authenticated'),
]);

export const LoginBody = Type.Object(
  {
    login: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 128 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const CodeBody = Type.Object(
  { code: Type.String({ pattern: '^\\d{6}$', description: '6-digit one-time code' }) },
  { additionalProperties: false },
);
export type CodeBody = Static<typeof CodeBody>;

export const AuthResult = Type.Object({ status: SessionStatus, csrfToken: Type.String() });
export type AuthResult = Static<typeof AuthResult>;

export const Enrolment = Type.Object({ otpauthUrl: Type.String(), qrSvg: Type.String() });

export const SessionInfo = Type.Object({
  status: SessionStatus,
  csrfToken: Type.String(),
  user: Type.Object({ id: Uuid, login: Type.String(), displayName: Type.String() }),
  organisation: Type.Object({ id: Uuid, kind: Type.String(), nameZh: Type.String(), nameEn: Type.String() }),
  role: Type.String(),
  permissions: Type.Array(Type.String()),
});
export type SessionInfo = Static<typeof SessionInfo>;

export const ApiToken = Type.Object({
  id: Uuid,
  name: Type.String(),
  scopes: Type.Array(Type.String()),
  createdAt: Type.String(),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
});
export const CreatedApiToken = Type.Intersect([
  ApiToken,
  Type.Object({ token: Type.String({ description: 'Shown once; send as `Authorization: Bearer …`' }) }),
]);
export const CreateApiTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    scopes: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
      minItems: 1,
      maxItems: 50,
      examples: [['enterprise.read', 'enterprise.list']],
    }),
    expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);
export type CreateApiTokenBody = Static<typeof CreateApiTokenBody>;
export type EnrolmentDto = Static<typeof Enrolment>;
export type SessionStatusDto = Static<typeof SessionStatus>;
