import type {
  CaseDocument as CaseDocumentSchema,
  PdfVerification as PdfVerificationSchema,
  SignDocumentsBody,
  SignDocumentsResult as SignDocumentsResultSchema,
  SigningCertificate as SigningCertificateSchema,
} from '@ipf/contracts';
import type { Static } from '@sinclair/typebox';
import { ApiProblem } from '../api/api-problem.ts';
import { apiRequest } from '../api/api-request.ts';
import type { ProblemBody } from '../api/api-types.ts';
import i18n from '../i18n/i18n.ts';

/** Wire shapes of the contracts API, from the TypeBox contracts that validate them on the server. */
export type CaseDocument = Static<typeof CaseDocumentSchema>;
export type SigningCertificate = Static<typeof SigningCertificateSchema>;
export type SignDocumentsInput = Static<typeof SignDocumentsBody>;
export type SignDocumentsResult = Static<typeof SignDocumentsResultSchema>;
export type PdfVerification = Static<typeof PdfVerificationSchema>;

/** A body that is not JSON (a proxy's error page) counts as empty; the status still tells the story. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) return {};
    throw error;
  }
}

const caseUrl = (caseId: string, step: string) => `/cases/${encodeURIComponent(caseId)}/${step}`;

/** The download link of a document's PDF (the session cookie authorises it). */
export function caseDocumentPdfUrl(documentId: string): string {
  return `/api/case-documents/${encodeURIComponent(documentId)}/pdf`;
}

/** 合同与签名 API. */
export const caseDocumentApi = {
  find: (caseId: string) => apiRequest<CaseDocument[]>(caseUrl(caseId, 'documents')),
  prepare: (caseId: string, body: { version?: number; note?: string }) =>
    apiRequest<CaseDocument[]>(caseUrl(caseId, 'contracts'), { method: 'POST', body }),
  sign: (caseId: string, body: SignDocumentsInput) =>
    apiRequest<SignDocumentsResult>(caseUrl(caseId, 'signatures'), { method: 'POST', body }),
  certificates: () => apiRequest<SigningCertificate[]>('/signing-certificates'),
  registerCertificate: (publicKeyHex: string) =>
    apiRequest<SigningCertificate>('/signing-certificates', { method: 'POST', body: { publicKeyHex } }),

  /** 公开验签: posts the PDF's bytes as they are (no session needed). */
  async verify(pdf: ArrayBuffer): Promise<PdfVerification> {
    let response: Response;
    try {
      response = await fetch('/api/verify-document', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/pdf',
          Accept: 'application/json',
          'Accept-Language': i18n.language,
        },
        body: pdf,
      });
    } catch {
      throw new ApiProblem(0, { code: 'NETWORK_ERROR' }, i18n.t('errors.network'));
    }
    const body = parseJson(await response.text());
    if (!response.ok)
      throw new ApiProblem(
        response.status,
        (typeof body === 'object' && body !== null ? body : {}) satisfies ProblemBody,
        i18n.t('errors.httpStatus', { status: response.status }),
      );
    return body as PdfVerification;
  },
};
