type Translate = (key: string) => string;

/** 估值类型 label (literal keys, so the i18n check sees them). */
export function valuationKindLabel(kind: string, t: Translate): string {
  if (kind === 'pre_assessment') return t('valuations.kinds.pre_assessment');
  if (kind === 'internal_evaluation') return t('valuations.kinds.internal_evaluation');
  if (kind === 'formal_report') return t('valuations.kinds.formal_report');
  return kind;
}

/** 评估方法 label. */
export function approachLabel(approach: string, t: Translate): string {
  if (approach === 'income') return t('valuations.approaches.income');
  if (approach === 'market') return t('valuations.approaches.market');
  if (approach === 'cost') return t('valuations.approaches.cost');
  return approach;
}

/** 指标值来源 label. */
export function indicatorSourceLabel(source: string, t: Translate): string {
  if (source === 'computed') return t('valuations.sources.computed');
  if (source === 'entered') return t('valuations.sources.entered');
  if (source === 'default') return t('valuations.sources.default');
  return source;
}

/** 维度 label. */
export function dimensionLabel(dimension: string, t: Translate): string {
  if (dimension === 'legal') return t('valuations.dimensions.legal');
  if (dimension === 'technical') return t('valuations.dimensions.technical');
  if (dimension === 'economic') return t('valuations.dimensions.economic');
  return dimension;
}

export const valuationKindColor: Record<string, string> = {
  pre_assessment: 'default',
  internal_evaluation: 'blue',
  formal_report: 'green',
};

/** Which kinds a role may make (the server checks the same rule). */
export function creatableKinds(role: string | undefined): string[] {
  if (role === 'evaluator') return ['formal_report', 'pre_assessment'];
  if (role === 'bank_clerk') return ['internal_evaluation', 'pre_assessment'];
  if (role === 'enterprise_user') return ['pre_assessment'];
  return [];
}

/** evaluators.realisationKinds.* label (literal keys, so the i18n check sees them). */
export function evaluatorsRealisationKindsLabel(code: string, t: Translate): string {
  switch (code) {
    case 'trade':
      return t('evaluators.realisationKinds.trade');
    case 'disposal':
      return t('evaluators.realisationKinds.disposal');
    default:
      return code;
  }
}

/** valuations.market.factors.* label (literal keys, so the i18n check sees them). */
export function valuationsMarketFactorsLabel(code: string, t: Translate): string {
  switch (code) {
    case 'time':
      return t('valuations.market.factors.time');
    case 'size':
      return t('valuations.market.factors.size');
    case 'technology':
      return t('valuations.market.factors.technology');
    case 'terms':
      return t('valuations.market.factors.terms');
    default:
      return code;
  }
}

/** avmBatch.runs.scopes.* label (literal keys, so the i18n check sees them). */
export function avmBatchRunsScopesLabel(code: string, t: Translate): string {
  switch (code) {
    case 'enterprise':
      return t('avmBatch.runs.scopes.enterprise');
    case 'assets':
      return t('avmBatch.runs.scopes.assets');
    case 'registry':
      return t('avmBatch.runs.scopes.registry');
    default:
      return code;
  }
}

/** ipTrades.kinds.* label (literal keys, so the i18n check sees them). */
export function ipTradesKindsLabel(code: string, t: Translate): string {
  switch (code) {
    case 'sale':
      return t('ipTrades.kinds.sale');
    case 'exclusive_licence':
      return t('ipTrades.kinds.exclusive_licence');
    case 'non_exclusive_licence':
      return t('ipTrades.kinds.non_exclusive_licence');
    default:
      return code;
  }
}
