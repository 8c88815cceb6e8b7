import { DomainError } from '../errors/domain-error.ts';
import { hashFnv1a64 } from './hash-fnv1a64.ts';

/** 专家 (an expert of the review pool). */
export interface PoolExpert {
  readonly expertId: string;
  readonly fields: readonly string[];
  /** IPC subclasses or groups of expertise, e.g. `G06F`, `H01M 10`. */
  readonly ipcExpertise: readonly string[];
  readonly affiliationOrgId: string;
  /** Case ids the expert has already worked on. */
  readonly priorEngagementCaseIds: readonly string[];
}

/** 回避 (conflict set) of a case: the organisations involved and the experts already engaged on it. */
export interface DrawConflicts {
  readonly caseId: string;
  readonly evaluatorOrgId: string;
  readonly bankOrgId: string;
  readonly enterpriseOrgId: string;
  readonly engagedExpertIds: readonly string[];
}

export type ConflictReason =
  | 'same_org_as_evaluator'
  | 'same_org_as_bank'
  | 'same_org_as_enterprise'
  | 'already_engaged'
  | 'prior_engagement'
  | 'expertise_mismatch';

export interface DrawExpertsInput {
  readonly pool: readonly PoolExpert[];
  readonly conflicts: DrawConflicts;
  readonly count: number;
  /** The published seed (its hash is published before the draw). */
  readonly seed: string;
  /** Only experts with one of these IPC prefixes are eligible (e.g. the patent's main class); all when absent. */
  readonly requiredIpcPrefixes?: readonly string[];
  /** Hex-string hash; default FNV-1a 64 (pure); the platform may substitute SM3. */
  readonly hash?: (text: string) => string;
}

export interface ExpertDraw {
  /** Drawn experts in draw order with the keyed hash that placed them. */
  readonly drawn: readonly { readonly expertId: string; readonly key: string }[];
  readonly excluded: readonly { readonly expertId: string; readonly reasons: readonly ConflictReason[] }[];
  readonly eligibleCount: number;
  /** `hash(seed)`: what the case publishes before the draw. */
  readonly seedCommitment: string;
}

/** Reasons an expert may not review the case (empty when eligible). */
export function findExpertConflicts(
  expert: PoolExpert,
  conflicts: DrawConflicts,
  requiredIpcPrefixes?: readonly string[],
): ConflictReason[] {
  const reasons: ConflictReason[] = [];
  if (expert.affiliationOrgId === conflicts.evaluatorOrgId) reasons.push('same_org_as_evaluator');
  if (expert.affiliationOrgId === conflicts.bankOrgId) reasons.push('same_org_as_bank');
  if (expert.affiliationOrgId === conflicts.enterpriseOrgId) reasons.push('same_org_as_enterprise');
  if (conflicts.engagedExpertIds.includes(expert.expertId)) reasons.push('already_engaged');
  if (expert.priorEngagementCaseIds.includes(conflicts.caseId)) reasons.push('prior_engagement');
  if (
    requiredIpcPrefixes !== undefined &&
    requiredIpcPrefixes.length > 0 &&
    !expert.ipcExpertise.some((ipc) =>
      requiredIpcPrefixes.some((prefix) => ipc.startsWith(prefix) || prefix.startsWith(ipc)),
    )
  )
    reasons.push('expertise_mismatch');
  return reasons;
}

/**
 * 专家随机抽取 (verifiable expert draw): drops every conflicted expert (same organisation as the evaluator,
 * bank or enterprise; already engaged or previously engaged on the case; optionally outside the required IPC
 * expertise), orders the rest by the keyed hash `hash(seed + "\u0000" + expertId)` (ties by expert id) and
 * takes the first `min(count, eligible)`. No randomness of its own: whoever re-runs it with the published seed
 * and the same pool gets the same draw; publishing `hash(seed)` first prevents choosing the seed after seeing
 * the pool. Source: issue 7 item 7 (复核认定: random draw with conflict exclusion).
 * @throws DomainError('VALUATION_EXPERT_COUNT_INVALID'), DomainError('VALUATION_SEED_EMPTY').
 */
export function drawExperts(input: DrawExpertsInput): ExpertDraw {
  if (!Number.isInteger(input.count) || input.count <= 0)
    throw new DomainError('VALUATION_EXPERT_COUNT_INVALID', { count: input.count });
  if (input.seed === '') throw new DomainError('VALUATION_SEED_EMPTY');
  const hash = input.hash ?? hashFnv1a64;
  const excluded: { expertId: string; reasons: ConflictReason[] }[] = [];
  const keyed: { expertId: string; key: string }[] = [];
  const seen = new Set<string>();
  for (const expert of input.pool) {
    if (seen.has(expert.expertId)) continue;
    seen.add(expert.expertId);
    const reasons = findExpertConflicts(expert, input.conflicts, input.requiredIpcPrefixes);
    if (reasons.length > 0) excluded.push({ expertId: expert.expertId, reasons });
    else keyed.push({ expertId: expert.expertId, key: hash(`${input.seed}\u0000${expert.expertId}`) });
  }
  keyed.sort((a, b) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : a.expertId < b.expertId ? -1 : a.expertId > b.expertId ? 1 : 0,
  );
  return {
    drawn: keyed.slice(0, input.count),
    excluded,
    eligibleCount: keyed.length,
    seedCommitment: hash(input.seed),
  };
}
