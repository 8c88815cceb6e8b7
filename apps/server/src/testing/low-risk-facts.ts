/**
 * `facts` of a `POST /api/cases/:id/risk-evaluation` body that the default scorecard passes: an established,
 * high-tech enterprise on the whitelist with no adverse record. What a test posts to reach the value step.
 */
export const lowRiskFacts = {
  yearsInOperation: 8,
  hasAdverseCreditRecord: false,
  overdueLoansLast24Months: 0,
  debtToAssetPct: 35,
  revenueGrowthPct: 18,
  isHighTechEnterprise: true,
  isOnWhitelist: true,
  pendingLitigationCount: 0,
  taxCreditGrade: 'A',
  grantedInventionPatentCount: 6,
};
