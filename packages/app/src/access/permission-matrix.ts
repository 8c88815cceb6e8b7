import type { Role } from '@ipf/domain/party';

/**
 * How far an allowed operation reaches (access.md):
 * - `all`: every record (bureau and regulator supervisory read rests on their mandate, not on consent);
 * - `own_org`: the actor's own organisation's records;
 * - `customers`: enterprises in a customer relationship with the actor's bank unit or a unit below it;
 * - `district`: records in the actor's district;
 * - `assigned`: records of cases the actor's organisation is assigned to (or granted a valid consent);
 * - `none`: refused.
 */
export type AccessScope = 'all' | 'own_org' | 'customers' | 'district' | 'assigned' | 'none';

export type Operation =
  | 'organisation.list'
  | 'organisation.read'
  | 'organisation.create'
  | 'organisation.directory'
  | 'user.list'
  | 'user.create'
  | 'user.update'
  | 'enterprise.list'
  | 'enterprise.read'
  | 'enterprise.create'
  | 'enterprise.update'
  | 'consent.list'
  | 'consent.grant'
  | 'consent.revoke'
  | 'api_token.list'
  | 'api_token.create'
  | 'api_token.revoke'
  | 'audit.list'
  | 'audit.verify'
  | 'ip_asset.list'
  | 'ip_asset.read'
  | 'ip_asset.create'
  | 'ip_asset.update'
  | 'ip_asset.import'
  | 'ip_asset.export'
  | 'ip_asset.check_eligibility'
  | 'bank_product.list'
  | 'bank_product.create'
  | 'case.list'
  | 'case.read'
  | 'case.apply'
  | 'case.create_lead'
  | 'case.evaluate'
  | 'valuation.list'
  | 'valuation.read'
  | 'valuation.create'
  | 'case.decide'
  | 'case.withdraw'
  | 'case.work_queue'
  | 'case.export'
  | 'dashboard.ledger'
  | 'registration.read'
  | 'registration.submit'
  | 'registration.record_decision'
  | 'registration.statistics'
  | 'case.prepare_contract'
  | 'case.sign'
  | 'case_document.read'
  | 'case_attachment.read'
  | 'case_attachment.upload'
  | 'case_attachment.delete'
  | 'signing_certificate.list'
  | 'signing_certificate.register'
  | 'signing_certificate.revoke'
  | 'case.accept_guarantee'
  | 'case.accept_insurance'
  | 'guarantee_product.list'
  | 'guarantee_product.manage'
  | 'guarantee.list'
  | 'guarantee.record'
  | 'insurance_policy.list'
  | 'insurance_policy.record'
  | 'risk_pool.list'
  | 'risk_pool.manage'
  | 'risk_pool_filing.list'
  | 'risk_sharing.read'
  | 'loan.read'
  | 'loan.disburse'
  | 'loan.repay'
  | 'loan.restructure'
  | 'servicing.run_daily'
  | 'case.default_workout'
  | 'case.write_off'
  | 'risk_claim.list'
  | 'risk_claim.read'
  | 'risk_claim.case'
  | 'risk_claim.file'
  | 'risk_claim.review'
  | 'risk_claim.decide'
  | 'risk_claim.pay'
  | 'risk_recovery.record'
  | 'disposition.read'
  | 'disposition.manage'
  | 'disposition.distribute'
  | 'what_if.run'
  | 'pledge_alert.list'
  | 'pledge_alert.handle'
  | 'pledge_alert.scan'
  | 'pledge_fee.record_on_behalf'
  | 'pledge.revalue'
  | 'evaluator.list'
  | 'evaluator.read'
  | 'evaluator.apply'
  | 'evaluator.manage'
  | 'expert.list'
  | 'expert.manage'
  | 'expert_review.list'
  | 'expert_review.read'
  | 'expert_review.manage'
  | 'expert_review.opinion'
  | 'expert_review.verify'
  | 'ip_trade.list'
  | 'ip_trade.record'
  | 'ip_trade_listing.list'
  | 'ip_trade_listing.manage'
  | 'ip_trade.comparables'
  | 'ip_health.read'
  | 'valuation.avm_batch'
  | 'valuation.avm_runs'
  | 'whitelist_rules.list'
  | 'whitelist_rules.publish'
  | 'whitelist.build'
  | 'whitelist_entry.list'
  | 'whitelist.push'
  | 'whitelist.push_scheduled'
  | 'whitelist_lead.list'
  | 'whitelist_lead.contact'
  | 'whitelist_conversion.read'
  | 'reverse_evaluation.create'
  | 'reverse_evaluation.read'
  | 'subsidy_scheme.list'
  | 'subsidy_scheme.publish'
  | 'subsidy.eligibility'
  | 'subsidy_application.list'
  | 'subsidy_application.read'
  | 'subsidy_application.apply'
  | 'subsidy_application.review'
  | 'subsidy_application.approve'
  | 'subsidy_application.pay'
  | 'subsidy_application.claw_back'
  | 'subsidy_scheme.simulate'
  | 'whitelist_programme.read'
  | 'whitelist_programme.join'
  | 'whitelist_programme.leave'
  | 'whitelist_round.list'
  | 'whitelist_round.read'
  | 'whitelist_round.manage'
  | 'whitelist_release.read'
  | 'whitelist_scorecard.list'
  | 'whitelist_scorecard.submit'
  | 'whitelist_grade.list'
  | 'whitelist_grade.upload'
  | 'compliance_flag.list'
  | 'compliance_flag.record'
  | 'compliance_flag.clear'
  | 'subsidy_report.read'
  | 'subsidy_reward.eligibility'
  | 'subsidy_reward.apply'
  | 'subsidy_reward.list'
  | 'subsidy_reward.read'
  | 'subsidy_reward.review'
  | 'subsidy_reward.approve'
  | 'subsidy_reward.pay'
  | 'subsidy_reward.claw_back'
  | 'fee_payment.list'
  | 'fee_payment.record'
  | 'subsidy_evidence.upload'
  | 'notification.list'
  | 'notification.mark_read'
  | 'psi.match';

