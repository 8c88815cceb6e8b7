import type {
  ReverseEvaluation,
  ReverseEvaluationReport,
  WhitelistConversion,
  WhitelistEntryPage,
  WhitelistLead,
  WhitelistLeadPage,
  WhitelistPushList,
  WhitelistPushSummary,
  WhitelistBuildSummary,
  WhitelistRuleSet,
  WhitelistRulesBody,
} from '@ipf/contracts';
import { apiRequest, buildApiUrl } from '../api/api-request.ts';

export type RuleSet = WhitelistRuleSet;
export type Lead = WhitelistLead;
export type LeadPage = WhitelistLeadPage;
export type EntryPage = WhitelistEntryPage;
export type PushList = WhitelistPushList;
export type Conversion = WhitelistConversion;
export type ReverseEvaluationView = ReverseEvaluation;
export type ReverseReport = ReverseEvaluationReport;

/** A released round with its banks, as the rounds module lists it (only the fields the push page reads). */
export interface ReleasedRound {
  id: string;
  roundNumber: string;
  title: string;
  state: string;
  banks: { bankOrganisationId: string; bankNameZh: string; bankNameEn: string }[];
}

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

/** 白名单规则、推送、跟踪、转化统计与反向评估 endpoints (issue 10 items 4–6). */
export const whitelistPushApi = {
  ruleSets: (signal?: AbortSignal) => apiRequest<RuleSet[]>('/whitelist-rules', withSignal(signal)),
  publishRules: (body: WhitelistRulesBody) =>
    apiRequest<RuleSet>('/whitelist-rules', { method: 'POST', body }),
  releasedRounds: (signal?: AbortSignal) =>
    apiRequest<{ items: ReleasedRound[] }>('/whitelist-rounds', {
      query: { state: 'released', pageSize: 50 },
      ...withSignal(signal),
    }),
  build: (roundId: string, bankId: string) =>
    apiRequest<WhitelistBuildSummary>('/whitelist-builds', {
      method: 'POST',
      body: { roundId, bankId },
    }),
  entries: (
    query: { roundId: string; bankId: string; included?: boolean; page: number; pageSize: number },
    signal?: AbortSignal,
  ) => apiRequest<EntryPage>('/whitelist-entries', { query, ...withSignal(signal) }),
  pushes: (signal?: AbortSignal) => apiRequest<PushList>('/whitelist-pushes', withSignal(signal)),
  push: (roundId: string, bankId: string) =>
    apiRequest<WhitelistPushSummary>('/whitelist-pushes', {
      method: 'POST',
      body: { roundId, bankId },
    }),
  leads: (
    query: { status?: string; followUpOverdue?: boolean; search?: string; page: number; pageSize: number },
    signal?: AbortSignal,
  ) => apiRequest<LeadPage>('/whitelist-leads', { query, ...withSignal(signal) }),
  contact: (id: string, note: string) =>
    apiRequest<Lead>(`/whitelist-leads/${encodeURIComponent(id)}/contact`, {
      method: 'POST',
      body: note === '' ? {} : { note },
    }),
  conversion: (signal?: AbortSignal) => apiRequest<Conversion>('/whitelist-conversion', withSignal(signal)),
  /** The conversion statistics as xlsx (a sheet by bank, one by district) in the UI language. */
  conversionExportUrl: (lang: string) => buildApiUrl('/whitelist-conversion/export', { lang }),
  /** A reverse-evaluation report as PDF, to keep and cite. */
  reportPdfUrl: (reportId: string) =>
    buildApiUrl(`/reverse-evaluation-reports/${encodeURIComponent(reportId)}/report.pdf`),
  reverseEvaluations: (signal?: AbortSignal) =>
    apiRequest<ReverseEvaluationView[]>('/reverse-evaluations', withSignal(signal)),
  requestReverseEvaluation: (usccs: string[], note: string) =>
    apiRequest<ReverseEvaluationView>('/reverse-evaluations', {
      method: 'POST',
      body: note === '' ? { usccs } : { usccs, note },
    }),
};
