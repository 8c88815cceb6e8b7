import type {
  ApplicationBureau as ApplicationBureauSchema,
  CaseAttachment as CaseAttachmentSchema,
  Consent as ConsentSchema,
  UploadCaseAttachmentBody,
} from '@ipf/contracts';
import type { Static } from '@sinclair/typebox';
import { apiRequest } from '../api/api-request.ts';

/** Wire shapes of the attachments API, from the TypeBox contracts that validate them on the server. */
export type CaseAttachment = Static<typeof CaseAttachmentSchema>;
export type UploadCaseAttachmentInput = Static<typeof UploadCaseAttachmentBody>;
export type ApplicationBureau = Static<typeof ApplicationBureauSchema>;
export type CaseConsent = Static<typeof ConsentSchema>;

const caseUrl = (caseId: string, step: string) => `/cases/${encodeURIComponent(caseId)}/${step}`;

/** The download link of an attachment (the session cookie authorises it). */
export function caseAttachmentContentUrl(attachmentId: string): string {
  return `/api/case-attachments/${encodeURIComponent(attachmentId)}/content`;
}

/** 申请材料 API, the consents of a case and the bureau an application consents to. */
export const caseAttachmentApi = {
  find: (caseId: string) => apiRequest<CaseAttachment[]>(caseUrl(caseId, 'attachments')),
  upload: (caseId: string, body: UploadCaseAttachmentInput) =>
    apiRequest<CaseAttachment>(caseUrl(caseId, 'attachments'), { method: 'POST', body }),
  delete: (attachmentId: string) =>
    apiRequest<undefined>(`/case-attachments/${encodeURIComponent(attachmentId)}`, { method: 'DELETE' }),
  consents: (caseId: string) => apiRequest<CaseConsent[]>(caseUrl(caseId, 'consents')),
  applicationBureau: () => apiRequest<ApplicationBureau>('/cases/application-bureau'),
};

/** The file's bytes as standard Base64 (what the upload body carries). */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
