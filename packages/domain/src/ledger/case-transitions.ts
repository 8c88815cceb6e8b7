import type { CaseAction, CaseActorRole } from './case-actions.ts';
import type { CaseState } from './case-states.ts';

/**
 * 前置条件 (guard) a transition checks beyond state and role, each refused with its own code by
 * `applyCaseAction`:
 * - `maker_checker` 审贷分离: the actor prepared none of the case's steps (MAKER_CHECKER_VIOLATION);
 * - `decline_reason`: a known decline reason code (DECLINE_REASON_REQUIRED / DECLINE_REASON_UNKNOWN);
 * - `approval_authority`: the approver's authority level covers the amount (APPROVAL_AUTHORITY_INSUFFICIENT);
 * - `credit_committee` 贷审会: above the product's threshold the committee has approved;
 * - `guarantee_accepted` / `insurance_accepted`: combined models with a guarantee or insurance have it;
 * - `guaranteed_case` / `insured_case`: the guarantor or insurer acts only on a case with that model;
 * - `contract_prepared`: the loan and pledge contracts exist;
 * - `counter_guarantee_case`: the pledgee is a guarantor (反担保);
 * - `counter_guarantee_signed`: in a counter-guarantee deal the guarantor signed before the enterprise;
 * - `pledgee_side`: registration is filed by the pledgee's side (bank clerk for a bank, guarantor for 反担保);
 * - `registration_not_required`: the product lets disbursement precede registration;
 * - `fully_repaid`: principal, interest and charges are all paid.
 */
export type CaseRequirement =
  | 'maker_checker'
  | 'decline_reason'
  | 'approval_authority'
  | 'credit_committee'
  | 'guarantee_accepted'
  | 'insurance_accepted'
  | 'guaranteed_case'
  | 'insured_case'
  | 'contract_prepared'
  | 'counter_guarantee_case'
  | 'counter_guarantee_signed'
  | 'pledgee_side'
  | 'registration_not_required'
  | 'fully_repaid';

/** One row of the state × action × role table: from `from`, `action` by one of `roles` leads to `to`. */
export interface CaseTransition {
  readonly from: CaseState;
  readonly action: CaseAction;
  readonly to: CaseState;
  readonly roles: readonly CaseActorRole[];
  readonly requires: readonly CaseRequirement[];
}

const EVALUATION_STATES = ['applied', 'risk_evaluated', 'value_evaluated', 'credit_rated'] as const;

/**
 * 案件状态流转表 (the case state × action × role table), committed as data and reviewed like code. Derived from
 * shared/docs/states.md "Financing case" (the path lead → … → written_off | recovered) and access.md "Roles"
 * (enterprise: apply, sign, withdraw; bank clerk: evaluation chain, contracts, registration, servicing; bank
 * approver: approve/decline within its authority, never its own preparation; guarantor/insurer: accept and sign
 * their part; bureaus and regulators: read only, so no row names them). A (state, action) pair appears at most
 * once; a triple without a row is refused. Self-loops record a step without moving the case.
 */
