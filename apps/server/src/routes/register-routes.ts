import type { AppDeps } from '@ipf/app';
import type { AppInstance } from '../http/app-instance.ts';
import { registerApiTokenRoutes } from './api-token-routes.ts';
import { registerAuditRoutes } from './audit-routes.ts';
import { registerAuthRoutes } from './auth-routes.ts';
import { registerCaseAttachmentRoutes } from './case-attachment-routes.ts';
import { registerCaseDocumentRoutes } from './case-document-routes.ts';
import { registerConsentRoutes } from './consent-routes.ts';
import { registerDashboardRoutes } from './dashboard-routes.ts';
import { registerDueDiligenceRoutes } from './due-diligence-routes.ts';
import { registerEnterpriseRoutes } from './enterprise-routes.ts';
import { registerEvaluatorRoutes } from './evaluator-routes.ts';
import { registerExpertReviewRoutes } from './expert-review-routes.ts';
import { registerHealthRoutes } from './health-routes.ts';
import { registerIpAssetRoutes } from './ip-asset-routes.ts';
import { registerIpTradeRoutes } from './ip-trade-routes.ts';
import { registerLedgerRoutes } from './ledger-routes.ts';
import { registerMonitoringRoutes } from './monitoring-routes.ts';
import { registerOrganisationRoutes } from './organisation-routes.ts';
import { registerReferenceRoutes } from './reference-routes.ts';
import { registerRegistrationRoutes } from './registration-routes.ts';
import { registerRiskSharingRoutes } from './risk-sharing-routes.ts';
import { registerRiskClaimRoutes } from './risk-claim-routes.ts';
import { registerDispositionRoutes } from './disposition-routes.ts';
import { registerWhatIfRoutes } from './what-if-routes.ts';
import { registerSubsidyRoutes } from './subsidy-routes.ts';
import { registerSubsidyReportRoutes } from './subsidy-report-routes.ts';
import { registerSubsidyRewardRoutes } from './subsidy-reward-routes.ts';
import { registerFeePaymentRoutes } from './fee-payment-routes.ts';
import { registerNotificationRoutes } from './notification-routes.ts';
import { registerServicingRoutes } from './servicing-routes.ts';
import { registerUserRoutes } from './user-routes.ts';
import { registerAvmBatchRoutes } from './avm-batch-routes.ts';
import { registerValuationRoutes } from './valuation-routes.ts';
import { registerWhitelistRoundRoutes } from './whitelist-round-routes.ts';
import { registerWhitelistPushRoutes } from './whitelist-push-routes.ts';
import { registerPsiRoutes } from './psi-routes.ts';
import { registerComplianceFlagRoutes } from './compliance-flag-routes.ts';

export async function registerRoutes(
  app: AppInstance,
  deps: AppDeps,
  options: {
    readonly databaseKind: 'pglite' | 'postgres';
    readonly secureCookies?: boolean;
    readonly loginRateLimit?: number;
  },
): Promise<void> {
  registerHealthRoutes(app, deps, options.databaseKind);
  registerReferenceRoutes(app);
  registerAuthRoutes(app, deps, {
    secureCookies: options.secureCookies ?? false,
    sessionTtlMinutes: deps.sessionTtlMinutes,
    loginRateLimit: options.loginRateLimit ?? 20,
  });
  registerOrganisationRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerEnterpriseRoutes(app, deps);
  registerConsentRoutes(app, deps);
  registerApiTokenRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerIpAssetRoutes(app, deps);
  registerIpTradeRoutes(app, deps);
  registerLedgerRoutes(app, deps);
  registerDueDiligenceRoutes(app, deps);
  registerRegistrationRoutes(app, deps);
  registerCaseDocumentRoutes(app, deps);
  registerCaseAttachmentRoutes(app, deps);
  registerServicingRoutes(app, deps);
  registerRiskSharingRoutes(app, deps);
  registerRiskClaimRoutes(app, deps);
  registerDispositionRoutes(app, deps);
  registerWhatIfRoutes(app, deps);
  registerSubsidyRoutes(app, deps);
  registerSubsidyReportRoutes(app, deps);
  registerSubsidyRewardRoutes(app, deps);
  registerFeePaymentRoutes(app, deps);
  registerNotificationRoutes(app, deps);
  registerDashboardRoutes(app, deps);
  registerMonitoringRoutes(app, deps);
  registerEvaluatorRoutes(app, deps);
  registerExpertReviewRoutes(app, deps);
  registerAvmBatchRoutes(app, deps);
  registerValuationRoutes(app, deps);
  registerWhitelistRoundRoutes(app, deps);
  registerWhitelistPushRoutes(app, deps);
  registerPsiRoutes(app, deps);
  registerComplianceFlagRoutes(app, deps);
  await Promise.resolve();
}
