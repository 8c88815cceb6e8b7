import { defineErrors } from '../errors/error-catalogue.ts';

/** 台账错误 (ledger errors): case transitions, product rules, pledge rate, approval and committee (issue 5). */
export const ledgerErrors = defineErrors({
  CASE_ACTION_NOT_ALLOWED_IN_STATE: {
    status: 409,
    zh: '案件处于“{state}”状态，不能执行“{action}”。',
    en: 'The action "{action}" is not allowed while the case is "{state}".',
  },
  CASE_ROLE_NOT_ALLOWED: {
    status: 403,
    zh: '角色“{role}”无权执行“{action}”。',
    en: 'The role "{role}" may not perform "{action}".',
  },
  CASE_PREPARER_UNKNOWN: {
    status: 409,
    zh: '案件未记录经办人，无法执行审贷分离校验。',
    en: 'The case records no preparer, so maker-checker cannot be verified.',
  },
  MAKER_CHECKER_VIOLATION: {
    status: 403,
    zh: '审贷分离：用户 {userId} 经办了该案件，不能审批或表决。',
    en: 'Maker-checker: user {userId} prepared this case and may not approve or vote on it.',
  },
  DECLINE_REASON_REQUIRED: {
    status: 400,
    zh: '拒绝时必须选择拒贷原因。',
    en: 'A decline needs a reason code.',
  },
  DECLINE_REASON_UNKNOWN: {
    status: 400,
    zh: '拒贷原因代码“{reasonCode}”不存在。',
    en: 'The decline reason code "{reasonCode}" does not exist.',
  },
  APPROVAL_AUTHORITY_INSUFFICIENT: {
    status: 403,
    zh: '审批权限不足：需要第 {requiredLevel} 级权限，当前为第 {level} 级。',
    en: 'Insufficient authority: level {requiredLevel} is needed, the approver holds level {level}.',
  },
  APPROVAL_LEVEL_NOT_CONFIGURED: {
    status: 422,
    zh: '产品 {productId} 没有可审批 {amountYuan} 元的权限档。',
    en: 'Product {productId} has no approval level covering {amountYuan} yuan.',
  },
  CREDIT_COMMITTEE_APPROVAL_REQUIRED: {
    status: 409,
    zh: '该金额须经贷审会审议通过（当前结论：{outcome}）。',
    en: "This amount needs the credit committee's approval (current outcome: {outcome}).",
  },
  CREDIT_COMMITTEE_VOTER_NOT_MEMBER: {
    status: 403,
    zh: '用户 {userId} 不是本次贷审会委员。',
    en: 'User {userId} is not a member of this credit committee.',
  },
  CREDIT_COMMITTEE_DUPLICATE_VOTE: {
    status: 409,
    zh: '委员 {userId} 已经表决。',
    en: 'Member {userId} has already voted.',
  },
  GUARANTEE_NOT_ACCEPTED: {
    status: 409,
    zh: '“质押+担保”模式须担保机构承保后方可审批。',
    en: "A pledge-plus-guarantee case needs the guarantor's acceptance before approval.",
  },
  INSURANCE_NOT_ACCEPTED: {
    status: 409,
    zh: '“质押+保险”模式须保险机构承保后方可审批。',
    en: "A pledge-plus-insurance case needs the insurer's acceptance before approval.",
  },
  CASE_HAS_NO_GUARANTEE: {
    status: 409,
    zh: '该案件的组合模式为“{model}”，不含担保。',
    en: 'The case\'s model is "{model}", which has no guarantee.',
  },
  CASE_HAS_NO_INSURANCE: {
    status: 409,
    zh: '该案件的组合模式为“{model}”，不含保险。',
    en: 'The case\'s model is "{model}", which has no insurance.',
  },
  CONTRACT_NOT_PREPARED: {
    status: 409,
    zh: '借款合同和质押合同尚未生成。',
    en: 'The loan and pledge contracts have not been prepared.',
  },
  COUNTER_GUARANTEE_NOT_APPLICABLE: {
    status: 409,
    zh: '该案件的质权人不是担保机构，无反担保质押。',
    en: 'The pledgee is not a guarantor; there is no counter-guarantee pledge.',
  },
  COUNTER_GUARANTEE_NOT_SIGNED: {
    status: 409,
    zh: '担保机构尚未签署反担保质押合同。',
    en: 'The guarantor has not signed the counter-guarantee pledge contract.',
  },
  PLEDGEE_SIDE_MISMATCH: {
    status: 403,
    zh: '质押登记须由质权人一方（{pledgeeKind}）办理，角色“{role}”不能提交。',
    en: 'Registration is filed by the pledgee\'s side ({pledgeeKind}); the role "{role}" cannot submit it.',
  },
  DISBURSEMENT_AWAITS_REGISTRATION: {
    status: 409,
    zh: '该产品须在质押登记完成后放款。',
    en: 'This product disburses only after the pledge is registered.',
  },
  CASE_NOT_FULLY_REPAID: { status: 409, zh: '贷款尚未全部结清。', en: 'The loan is not fully repaid.' },
  APPLICATION_AMOUNT_OUTSIDE_PRODUCT: {
    status: 422,
    zh: '申请金额 {amountYuan} 元不在产品范围 {minYuan} 至 {maxYuan} 元内。',
    en: "The amount {amountYuan} yuan is outside the product's range {minYuan} to {maxYuan} yuan.",
  },
  APPLICATION_TERM_OUTSIDE_PRODUCT: {
    status: 422,
    zh: '申请期限 {termMonths} 个月不在产品范围 {minMonths} 至 {maxMonths} 个月内。',
    en: "The term of {termMonths} months is outside the product's range {minMonths} to {maxMonths} months.",
  },
  APPLICATION_REPAYMENT_METHOD_NOT_OFFERED: {
    status: 422,
    zh: '产品不提供还款方式“{method}”（可选：{offered}）。',
    en: 'The product does not offer the repayment method "{method}" (offered: {offered}).',
  },
  APPLICATION_SPREAD_OUTSIDE_PRODUCT: {
    status: 422,
    zh: 'LPR 加点 {spreadBps} 个基点不在产品范围 {minBps} 至 {maxBps} 个基点内。',
    en: "The spread of {spreadBps} bp over LPR is outside the product's range {minBps} to {maxBps} bp.",
  },
  APPLICATION_COMBINED_MODEL_NOT_OFFERED: {
    status: 422,
    zh: '产品不提供组合模式“{model}”。',
    en: 'The product does not offer the model "{model}".',
  },
  APPLICATION_NO_ASSETS: {
    status: 422,
    zh: '申请须至少包含一项拟质押的知识产权。',
    en: 'An application needs at least one asset to pledge.',
  },
  APPLICATION_IP_KIND_NOT_ACCEPTED: {
    status: 422,
    zh: '产品不接受资产 {assetId} 的类型“{kind}”。',
    en: 'The product does not accept asset {assetId} of kind "{kind}".',
  },
  PLEDGE_VALUE_INVALID: {
    status: 422,
    zh: '质押率须基于大于 0 的评估价值。',
    en: 'The pledge rate needs positive values for every asset.',
  },
  PLEDGE_RATE_CAP_MISSING: {
    status: 422,
    zh: '产品 {productId} 未设置类型“{kind}”的最高质押率。',
    en: 'Product {productId} sets no maximum pledge rate for the kind "{kind}".',
  },
  PLEDGE_RATE_OVER_CAP: {
    status: 422,
    zh: '质押率 {pledgeRatePct}% 超过上限 {capPct}%：贷款 {loanYuan} 元，评估价值 {valueYuan} 元，最高可贷 {maxLoanYuan} 元。',
    en: 'The pledge rate of {pledgeRatePct}% is over the cap of {capPct}%: loan {loanYuan} yuan, value {valueYuan} yuan, at most {maxLoanYuan} yuan.',
  },
  INTERNAL_EVALUATION_NOT_ALLOWED: {
    status: 422,
    zh: '贷款 {loanYuan} 元超过产品允许使用内部评估的额度（{limitYuan} 元），须提供正式评估报告。',
    en: 'A loan of {loanYuan} yuan is above the amount up to which the product allows an internal evaluation ({limitYuan} yuan); a formal report is needed.',
  },
  VALUATION_EXPIRED: {
    status: 422,
    zh: '评估结果有效期至 {validUntil}，已于 {asOfDate} 失效。',
    en: 'The valuation was valid until {validUntil} and has lapsed by {asOfDate}.',
  },
  DUE_DILIGENCE_INCOMPLETE: {
    status: 409,
    zh: '尽职调查清单（{checklistId} 第 {version} 版）尚有 {count} 项未完成，不能录入风险评测：{items}。',
    en: 'The due-diligence checklist ({checklistId} version {version}) has {count} item(s) outstanding, so the risk evaluation cannot be recorded: {items}.',
  },
  DUE_DILIGENCE_ITEM_NOT_CHECKED: {
    status: 409,
    zh: '必查项“{item}”（{itemCode}）尚未核查。',
    en: 'The required item "{item}" ({itemCode}) has not been checked.',
  },
  DUE_DILIGENCE_EVIDENCE_MISSING: {
    status: 409,
    zh: '“{item}”（{itemCode}）须注明核查证据（材料、记录或编号）。',
    en: '"{item}" ({itemCode}) needs its evidence noted (document, record or reference).',
  },
  DUE_DILIGENCE_ITEM_UNKNOWN: {
    status: 422,
    zh: '尽职调查清单（{checklistId} 第 {version} 版）没有“{itemCode}”这一项。',
    en: 'The due-diligence checklist ({checklistId} version {version}) has no item "{itemCode}".',
  },
  DUE_DILIGENCE_CLOSED: {
    status: 409,
    zh: '案件处于“{state}”状态，尽职调查清单只能在风险评测前（已申请）填写。',
    en: 'The case is "{state}": the due-diligence checklist can only be filled in before the risk evaluation (applied).',
  },
});