type Row = Readonly<Record<Role, AccessScope>>;

const everyone = (scope: AccessScope): Row => ({
  enterprise_user: scope,
  bank_clerk: scope,
  bank_approver: scope,
  guarantor_user: scope,
  insurer_user: scope,
  evaluator: scope,
  expert: scope,
  pool_admin: scope,
  district_bureau: scope,
  city_bureau: scope,
  regulator: scope,
  platform_admin: scope,
});
const only = (grants: Partial<Record<Role, AccessScope>>): Row => ({ ...everyone('none'), ...grants });

/**
 * Who reads an enterprise's data and how far (access.md): the enterprise itself, its banks through the customer
 * relationship, case parties while assigned, its district bureau, and the city bureau and regulators by mandate.
 * Enterprise profiles and IP assets share this row.
 */
const enterpriseDataReaders: Row = only({
  enterprise_user: 'own_org',
  bank_clerk: 'customers',
  bank_approver: 'customers',
  guarantor_user: 'assigned',
  insurer_user: 'assigned',
  evaluator: 'assigned',
  expert: 'assigned',
  pool_admin: 'assigned',
  district_bureau: 'district',
  city_bureau: 'all',
  regulator: 'all',
});

/**
 * Who reads a financing case: the enterprise, the bank unit and the units above it, the guarantor and insurer the
 * case names (`case_participants`), the district bureau, and the city bureau and regulators read-only.
 */
const caseReaders: Row = only({
  enterprise_user: 'own_org',
  bank_clerk: 'own_org',
  bank_approver: 'own_org',
  guarantor_user: 'assigned',
  insurer_user: 'assigned',
  district_bureau: 'district',
  city_bureau: 'all',
  regulator: 'all',
});

/**
 * 权限矩阵: one row per operation × role, reviewed like code. `permission-matrix.test.ts` calls every endpoint
 * as every role and fails for an endpoint whose operation has no row here.
 */
