import { ipAssetKinds } from '@ipf/domain/ip-asset';
type Translate = (key: string) => string;

export const dispositionStatuses = [
  'opened',
  'path_chosen',
  'in_progress',
  'proceeds_received',
  'distributed',
  'closed',
] as const;
export const dispositionPaths = ['reverse_licence', 'auction', 'transfer', 'debt_to_equity'] as const;
export const dispositionCostKinds = ['evaluation', 'auction_fee', 'legal', 'registration', 'other'] as const;
export const dispositionProceedsKinds = ['auction', 'transfer', 'royalty', 'equity', 'other'] as const;
export const riskRoles = ['bank', 'guarantor', 're_guarantor', 'insurer', 'evaluator', 'pool'] as const;

/** Label of a code (literal keys, so the i18n check sees them). */
export function dispositionStatusLabel(code: string, t: Translate): string {
  switch (code) {
    case 'opened':
      return t('dispositions.statuses.opened');
    case 'path_chosen':
      return t('dispositions.statuses.path_chosen');
    case 'in_progress':
      return t('dispositions.statuses.in_progress');
    case 'proceeds_received':
      return t('dispositions.statuses.proceeds_received');
    case 'distributed':
      return t('dispositions.statuses.distributed');
    case 'closed':
      return t('dispositions.statuses.closed');
    default:
      return code;
  }
}

/** Label of a code (literal keys, so the i18n check sees them). */
export function dispositionPathLabel(code: string | null, t: Translate): string {
  switch (code) {
    case null:
      return '—';
    case 'reverse_licence':
      return t('dispositions.paths.reverse_licence');
    case 'auction':
      return t('dispositions.paths.auction');
    case 'transfer':
      return t('dispositions.paths.transfer');
    case 'debt_to_equity':
      return t('dispositions.paths.debt_to_equity');
    default:
      return code;
  }
}

/** Label of a code (literal keys, so the i18n check sees them). */
export function dispositionCostLabel(code: string, t: Translate): string {
  switch (code) {
    case 'evaluation':
      return t('dispositions.costKinds.evaluation');
    case 'auction_fee':
      return t('dispositions.costKinds.auction_fee');
    case 'legal':
      return t('dispositions.costKinds.legal');
    case 'registration':
      return t('dispositions.costKinds.registration');
    case 'other':
      return t('dispositions.costKinds.other');
    default:
      return code;
  }
}

/** Label of a code (literal keys, so the i18n check sees them). */
export function dispositionProceedsLabel(code: string, t: Translate): string {
  switch (code) {
    case 'auction':
      return t('dispositions.proceedsKinds.auction');
    case 'transfer':
      return t('dispositions.proceedsKinds.transfer');
    case 'royalty':
      return t('dispositions.proceedsKinds.royalty');
    case 'equity':
      return t('dispositions.proceedsKinds.equity');
    case 'other':
      return t('dispositions.proceedsKinds.other');
    default:
      return code;
  }
}

/** Label of a code (literal keys, so the i18n check sees them). */
export function riskRoleLabel(code: string, t: Translate): string {
  switch (code) {
    case 'bank':
      return t('dispositions.roles.bank');
    case 'guarantor':
      return t('dispositions.roles.guarantor');
    case 're_guarantor':
      return t('dispositions.roles.re_guarantor');
    case 'insurer':
      return t('dispositions.roles.insurer');
    case 'evaluator':
      return t('dispositions.roles.evaluator');
    case 'pool':
      return t('dispositions.roles.pool');
    default:
      return code;
  }
}

/** Label of a code (literal keys, so the i18n check sees them). */
export function assetOutcomeLabel(code: string, t: Translate): string {
  switch (code) {
    case 'transferred':
      return t('dispositions.outcomes.transferred');
    case 'released':
      return t('dispositions.outcomes.released');
    default:
      return code;
  }
}

/**
 * The reason code of a disposition step on the case timeline in words, or null when it is not one: the path of
 * 选择处置方式/开始处置, the cost or proceeds kind, the asset's outcome at closing (codes shared between steps, such
 * as `auction`, read by the step), and the opening, distribution and write-off after disposal.
 */
export function dispositionReasonLabel(code: string, action: string, t: Translate): string | null {
  switch (action) {
    case 'choose_disposition_path':
    case 'start_disposition':
      return dispositionPathLabel(code, t);
    case 'record_disposition_cost':
      return dispositionCostLabel(code, t);
    case 'record_disposition_proceeds':
      return dispositionProceedsLabel(code, t);
    case 'close_disposition':
      return assetOutcomeLabel(code, t);
  }
  switch (code) {
    case 'disposition_opened':
      return t('dispositions.reasons.opened');
    case 'disposition_distributed':
      return t('dispositions.reasons.distributed');
    case 'distribution_changed':
      return t('dispositions.reasons.distributionChanged');
    case 'disposition':
      return t('dispositions.panelTitle');
    default:
      return null;
  }
}

/** Label of a code (literal keys, so the i18n check sees them). */
export function dispositionStepLabel(code: string, t: Translate): string {
  switch (code) {
    case 'path':
      return t('dispositions.step.path');
    case 'cost':
      return t('dispositions.step.cost');
    case 'proceeds':
      return t('dispositions.step.proceeds');
    case 'close':
      return t('dispositions.step.close');
    default:
      return code;
  }
}

/** Tag colour of a disposition status: working blue, money in gold, distributed green, closed grey. */
export function dispositionStatusColor(code: string): string {
  switch (code) {
    case 'proceeds_received':
      return 'gold';
    case 'distributed':
      return 'green';
    case 'closed':
      return 'default';
    default:
      return 'blue';
  }
}

/** Timeline actions of a disposition for the case timeline (code, zh, en). */
export const dispositionTimelineActions = [
  { code: 'open_disposition', zh: '处置立案', en: 'Disposition case opened' },
  { code: 'choose_disposition_path', zh: '选择处置方式', en: 'Disposition path chosen' },
  { code: 'start_disposition', zh: '开始处置', en: 'Disposal started' },
  { code: 'record_disposition_cost', zh: '登记处置费用', en: 'Disposition cost recorded' },
  { code: 'record_disposition_proceeds', zh: '登记处置款', en: 'Disposition proceeds recorded' },
  { code: 'distribute_disposition', zh: '处置款分配', en: 'Proceeds distributed' },
  { code: 'close_disposition', zh: '处置结案', en: 'Disposition closed' },
] as const;

/** An IP kind's name in the UI language (reference list of the domain). */
export function ipKindLabel(code: string, language: string): string {
  const kind = ipAssetKinds.find((k) => k.code === code);
  return kind === undefined ? code : language === 'en' ? kind.en : kind.zh;
}
