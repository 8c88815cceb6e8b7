import type { ConsentDto, GrantConsentBody } from '@ipf/contracts';
import { apiRequest } from '../api/api-request.ts';

/** Wire shape of a consent, from the TypeBox contract that serialises it on the server. */
export type Consent = ConsentDto;

/** 我的授权 API: the enterprise's own consents only (the server scopes them to the session's organisation). */
export const consentApi = {
  /** Every consent of the enterprise, newest first, each with its state as of today. */
  find: (signal?: AbortSignal) => apiRequest<Consent[]>('/consents', signal ? { signal } : {}),
  /** 新增授权: the enterprise authorises a recipient (a bank unit) to use one scope of its data until a date. */
  grant: (body: GrantConsentBody) => apiRequest<Consent>('/consents', { method: 'POST', body }),
  /** 撤销授权: stops further sharing with that recipient; answers with the consent as it now stands. */
  revoke: (id: string) =>
    apiRequest<Consent>(`/consents/${encodeURIComponent(id)}/revoke`, { method: 'POST' }),
};
