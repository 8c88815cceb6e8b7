/**
 * 押品监测预警类型 (kinds of post-loan alerts on a pledged IP asset, issue 6 item 5), with labels. Each alert is
 * raised to the pledgee with a due date: the last day to act (pay the fee, answer the request, object, renew,
 * revalue).
 */
export const pledgeAlertKinds = [
  { code: 'annual_fee_due', zh: '年费即将到期', en: 'Annual fee coming due' },
  { code: 'annual_fee_grace', zh: '年费滞纳期', en: 'Annual fee in the grace period' },
  { code: 'lapsed', zh: '未缴年费终止（可请求恢复）', en: 'Lapsed for an unpaid fee (restorable)' },
  { code: 'right_terminated', zh: '权利终止', en: 'Right terminated' },
  { code: 'invalidation_requested', zh: '被提出无效宣告请求', en: 'Invalidation requested' },
  { code: 'ownership_disputed', zh: '权属纠纷', en: 'Ownership disputed' },
  { code: 'court_preserved', zh: '查封/保全', en: 'Seized or preserved by a court' },
  { code: 'expiry_before_maturity', zh: '权利先于贷款到期', en: 'Right expires before the loan matures' },
  { code: 'licence_while_pledged', zh: '质押期间许可他人使用', en: 'Licence granted while pledged' },
  { code: 'transfer_while_pledged', zh: '质押期间转让', en: 'Transfer while pledged' },
  { code: 'revaluation_due', zh: '押品重估到期', en: 'Collateral revaluation due' },
] as const;

export type PledgeAlertKind = (typeof pledgeAlertKinds)[number]['code'];
export const pledgeAlertKindCodes: readonly PledgeAlertKind[] = pledgeAlertKinds.map((k) => k.code);

/** 预警级别, lowest first: the order is the rank (a rescan only ever raises an open alert's severity). */
export const pledgeAlertSeverities = [
  { code: 'low', zh: '提示', en: 'Low' },
  { code: 'medium', zh: '关注', en: 'Medium' },
  { code: 'high', zh: '高', en: 'High' },
  { code: 'critical', zh: '严重', en: 'Critical' },
] as const;

export type PledgeAlertSeverity = (typeof pledgeAlertSeverities)[number]['code'];
export const pledgeAlertSeverityCodes: readonly PledgeAlertSeverity[] = pledgeAlertSeverities.map(
  (s) => s.code,
);

/** Rank of a severity (low 0 … critical 3), for "worse than". */
export function rankPledgeAlertSeverity(severity: PledgeAlertSeverity): number {
  return pledgeAlertSeverityCodes.indexOf(severity);
}

/** 预警处理状态: `open` → `acknowledged` (seen, being handled) → `resolved` (by a user, or by the scan when the condition cleared). */
export const pledgeAlertStates = ['open', 'acknowledged', 'resolved'] as const;
export type PledgeAlertState = (typeof pledgeAlertStates)[number];
