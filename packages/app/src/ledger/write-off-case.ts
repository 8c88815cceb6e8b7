import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import type { CaseDetail } from './case-view.ts';
import { transitionDefaultedCase, type DefaultedCaseStepInput } from './transition-defaulted-case.ts';

/**
 * 核销 (write off): a bank approver who prepared none of the case's steps (审贷分离) writes off a non-performing,
 * compensating or disposing case; it becomes `written_off`.
 * Source: states.md "Financing case" (non_performing → compensating → disposing → written_off | recovered);
 * the transition table `caseTransitions`.
 */
export async function writeOffCase(
  input: DefaultedCaseStepInput,
  actor: Actor,
  deps: AppDeps,
): Promise<CaseDetail> {
  return transitionDefaultedCase(input, { operation: 'case.write_off', action: 'write_off' }, actor, deps);
}
