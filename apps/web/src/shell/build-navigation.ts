/** A menu entry of the shell; `path` is also the menu key. */
export interface NavigationEntry {
  path: string;
  label: string;
  icon:
    | 'home'
    | 'enterprise'
    | 'organisation'
    | 'user'
    | 'ipAsset'
    | 'case'
    | 'workQueue'
    | 'dashboard'
    | 'alert'
    | 'consent';
}

export interface NavigationGroup {
  key: string;
  label: string;
  entries: NavigationEntry[];
}

type Translate = (key: string) => string;

const bankRoles = ['bank_clerk', 'bank_approver'];

/**
 * The shell's menu for a role and its permission ids: a page appears only when the session may list what it
 * shows, and the enterprise list is named after what the role sees (a bank its customers, a district bureau
 * its district); the financing ledger is "my financing" for an enterprise and the work queue is for bank staff.
 * Groups without entries are left out.
 */
export function buildNavigation(
  role: string,
  permissions: readonly string[],
  t: Translate,
): NavigationGroup[] {
  const can = (permission: string) => permissions.includes(permission);

  const enterpriseLabel = bankRoles.includes(role)
    ? t('nav.customerEnterprises')
    : role === 'district_bureau'
      ? t('nav.districtEnterprises')
      : role === 'enterprise_user'
        ? t('nav.ownEnterprise')
        : t('nav.enterprises');

  const groups: NavigationGroup[] = [
    {
      key: 'workspace',
      label: t('nav.workspace'),
      entries: [
        { path: '/', label: t('nav.home'), icon: 'home' },
        ...(can('dashboard.ledger')
          ? [{ path: '/dashboard', label: t('dashboard.nav'), icon: 'dashboard' as const }]
          : []),
      ],
    },
    {
      key: 'business',
      label: t('nav.business'),
      entries: [
        ...(can('enterprise.list')
          ? [{ path: '/enterprises', label: enterpriseLabel, icon: 'enterprise' as const }]
          : []),
        ...(can('ip_asset.list')
          ? [
              {
                path: '/ip-assets',
                label: role === 'enterprise_user' ? t('nav.ownIpAssets') : t('nav.ipAssets'),
                icon: 'ipAsset' as const,
              },
            ]
          : []),
        ...(can('case.list')
          ? [
              {
                path: '/cases',
                label: role === 'enterprise_user' ? t('nav.ownCases') : t('nav.cases'),
                icon: 'case' as const,
              },
            ]
          : []),
        ...(can('case.work_queue')
          ? [{ path: '/cases/queue', label: t('nav.workQueue'), icon: 'workQueue' as const }]
          : []),
        ...(can('pledge_alert.list')
          ? [{ path: '/alerts', label: t('alerts.nav'), icon: 'alert' as const }]
          : []),
        ...(can('consent.list')
          ? [{ path: '/consents', label: t('consents.nav'), icon: 'consent' as const }]
          : []),
      ],
    },
    {
      key: 'valuation',
      label: t('evaluators.navGroup'),
      entries: [
        ...(can('valuation.list')
          ? [{ path: '/valuations', label: t('valuations.nav'), icon: 'dashboard' as const }]
          : []),
        ...(can('ip_trade.list')
          ? [{ path: '/ip-trades', label: t('ipTrades.nav'), icon: 'case' as const }]
          : []),
        ...(can('ip_health.read') && role === 'enterprise_user'
          ? [{ path: '/ip-health', label: t('ipHealth.nav'), icon: 'alert' as const }]
          : []),
        ...(can('valuation.avm_batch')
          ? [{ path: '/avm-batch', label: t('avmBatch.nav'), icon: 'dashboard' as const }]
          : []),
        ...(can('evaluator.list')
          ? [{ path: '/evaluators', label: t('evaluators.nav'), icon: 'organisation' as const }]
          : []),
        ...(can('expert.list')
          ? [{ path: '/experts', label: t('expertReviews.poolNav'), icon: 'user' as const }]
          : []),
        ...(can('expert_review.list')
          ? [{ path: '/expert-reviews', label: t('expertReviews.nav'), icon: 'workQueue' as const }]
          : []),
      ],
    },
    {
      key: 'riskSharing',
      label: t('riskClaims.navGroup'),
      entries: [
        ...(can('risk_pool.list')
          ? [{ path: '/risk-pools', label: t('riskSharing.navPools'), icon: 'dashboard' as const }]
          : []),
        ...(can('guarantee.list')
          ? [{ path: '/guarantees', label: t('riskSharing.navGuarantees'), icon: 'case' as const }]
          : []),
        ...(can('insurance_policy.list')
          ? [{ path: '/insurance-policies', label: t('riskSharing.navPolicies'), icon: 'consent' as const }]
          : []),
        ...(can('risk_claim.list')
          ? [{ path: '/risk-claims', label: t('riskClaims.nav'), icon: 'workQueue' as const }]
          : []),
        ...(can('disposition.read')
          ? [{ path: '/dispositions', label: t('dispositions.nav'), icon: 'case' as const }]
          : []),
        ...(can('what_if.run')
          ? [{ path: '/what-if', label: t('whatIf.nav'), icon: 'dashboard' as const }]
          : []),
      ],
    },
    {
      key: 'subsidies',
      label: t('subsidies.navGroup'),
      entries: [
        ...(can('subsidy.eligibility') && role === 'enterprise_user'
          ? [{ path: '/subsidies', label: t('subsidies.navMine'), icon: 'case' as const }]
          : []),
        ...(can('subsidy_application.list') && role !== 'enterprise_user'
          ? [{ path: '/subsidy-applications', label: t('subsidies.navQueue'), icon: 'workQueue' as const }]
          : []),
        ...(can('subsidy_scheme.list')
          ? [{ path: '/subsidy-schemes', label: t('subsidies.navSchemes'), icon: 'dashboard' as const }]
          : []),
        ...(can('subsidy_report.read')
          ? [{ path: '/subsidy-reports', label: t('subsidyReports.navReports'), icon: 'dashboard' as const }]
          : []),
        ...(can('fee_payment.list') && can('case.list')
          ? [{ path: '/fee-payments', label: t('feePayments.nav'), icon: 'case' as const }]
          : []),
        ...(can('subsidy_reward.apply')
          ? [{ path: '/subsidy-rewards', label: t('subsidyRewards.navMine'), icon: 'case' as const }]
          : []),
        ...(can('subsidy_reward.list') && !can('subsidy_reward.apply')
          ? [
              {
                path: '/subsidy-reward-queue',
                label: t('subsidyRewards.navQueue'),
                icon: 'workQueue' as const,
              },
            ]
          : []),
      ],
    },
    {
      key: 'whitelist-push',
      label: t('whitelistPush.navGroup'),
      entries: [
        ...(can('whitelist_round.manage')
          ? [{ path: '/whitelist-rounds', label: t('whitelistRounds.navBureau'), icon: 'workQueue' as const }]
          : []),
        ...(can('whitelist_scorecard.submit')
          ? [
              {
                path: '/whitelist-pre-evaluation',
                label: t('whitelistRounds.navBank'),
                icon: 'dashboard' as const,
              },
            ]
          : []),
        ...(can('whitelist_programme.read')
          ? [
              {
                path: '/whitelist-programme',
                label: t('whitelistRounds.navProgramme'),
                icon: 'consent' as const,
              },
            ]
          : []),
        ...(can('compliance_flag.list')
          ? [
              {
                path: '/compliance-flags',
                label: role === 'enterprise_user' ? t('compliance.navMine') : t('compliance.nav'),
                icon: 'alert' as const,
              },
            ]
          : []),
        ...(can('whitelist_rules.publish')
          ? [{ path: '/whitelist-rules', label: t('whitelistPush.navRules'), icon: 'dashboard' as const }]
          : []),
        ...(can('whitelist.push')
          ? [{ path: '/whitelist-push', label: t('whitelistPush.navPush'), icon: 'workQueue' as const }]
          : []),
        ...(can('whitelist_conversion.read')
          ? [
              {
                path: '/whitelist-conversion',
                label: t('whitelistPush.navConversion'),
                icon: 'dashboard' as const,
              },
            ]
          : []),
        ...(can('whitelist_lead.list') && role !== 'city_bureau' && role !== 'district_bureau'
          ? [
              {
                path: '/whitelist-leads',
                label: role === 'enterprise_user' ? t('whitelistPush.navMine') : t('whitelistPush.navLeads'),
                icon: 'case' as const,
              },
            ]
          : []),
        ...(can('reverse_evaluation.read')
          ? [{ path: '/reverse-evaluations', label: t('whitelistPush.navReverse'), icon: 'consent' as const }]
          : []),
        ...(can('psi.match') ? [{ path: '/psi-match', label: t('psi.nav'), icon: 'consent' as const }] : []),
      ],
    },
    {
      key: 'administration',
      label: t('nav.administration'),
      entries: [
        ...(can('organisation.list')
          ? [{ path: '/organisations', label: t('nav.organisations'), icon: 'organisation' as const }]
          : []),
        ...(can('user.list') ? [{ path: '/users', label: t('nav.users'), icon: 'user' as const }] : []),
      ],
    },
  ];
  return groups.filter((g) => g.entries.length > 0);
}
