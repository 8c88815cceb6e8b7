import type { ClaimRole, RiskRole } from './risk-sharing-agreement.ts';
import type { ClaimStatus } from './transition-claim.ts';
import type { DispositionPath, DispositionStatus } from './transition-disposition.ts';

/** A code's name in Chinese and English. */
export interface RiskSharingLabel {
  readonly zh: string;
  readonly en: string;
}

/**
 * 理赔状态 (claim states) in words: one table for the server's exports and the web's texts (its i18n files
 * `riskClaims.states.*` are checked against it). Source: states.md "Claims and disposition".
 */
export const claimStatusLabels: Readonly<Record<ClaimStatus, RiskSharingLabel>> = {
  filed: { zh: '已申请', en: 'Filed' },
  under_review: { zh: '审查中', en: 'Under review' },
  approved: { zh: '已核定', en: 'Approved' },
  rejected: { zh: '已拒赔', en: 'Rejected' },
  paid: { zh: '已支付', en: 'Paid' },
  recovered: { zh: '已返还追偿款', en: 'Recovery shared' },
};

/**
 * 分配方 (the parties a disposition's proceeds are split among) by role, as the server's timeline notes name them;
 * the web's disposition pages (`dispositions.roles.*`) say the same.
 */
export const dispositionRoleLabels: Readonly<Record<RiskRole, RiskSharingLabel>> = {
  bank: { zh: '银行', en: 'Bank' },
  guarantor: { zh: '担保机构', en: 'Guarantor' },
  re_guarantor: { zh: '再担保机构', en: 'Re-guarantor' },
  insurer: { zh: '保险机构', en: 'Insurer' },
  evaluator: { zh: '评估机构', en: 'Evaluator' },
  pool: { zh: '风险补偿资金池', en: 'Risk-compensation pool' },
};

/** 付款方类型: what a claim is called for each payer (代偿, 理赔, 补偿 …); web `riskClaims.roles.*`. */
export const claimRoleLabels: Readonly<Record<ClaimRole, RiskSharingLabel>> = {
  guarantor: { zh: '担保代偿', en: 'Guarantor compensation' },
  re_guarantor: { zh: '再担保分担', en: 'Re-guarantee' },
  insurer: { zh: '保险理赔', en: 'Insurance claim' },
  evaluator: { zh: '评估机构分担', en: 'Evaluator share' },
  pool: { zh: '资金池补偿', en: 'Pool compensation' },
};

/** 处置状态 (disposition states) in words; web `dispositions.statuses.*`. */
export const dispositionStatusLabels: Readonly<Record<DispositionStatus, RiskSharingLabel>> = {
  opened: { zh: '已启动', en: 'Opened' },
  path_chosen: { zh: '已选定方式', en: 'Path chosen' },
  in_progress: { zh: '处置中', en: 'In progress' },
  proceeds_received: { zh: '已收款', en: 'Proceeds received' },
  distributed: { zh: '已分配', en: 'Distributed' },
  closed: { zh: '已结案', en: 'Closed' },
};

/** 处置方式 (disposition paths) in words; web `dispositions.paths.*`. */
export const dispositionPathLabels: Readonly<Record<DispositionPath, RiskSharingLabel>> = {
  reverse_licence: { zh: '反向许可', en: 'Reverse licence' },
  auction: { zh: '挂牌拍卖', en: 'Auction' },
  transfer: { zh: '协议转让', en: 'Transfer' },
  debt_to_equity: { zh: '质押转股权', en: 'Pledge to equity' },
};
