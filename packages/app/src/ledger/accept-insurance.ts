import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { acceptCaseParticipation, type AcceptCaseParticipationInput } from './accept-case-participation.ts';
import type { CaseDetail } from './case-view.ts';

/**
 * 保险承保: the insurer named by a `plus_insurance` case accepts to insure the loan (保证保险); the approval's
 * `insurance_accepted` guard reads this acceptance.
 */
export async function acceptInsurance(
  input: AcceptCaseParticipationInput,
  actor: Actor,
  deps: AppDeps,
): Promise<CaseDetail> {
  return acceptCaseParticipation('insurer', input, actor, deps);
}
