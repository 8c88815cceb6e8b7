/**
 * 专利价值评估指标体系 (patent value indicator model) after GB/T 42748-2023《专利评估指引》 (CNIPA, PBoC, NFRA; in
 * force 2023-09-01; clause 5 "评估指标体系", appendix A): three first-level dimensions (法律 legal, 技术
 * technical, 经济 economic), 14 second-level groups and 27 third-level indicators. The 27 names follow the
 * published reading in domain-reference.md "Valuation"; the grouping into 14 second-level indicators is this
 * platform's reading of the standard's structure (the standard lets the evaluator adapt indicators and weights
 * to the scenario). Applies to invention and utility-model patents only.
 */
export type ValuationDimension = 'legal' | 'technical' | 'economic';

export const valuationDimensions: readonly {
  readonly code: ValuationDimension;
  readonly zh: string;
  readonly en: string;
}[] = [
  { code: 'legal', zh: '法律价值度', en: 'Legal value' },
  { code: 'technical', zh: '技术价值度', en: 'Technical value' },
  { code: 'economic', zh: '经济价值度', en: 'Economic value' },
];

/** How an indicator's value is obtained: from the asset's data (`computed`) or only from an evaluator. */
export type IndicatorOrigin = 'computable' | 'evaluator';

export interface PatentIndicatorDefinition {
  readonly code: PatentIndicatorCode;
  readonly dimension: ValuationDimension;
  /** Second-level group code (14 in all). */
  readonly group: string;
  readonly zh: string;
  readonly en: string;
  readonly origin: IndicatorOrigin;
}

export const patentIndicatorCodes = [
  'validity',
  'patentFamily',
  'reexamInvalidationHistory',
  'unavoidability',
  'claimReasonableness',
  'claimType',
  'dependency',
  'problemImportance',
  'originality',
  'technicalEffect',
  'citations',
  'alternativeSolutions',
  'fieldCount',
  'fieldBreadth',
  'complementaryDependence',
  'developmentStage',
  'lifeCycle',
  'remainingEconomicLife',
  'defensiveValue',
  'marketControl',
  'competitors',
  'salesRevenue',
  'marketShare',
  'policyFit',
  'transferLicenceHistory',
  'financingInsuranceHistory',
  'litigationArbitration',
] as const;

/** 三级指标代码 (third-level indicator code), stable camelCase. */
export type PatentIndicatorCode = (typeof patentIndicatorCodes)[number];

/** 二级指标 (second-level groups): 3 legal + 5 technical + 6 economic = 14. */
export const indicatorGroups: readonly {
  readonly code: string;
  readonly dimension: ValuationDimension;
  readonly zh: string;
  readonly en: string;
}[] = [
  { code: 'legal.stability', dimension: 'legal', zh: '稳定性', en: 'Stability' },
  { code: 'legal.scope', dimension: 'legal', zh: '保护范围', en: 'Scope of protection' },
  { code: 'legal.dependency', dimension: 'legal', zh: '依赖与规避', en: 'Dependency and design-around' },
  { code: 'technical.advancement', dimension: 'technical', zh: '先进性', en: 'Advancement' },
  { code: 'technical.recognition', dimension: 'technical', zh: '认可度', en: 'Recognition' },
  { code: 'technical.substitutability', dimension: 'technical', zh: '可替代性', en: 'Substitutability' },
  { code: 'technical.applicability', dimension: 'technical', zh: '适用范围', en: 'Applicability' },
  { code: 'technical.maturity', dimension: 'technical', zh: '成熟度', en: 'Maturity' },
  { code: 'economic.life', dimension: 'economic', zh: '经济寿命', en: 'Economic life' },
  { code: 'economic.control', dimension: 'economic', zh: '市场控制力', en: 'Market control' },
  { code: 'economic.performance', dimension: 'economic', zh: '市场表现', en: 'Market performance' },
  { code: 'economic.policy', dimension: 'economic', zh: '政策适应性', en: 'Policy fit' },
  { code: 'economic.utilisation', dimension: 'economic', zh: '运用情况', en: 'Utilisation' },
  { code: 'economic.disputes', dimension: 'economic', zh: '诉讼仲裁', en: 'Disputes' },
];

