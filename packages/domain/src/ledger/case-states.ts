/**
 * 融资案件状态 (financing case states) of the ledger row, exactly as shared/docs/states.md "Financing case"
 * names them; `terminal` states accept no further action (states.md: declined, withdrawn, closed, written_off,
 * recovered end a case; the release registration after `closed` is a registration event, not a case state).
 */
export const caseStates = [
  { code: 'lead', zh: '线索', en: 'Lead', terminal: false },
  { code: 'applied', zh: '已申请', en: 'Applied', terminal: false },
  { code: 'risk_evaluated', zh: '已风险评测', en: 'Risk evaluated', terminal: false },
  { code: 'value_evaluated', zh: '已价值评估', en: 'Value evaluated', terminal: false },
  { code: 'credit_rated', zh: '已授信评定', en: 'Credit rated', terminal: false },
  { code: 'approved', zh: '已审批通过', en: 'Approved', terminal: false },
  { code: 'declined', zh: '已拒绝', en: 'Declined', terminal: true },
  { code: 'withdrawn', zh: '已撤回', en: 'Withdrawn', terminal: true },
  { code: 'contracted', zh: '已签约', en: 'Contracted', terminal: false },
  { code: 'registration_pending', zh: '质押登记办理中', en: 'Registration pending', terminal: false },
  { code: 'registered', zh: '质押已登记', en: 'Pledge registered', terminal: false },
  { code: 'registration_refused', zh: '质押登记被驳回', en: 'Registration refused', terminal: false },
  { code: 'disbursed', zh: '已放款', en: 'Disbursed', terminal: false },
  { code: 'repaying', zh: '还款中', en: 'Repaying', terminal: false },
  { code: 'closed', zh: '已结清', en: 'Closed', terminal: true },
  { code: 'overdue', zh: '已逾期', en: 'Overdue', terminal: false },
  { code: 'non_performing', zh: '不良', en: 'Non-performing', terminal: false },
  { code: 'compensating', zh: '代偿/补偿中', en: 'Compensating', terminal: false },
  { code: 'disposing', zh: '处置中', en: 'Disposing', terminal: false },
  { code: 'written_off', zh: '已核销', en: 'Written off', terminal: true },
  { code: 'recovered', zh: '已回收', en: 'Recovered', terminal: true },
] as const;

/** 案件状态 (case state code). */
export type CaseState = (typeof caseStates)[number]['code'];

/** Every case state code, in the order of states.md. */
export const caseStateCodes: readonly CaseState[] = caseStates.map((s) => s.code);

/** 终结状态 (terminal state): no action leaves it (states.md). */
export function isTerminalCaseState(state: CaseState): boolean {
  return caseStates.some((s) => s.code === state && s.terminal);
}
