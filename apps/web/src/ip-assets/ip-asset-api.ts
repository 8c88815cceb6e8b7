import i18n from '../i18n/i18n.ts';
import { apiRequest, buildApiUrl, type QueryValue } from '../api/api-request.ts';
import type { Page, ProblemItem } from '../api/api-types.ts';
import { postImportFile } from '../api/post-import-file.ts';

export interface IpAssetHealth {
  expiringSoon: boolean;
  feesDue: boolean;
  feesOverdue: boolean;
  disputed: boolean;
}
export interface IpAssetSummary {
  id: string;
  kind: string;
  number: string;
  title: string;
  legalStatus: string;
  flags: string[];
  owners: { enterpriseId: string | null; name: string; shareBps: number }[];
  filingDate: string | null;
  grantDate: string | null;
  expiryDate: string | null;
  annualFeePaidThrough: string | null;
  ipcClasses: string[];
  niceClasses: number[];
  health: IpAssetHealth;
}
export interface IpAssetDetail extends IpAssetSummary {
  pctNationalPhase: boolean;
  termBasis: string;
  baseExpiryDate: string | null;
  termCompensationDays: number;
  statusHistory: {
    id: string;
    occurredOn: string;
    legalStatus: string;
    flags: string[];
    reason: string;
    note: string | null;
  }[];
  licences: { id: string; licenseeName: string; kind: string; startDate: string; endDate: string }[];
}
export interface IpPortfolioHealth {
  total: number;
  inForce: number;
  expiringWithin24Months: number;
  feesDue: number;
  disputed: number;
  asOfDate: string;
}
export interface PledgeEligibility {
  eligible: boolean;
  reasons: {
    code: string;
    field: string;
    message: string;
    ground: { regulation: string; item: number | null };
  }[];
  decisionDate: string;
  expiryDate: string | null;
  pledgor: { id: string; name: string };
  pledgee: { id: string; name: string; kind: string };
}
export interface ImportReport {
  batchId: string | null;
  committed: boolean;
  totalRows: number;
  validRows: number;
  invalidRows: number;
  insertedRows: number;
  alreadyRegisteredRows: number;
  problems: ProblemItem[];
  problemsTruncated: boolean;
}
export type IpAssetQuery = Record<string, QueryValue>;

const uploadFile = (file: File, commit: boolean) =>
  postImportFile<ImportReport>('/ip-assets/imports', file, { commit });

/** 知识产权 API: the server applies visibility (own assets, customers' assets …). */
export const ipAssetApi = {
  find: (query: IpAssetQuery, signal?: AbortSignal) =>
    apiRequest<Page<IpAssetSummary>>('/ip-assets', { query, ...(signal ? { signal } : {}) }),
  health: (query: IpAssetQuery) => apiRequest<IpPortfolioHealth>('/ip-assets/health-summary', { query }),
  get: (id: string) => apiRequest<IpAssetDetail>(`/ip-assets/${encodeURIComponent(id)}`),
  checkEligibility: (id: string, body: { debtMaturityDate: string; pledgeeOrganisationId?: string }) =>
    apiRequest<PledgeEligibility>(`/ip-assets/${encodeURIComponent(id)}/eligibility`, {
      method: 'POST',
      body,
    }),
  upload: uploadFile,
  commit: (batchId: string) =>
    apiRequest<ImportReport>(`/ip-assets/imports/${encodeURIComponent(batchId)}/commit`, {
      method: 'POST',
      body: {},
    }),
  templateUrl: (format: 'csv' | 'xlsx') =>
    buildApiUrl('/ip-assets/import-template', { format, lang: i18n.language === 'en' ? 'en' : undefined }),
  exportUrl: (query: IpAssetQuery) =>
    buildApiUrl('/ip-assets/export', { ...query, lang: i18n.language === 'en' ? 'en' : undefined }),
};
