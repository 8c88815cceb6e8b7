import type {
  Evaluator as EvaluatorSchema,
  EvaluatorApplicationBody,
  EvaluatorDetail as EvaluatorDetailSchema,
  EvaluatorFeeQuote as EvaluatorFeeQuoteSchema,
  EvaluatorStatusBody,
  Expert as ExpertSchema,
  ExpertBody,
  ExpertDrawVerification as ExpertDrawVerificationSchema,
  ExpertOpinionBody,
  ExpertReview as ExpertReviewSchema,
  ExpertReviewBody,
  ExpertReviewConclusionBody,
} from '@ipf/contracts';
import type { Static } from '@sinclair/typebox';
import { apiRequest, type QueryValue } from '../api/api-request.ts';
import type { Page } from '../api/api-types.ts';

/** Wire shapes, from the TypeBox contracts that serialise them on the server. */
export type Evaluator = Static<typeof EvaluatorSchema>;
export type EvaluatorDetail = Static<typeof EvaluatorDetailSchema>;
export type EvaluatorFeeQuote = Static<typeof EvaluatorFeeQuoteSchema>;
export type Expert = Static<typeof ExpertSchema>;
export type ExpertReview = Static<typeof ExpertReviewSchema>;
export type ExpertDrawVerification = Static<typeof ExpertDrawVerificationSchema>;

type Filters = Record<string, QueryValue>;
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
const id = (value: string) => encodeURIComponent(value);

/** 评估机构入库、专家库与复核认定 API; the server scopes every list to what the session may see. */
export const evaluatorsApi = {
  find: (filters: Filters, signal?: AbortSignal) =>
    apiRequest<Page<Evaluator>>('/evaluators', { query: filters, ...withSignal(signal) }),
  get: (evaluatorId: string, signal?: AbortSignal) =>
    apiRequest<EvaluatorDetail>(`/evaluators/${id(evaluatorId)}`, withSignal(signal)),
  apply: (body: EvaluatorApplicationBody) =>
    apiRequest<EvaluatorDetail>('/evaluators', { method: 'POST', body }),
  changeStatus: (evaluatorId: string, body: EvaluatorStatusBody) =>
    apiRequest<EvaluatorDetail>(`/evaluators/${id(evaluatorId)}/status`, { method: 'POST', body }),
  feeQuote: (evaluatorId: string, valueYuan: string, signal?: AbortSignal) =>
    apiRequest<EvaluatorFeeQuote>(`/evaluators/${id(evaluatorId)}/fee-quote`, {
      query: { valueYuan },
      ...withSignal(signal),
    }),
};

export const expertsApi = {
  find: (filters: Filters, signal?: AbortSignal) =>
    apiRequest<Page<Expert>>('/experts', { query: filters, ...withSignal(signal) }),
  create: (body: ExpertBody) => apiRequest<Expert>('/experts', { method: 'POST', body }),
  update: (expertId: string, body: ExpertBody) =>
    apiRequest<Expert>(`/experts/${id(expertId)}`, { method: 'PUT', body }),
};

export const expertReviewsApi = {
  find: (filters: Filters, signal?: AbortSignal) =>
    apiRequest<Page<ExpertReview>>('/expert-reviews', { query: filters, ...withSignal(signal) }),
  get: (reviewId: string, signal?: AbortSignal) =>
    apiRequest<ExpertReview>(`/expert-reviews/${id(reviewId)}`, withSignal(signal)),
  create: (body: ExpertReviewBody) => apiRequest<ExpertReview>('/expert-reviews', { method: 'POST', body }),
  draw: (review: ExpertReview) =>
    apiRequest<ExpertReview>(`/expert-reviews/${id(review.id)}/draw`, {
      method: 'POST',
      body: { version: review.version },
    }),
  recordOpinion: (reviewId: string, body: ExpertOpinionBody) =>
    apiRequest<ExpertReview>(`/expert-reviews/${id(reviewId)}/opinions`, { method: 'POST', body }),
  conclude: (reviewId: string, body: ExpertReviewConclusionBody) =>
    apiRequest<ExpertReview>(`/expert-reviews/${id(reviewId)}/conclusion`, { method: 'POST', body }),
  verify: (reviewId: string, signal?: AbortSignal) =>
    apiRequest<ExpertDrawVerification>(
      `/expert-reviews/${id(reviewId)}/draw-verification`,
      withSignal(signal),
    ),
};
