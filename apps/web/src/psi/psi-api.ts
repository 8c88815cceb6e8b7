import type { PsiSessionAnswer, PsiSessionOpened } from '@ipf/contracts';
import { apiRequest } from '../api/api-request.ts';
import type { BrowserPsiApi } from './run-browser-psi.ts';

/** 隐私求交 endpoints (issue 10 item 7) with the session cookie: only masked points are ever posted. */
export const psiApi: BrowserPsiApi = {
  open: (setKind) => apiRequest<PsiSessionOpened>('/psi/sessions', { method: 'POST', body: { setKind } }),
  answer: (sessionId, maskedItems) =>
    apiRequest<PsiSessionAnswer>(`/psi/sessions/${encodeURIComponent(sessionId)}/answers`, {
      method: 'POST',
      body: { maskedItems },
    }),
};
