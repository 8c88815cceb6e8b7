import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import type { CaseDetail } from './case-view.ts';
import { transitionDefaultedCase, type DefaultedCaseStepInput } from './transition-defaulted-case.ts';

/**
 * 启动处置 (start disposal of the pledged IP: reverse licence, auction, transfer): the bank clerk moves a
 * non-performing or compensating case to `disposing`.
 * Source: states.md "Financing case" (non_performing → compensating → disposing → written_off | recovered);
 * the transition table `caseTransitions`.
 */
export async function startCaseDisposal(
  input: DefaultedCaseStepInput,
  actor: Actor,
  deps: AppDeps,
): Promise<CaseDetail> {
  return transitionDefaultedCase(
    input,
    { operation: 'case.default_workout', action: 'start_disposal' },
    actor,
    deps,
  );
}
