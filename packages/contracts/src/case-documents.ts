import { Type, type Static } from '@sinclair/typebox';
import { Uuid } from './common.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const Hex = (length: number, description: string) =>
  Type.String({ pattern: `^[0-9a-fA-F]{${length}}$`, description });

/** 签署方 of a document and whether it has signed. */
export const CaseDocumentSigner = Type.Object({
  organisationId: Uuid,
  organisationName: Type.String(),
  signed: Type.Boolean(),
  signedAt: Nullable(Type.String()),
  certificateSerialNumber: Nullable(Type.String()),
  method: Nullable(Type.String({ description: 'browser | signing_service' })),
});

/** 案件文书: a generated contract (PDF not included: download it by id) and its signers in order. */
export const CaseDocument = Type.Object({
  id: Uuid,
  caseId: Uuid,
  kind: Type.String({ description: 'loan_contract | pledge_contract' }),
  version: Type.Integer(),
  contractNumber: Type.String(),
  sm3DigestHex: Type.String({ description: 'SM3 digest of the exact PDF bytes (the signed message)' }),
  superseded: Type.Boolean(),
  createdAt: Type.String(),
  signers: Type.Array(CaseDocumentSigner),
  fullySigned: Type.Boolean(),
});
export type CaseDocument = Static<typeof CaseDocument>;

export const PrepareContractsBody = Type.Object(
  {
    version: Type.Optional(
      Type.Integer({ minimum: 1, description: 'the case version read; a newer one is CONFLICT' }),
    ),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

/** One browser signature: SM2 (ID_A 1234567812345678) over the document's SM3 digest, with the own key. */
export const DocumentSignatureBody = Type.Object(
  {
    documentId: Uuid,
    digestHex: Hex(64, 'the SM3 digest that was signed (the current version’s sm3DigestHex)'),
    signatureHex: Hex(128, 'SM2 signature r ‖ s'),
    certificateId: Uuid,
  },
  { additionalProperties: false },
);

export const SignDocumentsBody = Type.Object(
  {
    signatures: Type.Optional(
      Type.Array(DocumentSignatureBody, {
        minItems: 1,
        maxItems: 10,
        description: 'browser signatures; absent: sign through the organisation’s signing service',
      }),
    ),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type SignDocumentsBody = Static<typeof SignDocumentsBody>;

export const SignDocumentsResult = Type.Object({
  caseId: Uuid,
  state: Type.String(),
  version: Type.Integer(),
  documents: Type.Array(CaseDocument),
});

/** 签名证书 (public data). */
export const SigningCertificate = Type.Object({
  id: Uuid,
  organisationId: Uuid,
  subjectName: Type.String(),
  issuerName: Type.String(),
  serialNumber: Type.String(),
  publicKeyHex: Type.String(),
  notBefore: Type.String(),
  notAfter: Type.String(),
  keyCustody: Type.String({ description: 'browser | signing_service' }),
  revokedAt: Nullable(Type.String()),
  registeredAt: Type.String(),
});
export type SigningCertificate = Static<typeof SigningCertificate>;

export const RegisterCertificateBody = Type.Object(
  {
    publicKeyHex: Type.String({
      pattern: '^04[0-9a-fA-F]{128}$',
      description: 'uncompressed SM2 public key generated in the browser',
    }),
  },
  { additionalProperties: false },
);

export const SignatureProblemItem = Type.Object({ code: Type.String(), message: Type.String() });

/** 验签结果 (public verification of an uploaded PDF). */
export const PdfVerification = Type.Object({
  digestHex: Type.String(),
  platformDocument: Type.Boolean({ description: 'false: no platform document has this SM3 digest' }),
  message: Type.String(),
  documents: Type.Array(
    Type.Object({
      documentId: Uuid,
      kind: Type.String(),
      contractNumber: Type.String(),
      caseNumber: Type.String(),
      version: Type.Integer(),
      superseded: Type.Boolean(),
      valid: Type.Boolean(),
      complete: Type.Boolean(),
      signers: Type.Array(
        Type.Object({
          organisationName: Type.String(),
          certificateSerialNumber: Type.String(),
          signedAt: Type.String(),
          valid: Type.Boolean(),
          problems: Type.Array(SignatureProblemItem),
        }),
      ),
      pendingSigners: Type.Array(Type.String()),
    }),
  ),
});
export type PdfVerification = Static<typeof PdfVerification>;
