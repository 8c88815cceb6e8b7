import type {
  ClearComplianceFlagBody,
  ComplianceFlag,
  ComplianceFlagImportResult,
  RecordComplianceFlagBody,
} from '@ipf/contracts';
import i18n from '../i18n/i18n.ts';
import { ApiProblem } from '../api/api-problem.ts';
import { apiRequest, buildApiUrl } from '../api/api-request.ts';
import type { Page, ProblemBody } from '../api/api-types.ts';
import { csrfToken } from '../api/csrf-token.ts';

export type ComplianceFlagView = ComplianceFlag;

export interface ComplianceFlagQuery {
  search?: string;
  kind?: string;
  active?: boolean;
  page: number;
  pageSize: number;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Posts the file itself as the body (text/csv or xlsx), as the IP asset import does. */
async function importFile(file: File): Promise<ComplianceFlagImportResult> {
  const format = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.language,
    'Content-Type': format === 'csv' ? 'text/csv' : XLSX,
  };
  const token = csrfToken.get();
  if (token !== null) headers['x-csrf-token'] = token;
  const response = await fetch(buildApiUrl('/compliance-flags/import', { format }), {
    method: 'POST',
    headers,
    body: file,
    credentials: 'same-origin',
  });
  const body = (await response.json().catch(() => ({}))) as unknown;
  if (!response.ok)
    throw new ApiProblem(
      response.status,
      body as ProblemBody,
      i18n.t('errors.httpStatus', { status: response.status }),
    );
  return body as ComplianceFlagImportResult;
}

/** 合规标记 endpoints (issue 10 item 4). */
export const complianceApi = {
  find: (query: ComplianceFlagQuery, signal?: AbortSignal) =>
    apiRequest<Page<ComplianceFlagView>>('/compliance-flags', {
      query: { ...query },
      ...(signal ? { signal } : {}),
    }),
  record: (body: RecordComplianceFlagBody) =>
    apiRequest<ComplianceFlagView>('/compliance-flags', { method: 'POST', body }),
  clear: (id: string, body: ClearComplianceFlagBody) =>
    apiRequest<ComplianceFlagView>(`/compliance-flags/${encodeURIComponent(id)}/clear`, {
      method: 'POST',
      body,
    }),
  importFile,
};
