import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { NotFoundPage } from './common/not-found-page.tsx';
import { currentLanguage } from './i18n/i18n.ts';
import { createQueryClient } from './query-client.ts';
import { RequirePermission } from './session/require-permission.tsx';
import { RequireSession } from './session/require-session.tsx';
import { AppShell } from './shell/app-shell.tsx';
import { lazyPage } from './common/lazy-page.tsx';

const LoginPage = lazyPage(() => import('./auth/login-page.tsx'), 'LoginPage');
const CaseApplyPage = lazyPage(() => import('./cases/case-apply-page.tsx'), 'CaseApplyPage');
const CaseDetailPage = lazyPage(() => import('./cases/case-detail-page.tsx'), 'CaseDetailPage');
const CaseListPage = lazyPage(() => import('./cases/case-list-page.tsx'), 'CaseListPage');
const CaseWorkQueuePage = lazyPage(() => import('./cases/case-work-queue-page.tsx'), 'CaseWorkQueuePage');
const ConsentListPage = lazyPage(() => import('./consents/consent-list-page.tsx'), 'ConsentListPage');
const LedgerDashboardPage = lazyPage(
  () => import('./dashboard/ledger-dashboard-page.tsx'),
  'LedgerDashboardPage',
);
const PledgeAlertsPage = lazyPage(() => import('./monitoring/pledge-alerts-page.tsx'), 'PledgeAlertsPage');
const ValuationCreatePage = lazyPage(
  () => import('./valuation/valuation-create-page.tsx'),
  'ValuationCreatePage',
);
const ValuationDetailPage = lazyPage(
  () => import('./valuation/valuation-detail-page.tsx'),
  'ValuationDetailPage',
);
const ValuationListPage = lazyPage(() => import('./valuation/valuation-list-page.tsx'), 'ValuationListPage');
const EvaluatorListPage = lazyPage(() => import('./valuation/evaluator-list-page.tsx'), 'EvaluatorListPage');
const ExpertListPage = lazyPage(() => import('./valuation/expert-list-page.tsx'), 'ExpertListPage');
const ExpertReviewPage = lazyPage(() => import('./valuation/expert-review-page.tsx'), 'ExpertReviewPage');
const IpHealthPage = lazyPage(() => import('./valuation/ip-health-page.tsx'), 'IpHealthPage');
const AvmBatchPage = lazyPage(() => import('./valuation/avm-batch-page.tsx'), 'AvmBatchPage');
const TradeListPage = lazyPage(() => import('./valuation/trade-list-page.tsx'), 'TradeListPage');
const EnterpriseDetailPage = lazyPage(
  () => import('./enterprises/enterprise-detail-page.tsx'),
  'EnterpriseDetailPage',
);
const EnterpriseListPage = lazyPage(
  () => import('./enterprises/enterprise-list-page.tsx'),
  'EnterpriseListPage',
);
const HomePage = lazyPage(() => import('./home/home-page.tsx'), 'HomePage');
const IpAssetDetailPage = lazyPage(() => import('./ip-assets/ip-asset-detail-page.tsx'), 'IpAssetDetailPage');
const IpAssetImportPage = lazyPage(() => import('./ip-assets/ip-asset-import-page.tsx'), 'IpAssetImportPage');
const IpAssetListPage = lazyPage(() => import('./ip-assets/ip-asset-list-page.tsx'), 'IpAssetListPage');
const OrganisationListPage = lazyPage(
  () => import('./organisations/organisation-list-page.tsx'),
  'OrganisationListPage',
);
const VerifyDocumentPage = lazyPage(() => import('./signing/verify-document-page.tsx'), 'VerifyDocumentPage');
const UserListPage = lazyPage(() => import('./users/user-list-page.tsx'), 'UserListPage');
const ClaimDetailPage = lazyPage(() => import('./risk-sharing/claim-detail-page.tsx'), 'ClaimDetailPage');
const ClaimListPage = lazyPage(() => import('./risk-sharing/claim-list-page.tsx'), 'ClaimListPage');
const DispositionDetailPage = lazyPage(
  () => import('./risk-sharing/disposition-detail-page.tsx'),
  'DispositionDetailPage',
);
const DispositionListPage = lazyPage(
  () => import('./risk-sharing/disposition-list-page.tsx'),
  'DispositionListPage',
);
const WhatIfPage = lazyPage(() => import('./risk-sharing/what-if-page.tsx'), 'WhatIfPage');
const GuaranteeListPage = lazyPage(
  () => import('./risk-sharing/guarantee-list-page.tsx'),
  'GuaranteeListPage',
);
const InsurancePolicyListPage = lazyPage(
  () => import('./risk-sharing/insurance-policy-list-page.tsx'),
  'InsurancePolicyListPage',
);
const RiskPoolPage = lazyPage(() => import('./risk-sharing/risk-pool-page.tsx'), 'RiskPoolPage');
const SubsidyApplicationQueuePage = lazyPage(
  () => import('./subsidies/subsidy-application-queue-page.tsx'),
  'SubsidyApplicationQueuePage',
);
const SubsidyEligibilityPage = lazyPage(
  () => import('./subsidies/subsidy-eligibility-page.tsx'),
  'SubsidyEligibilityPage',
);
const SubsidySchemeListPage = lazyPage(
  () => import('./subsidies/subsidy-scheme-list-page.tsx'),
  'SubsidySchemeListPage',
);
const SubsidyReportPage = lazyPage(() => import('./subsidies/subsidy-report-page.tsx'), 'SubsidyReportPage');
const FeePaymentPage = lazyPage(() => import('./subsidies/fee-payment-page.tsx'), 'FeePaymentPage');
const SubsidyRewardPage = lazyPage(() => import('./subsidies/subsidy-reward-page.tsx'), 'SubsidyRewardPage');
const SubsidyRewardQueuePage = lazyPage(
  () => import('./subsidies/subsidy-reward-queue-page.tsx'),
  'SubsidyRewardQueuePage',
);
const ComplianceFlagPage = lazyPage(
  () => import('./compliance/compliance-flag-page.tsx'),
  'ComplianceFlagPage',
);
const WhitelistRulesPage = lazyPage(
  () => import('./whitelist-push/whitelist-rules-page.tsx'),
  'WhitelistRulesPage',
);
const WhitelistPushPage = lazyPage(
  () => import('./whitelist-push/whitelist-push-page.tsx'),
  'WhitelistPushPage',
);
const WhitelistConversionPage = lazyPage(
  () => import('./whitelist-push/whitelist-conversion-page.tsx'),
  'WhitelistConversionPage',
);
const WhitelistLeadListPage = lazyPage(
  () => import('./whitelist-push/whitelist-lead-list-page.tsx'),
  'WhitelistLeadListPage',
);
const ReverseEvaluationPage = lazyPage(
  () => import('./whitelist-push/reverse-evaluation-page.tsx'),
  'ReverseEvaluationPage',
);
const PsiMatchPage = lazyPage(() => import('./psi/psi-match-page.tsx'), 'PsiMatchPage');
const WhitelistRoundListPage = lazyPage(
  () => import('./whitelist/whitelist-round-list-page.tsx'),
  'WhitelistRoundListPage',
);
const WhitelistBankPage = lazyPage(() => import('./whitelist/whitelist-bank-page.tsx'), 'WhitelistBankPage');
const WhitelistProgrammePage = lazyPage(
  () => import('./whitelist/whitelist-programme-page.tsx'),
  'WhitelistProgrammePage',
);
const NotificationListPage = lazyPage(
  () => import('./notifications/notification-list-page.tsx'),
  'NotificationListPage',
);

