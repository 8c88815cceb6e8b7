import type { RiskScorecard } from './calculate-risk-score.ts';

/**
 * 演示评分卡 (demo risk scorecard): *example* weights for the seed and tests; banks enter their own as data.
 */
export const demoRiskScorecard: RiskScorecard = {
  scorecardId: 'demo-2026',
  version: 1,
  effectiveDate: '2026-01-01',
  baseScore: 60,
  passScore: 60,
  referScore: 45,
  rules: [
    {
      ruleId: 'adverse_credit',
      zh: '征信存在不良记录',
      en: 'Adverse credit record',
      condition: { fact: 'hasAdverseCreditRecord', operator: 'is', value: true },
      points: -30,
      knockout: true,
    },
    {
      ruleId: 'overdue_24m',
      zh: '近24个月有逾期贷款',
      en: 'Overdue loans in the last 24 months',
      condition: { fact: 'overdueLoansLast24Months', operator: '>', threshold: 0 },
      points: -15,
    },
    {
      ruleId: 'young_firm',
      zh: '成立不满2年',
      en: 'In business for under 2 years',
      condition: { fact: 'yearsInOperation', operator: '<', threshold: 2 },
      points: -10,
    },
    {
      ruleId: 'established_firm',
      zh: '成立满5年',
      en: 'In business for 5 years or more',
      condition: { fact: 'yearsInOperation', operator: '>=', threshold: 5 },
      points: 5,
    },
    {
      ruleId: 'high_leverage',
      zh: '资产负债率高于70%',
      en: 'Debt-to-asset ratio above 70 %',
      condition: { fact: 'debtToAssetPct', operator: '>', threshold: 70 },
      points: -10,
    },
    {
      ruleId: 'revenue_growth',
      zh: '营业收入增长率不低于10%',
      en: 'Revenue growth of 10 % or more',
      condition: { fact: 'revenueGrowthPct', operator: '>=', threshold: 10 },
      points: 5,
    },
    {
      ruleId: 'revenue_decline',
      zh: '营业收入下降超过20%',
      en: 'Revenue down by more than 20 %',
      condition: { fact: 'revenueGrowthPct', operator: '<', threshold: -20 },
      points: -10,
    },
    {
      ruleId: 'high_tech',
      zh: '国家高新技术企业',
      en: 'High-tech enterprise',
      condition: { fact: 'isHighTechEnterprise', operator: 'is', value: true },
      points: 5,
    },
    {
      ruleId: 'whitelist',
      zh: '列入白名单',
      en: 'On the whitelist',
      condition: { fact: 'isOnWhitelist', operator: 'is', value: true },
      points: 5,
    },
    {
      ruleId: 'litigation',
      zh: '存在未决诉讼',
      en: 'Pending litigation',
      condition: { fact: 'pendingLitigationCount', operator: '>', threshold: 0 },
      points: -5,
    },
    {
      ruleId: 'tax_grade_good',
      zh: '纳税信用A/B级',
      en: 'Tax credit grade A or B',
      condition: { fact: 'taxCreditGrade', operator: 'in', values: ['A', 'B'] },
      points: 5,
    },
    {
      ruleId: 'tax_grade_d',
      zh: '纳税信用D级',
      en: 'Tax credit grade D',
      condition: { fact: 'taxCreditGrade', operator: 'in', values: ['D'] },
      points: -20,
      knockout: true,
    },
    {
      ruleId: 'patent_portfolio',
      zh: '有效发明专利不少于5件',
      en: 'Five or more granted invention patents',
      condition: { fact: 'grantedInventionPatentCount', operator: '>=', threshold: 5 },
      points: 5,
    },
  ],
};
