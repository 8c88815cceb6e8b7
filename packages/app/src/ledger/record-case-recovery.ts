import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import type { CaseDetail } from './case-view.ts';
import { transitionDefaultedCase, type DefaultedCaseStepInput } from './transition-defaulted-case.ts';

/**
 * 录入回收 (record the recovery): the bank clerk records that claims or disposal proceeds recovered the debt;
 * the case becomes `recovered`.
 * Source: states.md "Financing case" (non_performing → compensating → disposing → written_off | recovered);
 * the transition table `caseTransitions`.
 */
export async function recordCaseRecovery(
  input: DefaultedCaseStepInput,
  actor: Actor,
  deps: AppDeps,
): Promise<CaseDetail> {
  return transitionDefaultedCase(
    input,
    { operation: 'case.default_workout', action: 'record_recovery' },
    actor,
    deps,
  );
}
