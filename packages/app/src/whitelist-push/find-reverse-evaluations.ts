import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import {
  loadReverseEvaluations,
  reverseEvaluationVisibility,
  type ReverseEvaluationView,
} from './reverse-evaluation-view.ts';

/** 反向评估记录: a bank unit's requests with their reports (newest 200), the bureau's all. */
export async function findReverseEvaluations(
  _input: Record<string, never>,
  actor: Actor,
  deps: AppDeps,
): Promise<ReverseEvaluationView[]> {
  const scope = authorize(actor, 'reverse_evaluation.read');
  return loadReverseEvaluations(deps.db, reverseEvaluationVisibility(actor, scope), 200);
}
