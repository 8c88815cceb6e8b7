import { defineErrors } from '../errors/error-catalogue.ts';

/** Errors of valuation (R3, issue 7): indicator scoring, monetary approaches, fees and the expert draw. */
export const valuationErrors = defineErrors({
  VALUATION_KIND_NOT_SCORED: {
    status: 422,
    zh: '指标评分体系仅适用于发明专利和实用新型专利（GB/T 42748-2023），{kind} 请使用收益法、市场法或成本法。',
    en: 'The indicator model covers invention and utility-model patents only (GB/T 42748-2023); value a {kind} by the income, market or cost approach.',
  },
  VALUATION_WEIGHTS_NOT_FOUND: {
    status: 422,
    zh: '场景“{scenario}”在 {asOfDate} 没有生效的指标权重表。',
    en: 'No indicator weight table for scenario "{scenario}" is in effect on {asOfDate}.',
  },
  VALUATION_WEIGHTS_INVALID: {
    status: 500,
    zh: '指标权重表 {version} 无效：{dimension} 的权重合计为 {sum}，应为 10000 基点。',
    en: 'Indicator weight table {version} is invalid: weights of {dimension} sum to {sum}, not 10000 bps.',
  },
  VALUATION_INDICATOR_UNKNOWN: {
    status: 400,
    zh: '未知的评价指标“{indicator}”。',
    en: 'Unknown indicator "{indicator}".',
  },
  VALUATION_INDICATOR_VALUE_OUT_OF_RANGE: {
    status: 400,
    zh: '指标“{indicator}”的分值 {value} 超出 0–100。',
    en: 'Indicator "{indicator}" has value {value}, outside 0–100.',
  },
  VALUATION_EVIDENCE_MISSING: {
    status: 400,
    zh: '评估人员录入的指标“{indicator}”缺少依据（证据）。',
    en: 'Evaluator-entered indicator "{indicator}" has no evidence.',
  },
  VALUATION_FORECAST_EMPTY: {
    status: 400,
    zh: '收入预测至少需要一年。',
    en: 'The revenue forecast needs at least one year.',
  },
  VALUATION_AMOUNT_NEGATIVE: { status: 400, zh: '{field} 不能为负数。', en: '{field} cannot be negative.' },
  VALUATION_RATE_OUT_OF_RANGE: {
    status: 400,
    zh: '{field} 应在 {min}% 到 {max}% 之间，实际为 {value}%。',
    en: '{field} must lie between {min}% and {max}%, not {value}%.',
  },
  VALUATION_DISCOUNT_RATE_INVALID: {
    status: 400,
    zh: '折现率必须大于 0，实际为 {value}%。',
    en: 'The discount rate must be above 0, not {value}%.',
  },
  VALUATION_COMPARABLES_EMPTY: {
    status: 400,
    zh: '市场法至少需要一个可比交易或许可。',
    en: 'The market approach needs at least one comparable trade or licence.',
  },
  VALUATION_APPROACHES_EMPTY: {
    status: 400,
    zh: '评估结论至少需要一种评估方法的结果（权重大于 0）。',
    en: 'Reconciliation needs at least one approach with a positive weight.',
  },
  VALUATION_LICENCE_VALUE_CONFLICT: {
    status: 422,
    zh: '打包许可 {licenceId} 在不同资产下的金额不一致，无法避免重复计算。',
    en: 'Bundled licence {licenceId} carries different amounts under different assets; it cannot be counted once.',
  },
  VALUATION_FEE_BANDS_INVALID: {
    status: 500,
    zh: '评估收费标准分档无效（上限须递增，最后一档不设上限）。',
    en: 'The valuation fee bands are invalid (upper bounds must increase and the last band be open).',
  },
  VALUATION_EXPERT_COUNT_INVALID: {
    status: 400,
    zh: '抽取专家人数应为正整数，实际为 {count}。',
    en: 'The number of experts to draw must be a positive integer, not {count}.',
  },
  VALUATION_SEED_EMPTY: {
    status: 400,
    zh: '专家抽取的随机种子不能为空。',
    en: 'The expert-draw seed cannot be empty.',
  },
  VALUATION_ASSET_NOT_FOUND: {
    status: 404,
    zh: '平台上未找到专利 {number}（须为已登记的发明或实用新型专利，例如 {example}）。',
    en: 'Patent {number} is not on the platform (it must be a registered invention or utility model patent, e.g. {example}).',
  },
  VALUATION_KIND_NOT_ALLOWED: {
    status: 403,
    zh: '您的机构不能出具“{kind}”类估值（评估机构出具正式评估报告，银行做内部评估，企业做自动预评估）。',
    en: 'Your organisation cannot make a "{kind}" valuation (evaluation firms sign formal reports, banks make internal evaluations, enterprises pre-assessments).',
  },
  VALUATION_VALIDITY_INVALID: {
    status: 400,
    zh: '有效期至 {validUntil} 应晚于评估基准日 {valuationDate}。',
    en: 'Valid until {validUntil} must be after the valuation date {valuationDate}.',
  },
  VALUATION_FORMAL_REPORT_INCOMPLETE: {
    status: 400,
    zh: '正式评估报告须填写报告编号、出具日期，以及至少两名资产评估师的姓名和职业资格证书编号。',
    en: 'A formal report needs its number, issue date and at least two certified valuers with certificate numbers.',
  },
  VALUATION_APPROACH_INPUT_MISSING: {
    status: 400,
    zh: '{approach} 的权重大于 0，但没有填写该方法的参数。',
    en: 'The {approach} approach has a positive weight but no inputs.',
  },
  VALUATION_ASSETS_OWNER_MISMATCH: {
    status: 422,
    zh: '一次估值中的资产须属于同一企业（资产 {assetId} 不属于该企业）。',
    en: 'The assets of one valuation must belong to one enterprise (asset {assetId} does not).',
  },
  VALUATION_ASSET_DUPLICATE: {
    status: 400,
    zh: '资产 {assetId} 在同一次估值中出现多次。',
    en: 'Asset {assetId} appears more than once in the valuation.',
  },
  VALUATION_RECORD_EXPIRED: {
    status: 422,
    zh: '估值 {number} 已于 {validUntil} 过期，不能作为案件的价值评估依据，请重新评估。',
    en: "Valuation {number} expired on {validUntil}; it cannot serve as the case's value evaluation. Revalue first.",
  },
  VALUATION_RECORD_KIND_NOT_USABLE: {
    status: 422,
    zh: '估值 {number} 是自动预评估，不能作为案件的价值评估依据（须正式评估报告或银行内部评估）。',
    en: 'Valuation {number} is a pre-assessment; a case needs a formal report or a bank internal evaluation.',
  },
  VALUATION_RECORD_ASSETS_MISMATCH: {
    status: 422,
    zh: '估值 {number} 未覆盖案件的全部质押资产（缺 {missing} 项），或包含案件以外的资产。',
    en: "Valuation {number} does not cover exactly the case's pledged assets ({missing} missing).",
  },
  EVALUATOR_ADMISSION_OPEN: {
    status: 409,
    zh: '该评估机构已有{state}的入库记录，不能重复申请。',
    en: 'This evaluation firm already has an admission that is {state}; it cannot apply again.',
  },
  EVALUATOR_STATE_CONFLICT: {
    status: 409,
    zh: '评估机构当前状态为“{state}”，不能执行“{action}”。',
    en: 'The evaluation firm is "{state}"; "{action}" is not possible now.',
  },
  EVALUATOR_REASON_REQUIRED: {
    status: 400,
    zh: '“{action}”须填写理由。',
    en: '"{action}" needs a reason.',
  },
  EVALUATOR_FEE_SHARES_INVALID: {
    status: 400,
    zh: '评估费分担比例（企业、银行、补贴）合计应为 10000 基点，实际为 {sum}。',
    en: 'The fee shares of enterprise, bank and subsidy must add up to 10000 bps, not {sum}.',
  },
  EVALUATOR_NOT_ADMITTED: {
    status: 422,
    zh: '该评估机构不在已入库状态，不能作为复核对象的评估机构。',
    en: 'This evaluation firm is not admitted; it cannot be the evaluator of a review.',
  },
  EXPERT_REVIEW_STATE_CONFLICT: {
    status: 409,
    zh: '复核当前状态为“{state}”，不能执行“{action}”。',
    en: 'The review is "{state}"; "{action}" is not possible now.',
  },
  EXPERT_REVIEW_POOL_TOO_SMALL: {
    status: 422,
    zh: '回避后可抽取的专家只有 {eligible} 位，少于需要的 {count} 位。',
    en: 'Only {eligible} experts remain after conflicts are excluded; {count} are needed.',
  },
  EXPERT_REVIEW_NOT_A_MEMBER: {
    status: 422,
    zh: '该专家未被抽中参加本次复核。',
    en: 'This expert was not drawn for this review.',
  },
  EXPERT_REVIEW_ADJUSTED_VALUE_REQUIRED: {
    status: 400,
    zh: '结论为“调整”时须填写调整后价值。',
    en: 'An "adjusted" outcome needs the adjusted value.',
  },
  EXPERT_REVIEW_OPINIONS_MISSING: {
    status: 422,
    zh: '还有 {missing} 位专家未提交意见，不能作出复核结论。',
    en: '{missing} experts have not given their opinion yet; the review cannot be concluded.',
  },
  EXPERT_REVIEW_REASON_REQUIRED: {
    status: 400,
    zh: '复核结论与多数专家意见（{majority}）不一致时须说明理由。',
    en: 'A conclusion that differs from the experts’ majority ({majority}) needs a reason.',
  },
  TRADE_LISTING_NOT_FOUND: { status: 404, zh: '挂牌信息不存在。', en: 'No such listing.' },
  TRADE_LISTING_NOT_LISTED: {
    status: 409,
    zh: '该挂牌已结束（{status}），不能再撤牌或成交。',
    en: 'This listing is already {status}; it can no longer be withdrawn or closed.',
  },
  TRADE_LISTING_ASSET_NOT_OWNED: {
    status: 422,
    zh: '资产 {number} 不属于挂牌企业，只能挂牌本企业的知识产权。',
    en: 'Asset {number} does not belong to the listing enterprise; only its own IP can be listed.',
  },
  TRADE_LISTING_ASSET_NOT_IN_FORCE: {
    status: 422,
    zh: '资产 {number} 不在有效状态，不能挂牌交易。',
    en: 'Asset {number} is not in force and cannot be listed.',
  },
  TRADE_LISTING_PERIOD_INVALID: {
    status: 400,
    zh: '挂牌截止日 {expiresOn} 不能早于挂牌日 {listedOn}。',
    en: 'The listing end {expiresOn} cannot be before its start {listedOn}.',
  },
  TRADE_PRICE_OR_ROYALTY_REQUIRED: {
    status: 400,
    zh: '成交记录须填写成交价或提成率（至少一项）。',
    en: 'A trade needs a price or a royalty rate (at least one).',
  },
  TRADE_DATE_IN_FUTURE: {
    status: 400,
    zh: '成交日 {tradeDate} 不能晚于今天。',
    en: 'The trade date {tradeDate} cannot be after today.',
  },
  VALUATION_AVM_SCOPE_NOT_ALLOWED: {
    status: 403,
    zh: '批量估值范围超出您的权限：银行可对其客户企业的知识产权批量估值，企业只能对自己的知识产权批量估值，全库批量估值仅限知识产权局和监管部门。',
    en: 'This batch valuation scope is beyond your access: a bank may run it on the portfolios of its customers, an enterprise on its own, and only the IP bureaus and regulators on the whole registry.',
  },
  VALUATION_AVM_ENTERPRISE_NOT_FOUND: {
    status: 404,
    zh: '未找到统一社会信用代码为 {uscc} 的企业。',
    en: 'No enterprise with unified social credit code {uscc}.',
  },
});
