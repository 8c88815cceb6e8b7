import { isWhitelistFeature, type WhitelistFeature } from './whitelist-feature-row.ts';

/** 白名单特征名称 (the features' names as a bank reads them, zh-CN and en), e.g. in a scorecard's refusal. */
export const whitelistFeatureLabels: Readonly<Record<WhitelistFeature, readonly [zh: string, en: string]>> = {
  district: ['区域', 'District'],
  cluster: ['产业集群', 'Industry cluster'],
  sizeClass: ['企业规模', 'Size class'],
  foundedYear: ['成立年份', 'Founding year'],
  employees: ['从业人数', 'Employees'],
  highTech: ['高新技术企业', 'High-tech enterprise'],
  specialised: ['专精特新', 'Specialised (专精特新)'],
  validInventionPatents: ['有效发明专利数', 'Valid invention patents'],
  validPatents: ['有效专利数', 'Valid patents'],
  valuationScore: ['估值评分', 'Valuation score'],
  patentGrowth3y: ['近三年授权专利数', 'Patents granted (3 years)'],
  registeredCapitalWan: ['注册资本（万元）', 'Registered capital (10k yuan)'],
  overdueCount: ['逾期次数', 'Overdue count'],
};

/**
 * The name of a scorecard feature in `language` (`validInventionPatents` → 有效发明专利数); an unknown code comes
 * back unchanged, so a message never loses what the bank wrote.
 */
export function whitelistFeatureLabel(feature: string, language: 'zh-CN' | 'en'): string {
  if (!isWhitelistFeature(feature)) return feature;
  return whitelistFeatureLabels[feature][language === 'en' ? 1 : 0];
}
