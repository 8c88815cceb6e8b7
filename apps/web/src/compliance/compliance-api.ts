import type {
  ClearComplianceFlagBody,
  ComplianceFlag,
  ComplianceFlagImportResult,
  RecordComplianceFlagBody,
} from '@ipf/contracts';
import { apiRequest } from '../api/api-request.ts';
import type { Page } from '../api/api-types.ts';
import { postImportFile } from '../api/post-import-file.ts';

export type ComplianceFlagView = ComplianceFlag;

export interface ComplianceFlagQuery {
  search?: string;
  kind?: string;
  active?: boolean;
  page: number;
  pageSize: number;
}

/** Posts the file itself as the body (text/csv or xlsx), as the IP asset import does. */
const importFile = (file: File) =>
  postImportFile<ComplianceFlagImportResult>('/compliance-flags/import', file);

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
