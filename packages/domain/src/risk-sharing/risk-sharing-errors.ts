import { defineErrors } from '../errors/error-catalogue.ts';

/** Errors of risk sharing: agreements, layered losses, pool compensation, claims and disposition (R8–R11, issue 8). */
export const riskSharingErrors = defineErrors({
  RISK_SHARES_EMPTY: {
    status: 400,
    zh: '分担比例不能为空，至少需要一方。',
    en: 'The shares may not be empty: list at least one party.',
  },
  RISK_SHARE_PARTY_DUPLICATE: {
    status: 400,
    zh: '分担方“{party}”重复出现。',
    en: 'The party "{party}" is listed more than once.',
  },
  RISK_SHARE_PARTY_INVALID: {
    status: 400,
    zh: '分担方名称“{party}”无效：应以字母开头，由字母、数字、连字符或下划线组成。',
    en: 'The party name "{party}" is not valid: start with a letter, then letters, digits, hyphens or underscores.',
  },
  RISK_SHARE_WEIGHT_INVALID: {
    status: 400,
    zh: '“{party}”的分担权重“{value}”无效：应为非负整数，且至少一方为正数。',
    en: 'The weight "{value}" of "{party}" is not valid: use a whole number ≥ 0, with at least one above 0.',
  },
  RISK_LOSS_INVALID: { status: 400, zh: '损失金额不能为负数。', en: 'A loss may not be negative.' },
  RISK_SHARE_BPS_OUT_OF_RANGE: {
    status: 400,
    zh: '“{role}”的分担比例 {shareBps} 个基点超出允许范围 {minBps}–{maxBps}。',
    en: 'The share of "{role}", {shareBps} bps, is outside {minBps}–{maxBps}.',
  },
  RISK_FIRST_LAYER_OVER_WHOLE: {
    status: 400,
    zh: '担保、保险与评估机构的分担比例合计 {totalBps} 个基点，超过 100%。',
    en: 'The guarantor, insurer and evaluator shares total {totalBps} bps, more than 100%.',
  },
  RISK_BANK_SHARE_BELOW_MINIMUM: {
    status: 400,
    zh: '银担分险中银行承担比例 {bankBps} 个基点，低于国办发〔2019〕6号要求的 {minBps} 个基点（20%）。',
    en: 'In bank–guarantor sharing the bank keeps {bankBps} bps, below the {minBps} bps (20%) required by 国办发〔2019〕6号.',
  },
  RISK_REGUARANTEE_WITHOUT_GUARANTOR: {
    status: 400,
    zh: '没有担保机构时不能设置再担保分担。',
    en: 'A re-guarantee share needs a guarantor.',
  },
  RISK_CAP_INVALID: {
    status: 400,
    zh: '“{role}”的分担上限不能为负数。',
    en: 'The cap of "{role}" may not be negative.',
  },
  RISK_AGREEMENT_PARTY_DUPLICATE: {
    status: 400,
    zh: '分险协议中“{party}”承担了多个角色。',
    en: 'The party "{party}" holds more than one role in the agreement.',
  },
  RISK_CLAIM_DUPLICATE: {
    status: 409,
    zh: '同一损失已就“{role}”理赔，不能重复赔付。',
    en: 'This loss has already been claimed from "{role}"; it cannot be paid twice.',
  },
  RISK_CLAIM_ROLE_NOT_IN_AGREEMENT: {
    status: 400,
    zh: '分险协议不含“{role}”，不能向其理赔。',
    en: 'The agreement has no "{role}" to claim from.',
  },
  POOL_RATIO_NOT_CONFIGURED: {
    status: 400,
    zh: '风险补偿资金池未配置贷款类别“{loanCategory}”的补偿比例。',
    en: 'The risk-compensation pool has no ratio for the loan category "{loanCategory}".',
  },
  POOL_BUDGET_INVALID: {
    status: 400,
    zh: '资金池剩余额度不能为负数。',
    en: 'A pool budget may not be negative.',
  },
  RECOVERY_BASIS_EMPTY: {
    status: 400,
    zh: '没有任何一方承担损失，无法按比例返还追偿款。',
    en: 'No party bore any loss, so a recovery cannot be shared back pro rata.',
  },
  CLAIM_TRANSITION_NOT_ALLOWED: {
    status: 409,
    zh: '理赔状态为“{from}”时不能执行“{event}”。',
    en: 'A claim in state "{from}" cannot take "{event}".',
  },
  DISPOSITION_TRANSITION_NOT_ALLOWED: {
    status: 409,
    zh: '处置案件状态为“{from}”时不能执行“{event}”。',
    en: 'A disposition case in state "{from}" cannot take "{event}".',
  },
  DISPOSITION_PATH_INVALID: {
    status: 400,
    zh: '处置方式“{path}”无效：应为反向许可、拍卖、转让或债转股。',
    en: 'The disposition path "{path}" is not valid: use reverse_licence, auction, transfer or debt_to_equity.',
  },
  DISPOSITION_AMOUNT_INVALID: {
    status: 400,
    zh: '处置款项与费用不能为负数。',
    en: 'Disposition proceeds and costs may not be negative.',
  },
  WHAT_IF_SCENARIO_INVALID: {
    status: 400,
    zh: '情景参数无效：违约率与回收率应在 0–100% 之间，滞后月数为非负整数。',
    en: 'The scenario is not valid: default and recovery rates must be 0–100% and the lag a whole number of months ≥ 0.',
  },
  GUARANTEE_ALREADY_RECORDED: {
    status: 409,
    zh: '该案件的担保合同已登记，不能重复登记。',
    en: 'The guarantee of this case is already on record.',
  },
  GUARANTEE_NOT_OPEN: {
    status: 409,
    zh: '案件状态为“{state}”，已不能登记担保或保单（放款前登记）。',
    en: 'The case is "{state}": guarantees and policies are recorded before disbursement.',
  },
  RE_GUARANTOR_INVALID: {
    status: 400,
    zh: '再担保机构无效：应为在册的再担保机构，并与再担保分担比例同时填写。',
    en: 'The re-guarantor is not valid: name an active re-guarantee fund, together with its share.',
  },
  GUARANTEE_PRODUCT_INVALID: {
    status: 400,
    zh: '担保产品不存在、已停用或不属于本机构。',
    en: 'The guarantee product does not exist, is inactive or belongs to another guarantor.',
  },
  INSURANCE_POLICY_ALREADY_RECORDED: {
    status: 409,
    zh: '该案件的保证保险保单已登记，不能重复登记。',
    en: 'The guarantee-insurance policy of this case is already on record.',
  },
  INSURANCE_POLICY_INVALID: {
    status: 400,
    zh: '保单信息无效：保险期间结束日应晚于开始日，保费与保额不能为负数。',
    en: 'The policy is not valid: the period must end after it starts, and premium and sum insured may not be negative.',
  },
  POOL_MEMBER_NOT_BANK: {
    status: 400,
    zh: '只有银行可以加入风险补偿资金池。',
    en: 'Only a bank can join a risk-compensation pool.',
  },
  POOL_MEMBERSHIP_EXISTS: {
    status: 409,
    zh: '该银行已是本资金池的合作银行。',
    en: 'The bank is already a member of this pool.',
  },
  // Claims workflow (issue 8 item 6): filing, review, maker-checker, payment within a pool budget, recoveries.
  CLAIM_CASE_NOT_DEFAULTED: {
    status: 409,
    zh: '案件状态为“{state}”：贷款认定不良后方可发起代偿、理赔或补偿。',
    en: 'The case is "{state}": claims may be filed once the loan is non-performing.',
  },
  RISK_AGREEMENT_MISSING: {
    status: 409,
    zh: '该案件没有放款时固定的分险协议，不能发起代偿、理赔或补偿。',
    en: 'The case has no risk-sharing agreement fixed at disbursement, so no claim can be filed.',
  },
  CLAIM_AMOUNT_ZERO: {
    status: 409,
    zh: '按分险协议计算，“{role}”应承担的损失为 0 元，无需理赔。',
    en: 'Under the agreement "{role}" bears nothing of this loss; there is nothing to claim.',
  },
  CLAIM_DOCUMENT_INVALID: {
    status: 400,
    zh: '附件“{ref}”不是本案件的申请材料。',
    en: 'The attachment "{ref}" is not a document of this case.',
  },
  CLAIM_GUARANTEE_TRIGGER_NOT_REACHED: {
    status: 409,
    zh: '贷款已逾期 {daysPastDue} 天：担保合同约定逾期满 {requiredDays} 天（或认定不良）后方可向担保机构申请代偿。',
    en: 'The loan is {daysPastDue} days overdue: the guarantee obliges compensation after {requiredDays} days overdue (or at default).',
  },
  CLAIM_REGUARANTEE_BEFORE_COMPENSATION: {
    status: 409,
    zh: '担保机构代偿款支付后，方可向再担保机构申请分担。',
    en: "A re-guarantee claim follows the guarantor's paid compensation.",
  },
  CLAIM_MAKER_CHECKER_VIOLATION: {
    status: 403,
    zh: '审查与审批分离：用户 {userId} 已经办（申请或审查）该理赔，不能审批。',
    en: 'Maker-checker: user {userId} filed or reviewed this claim and may not decide it.',
  },
  CLAIM_APPROVED_AMOUNT_INVALID: {
    status: 400,
    zh: '核定金额应大于 0 元且不超过申请金额 {claimedYuan} 元。',
    en: 'The approved amount must be above 0 and at most the claimed {claimedYuan} yuan.',
  },
  CLAIM_REJECTION_REASON_REQUIRED: {
    status: 400,
    zh: '拒赔时必须填写理由。',
    en: 'A rejection needs a reason.',
  },
  POOL_BUDGET_NOT_SET: {
    status: 409,
    zh: '资金池尚未设置 {year} 年度补偿预算，暂不能支付补偿。',
    en: 'The pool has no compensation budget for {year}; the payout cannot be made.',
  },
  POOL_BUDGET_EXHAUSTED: {
    status: 409,
    zh: '资金池 {year} 年度补偿预算已用完，不能支付补偿。',
    en: "The pool's compensation budget for {year} is used up; nothing can be paid.",
  },
  RECOVERY_BEFORE_PAYOUT: {
    status: 409,
    zh: '该案件尚无已支付的代偿、理赔或补偿，追偿款无需按比例返还。',
    en: 'No claim of this case has been paid, so there is nothing to share back.',
  },
  RECOVERY_ALREADY_RECORDED: {
    status: 409,
    zh: '追偿款凭证“{reference}”已登记，不能重复分配。',
    en: 'The recovery "{reference}" is already on record; it is not shared twice.',
  },
  // Disposition of pledged IP (issue 8 item 5, R11): opening, distribution fixed before disposal, maker-checker.
  DISPOSITION_CASE_NOT_DEFAULTED: {
    status: 409,
    zh: '案件状态为“{state}”：贷款认定不良（或进入代偿）后方可启动处置。',
    en: 'The case is "{state}": disposition starts once the loan is non-performing or in compensation.',
  },
  DISPOSITION_ALREADY_OPEN: {
    status: 409,
    zh: '该案件已有处置案件，不能重复启动。',
    en: 'This case already has a disposition case.',
  },
  DISPOSITION_DISTRIBUTION_FIXED: {
    status: 409,
    zh: '处置分配比例已在处置开始前固定，处置开始后不能修改。',
    en: 'The distribution ratios were fixed before disposal and cannot change once disposal has started.',
  },
  DISPOSITION_DISTRIBUTION_INVALID: {
    status: 400,
    zh: '分配比例无效：各方须为本案件分险协议中的一方（或银行），比例为非负整数基点，合计 10000 个基点（100%）。',
    en: 'The distribution is not valid: each party must be the bank or a party of the agreement, with whole bps ≥ 0 totalling 10000 (100%).',
  },
  DISPOSITION_NOTHING_TO_DISTRIBUTE: {
    status: 409,
    zh: '没有尚未分配的处置款，无需分配。',
    en: 'There are no undistributed proceeds to distribute.',
  },
  DISPOSITION_MAKER_CHECKER_VIOLATION: {
    status: 403,
    zh: '审查与审批分离：用户 {userId} 经办了本处置案件（启动、登记费用或处置款），不能审批分配。',
    en: 'Maker-checker: user {userId} opened this disposition or recorded its costs or proceeds and may not approve the distribution.',
  },
  DISPOSITION_BUYER_MISSING: {
    status: 409,
    zh: '未填写受让方：请在处置方式中填写交易对手，或在结案时填写受让方名称。',
    en: 'No buyer is named: give the counterparty with the path, or the buyer at closing.',
  },
  DISPOSITION_REGISTRATION_NOT_CANCELLED: {
    status: 409,
    zh: '质押登记 {applicationNumber} 尚有变更、展期或注销申请待登记机关办理，办结后方可结案。',
    en: 'The pledge registration {applicationNumber} has a change, extension or cancellation pending at the authority; close once it is done.',
  },
  DISPOSITION_PROCEEDS_REFERENCE_DUPLICATE: {
    status: 409,
    zh: '处置款凭证“{reference}”已登记，不能重复登记。',
    en: 'The proceeds reference "{reference}" is already on record.',
  },
});
