/**
 * 白名单企业特征 (an opted-in enterprise's features inside the platform, full fidelity). Only the platform sees this
 * shape; a bank receives an {@link AnonymisedRelease} row or a grade by pseudonym (issue 10 item 2, R5 十三).
 */
export interface WhitelistFeatureRow {
  readonly enterpriseId: string;
  /** 所在区: a district code of `@ipf/domain/party` `districts` (`nanshan`, `baoan`, …). */
  readonly district: string;
  /** 产业集群: an `industryClusters` code (`semiconductors-ic`, …). */
  readonly cluster: string;
  /** 企业规模: `micro` | `small` | `medium` | `large` (`sizeClasses`). */
  readonly sizeClass: string;
  /** 成立年份 (year only: the exact founding date never enters this row). */
  readonly foundedYear: number;
  /** 从业人数 (head-count). */
  readonly employees: number;
  /** 国家高新技术企业. */
  readonly highTech: boolean;
  /** 专精特新企业. */
  readonly specialised: boolean;
  /** 有效发明专利数. */
  readonly validInventionPatents: number;
  /** 有效专利数 (all kinds). */
  readonly validPatents: number;
  /** 平台估值评分 0–100, `null` when the enterprise has no valuation on record. */
  readonly valuationScore: number | null;
  /** 近三年授权专利数. */
  readonly patentGrowth3y: number;
  /** 注册资本 in 万元 (whole or decimal; a feature, never used as an amount). */
  readonly registeredCapitalWan: number;
  /** 逾期次数 on the ledger. */
  readonly overdueCount: number;
}

/** 准标识符 (quasi-identifiers): generalised in every release, since public registries hold them. */
export const whitelistQuasiIdentifiers = [
  'district',
  'cluster',
  'sizeClass',
  'foundedYear',
  'employees',
] as const;
export type WhitelistQuasiIdentifier = (typeof whitelistQuasiIdentifiers)[number];

/** Non-identifying features a round may release (coarsened) and scorecards may score. */
export const whitelistReleasableFeatures = [
  'highTech',
  'specialised',
  'validInventionPatents',
  'validPatents',
  'valuationScore',
  'patentGrowth3y',
  'registeredCapitalWan',
  'overdueCount',
] as const;
export type WhitelistReleasableFeature = (typeof whitelistReleasableFeatures)[number];

/** Every feature a round's feature set or a scorecard may name. */
export const whitelistFeatures = [...whitelistQuasiIdentifiers, ...whitelistReleasableFeatures] as const;
export type WhitelistFeature = (typeof whitelistFeatures)[number];

/** How a feature is compared in a scorecard bin: numbers by `min`/`max`, the others by `equals`. */
export type WhitelistFeatureKind = 'number' | 'category' | 'boolean';

export const whitelistFeatureKinds: Readonly<Record<WhitelistFeature, WhitelistFeatureKind>> = {
  district: 'category',
  cluster: 'category',
  sizeClass: 'category',
  foundedYear: 'number',
  employees: 'number',
  highTech: 'boolean',
  specialised: 'boolean',
  validInventionPatents: 'number',
  validPatents: 'number',
  valuationScore: 'number',
  patentGrowth3y: 'number',
  registeredCapitalWan: 'number',
  overdueCount: 'number',
};

/** 评级 (coarse grade a bank's scorecard assigns): at most four, A best. */
export const whitelistGrades = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof whitelistGrades)[number];

/** True when `value` names a known feature (scorecards arrive as data from banks). */
export function isWhitelistFeature(value: string): value is WhitelistFeature {
  return (whitelistFeatures as readonly string[]).includes(value);
}
