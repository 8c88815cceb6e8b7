import { Type, type Static } from '@sinclair/typebox';
import { Uuid } from './common.ts';

/** 申请材料: an attachment's metadata (download the bytes by id). */
export const CaseAttachment = Type.Object({
  id: Uuid,
  caseId: Uuid,
  kind: Type.String({ description: 'a code of caseAttachmentKinds (business_licence, due_diligence, …)' }),
  fileName: Type.String(),
  mimeType: Type.String(),
  sizeBytes: Type.Integer(),
  sm3DigestHex: Type.String({ description: 'SM3 digest of the stored bytes' }),
  uploadedByUserId: Uuid,
  uploadedByName: Type.String(),
  uploadedByOrganisationId: Uuid,
  uploadedByOrganisationNameZh: Type.String(),
  uploadedByOrganisationNameEn: Type.String(),
  uploadedAt: Type.String(),
});
export type CaseAttachment = Static<typeof CaseAttachment>;

/**
 * Upload body: the file as standard Base64 in JSON (the server parses JSON bodies only). A 10 MB file is about
 * 13.4 million Base64 characters; the use case checks the decoded size, type and magic bytes.
 */
export const UploadCaseAttachmentBody = Type.Object(
  {
    kind: Type.String({ minLength: 1, maxLength: 50 }),
    fileName: Type.String({ minLength: 1, maxLength: 200 }),
    mimeType: Type.String({ minLength: 1, maxLength: 100 }),
    contentBase64: Type.String({ minLength: 1, maxLength: 15_000_000 }),
  },
  {
    additionalProperties: false,
    examples: [
      {
        kind: 'business_licence',
        fileName: '营业执照.pdf',
        mimeType: 'application/pdf',
        contentBase64: 'JVBERi0…',
      },
    ],
  },
);
export type UploadCaseAttachmentBody = Static<typeof UploadCaseAttachmentBody>;

/** The IP bureau an application consents to (its district's, or the city's). */
export const ApplicationBureau = Type.Object({
  id: Uuid,
  nameZh: Type.String(),
  nameEn: Type.String(),
  kind: Type.String({ description: 'district_bureau | ip_bureau' }),
});
export type ApplicationBureau = Static<typeof ApplicationBureau>;
