import { defineErrors } from '../errors/error-catalogue.ts';

/**
 * Errors and condition texts of subsidies and rewards 贴息 贴费 奖励 (R14, issue 9). The `SUBSIDY_CONDITION_…` codes
 * explain an unmet condition to the applicant; the others refuse bad schemes or inputs.
 */
export const subsidyErrors = defineErrors({
  SUBSIDY_SCHEME_INVALID: {
    status: 400,
    zh: '补贴政策配置无效：{detail}。',
    en: 'The subsidy scheme is not valid: {detail}.',
  },
  SUBSIDY_AMOUNT_INVALID: { status: 400, zh: '金额不能为负数。', en: 'An amount may not be negative.' },
  SUBSIDY_BUDGET_EXHAUSTED: {
    status: 409,
    zh: '该政策预算已用完，申请未获批准。',
    en: "The scheme's budget is used up; the application was not granted.",
  },
  SUBSIDY_CONDITION_FACT_MISSING: {
    status: 422,
    zh: '平台没有“{fact}”的记录，请上传证明材料。',
    en: 'The platform holds no record of "{fact}"; please upload proof.',
  },
  SUBSIDY_CONDITION_NOT_IN_EFFECT: {
    status: 422,
    zh: '放款日 {date} 不在政策有效期 {from} 至 {to} 内。',
    en: "The disbursement date {date} is outside the scheme's period {from} to {to}.",
  },
  SUBSIDY_CONDITION_DISTRICT: {
    status: 422,
    zh: '企业{basis}所在区为“{district}”，不在政策适用范围内。',
    en: 'The enterprise\'s {basis} district "{district}" is not covered by the scheme.',
  },
  SUBSIDY_CONDITION_FLAG: {
    status: 422,
    zh: '企业不具备“{flag}”资格。',
    en: 'The enterprise does not hold the "{flag}" status.',
  },
  SUBSIDY_CONDITION_IP_KIND: {
    status: 422,
    zh: '质押物包含政策不支持的知识产权类型：{kinds}。',
    en: 'The pledge includes IP kinds the scheme does not cover: {kinds}.',
  },
  SUBSIDY_CONDITION_TERM: {
    status: 422,
    zh: '贷款期限 {termMonths} 个月，超过政策上限 {maxTermMonths} 个月。',
    en: "The loan term of {termMonths} months exceeds the scheme's {maxTermMonths} months.",
  },
  SUBSIDY_CONDITION_NOT_REGISTERED: {
    status: 422,
    zh: '质押尚未完成登记。',
    en: 'The pledge is not registered.',
  },
  SUBSIDY_CONDITION_FILING_LATE: {
    status: 422,
    zh: '向区主管部门备案日期 {filedOn} 晚于截止日 {deadline}。',
    en: 'The filing with the district on {filedOn} was after the deadline {deadline}.',
  },
  SUBSIDY_CONDITION_NOT_REPAID: {
    status: 422,
    zh: '贷款尚未全部结清。',
    en: 'The loan is not fully repaid.',
  },
  SUBSIDY_CONDITION_YEAR_OPEN: {
    status: 422,
    zh: '{year} 年度尚未结束，按年度申请须在次年提出。',
    en: 'The year {year} has not ended; per-year applications are made the following year.',
  },
  SUBSIDY_CONDITION_EXCLUDED: {
    status: 422,
    zh: '同一笔贷款已享受互斥政策“{schemeId}”的补贴，不得叠加。',
    en: 'This loan already received a subsidy from the mutually exclusive scheme "{schemeId}"; they do not stack.',
  },
  SUBSIDY_CONDITION_MAX_YEARS: {
    status: 422,
    zh: '已享受补贴 {years} 个年度，达到政策上限 {maxYears} 个年度。',
    en: "Subsidies were already received for {years} years, the scheme's limit of {maxYears}.",
  },
  SUBSIDY_NOT_ELIGIBLE: {
    status: 422,
    zh: '不符合该政策的申请条件或可补贴金额为零：{conditions}。',
    en: "The scheme's conditions are not met or the amount is zero: {conditions}.",
  },
  SUBSIDY_APPLICATION_DUPLICATE: {
    status: 409,
    zh: '该笔贷款在本政策的 {year} 年度已有申请，不得重复申请。',
    en: 'This loan already has an application under this scheme for {year}.',
  },
  SUBSIDY_TRANSITION_NOT_ALLOWED: {
    status: 409,
    zh: '申请当前状态为“{from}”，不能执行“{event}”。',
    en: 'The application is "{from}"; "{event}" is not allowed.',
  },
  SUBSIDY_MAKER_CHECKER_VIOLATION: {
    status: 409,
    zh: '审核人不能同时审批同一申请（审核与审批须由不同人员完成）。',
    en: 'The reviewer of an application may not also approve it (maker-checker).',
  },
  SUBSIDY_WINDOW_CLOSED: {
    status: 409,
    zh: '该政策的受理期为 {from} 至 {to}，当前不在受理期内。',
    en: "The scheme's application window is {from} to {to}; it is not open now.",
  },
  SUBSIDY_SCHEME_VERSION_EXISTS: {
    status: 409,
    zh: '政策“{schemeId}”的第 {version} 版已存在，请使用更高的版本号。',
    en: 'Version {version} of scheme "{schemeId}" exists already; use a higher version.',
  },
  SUBSIDY_SCHEME_NOT_PUBLISHED: {
    status: 409,
    zh: '该政策版本未发布或已关闭，不能受理申请。',
    en: 'This scheme version is not published or is closed; it takes no applications.',
  },
  SUBSIDY_LOAN_MISSING: {
    status: 422,
    zh: '该案件尚未放款，没有可补贴的贷款。',
    en: 'The case has no disbursed loan to subsidise.',
  },
  SUBSIDY_COST_OVERCLAIMED: {
    status: 409,
    zh: '费用“{costId}”的补贴合计将超过实际支付金额，不得重复补贴。',
    en: 'Subsidies on the cost "{costId}" would exceed what was actually paid; a cost is subsidised once.',
  },
  SUBSIDY_REASON_REQUIRED: {
    status: 400,
    zh: '驳回或追回须填写理由。',
    en: 'A rejection or clawback needs a reason.',
  },
  SUBSIDY_SIMULATION_YEAR_INVALID: {
    status: 400,
    zh: '模拟测算年度 {year} 无效：只能测算已结束的年度。',
    en: 'The simulation year {year} is not valid: only a year that has ended can be simulated.',
  },
  FEE_PAYMENT_KIND_NOT_ALLOWED: {
    status: 422,
    zh: '{payeeKind}类机构不能登记“{kind}”费用。',
    en: 'A payee of kind {payeeKind} cannot record a fee of kind {kind}.',
  },
  FEE_PAYMENT_PAYEE_INVALID: {
    status: 422,
    zh: '收款机构无效：须为评估、银行、担保或保险机构，且不能是付款企业本身。',
    en: 'The payee must be an evaluation firm, bank, guarantor or insurer other than the paying enterprise.',
  },
  FEE_PAYMENT_EVIDENCE_REQUIRED: {
    status: 422,
    zh: '企业自行登记缴费须附上传的发票（本案件的材料）。',
    en: 'A fee payment recorded by the enterprise needs the uploaded invoice (an attachment of the case).',
  },
  FEE_PAYMENT_DUPLICATE: {
    status: 409,
    zh: '发票号 {invoiceNumber} 已登记。',
    en: 'The invoice {invoiceNumber} is already recorded.',
  },
  FEE_PAYMENT_DATE_IN_FUTURE: {
    status: 422,
    zh: '缴费日期 {paidDate} 不能晚于今天。',
    en: 'The payment date {paidDate} may not be after today.',
  },
  SUBSIDY_EVIDENCE_NOT_FOUND: {
    status: 422,
    zh: '证明材料 {documentId} 不是本案件已上传的材料。',
    en: 'The proof {documentId} is not a document uploaded to this case.',
  },
});
