import { DomainError, type ProblemDetail } from '../errors/index.ts';
import type { CombinedModel } from './bank-product.ts';
import type { CaseAction, CaseActorRole } from './case-actions.ts';
import type { CaseState } from './case-states.ts';
import { findCaseTransition, type CaseRequirement, type CaseTransition } from './case-transitions.ts';
import type { CreditCommitteeOutcome } from './decide-credit-committee.ts';
import { isDeclineReasonCode } from './decline-reasons.ts';

/**
 * Input of {@link applyCaseAction}: the case's state, the action, who acts, and the facts the guards read.
 * A fact left out counts as not established (the guard refuses), except `combinedModel` (`pledge_only`),
 * `pledgeeKind` (`bank`) and `disbursementRequiresRegistration` (true), the safe defaults.
 */
export interface CaseActionInput {
  readonly state: CaseState;
  readonly action: CaseAction;
  readonly actorRole: CaseActorRole;
  readonly actorUserId: string;
  /** Users who prepared the case's evaluation chain, contracts or servicing steps (maker side). */
  readonly preparedByUserIds?: readonly string[];
  readonly declineReasonCode?: string | null;
  readonly approverAuthorityLevel?: number;
  /** From `requiredApprovalLevel(amountFen, product)`. */
  readonly requiredApprovalLevel?: number;
  readonly creditCommitteeRequired?: boolean;
  readonly creditCommitteeOutcome?: CreditCommitteeOutcome | null;
  readonly combinedModel?: CombinedModel;
  readonly guaranteeAccepted?: boolean;
  readonly insuranceAccepted?: boolean;
  readonly contractPrepared?: boolean;
  readonly pledgeeKind?: 'bank' | 'guarantor';
  readonly counterGuaranteeSigned?: boolean;
  readonly disbursementRequiresRegistration?: boolean;
  readonly fullyRepaid?: boolean;
}

/** Outcome of {@link applyCaseAction}: the next state, or the refusal with every problem (the first is the main one). */
export type CaseActionResult =
  | {
      readonly allowed: true;
      readonly from: CaseState;
      readonly to: CaseState;
      readonly transition: CaseTransition;
    }
  | {
      readonly allowed: false;
      readonly from: CaseState;
      readonly problems: readonly [ProblemDetail, ...ProblemDetail[]];
    };

