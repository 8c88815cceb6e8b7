type Translate = (key: string) => string;

/** Looks a code up in labels built with literal keys (so the i18n check sees every key); unknown codes as is. */
function pick(labels: Readonly<Record<string, string>>, code: string): string {
  return labels[code] ?? code;
}

/** 分险角色 label (guarantor, re-guarantor, insurer, evaluator, pool, bank). */
export function riskRoleLabel(role: string, t: Translate): string {
  return pick(
    {
      guarantor: t('riskSharing.role.guarantor'),
      re_guarantor: t('riskSharing.role.re_guarantor'),
      insurer: t('riskSharing.role.insurer'),
      evaluator: t('riskSharing.role.evaluator'),
      pool: t('riskSharing.role.pool'),
      bank: t('riskSharing.role.bank'),
    },
    role,
  );
}

/** What a layer's share is of: the loss base, the guarantor's part, the bank's retained loss. */
export function riskBaseLabel(base: string, t: Translate): string {
  return pick(
    {
      loss_base: t('riskSharing.base.loss_base'),
      guarantor_part: t('riskSharing.base.guarantor_part'),
      bank_retained: t('riskSharing.base.bank_retained'),
    },
    base,
  );
}

/** 损失口径 label. */
export function lossBaseLabel(lossBase: string, t: Translate): string {
  return pick(
    {
      principal: t('riskSharing.lossBase.principal'),
      principal_and_interest: t('riskSharing.lossBase.principal_and_interest'),
    },
    lossBase,
  );
}

/** 贷款类别 label of a pool ratio. */
export function loanCategoryLabel(category: string, t: Translate): string {
  return pick({ ip_pledge_loan: t('riskSharing.loanCategory.ip_pledge_loan') }, category);
}

/** 保单险种 label. */
export function policyKindLabel(kind: string, t: Translate): string {
  return pick(
    {
      pledge_financing_guarantee: t('riskSharing.policyKind.pledge_financing_guarantee'),
      infringement_liability: t('riskSharing.policyKind.infringement_liability'),
      enforcement: t('riskSharing.policyKind.enforcement'),
      overseas_infringement: t('riskSharing.policyKind.overseas_infringement'),
      transaction: t('riskSharing.policyKind.transaction'),
    },
    kind,
  );
}

/** State of a guarantee, policy or filing. */
export function riskRecordStateLabel(state: string, t: Translate): string {
  return pick(
    {
      active: t('riskSharing.state.active'),
      compensated: t('riskSharing.state.compensated'),
      released: t('riskSharing.state.released'),
      cancelled: t('riskSharing.state.cancelled'),
      expired: t('riskSharing.state.expired'),
      claimed: t('riskSharing.state.claimed'),
      filed: t('riskSharing.state.filed'),
      closed: t('riskSharing.state.closed'),
    },
    state,
  );
}

/** Basis points as a percentage with up to two decimals: 5000 → "50%", 1250 → "12.5%". */
export function formatBps(bps: number): string {
  return `${Number((bps / 100).toFixed(2))}%`;
}

/** The insurance kinds of article 八 (the list filter). */
export const policyKinds = [
  'pledge_financing_guarantee',
  'infringement_liability',
  'enforcement',
  'overseas_infringement',
  'transaction',
] as const;
