import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { acceptCaseParticipation, type AcceptCaseParticipationInput } from './accept-case-participation.ts';
import type { CaseDetail } from './case-view.ts';

/**
 * 担保承保: the guarantor named by a `plus_guarantee` case accepts to guarantee the loan (and, as pledgee of the
 * 反担保, to take the IP pledge); the approval's `guarantee_accepted` guard reads this acceptance.
 */
export async function acceptGuarantee(
  input: AcceptCaseParticipationInput,
  actor: Actor,
  deps: AppDeps,
): Promise<CaseDetail> {
  return acceptCaseParticipation('guarantor', input, actor, deps);
}