function checkRequirement(requirement: CaseRequirement, input: CaseActionInput): ProblemDetail | null {
  const model = input.combinedModel ?? 'pledge_only';
  const pledgeeKind = input.pledgeeKind ?? 'bank';
  switch (requirement) {
    case 'maker_checker': {
      const preparers = input.preparedByUserIds ?? [];
      if (preparers.length === 0) return { code: 'CASE_PREPARER_UNKNOWN', field: 'preparedByUserIds' };
      return preparers.includes(input.actorUserId)
        ? { code: 'MAKER_CHECKER_VIOLATION', field: 'actorUserId', params: { userId: input.actorUserId } }
        : null;
    }
    case 'decline_reason': {
      const reason = input.declineReasonCode;
      if (reason === undefined || reason === null || reason === '')
        return { code: 'DECLINE_REASON_REQUIRED', field: 'declineReasonCode' };
      return isDeclineReasonCode(reason)
        ? null
        : { code: 'DECLINE_REASON_UNKNOWN', field: 'declineReasonCode', params: { reasonCode: reason } };
    }
    case 'approval_authority': {
      const required = input.requiredApprovalLevel;
      const held = input.approverAuthorityLevel;
      if (required === undefined || held === undefined || held < required) {
        return {
          code: 'APPROVAL_AUTHORITY_INSUFFICIENT',
          field: 'approverAuthorityLevel',
          params: { level: held ?? 0, requiredLevel: required ?? '-' },
        };
      }
      return null;
    }
    case 'credit_committee':
      if (input.creditCommitteeRequired === false) return null;
      if (input.creditCommitteeRequired === true && input.creditCommitteeOutcome === 'approved') return null;
      return {
        code: 'CREDIT_COMMITTEE_APPROVAL_REQUIRED',
        field: 'creditCommitteeOutcome',
        params: { outcome: input.creditCommitteeOutcome ?? '-' },
      };
    case 'guarantee_accepted':
      return model === 'plus_guarantee' && input.guaranteeAccepted !== true
        ? { code: 'GUARANTEE_NOT_ACCEPTED', field: 'guaranteeAccepted' }
        : null;
    case 'insurance_accepted':
      return model === 'plus_insurance' && input.insuranceAccepted !== true
        ? { code: 'INSURANCE_NOT_ACCEPTED', field: 'insuranceAccepted' }
        : null;
    case 'guaranteed_case':
      return model === 'plus_guarantee'
        ? null
        : { code: 'CASE_HAS_NO_GUARANTEE', field: 'combinedModel', params: { model } };
    case 'insured_case':
      return model === 'plus_insurance'
        ? null
        : { code: 'CASE_HAS_NO_INSURANCE', field: 'combinedModel', params: { model } };
    case 'contract_prepared':
      return input.contractPrepared === true
        ? null
        : { code: 'CONTRACT_NOT_PREPARED', field: 'contractPrepared' };
    case 'counter_guarantee_case':
      return pledgeeKind === 'guarantor'
        ? null
        : { code: 'COUNTER_GUARANTEE_NOT_APPLICABLE', field: 'pledgeeKind' };
    case 'counter_guarantee_signed':
      return pledgeeKind === 'guarantor' && input.counterGuaranteeSigned !== true
        ? { code: 'COUNTER_GUARANTEE_NOT_SIGNED', field: 'counterGuaranteeSigned' }
        : null;
    case 'pledgee_side': {
      const side = input.actorRole === 'guarantor_user' ? 'guarantor' : 'bank';
      return side === pledgeeKind
        ? null
        : {
            code: 'PLEDGEE_SIDE_MISMATCH',
            field: 'actorRole',
            params: { pledgeeKind, role: input.actorRole },
          };
    }
    case 'registration_not_required':
      return input.disbursementRequiresRegistration === false
        ? null
        : { code: 'DISBURSEMENT_AWAITS_REGISTRATION', field: 'disbursementRequiresRegistration' };
    case 'fully_repaid':
      return input.fullyRepaid === true ? null : { code: 'CASE_NOT_FULLY_REPAID', field: 'fullyRepaid' };
  }
}

/**
 * 案件状态流转 (apply a case action): looks up the (state, action) row of `caseTransitions`, checks the actor's
 * role, then every guard the row requires, and returns the next state or every problem. Refusal codes:
 * CASE_ACTION_NOT_ALLOWED_IN_STATE (no row: e.g. approving a withdrawn case), CASE_ROLE_NOT_ALLOWED (e.g. a bureau
 * user approving: bureaus are read-only, access.md), then the guard codes (MAKER_CHECKER_VIOLATION when the
 * approver prepared the case, DECLINE_REASON_REQUIRED, APPROVAL_AUTHORITY_INSUFFICIENT, …). Pure: the caller
 * stamps time and writes the audit event (states.md: a state change is an audited event).
 */
export function applyCaseAction(input: CaseActionInput): CaseActionResult {
  const { state, action, actorRole } = input;
  const transition = findCaseTransition(state, action);
  if (transition === null) {
    return {
      allowed: false,
      from: state,
      problems: [{ code: 'CASE_ACTION_NOT_ALLOWED_IN_STATE', field: 'action', params: { action, state } }],
    };
  }
  if (!transition.roles.includes(actorRole)) {
    return {
      allowed: false,
      from: state,
      problems: [{ code: 'CASE_ROLE_NOT_ALLOWED', field: 'actorRole', params: { action, role: actorRole } }],
    };
  }

  const problems = transition.requires
    .map((r) => checkRequirement(r, input))
    .filter((p): p is ProblemDetail => p !== null);
  const [first, ...rest] = problems;
  if (first !== undefined) return { allowed: false, from: state, problems: [first, ...rest] };
  return { allowed: true, from: state, to: transition.to, transition };
}

/**
 * 断言案件操作 (assert a case action): {@link applyCaseAction} that returns the next state or throws the first
 * problem's code as a DomainError carrying every problem.
 */
export function assertCaseAction(input: CaseActionInput): CaseState {
  const result = applyCaseAction(input);
  if (result.allowed) return result.to;
  const [first] = result.problems;
  throw new DomainError(first.code, first.params ?? {}, { problems: result.problems });
}