const d = (
  code: PatentIndicatorCode,
  dimension: ValuationDimension,
  group: string,
  zh: string,
  en: string,
  origin: IndicatorOrigin,
): PatentIndicatorDefinition => ({ code, dimension, group, zh, en, origin });

/** 三级指标 (the 27 third-level indicators) in catalogue order; `origin` says whether the platform computes it. */
export const patentIndicators: readonly PatentIndicatorDefinition[] = [
  d('validity', 'legal', 'legal.stability', '有效性', 'Validity (in force, fees paid)', 'computable'),
  d(
    'reexamInvalidationHistory',
    'legal',
    'legal.stability',
    '复审、无效经历',
    'Re-examination / invalidation history',
    'computable',
  ),
  d('patentFamily', 'legal', 'legal.scope', '同族专利', 'Patent family', 'computable'),
  d(
    'claimReasonableness',
    'legal',
    'legal.scope',
    '权利要求合理性',
    'Claim reasonableness (claims count)',
    'computable',
  ),
  d('claimType', 'legal', 'legal.scope', '权利要求类型', 'Claim type', 'computable'),
  d('unavoidability', 'legal', 'legal.dependency', '不可规避性', 'Unavoidability', 'evaluator'),
  d('dependency', 'legal', 'legal.dependency', '依赖性', 'Dependency', 'evaluator'),
  d(
    'problemImportance',
    'technical',
    'technical.advancement',
    '所解决问题的重要性',
    'Importance of the problem solved',
    'evaluator',
  ),
  d('originality', 'technical', 'technical.advancement', '原创性', 'Originality', 'evaluator'),
  d('technicalEffect', 'technical', 'technical.advancement', '技术效果', 'Technical effect', 'evaluator'),
  d('citations', 'technical', 'technical.recognition', '被引证次数', 'Forward citations', 'computable'),
  d(
    'alternativeSolutions',
    'technical',
    'technical.substitutability',
    '替代技术方案数量',
    'Number of alternative solutions',
    'evaluator',
  ),
  d(
    'fieldCount',
    'technical',
    'technical.applicability',
    '应用领域数量',
    'Number of fields (IPC subclasses)',
    'computable',
  ),
  d('fieldBreadth', 'technical', 'technical.applicability', '应用领域宽度', 'Breadth of field', 'evaluator'),
  d(
    'complementaryDependence',
    'technical',
    'technical.applicability',
    '对配套技术的依存度',
    'Dependence on complementary technology',
    'evaluator',
  ),
  d('developmentStage', 'technical', 'technical.maturity', '技术发展阶段', 'Development stage', 'evaluator'),
  d('lifeCycle', 'technical', 'technical.maturity', '技术生命周期', 'Technology life cycle', 'evaluator'),
  d(
    'remainingEconomicLife',
    'economic',
    'economic.life',
    '剩余经济寿命',
    'Remaining economic life',
    'computable',
  ),
  d('defensiveValue', 'economic', 'economic.control', '防御价值', 'Defensive value', 'evaluator'),
  d('marketControl', 'economic', 'economic.control', '市场控制力', 'Control of the market', 'evaluator'),
  d('competitors', 'economic', 'economic.control', '竞争对手情况', 'Competitors', 'evaluator'),
  d('salesRevenue', 'economic', 'economic.performance', '销售收入', 'Sales revenue', 'computable'),
  d('marketShare', 'economic', 'economic.performance', '市场占有率', 'Market share', 'evaluator'),
  d('policyFit', 'economic', 'economic.policy', '政策适应性', 'Policy fit', 'evaluator'),
  d(
    'transferLicenceHistory',
    'economic',
    'economic.utilisation',
    '转让、许可情况',
    'Transfer / licence history',
    'computable',
  ),
  d(
    'financingInsuranceHistory',
    'economic',
    'economic.utilisation',
    '质押融资、保险情况',
    'Financing / insurance history',
    'computable',
  ),
  d(
    'litigationArbitration',
    'economic',
    'economic.disputes',
    '诉讼、仲裁情况',
    'Litigation / arbitration',
    'computable',
  ),
];
