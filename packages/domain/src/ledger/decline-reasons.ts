/**
 * 拒贷原因 (decline reason codes): the reason a bank approver must give when declining a case (issue 5 item 4;
 * states.md "`declined` (reason code)"). Stable codes, zh/en labels for the UI and statistics.
 */
export const declineReasons = [
  { code: 'outside_product_scope', zh: '不符合产品准入条件', en: "Outside the product's scope" },
  { code: 'ip_ineligible', zh: '知识产权不符合出质条件', en: 'The IP cannot be pledged' },
  { code: 'insufficient_collateral_value', zh: '押品价值不足', en: 'Collateral value insufficient' },
  { code: 'pledge_rate_over_cap', zh: '质押率超过上限', en: 'Pledge rate over the cap' },
  { code: 'risk_score_too_low', zh: '风险评测未通过', en: 'Risk evaluation failed' },
  { code: 'credit_rating_insufficient', zh: '授信评级不足', en: 'Credit rating insufficient' },
  { code: 'adverse_credit_report', zh: '征信记录不良', en: 'Adverse credit report' },
  { code: 'weak_repayment_capacity', zh: '还款能力不足', en: 'Weak repayment capacity' },
  { code: 'incomplete_documents', zh: '申请材料不全', en: 'Incomplete documents' },
  { code: 'guarantee_refused', zh: '担保机构不予担保', en: 'Guarantee refused' },
  { code: 'credit_committee_rejected', zh: '贷审会否决', en: 'Rejected by the credit committee' },
  { code: 'registration_refused', zh: '质押登记被驳回', en: 'Pledge registration refused' },
  { code: 'consent_revoked', zh: '企业撤回授权', en: 'Consent revoked' },
  { code: 'other', zh: '其他', en: 'Other' },
] as const;

/** 拒贷原因代码 (decline reason code). */
export type DeclineReasonCode = (typeof declineReasons)[number]['code'];

/** Every decline reason code. */
export const declineReasonCodes: readonly DeclineReasonCode[] = declineReasons.map((r) => r.code);

/** 是否为拒贷原因代码 (is a decline reason code): a type guard for input from the wire. */
export function isDeclineReasonCode(value: string): value is DeclineReasonCode {
  return (declineReasonCodes as readonly string[]).includes(value);
}