export const permissionMatrix: Readonly<Record<Operation, Row>> = {
  'organisation.list': only({ platform_admin: 'all', city_bureau: 'all', regulator: 'all' }),
  'organisation.read': {
    ...everyone('own_org'),
    platform_admin: 'all',
    city_bureau: 'all',
    regulator: 'all',
  },
  'organisation.create': only({ platform_admin: 'all' }),
  // The directory of active banks, guarantors and insurers (names, kinds, ids) the parties of a deal choose from.
  'organisation.directory': only({
    enterprise_user: 'all',
    bank_clerk: 'all',
    bank_approver: 'all',
    guarantor_user: 'all',
    insurer_user: 'all',
    pool_admin: 'all', // picks the banks of its pool (issue 8 item 3)
  }),
  'user.list': only({ platform_admin: 'all' }),
  'user.create': only({ platform_admin: 'all' }),
  'user.update': only({ platform_admin: 'all' }),
  'enterprise.list': enterpriseDataReaders,
  'enterprise.read': enterpriseDataReaders,
  'enterprise.create': only({ platform_admin: 'all' }),
  'enterprise.update': only({ enterprise_user: 'own_org' }),
  'consent.list': only({ enterprise_user: 'own_org' }),
  'consent.grant': only({ enterprise_user: 'own_org' }),
  'consent.revoke': only({ enterprise_user: 'own_org' }),
  'api_token.list': only({ bank_clerk: 'own_org', bank_approver: 'own_org' }),
  'api_token.create': only({ bank_clerk: 'own_org', bank_approver: 'own_org' }),
  'api_token.revoke': only({ bank_clerk: 'own_org', bank_approver: 'own_org' }),
  'audit.list': only({ city_bureau: 'all', regulator: 'all' }),
  'audit.verify': only({ city_bureau: 'all', platform_admin: 'all' }),
  // IP registry (issue 3): assets are seen through their owner enterprises, with the enterprise rows' scopes.
  'ip_asset.list': enterpriseDataReaders,
  'ip_asset.read': enterpriseDataReaders,
  'ip_asset.create': only({ enterprise_user: 'own_org' }),
  'ip_asset.update': only({ enterprise_user: 'own_org' }),
  'ip_asset.import': only({ enterprise_user: 'own_org' }),
  'ip_asset.export': only({
    enterprise_user: 'own_org',
    bank_clerk: 'customers',
    bank_approver: 'customers',
    district_bureau: 'district',
    city_bureau: 'all',
    regulator: 'all',
  }),
  'ip_asset.check_eligibility': only({
    enterprise_user: 'own_org',
    bank_clerk: 'customers',
    bank_approver: 'customers',
    guarantor_user: 'assigned',
  }),
  // Financing ledger (issue 5). For case rows `own_org` of a bank user means its unit and the units below it
  // (bank hierarchy); guarantors, insurers and evaluators get case access with case assignments (part B).
  'bank_product.list': only({
    enterprise_user: 'all',
    bank_clerk: 'own_org',
    bank_approver: 'own_org',
    guarantor_user: 'all',
    insurer_user: 'all',
    district_bureau: 'all',
    city_bureau: 'all',
    regulator: 'all',
  }),
  'bank_product.create': only({ bank_approver: 'own_org' }),
  // An evaluation firm reads the cases whose value step adopted its report (it records its fee on them, issue 9).
  'case.list': { ...caseReaders, evaluator: 'assigned' },
  'case.read': { ...caseReaders, evaluator: 'assigned' },
  'case.apply': only({ enterprise_user: 'own_org' }),
  'case.create_lead': only({
    bank_clerk: 'customers',
    bank_approver: 'customers',
    district_bureau: 'district',
    city_bureau: 'all',
  }),
  'case.evaluate': only({ bank_clerk: 'own_org' }),
  // Valuations on record (issue 7 items 1, 2, 8): an enterprise sees its own assets' valuations, an evaluation
  // firm the ones it made, a bank its customers' (another bank's internal evaluation never), bureaus and regulators
  // read by mandate. Firms value assets of enterprises that consented to them (formal reports), a bank clerk its
  // customers' (internal evaluation), an enterprise its own (pre-assessment); the use case checks the kind.
  'valuation.list': only({
    enterprise_user: 'own_org',
    bank_clerk: 'customers',
    bank_approver: 'customers',
    evaluator: 'own_org',
    district_bureau: 'district',
    city_bureau: 'all',
    regulator: 'all',
  }),
  'valuation.read': only({
    enterprise_user: 'own_org',
    bank_clerk: 'customers',
    bank_approver: 'customers',
    evaluator: 'own_org',
    district_bureau: 'district',
    city_bureau: 'all',
    regulator: 'all',
  }),
  'valuation.create': only({ enterprise_user: 'own_org', bank_clerk: 'customers', evaluator: 'assigned' }),
  'case.decide': only({ bank_approver: 'own_org' }),
  'case.withdraw': only({ enterprise_user: 'own_org' }),
  'case.work_queue': only({ bank_clerk: 'own_org', bank_approver: 'own_org' }),
  // Ledger export and the first dashboard (issue 6 item 6): the export is the list's rows, so whoever lists cases
  // may export them; the dashboard is for bank staff (their hierarchy), bureaus and regulators (R16).
  'case.export': caseReaders,
  'dashboard.ledger': only({
    bank_clerk: 'own_org',
    bank_approver: 'own_org',
    district_bureau: 'district',
    city_bureau: 'all',
    regulator: 'all',
  }),
  // Pledge registration (issue 5 item 6): read like the case, plus the guarantor of a counter-guarantee case it is
  // assigned to; filed, corrected, changed, extended and cancelled by the pledgee's side (the case rule
  // `pledgee_side` then picks the bank clerk or the guarantor); an authority's later answer arrives through its
  // gateway, run by the platform operator (no business user records an authority's decision).
  'registration.read': { ...caseReaders, guarantor_user: 'assigned' },
  'registration.submit': only({ bank_clerk: 'own_org', guarantor_user: 'assigned' }),
  'registration.record_decision': only({ platform_admin: 'all' }),
  'registration.statistics': only({
    bank_clerk: 'own_org',
    bank_approver: 'own_org',
    district_bureau: 'all',
    city_bureau: 'all',
    regulator: 'all',
  }),
  // Contracts and electronic signatures (issue 5 item 5): the bank clerk prepares (the bank signs through its
  // signing service), the guarantor signs its counter-guarantee pledge, the enterprise signs last. Documents are
  // read by whoever reads the case. Certificates: each signing organisation manages its own browser keys.
  'case.prepare_contract': only({ bank_clerk: 'own_org' }),
  'case.sign': only({ enterprise_user: 'own_org', guarantor_user: 'assigned' }),
  'case_document.read': { ...caseReaders, guarantor_user: 'assigned' },
  // 申请材料 (issue 5 item 2): read by whoever reads the case; attached by the applicant enterprise and the case's
  // bank clerk (尽调材料); deleted by the uploader only, before approval (the use case checks both).
  'case_attachment.read': caseReaders,
  'case_attachment.upload': only({ enterprise_user: 'own_org', bank_clerk: 'own_org' }),
  'case_attachment.delete': only({ enterprise_user: 'own_org', bank_clerk: 'own_org' }),
  'signing_certificate.list': only({ enterprise_user: 'own_org', guarantor_user: 'own_org' }),
  'signing_certificate.register': only({ enterprise_user: 'own_org', guarantor_user: 'own_org' }),
  'signing_certificate.revoke': only({ enterprise_user: 'own_org', guarantor_user: 'own_org' }),
  // 承保: the guarantor or insurer a case names accepts it, for its own organisation only.
  'case.accept_guarantee': only({ guarantor_user: 'assigned' }),
  'case.accept_insurance': only({ insurer_user: 'assigned' }),
  // Risk sharing (issue 8 items 1–4): a guarantor keeps its products and records the guarantee of a case it is
  // named on; an insurer records the 保证保险 policy of its case and article-八 policies; a pool administrator keeps
  // its pool (members, budget, ratios) and sees the loans filed into it; banks see their own cases' guarantees,
  // policies and filings; bureaus and regulators read by mandate. The case's agreement is read like the case.
  'guarantee_product.list': only({
    bank_clerk: 'all',
    bank_approver: 'all',
    guarantor_user: 'own_org',
    city_bureau: 'all',
    regulator: 'all',
  }),
  'guarantee_product.manage': only({ guarantor_user: 'own_org' }),
  'guarantee.list': only({
    bank_clerk: 'own_org',
    bank_approver: 'own_org',
    guarantor_user: 'own_org',
    city_bureau: 'all',
    regulator: 'all',
  }),
  'guarantee.record': only({ guarantor_user: 'assigned' }),
  'insurance_policy.list': only({
    enterprise_user: 'own_org',
    bank_clerk: 'own_org',
    bank_approver: 'own_org',
    insurer_user: 'own_org',
    city_bureau: 'all',
    regulator: 'all',
  }),
  'insurance_policy.record': only({ insurer_user: 'own_org' }),
  'risk_pool.list': only({
    bank_clerk: 'all',
    bank_approver: 'all',
    pool_admin: 'own_org',
    district_bureau: 'all',
    city_bureau: 'all',
    regulator: 'all',
  }),
  'risk_pool.manage': only({ pool_admin: 'own_org' }),
  'risk_pool_filing.list': only({
    bank_clerk: 'own_org',
    bank_approver: 'own_org',
    pool_admin: 'own_org',
    city_bureau: 'all',
    regulator: 'all',
  }),
  'risk_sharing.read': caseReaders,
  // Servicing (issue 6 items 1–4): the loan account is read like its case; the bank clerk disburses and posts
  // repayments; the daily job runs as the system (scheduler, CLI) or when the platform operator starts it.
  'loan.read': caseReaders,
  'loan.disburse': only({ bank_clerk: 'own_org' }),
  'loan.repay': only({ bank_clerk: 'own_org' }),
  // 展期 and 续贷 (issue 6 item 2): new contract versions recorded by the bank clerk, like the other servicing steps.
  'loan.restructure': only({ bank_clerk: 'own_org' }),
  'servicing.run_daily': only({ platform_admin: 'all' }),
  // Default workout (states.md: non_performing → compensating → disposing → written_off | recovered): the bank
  // clerk files claims, starts disposal and records recoveries; a bank approver writes off (审贷分离).
  'case.default_workout': only({ bank_clerk: 'own_org' }),
  'case.write_off': only({ bank_approver: 'own_org' }),
  // Claims 代偿/理赔/补偿 (issue 8 item 6): the bank clerk files on a defaulted case of its own and records recoveries
  // shared back; the guarantor files its re-guarantee claim; each payer (guarantor, insurer, pool administrator)
  // reviews, decides (maker-checker inside the use case) and pays the claims on its own organisation; claims are
  // read by the bank of the case, the payer, the district bureau for its district, the city bureau and regulators.
  'risk_claim.list': only({
    bank_clerk: 'own_org',
    bank_approver: 'own_org',
    guarantor_user: 'own_org',
    insurer_user: 'own_org',
    pool_admin: 'own_org',
    district_bureau: 'district',
    city_bureau: 'all',
    regulator: 'all',
  }),
  'risk_claim.read': only({
    bank_clerk: 'own_org',
    bank_approver: 'own_org',
    guarantor_user: 'own_org',
    insurer_user: 'own_org',
    pool_admin: 'own_org',
    district_bureau: 'district',
    city_bureau: 'all',
    regulator: 'all',
  }),
  // The case page's claims panel is read like the case.
  'risk_claim.case': caseReaders,
  'risk_claim.file': only({ bank_clerk: 'own_org', guarantor_user: 'own_org' }),
  'risk_claim.review': only({ guarantor_user: 'own_org', insurer_user: 'own_org', pool_admin: 'own_org' }),
  'risk_claim.decide': only({ guarantor_user: 'own_org', insurer_user: 'own_org', pool_admin: 'own_org' }),
  'risk_claim.pay': only({ guarantor_user: 'own_org', insurer_user: 'own_org', pool_admin: 'own_org' }),
  'risk_recovery.record': only({ bank_clerk: 'own_org' }),
  // Disposition of pledged IP (issue 8 item 5, R11): the bank clerk opens and works the disposition of its case
  // (costs, proceeds, path, closing); a bank approver approves each distribution (maker-checker in the use case);
  // read like the case (the guarantor of the case, bureaus, regulators), recovery rates likewise.
  'disposition.read': caseReaders,
  'disposition.manage': only({ bank_clerk: 'own_org' }),
  'disposition.distribute': only({ bank_approver: 'own_org' }),
  // What-if (issue 8 item 7): banks on their own loans, a pool administrator on the loans filed into its pool, the
  // bureaus and regulators by mandate.
  'what_if.run': only({
    bank_clerk: 'own_org',
    bank_approver: 'own_org',
    pool_admin: 'own_org',
    district_bureau: 'district',
    city_bureau: 'all',
    regulator: 'all',
  }),
  // Post-loan monitoring of pledged IP (issue 6 item 5): alerts go to the pledgee (the bank by hierarchy, the
  // guarantor of a case it is assigned to), bureaus and regulators read them; the pledgee acknowledges, resolves
  // and records fees paid on the owner's behalf; the scan runs with the daily job or when the operator starts it.
  'pledge_alert.list': only({
    bank_clerk: 'own_org',
    bank_approver: 'own_org',
    guarantor_user: 'assigned',
    district_bureau: 'district',
    city_bureau: 'all',
    regulator: 'all',
  }),
  'pledge_alert.handle': only({
    bank_clerk: 'own_org',
    bank_approver: 'own_org',
    guarantor_user: 'assigned',
  }),
  'pledge_alert.scan': only({ platform_admin: 'all' }),
  'pledge_fee.record_on_behalf': only({ bank_clerk: 'own_org', guarantor_user: 'assigned' }),
  // 押品重估: the pledgee's side records the new valuation of the pledged IP.
  'pledge.revalue': only({ bank_clerk: 'own_org', guarantor_user: 'assigned' }),
  // Evaluator registry (issue 7 item 6): a firm applies and sees its own admission; the city bureau admits,
  // rejects, suspends, removes and reinstates; banks read the admitted firms only (findEvaluators filters by
  // state); regulators read all.
  'evaluator.list': only({
    evaluator: 'own_org',
    bank_clerk: 'all',
    bank_approver: 'all',
    city_bureau: 'all',
    regulator: 'all',
  }),
  'evaluator.read': only({
    evaluator: 'own_org',
    bank_clerk: 'all',
    bank_approver: 'all',
    city_bureau: 'all',
    regulator: 'all',
  }),
  'evaluator.apply': only({ evaluator: 'own_org' }),
  'evaluator.manage': only({ city_bureau: 'all' }),
  // Expert pool and 复核认定 (issue 7 item 7): the bureau keeps the pool, opens reviews, draws and concludes; the
  // firm under review and the case's bank read their reviews, an expert those it was drawn for (access.md "Case
  // parties"); opinions come from the expert's own login or the bureau on the expert's behalf. Re-running a
  // published draw shows its conflict set (the case's bank, enterprise and evaluator), so only the review's readers.
  'expert.list': only({ city_bureau: 'all' }),
  'expert.manage': only({ city_bureau: 'all' }),
  'expert_review.list': only({
    evaluator: 'own_org',
    bank_clerk: 'own_org',
    bank_approver: 'own_org',
    expert: 'assigned',
    city_bureau: 'all',
    regulator: 'all',
  }),
  'expert_review.read': only({
    evaluator: 'own_org',
    bank_clerk: 'own_org',
    bank_approver: 'own_org',
    expert: 'assigned',
    city_bureau: 'all',
    regulator: 'all',
  }),
  'expert_review.manage': only({ city_bureau: 'all' }),
  'expert_review.opinion': only({ expert: 'assigned', city_bureau: 'all' }),
  'expert_review.verify': only({
    evaluator: 'own_org',
    bank_clerk: 'own_org',
    bank_approver: 'own_org',
    expert: 'assigned',
    city_bureau: 'all',
    regulator: 'all',
  }),
  // Trade records (R4, issue 7 item 3): completed trades and listings are public market data every user reads
  // (counterparties' names only for the bureaus, see findTradeRecords); the bureaus record trades for the trading
  // centre (no trading-centre role exists yet); an enterprise lists its own assets, a bureau on its behalf.
  'ip_trade.list': everyone('all'),
  'ip_trade.record': only({ city_bureau: 'all', district_bureau: 'district' }),
  'ip_trade_listing.list': everyone('all'),
  'ip_trade_listing.manage': only({
    enterprise_user: 'own_org',
    city_bureau: 'all',
    district_bureau: 'district',
  }),
  // Comparables for an asset and the enterprise health check 体检 read the enterprise's IP: its data readers.
  'ip_trade.comparables': enterpriseDataReaders,
  'ip_health.read': enterpriseDataReaders,
  // Batch AVM (issue 7 item 4) over the registry: an enterprise its own portfolio, a bank its customers' (never the
  // whole registry: the use case refuses), a district bureau its district, the city bureau and regulators all.
  'valuation.avm_batch': only({
    enterprise_user: 'own_org',
    bank_clerk: 'customers',
    bank_approver: 'customers',
    district_bureau: 'district',
    city_bureau: 'all',
    regulator: 'all',
  }),
  // The stored batch AVM runs: the city bureau and regulators every run, the other runners their organisation's.
  'valuation.avm_runs': only({
    enterprise_user: 'own_org',
    bank_clerk: 'own_org',
    bank_approver: 'own_org',
    district_bureau: 'own_org',
    city_bureau: 'all',
    regulator: 'all',
  }),
  // 白名单规则、生成与推送 (issue 10 items 4, 5): the city bureau publishes rules, builds each bank's whitelist and
  // pushes it (on demand; monthly by the system); banks read the rules. Before the push only the bureau sees the
  // entries; a push reveals them to the receiving bank's units (`own_org`: pushed to its unit or one below), the
  // enterprise sees which banks received it, a district bureau its district's leads, regulators the statistics.
  'whitelist_rules.list': only({
    bank_clerk: 'all',
    bank_approver: 'all',
    district_bureau: 'all',
    city_bureau: 'all',
    regulator: 'all',
  }),
  'whitelist_rules.publish': only({ city_bureau: 'all' }),
  'whitelist.build': only({ city_bureau: 'all' }),
  'whitelist_entry.list': only({ city_bureau: 'all' }),
  'whitelist.push': only({ city_bureau: 'all' }),
  'whitelist.push_scheduled': only({ platform_admin: 'all' }),
  'whitelist_lead.list': only({
    enterprise_user: 'own_org',
    bank_clerk: 'own_org',
    bank_approver: 'own_org',
    district_bureau: 'district',
    city_bureau: 'all',
  }),
  'whitelist_lead.contact': only({ bank_clerk: 'own_org', bank_approver: 'own_org' }),
  'whitelist_conversion.read': only({ district_bureau: 'district', city_bureau: 'all', regulator: 'all' }),
  // 合规标记 (issue 10 item 4): the city bureau records and clears them; an enterprise sees its own, a district
  // bureau its district's. Banks never: a flag would tell a bank why an enterprise it graded is not pushed to it.
  'compliance_flag.list': only({
    enterprise_user: 'own_org',
    district_bureau: 'district',
    city_bureau: 'all',
  }),
  'compliance_flag.record': only({ city_bureau: 'all' }),
  'compliance_flag.clear': only({ city_bureau: 'all' }),
  // 反向评估 (issue 10 item 6): a bank unit requests and reads its own (units below it included); the bureau all.
  'reverse_evaluation.create': only({ bank_clerk: 'own_org', bank_approver: 'own_org' }),
  'reverse_evaluation.read': only({ bank_clerk: 'own_org', bank_approver: 'own_org', city_bureau: 'all' }),
  // Subsidies 贴息 贴费 (issue 9, access.md): the enterprise applies and sees its own; the district bureau reviews
  // and approves its district's (another user than the reviewer); the city bureau publishes schemes and reviews
  // or approves where the scheme says; regulators read.
  'subsidy_scheme.list': only({
    enterprise_user: 'all',
    bank_clerk: 'all',
    bank_approver: 'all',
    district_bureau: 'all',
    city_bureau: 'all',
    regulator: 'all',
  }),
  'subsidy_scheme.publish': only({ city_bureau: 'all' }),
  'subsidy.eligibility': only({
    enterprise_user: 'own_org',
    district_bureau: 'district',
    city_bureau: 'all',
    regulator: 'all',
  }),
  'subsidy_application.list': only({
    enterprise_user: 'own_org',
    district_bureau: 'district',
    city_bureau: 'all',
    regulator: 'all',
  }),
  'subsidy_application.read': only({
    enterprise_user: 'own_org',
    district_bureau: 'district',
    city_bureau: 'all',
    regulator: 'all',
  }),
  'subsidy_application.apply': only({ enterprise_user: 'own_org' }),
  'subsidy_application.review': only({ district_bureau: 'district', city_bureau: 'all' }),
  'subsidy_application.approve': only({ district_bureau: 'district', city_bureau: 'all' }),
  'subsidy_application.pay': only({ district_bureau: 'district', city_bureau: 'all' }),
  'subsidy_application.claw_back': only({ district_bureau: 'district', city_bureau: 'all' }),
  // Simulation of a (draft) scheme over last year's ledger: the city bureau, which drafts schemes (issue 9 item 5).
  'subsidy_scheme.simulate': only({ city_bureau: 'all' }),
  // 白名单计划 (issue 10 item 1): an enterprise joins, leaves and reads its own programme consent.
  'whitelist_programme.read': only({ enterprise_user: 'own_org' }),
  'whitelist_programme.join': only({ enterprise_user: 'own_org' }),
  'whitelist_programme.leave': only({ enterprise_user: 'own_org' }),
  // 白名单轮次 (issue 10 items 2, 3): the city bureau runs rounds and sees every participation; a bank (head office or
  // unit, clerk or approver) sees the rounds its bank takes part in — the participating unit, the units below it and
  // above it (`own_org` here, `canBankUnitSeeParticipation`) — downloads its anonymised release, scores and grades.
  'whitelist_round.list': only({ bank_clerk: 'own_org', bank_approver: 'own_org', city_bureau: 'all' }),
  'whitelist_round.read': only({ bank_clerk: 'own_org', bank_approver: 'own_org', city_bureau: 'all' }),
  'whitelist_round.manage': only({ city_bureau: 'all' }),
  'whitelist_release.read': only({ bank_clerk: 'own_org', bank_approver: 'own_org', city_bureau: 'all' }),
  'whitelist_scorecard.list': only({ bank_clerk: 'own_org', bank_approver: 'own_org', city_bureau: 'all' }),
  'whitelist_scorecard.submit': only({ bank_clerk: 'own_org', bank_approver: 'own_org' }),
  'whitelist_grade.list': only({ bank_clerk: 'own_org', bank_approver: 'own_org', city_bureau: 'all' }),
  'whitelist_grade.upload': only({ bank_clerk: 'own_org', bank_approver: 'own_org' }),
  // Subsidy reports and exports (issue 9 item 6): a district bureau its district's, the city and regulators all.
  'subsidy_report.read': only({ district_bureau: 'district', city_bureau: 'all', regulator: 'all' }),
  // 机构奖励 (issue 9 item 2): a bank's (units above see below), guarantor's, insurer's or evaluation firm's users list
  // their loans' reward eligibility and apply; the city bureau reviews, another bureau user approves, pays and claws
  // back; regulators read.
  'subsidy_reward.eligibility': only({
    bank_clerk: 'own_org',
    bank_approver: 'own_org',
    guarantor_user: 'own_org',
    insurer_user: 'own_org',
    evaluator: 'own_org',
  }),
  'subsidy_reward.apply': only({
    bank_clerk: 'own_org',
    bank_approver: 'own_org',
    guarantor_user: 'own_org',
    insurer_user: 'own_org',
    evaluator: 'own_org',
  }),
  'subsidy_reward.list': only({
    bank_clerk: 'own_org',
    bank_approver: 'own_org',
    guarantor_user: 'own_org',
    insurer_user: 'own_org',
    evaluator: 'own_org',
    city_bureau: 'all',
    regulator: 'all',
  }),
  'subsidy_reward.read': only({
    bank_clerk: 'own_org',
    bank_approver: 'own_org',
    guarantor_user: 'own_org',
    insurer_user: 'own_org',
    evaluator: 'own_org',
    city_bureau: 'all',
    regulator: 'all',
  }),
  'subsidy_reward.review': only({ city_bureau: 'all' }),
  'subsidy_reward.approve': only({ city_bureau: 'all' }),
  'subsidy_reward.pay': only({ city_bureau: 'all' }),
  'subsidy_reward.claw_back': only({ city_bureau: 'all' }),
  // 费用缴付记录 (issue 9 item 1): evaluation and service fees paid, read by whoever reads the case (and its
  // evaluator); recorded by the payee on a case it takes part in, or by the enterprise with its invoice.
  'fee_payment.list': { ...caseReaders, evaluator: 'assigned' },
  'fee_payment.record': only({
    enterprise_user: 'own_org',
    bank_clerk: 'own_org',
    guarantor_user: 'assigned',
    insurer_user: 'assigned',
    evaluator: 'assigned',
  }),
  // 补贴证明材料 (issue 9 item 3): the enterprise uploads the proof of a declared fact or fee to its own loan's case.
  'subsidy_evidence.upload': only({ enterprise_user: 'own_org' }),
  // 站内通知 (issue 9 item 4): every user reads its own and its organisation's notifications.
  'notification.list': everyone('own_org'),
  'notification.mark_read': everyone('own_org'),
  // 隐私求交 (ECDH-PSI, issue 10 item 7): a bank unit matches its own customer list; nobody else has a list to match.
  'psi.match': only({ bank_clerk: 'own_org', bank_approver: 'own_org' }),
};

export const operations = Object.keys(permissionMatrix) as Operation[];

/**
 * Endpoints reachable without a session, reviewed like the matrix: health, reference lists, the log-in steps
 * (which act only on the caller's own pending session) and the API documentation.
 */
export const publicEndpoints: readonly string[] = [
  'GET /api/health',
  'GET /api/reference',
  'POST /api/auth/login',
  'POST /api/auth/second-factor',
  'GET /api/auth/enrolment',
  'POST /api/auth/enrolment',
  'POST /api/auth/logout',
  'GET /api/auth/session',
  // Anyone holding a contract PDF may check its signatures (issue 5: "anyone can verify a signed PDF").
  'POST /api/verify-document',
];