/** Providers (query cache, Ant Design locale following the UI language) and the routes. */
export function App() {
  const { i18n } = useTranslation();
  const [queryClient] = useState(createQueryClient);
  const language = currentLanguage();

  useEffect(() => {
    dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
    document.documentElement.lang = language;
    document.title = i18n.t('app.title');
    // Problem texts come in the request's language: ask again for what failed in the other one.
    void queryClient.refetchQueries({ predicate: (query) => query.state.status === 'error' });
  }, [language, i18n, queryClient]);

  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider
        locale={language === 'zh-CN' ? zhCN : enUS}
        theme={{ token: { colorPrimary: '#1457d9', colorLink: '#1457d9', borderRadius: 6 } }}
      >
        <AntApp style={{ height: '100%' }}>
          <BrowserRouter>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route path="/verify" element={<VerifyDocumentPage />} />
              <Route
                element={
                  <RequireSession>
                    <AppShell />
                  </RequireSession>
                }
              >
                <Route index element={<HomePage />} />
                <Route
                  path="dashboard"
                  element={
                    <RequirePermission permission="dashboard.ledger">
                      <LedgerDashboardPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="alerts"
                  element={
                    <RequirePermission permission="pledge_alert.list">
                      <PledgeAlertsPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="evaluators"
                  element={
                    <RequirePermission permission="evaluator.list">
                      <EvaluatorListPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="experts"
                  element={
                    <RequirePermission permission="expert.list">
                      <ExpertListPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="expert-reviews"
                  element={
                    <RequirePermission permission="expert_review.list">
                      <ExpertReviewPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="consents"
                  element={
                    <RequirePermission permission="consent.list">
                      <ConsentListPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="organisations"
                  element={
                    <RequirePermission permission="organisation.list">
                      <OrganisationListPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="users"
                  element={
                    <RequirePermission permission="user.list">
                      <UserListPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="enterprises"
                  element={
                    <RequirePermission permission="enterprise.list">
                      <EnterpriseListPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="enterprises/:id"
                  element={
                    <RequirePermission permission="enterprise.read">
                      <EnterpriseDetailPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="ip-assets"
                  element={
                    <RequirePermission permission="ip_asset.list">
                      <IpAssetListPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="ip-assets/import"
                  element={
                    <RequirePermission permission="ip_asset.import">
                      <IpAssetImportPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="ip-assets/:id"
                  element={
                    <RequirePermission permission="ip_asset.read">
                      <IpAssetDetailPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="cases"
                  element={
                    <RequirePermission permission="case.list">
                      <CaseListPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="cases/queue"
                  element={
                    <RequirePermission permission="case.work_queue">
                      <CaseWorkQueuePage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="cases/apply"
                  element={
                    <RequirePermission permission="case.apply">
                      <CaseApplyPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="cases/:id"
                  element={
                    <RequirePermission permission="case.read">
                      <CaseDetailPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="subsidies"
                  element={
                    <RequirePermission permission="subsidy.eligibility">
                      <SubsidyEligibilityPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="subsidy-applications"
                  element={
                    <RequirePermission permission="subsidy_application.list">
                      <SubsidyApplicationQueuePage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="subsidy-schemes"
                  element={
                    <RequirePermission permission="subsidy_scheme.list">
                      <SubsidySchemeListPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="fee-payments"
                  element={
                    <RequirePermission permission="fee_payment.list">
                      <FeePaymentPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="subsidy-reports"
                  element={
                    <RequirePermission permission="subsidy_report.read">
                      <SubsidyReportPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="subsidy-rewards"
                  element={
                    <RequirePermission permission="subsidy_reward.apply">
                      <SubsidyRewardPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="subsidy-reward-queue"
                  element={
                    <RequirePermission permission="subsidy_reward.list">
                      <SubsidyRewardQueuePage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="whitelist-rounds"
                  element={
                    <RequirePermission permission="whitelist_round.manage">
                      <WhitelistRoundListPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="whitelist-pre-evaluation"
                  element={
                    <RequirePermission permission="whitelist_scorecard.submit">
                      <WhitelistBankPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="whitelist-programme"
                  element={
                    <RequirePermission permission="whitelist_programme.read">
                      <WhitelistProgrammePage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="compliance-flags"
                  element={
                    <RequirePermission permission="compliance_flag.list">
                      <ComplianceFlagPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="whitelist-rules"
                  element={
                    <RequirePermission permission="whitelist_rules.publish">
                      <WhitelistRulesPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="whitelist-push"
                  element={
                    <RequirePermission permission="whitelist.push">
                      <WhitelistPushPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="whitelist-conversion"
                  element={
                    <RequirePermission permission="whitelist_conversion.read">
                      <WhitelistConversionPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="whitelist-leads"
                  element={
                    <RequirePermission permission="whitelist_lead.list">
                      <WhitelistLeadListPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="reverse-evaluations"
                  element={
                    <RequirePermission permission="reverse_evaluation.read">
                      <ReverseEvaluationPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="psi-match"
                  element={
                    <RequirePermission permission="psi.match">
                      <PsiMatchPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="notifications"
                  element={
                    <RequirePermission permission="notification.list">
                      <NotificationListPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="valuations"
                  element={
                    <RequirePermission permission="valuation.list">
                      <ValuationListPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="valuations/new"
                  element={
                    <RequirePermission permission="valuation.create">
                      <ValuationCreatePage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="valuations/:id"
                  element={
                    <RequirePermission permission="valuation.read">
                      <ValuationDetailPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="ip-trades"
                  element={
                    <RequirePermission permission="ip_trade.list">
                      <TradeListPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="avm-batch"
                  element={
                    <RequirePermission permission="valuation.avm_batch">
                      <AvmBatchPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="ip-health"
                  element={
                    <RequirePermission permission="ip_health.read">
                      <IpHealthPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="enterprises/:id/ip-health"
                  element={
                    <RequirePermission permission="ip_health.read">
                      <IpHealthPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="risk-pools"
                  element={
                    <RequirePermission permission="risk_pool.list">
                      <RiskPoolPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="guarantees"
                  element={
                    <RequirePermission permission="guarantee.list">
                      <GuaranteeListPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="insurance-policies"
                  element={
                    <RequirePermission permission="insurance_policy.list">
                      <InsurancePolicyListPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="risk-claims"
                  element={
                    <RequirePermission permission="risk_claim.list">
                      <ClaimListPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="risk-claims/:id"
                  element={
                    <RequirePermission permission="risk_claim.read">
                      <ClaimDetailPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="dispositions"
                  element={
                    <RequirePermission permission="disposition.read">
                      <DispositionListPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="dispositions/:id"
                  element={
                    <RequirePermission permission="disposition.read">
                      <DispositionDetailPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="what-if"
                  element={
                    <RequirePermission permission="what_if.run">
                      <WhatIfPage />
                    </RequirePermission>
                  }
                />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
