import type { Static } from '@sinclair/typebox';
import type {
  WhitelistGradePage,
  WhitelistProgramme,
  WhitelistRelease,
  WhitelistRound,
  WhitelistRoundPage,
  WhitelistScorecard,
  WhitelistScorecardBody,
} from '@ipf/contracts';
import { apiRequest, buildApiUrl } from '../api/api-request.ts';

export type {
  WhitelistProgramme,
  WhitelistRelease,
  WhitelistRound,
  WhitelistScorecard,
  WhitelistScorecardBody,
};
export type WhitelistRoundList = Static<typeof WhitelistRoundPage>;
export type WhitelistGradeList = Static<typeof WhitelistGradePage>;

const opt = (signal?: AbortSignal) => (signal ? { signal } : {});
const part = (roundId: string, bankId: string) =>
  `/whitelist-rounds/${encodeURIComponent(roundId)}/banks/${encodeURIComponent(bankId)}`;

/** 白名单计划 and 白名单轮次 endpoints (issue 10 items 1–3). */
export const whitelistRoundApi = {
  programme: (signal?: AbortSignal) => apiRequest<WhitelistProgramme>('/whitelist-programme', opt(signal)),
  join: (expiresOn: string) =>
    apiRequest<WhitelistProgramme>('/whitelist-programme/join', { method: 'POST', body: { expiresOn } }),
  leave: () => apiRequest<WhitelistProgramme>('/whitelist-programme/leave', { method: 'POST' }),

  rounds: (query: { page: number; pageSize: number; q?: string; state?: string }, signal?: AbortSignal) =>
    apiRequest<WhitelistRoundList>('/whitelist-rounds', { query, ...opt(signal) }),
  round: (id: string, signal?: AbortSignal) =>
    apiRequest<WhitelistRound>(`/whitelist-rounds/${encodeURIComponent(id)}`, opt(signal)),
  create: (body: {
    title: string;
    periodFrom: string;
    periodTo: string;
    k?: number;
    scorecardQuota?: number;
  }) => apiRequest<WhitelistRound>('/whitelist-rounds', { method: 'POST', body }),
  addBank: (id: string, bankOrganisationId: string) =>
    apiRequest<WhitelistRound>(`/whitelist-rounds/${encodeURIComponent(id)}/banks`, {
      method: 'POST',
      body: { bankOrganisationId },
    }),
  act: (id: string, action: 'open' | 'release' | 'close') =>
    apiRequest<WhitelistRound>(`/whitelist-rounds/${encodeURIComponent(id)}/${action}`, { method: 'POST' }),

  release: (
    roundId: string,
    bankId: string,
    query: { page: number; pageSize: number; pseudonym?: string },
    signal?: AbortSignal,
  ) => apiRequest<WhitelistRelease>(`${part(roundId, bankId)}/release`, { query, ...opt(signal) }),
  exportUrl: (roundId: string, bankId: string, format: 'csv' | 'xlsx', lang: string) =>
    buildApiUrl(`${part(roundId, bankId)}/release/export`, { format, lang }),
  scorecards: (roundId: string, bankId: string, signal?: AbortSignal) =>
    apiRequest<WhitelistScorecard[]>(`${part(roundId, bankId)}/scorecards`, opt(signal)),
  submitScorecard: (roundId: string, bankId: string, body: WhitelistScorecardBody) =>
    apiRequest<WhitelistScorecard>(`${part(roundId, bankId)}/scorecards`, { method: 'POST', body }),
  uploadGrades: (roundId: string, bankId: string, csv: string) =>
    apiRequest<{ imported: number }>(`${part(roundId, bankId)}/grades`, { method: 'POST', body: { csv } }),
  grades: (
    roundId: string,
    bankId: string,
    query: { page: number; pageSize: number; pseudonym?: string; source?: string },
    signal?: AbortSignal,
  ) => apiRequest<WhitelistGradeList>(`${part(roundId, bankId)}/grades`, { query, ...opt(signal) }),
};