export const caseTransitions: readonly CaseTransition[] = [
  { from: 'lead', action: 'apply', to: 'applied', roles: ['enterprise_user'], requires: [] },
  { from: 'lead', action: 'withdraw', to: 'withdrawn', roles: ['enterprise_user'], requires: [] },

  // 风险评测 → 价值评估 → 授信评定, prepared by the bank clerk.
  {
    from: 'applied',
    action: 'record_risk_evaluation',
    to: 'risk_evaluated',
    roles: ['bank_clerk'],
    requires: [],
  },
  {
    from: 'risk_evaluated',
    action: 'record_value_evaluation',
    to: 'value_evaluated',
    roles: ['bank_clerk'],
    requires: [],
  },
  {
    from: 'value_evaluated',
    action: 'record_credit_rating',
    to: 'credit_rated',
    roles: ['bank_clerk'],
    requires: [],
  },
  {
    from: 'value_evaluated',
    action: 'accept_guarantee',
    to: 'value_evaluated',
    roles: ['guarantor_user'],
    requires: ['guaranteed_case'],
  },
  {
    from: 'credit_rated',
    action: 'accept_guarantee',
    to: 'credit_rated',
    roles: ['guarantor_user'],
    requires: ['guaranteed_case'],
  },
  {
    from: 'value_evaluated',
    action: 'accept_insurance',
    to: 'value_evaluated',
    roles: ['insurer_user'],
    requires: ['insured_case'],
  },
  {
    from: 'credit_rated',
    action: 'accept_insurance',
    to: 'credit_rated',
    roles: ['insurer_user'],
    requires: ['insured_case'],
  },

  // Approval by authority level, maker-checker, credit committee above the threshold.
  {
    from: 'credit_rated',
    action: 'approve',
    to: 'approved',
    roles: ['bank_approver'],
    requires: [
      'maker_checker',
      'approval_authority',
      'credit_committee',
      'guarantee_accepted',
      'insurance_accepted',
    ],
  },
  ...EVALUATION_STATES.map((from): CaseTransition => ({
    from,
    action: 'decline',
    to: 'declined',
    roles: ['bank_approver'],
    requires: ['maker_checker', 'decline_reason'],
  })),
  ...[...EVALUATION_STATES, 'approved' as const].map((from): CaseTransition => ({
    from,
    action: 'withdraw',
    to: 'withdrawn',
    roles: ['enterprise_user'],
    requires: [],
  })),

  // Contracts: the bank prepares, the guarantor signs its counter-guarantee pledge, the enterprise signs last.
  { from: 'approved', action: 'prepare_contract', to: 'approved', roles: ['bank_clerk'], requires: [] },
  {
    from: 'approved',
    action: 'sign_counter_guarantee',
    to: 'approved',
    roles: ['guarantor_user'],
    requires: ['counter_guarantee_case', 'contract_prepared'],
  },
  {
    from: 'approved',
    action: 'sign',
    to: 'contracted',
    roles: ['enterprise_user'],
    requires: ['contract_prepared', 'counter_guarantee_signed'],
  },

  // Registration by the pledgee's side; the authority's decision is recorded by the adapter.
  {
    from: 'contracted',
    action: 'submit_registration',
    to: 'registration_pending',
    roles: ['bank_clerk', 'guarantor_user'],
    requires: ['pledgee_side'],
  },
  {
    from: 'contracted',
    action: 'disburse',
    to: 'disbursed',
    roles: ['bank_clerk'],
    requires: ['registration_not_required'],
  },
  {
    from: 'registration_pending',
    action: 'record_registration',
    to: 'registered',
    roles: ['system'],
    requires: [],
  },
  {
    from: 'registration_pending',
    action: 'record_registration_refusal',
    to: 'registration_refused',
    roles: ['system'],
    requires: [],
  },
  {
    from: 'registration_refused',
    action: 'submit_registration',
    to: 'registration_pending',
    roles: ['bank_clerk', 'guarantor_user'],
    requires: ['pledgee_side'],
  },
  {
    from: 'registration_refused',
    action: 'withdraw',
    to: 'withdrawn',
    roles: ['enterprise_user'],
    requires: [],
  },
  {
    from: 'registration_refused',
    action: 'decline',
    to: 'declined',
    roles: ['bank_approver'],
    requires: ['maker_checker', 'decline_reason'],
  },

  // Servicing.
  { from: 'registered', action: 'disburse', to: 'disbursed', roles: ['bank_clerk'], requires: [] },
  { from: 'disbursed', action: 'start_repayment', to: 'repaying', roles: ['system'], requires: [] },
  { from: 'repaying', action: 'close', to: 'closed', roles: ['bank_clerk'], requires: ['fully_repaid'] },
  { from: 'repaying', action: 'mark_overdue', to: 'overdue', roles: ['system'], requires: [] },
  { from: 'overdue', action: 'cure_overdue', to: 'repaying', roles: ['system'], requires: [] },
  // 展期 and 续贷 keep the case and add a new contract version (states.md); only a loan without arrears.
  { from: 'repaying', action: 'extend_loan', to: 'repaying', roles: ['bank_clerk'], requires: [] },
  { from: 'repaying', action: 'renew_loan', to: 'repaying', roles: ['bank_clerk'], requires: [] },
  { from: 'overdue', action: 'close', to: 'closed', roles: ['bank_clerk'], requires: ['fully_repaid'] },
  {
    from: 'overdue',
    action: 'classify_non_performing',
    to: 'non_performing',
    roles: ['bank_clerk', 'system'],
    requires: [],
  },

  // Default: claims to guarantor/insurer/pool, disposition, write-off or recovery.
  {
    from: 'non_performing',
    action: 'close',
    to: 'closed',
    roles: ['bank_clerk'],
    requires: ['fully_repaid'],
  },
  { from: 'non_performing', action: 'file_claim', to: 'compensating', roles: ['bank_clerk'], requires: [] },
  { from: 'non_performing', action: 'start_disposal', to: 'disposing', roles: ['bank_clerk'], requires: [] },
  { from: 'compensating', action: 'start_disposal', to: 'disposing', roles: ['bank_clerk'], requires: [] },
  { from: 'compensating', action: 'record_recovery', to: 'recovered', roles: ['bank_clerk'], requires: [] },
  { from: 'disposing', action: 'record_recovery', to: 'recovered', roles: ['bank_clerk'], requires: [] },
  ...(['non_performing', 'compensating', 'disposing'] as const).map((from): CaseTransition => ({
    from,
    action: 'write_off',
    to: 'written_off',
    roles: ['bank_approver'],
    requires: ['maker_checker'],
  })),
];

/** 查找流转 (find the row) for a state and action, or null when the table has none. */
export function findCaseTransition(from: CaseState, action: CaseAction): CaseTransition | null {
  return caseTransitions.find((t) => t.from === from && t.action === action) ?? null;
}
