import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import type { CaseDetail } from './case-view.ts';
import { transitionDefaultedCase, type DefaultedCaseStepInput } from './transition-defaulted-case.ts';

/**
 * 发起代偿/补偿 (file claims): the bank clerk claims on a non-performing case from its guarantor, insurer or the
 * risk pool; the case becomes `compensating`.
 * Source: states.md "Financing case" (non_performing → compensating → disposing → written_off | recovered);
 * the transition table `caseTransitions`.
 */
export async function fileCaseClaim(
  input: DefaultedCaseStepInput,
  actor: Actor,
  deps: AppDeps,
): Promise<CaseDetail> {
  return transitionDefaultedCase(
    input,
    { operation: 'case.default_workout', action: 'file_claim' },
    actor,
    deps,
  );
}
