import type { Role } from '../party/index.ts';

/**
 * 案件操作 (case actions): the verbs of the financing case, derived from states.md (the path) and access.md (who
 * does what: the enterprise applies, withdraws and signs; the bank clerk prepares the evaluation chain, contracts,
 * registration and servicing; the approver approves or declines; guarantors and insurers accept and sign their
 * part; `system` records what an authority or the servicing engine reports).
 */
export const caseActions = [
  { code: 'apply', zh: '提交申请', en: 'Apply' },
  { code: 'withdraw', zh: '撤回', en: 'Withdraw' },
  { code: 'record_risk_evaluation', zh: '录入风险评测', en: 'Record risk evaluation' },
  { code: 'record_value_evaluation', zh: '录入价值评估', en: 'Record value evaluation' },
  { code: 'record_credit_rating', zh: '录入授信评定', en: 'Record credit rating' },
  { code: 'accept_guarantee', zh: '担保机构承保', en: 'Accept the guarantee' },
  { code: 'accept_insurance', zh: '保险机构承保', en: 'Accept the insurance' },
  { code: 'approve', zh: '审批通过', en: 'Approve' },
  { code: 'decline', zh: '审批拒绝', en: 'Decline' },
  { code: 'prepare_contract', zh: '生成合同', en: 'Prepare the contracts' },
  { code: 'sign_counter_guarantee', zh: '签署反担保质押合同', en: 'Sign the counter-guarantee pledge' },
  { code: 'sign', zh: '企业签约', en: 'Sign' },
  { code: 'submit_registration', zh: '提交质押登记', en: 'Submit pledge registration' },
  { code: 'record_registration', zh: '登记通过', en: 'Record the registration' },
  { code: 'record_registration_refusal', zh: '登记驳回', en: 'Record the refusal' },
  { code: 'disburse', zh: '放款', en: 'Disburse' },
  { code: 'start_repayment', zh: '进入还款', en: 'Start repayment' },
  { code: 'close', zh: '结清', en: 'Close' },
  { code: 'mark_overdue', zh: '标记逾期', en: 'Mark overdue' },
  { code: 'cure_overdue', zh: '逾期已补足', en: 'Cure the arrears' },
  { code: 'extend_loan', zh: '展期', en: 'Extend the loan' },
  { code: 'renew_loan', zh: '续贷', en: 'Renew the loan' },
  { code: 'classify_non_performing', zh: '认定不良', en: 'Classify as non-performing' },
  { code: 'file_claim', zh: '发起代偿/补偿', en: 'File compensation claims' },
  { code: 'start_disposal', zh: '启动处置', en: 'Start disposal' },
  { code: 'record_recovery', zh: '录入回收', en: 'Record recovery' },
  { code: 'write_off', zh: '核销', en: 'Write off' },
] as const;

/** 案件操作代码 (case action code). */
export type CaseAction = (typeof caseActions)[number]['code'];

/** Every case action code. */
export const caseActionCodes: readonly CaseAction[] = caseActions.map((a) => a.code);

/**
 * 操作主体角色 (actor role) of a case action: a role of access.md, or `system` for what an adapter or the
 * servicing engine records (registration notices, days past due).
 */
export type CaseActorRole = Role | 'system';
