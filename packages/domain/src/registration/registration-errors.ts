import { defineErrors } from '../errors/error-catalogue.ts';

/** 质押登记错误 (registration errors): built-in authorities, transitions, numbers, change, extension, cancellation. */
export const registrationErrors = defineErrors({
  REGISTRATION_EVENT_NOT_ALLOWED_IN_STATE: {
    status: 409,
    zh: '登记处于“{state}”状态，不能执行“{event}”。',
    en: 'The event "{event}" is not allowed while the registration is "{state}".',
  },
  REGISTRATION_EXTENSION_NOT_SUPPORTED: {
    status: 422,
    zh: '登记机关 {authorityId} 不办理质权登记延期。',
    en: 'The authority {authorityId} does not extend pledge registrations.',
  },
  REGISTRATION_PERIOD_NOT_APPLICABLE: {
    status: 422,
    zh: '登记机关 {authorityId} 的质押登记没有到期失效的登记期限。',
    en: 'Registrations at {authorityId} have no period at whose end they lapse.',
  },
  REGISTRATION_NUMBER_INPUT_INVALID: {
    status: 500,
    zh: '无法生成登记号：{detail}。',
    en: 'Cannot form a registration number: {detail}.',
  },
  REGISTRATION_DECISION_DATE_INVALID: {
    status: 400,
    zh: '决定日 {decisionDate} 早于办理期限起算日 {startDate}。',
    en: 'The decision date {decisionDate} precedes the start of the period {startDate}.',
  },
  REGISTRATION_WRONG_AUTHORITY: {
    status: 422,
    zh: '登记机关 {authorityId} 不办理“{kind}”的质押登记。',
    en: 'The authority {authorityId} does not register pledges of "{kind}".',
  },
  REGISTRATION_CONTRACT_CONTENT_MISSING: {
    status: 422,
    zh: '质押合同缺少必备条款：{missingItems}。',
    en: 'The pledge contract lacks required content: {missingItems}.',
  },
  REGISTRATION_CONTRACT_UNLAWFUL: {
    status: 422,
    zh: '质押合同违反法律、行政法规的强制性规定。',
    en: 'The pledge contract violates mandatory provisions of law.',
  },
  REGISTRATION_DEBT_TERM_INVALID: {
    status: 422,
    zh: '债务履行期限届满日 {debtMaturityDate} 早于起始日 {debtStartDate}。',
    en: 'The debt matures on {debtMaturityDate}, before it starts on {debtStartDate}.',
  },
  REGISTRATION_MATERIAL_MISSING: {
    status: 422,
    zh: '申请材料不齐全，请补正：{material}。',
    en: 'Materials incomplete; please supply: {material}.',
  },
  REGISTRATION_CORRECTION_OVERDUE: {
    status: 422,
    zh: '未在补正期限 {deadline} 前完成补正（{completedDate} 完成），视为放弃申请。',
    en: 'The correction was completed on {completedDate}, after the deadline {deadline}; the application is deemed abandoned.',
  },
  REGISTRATION_NOT_REGISTERED: {
    status: 409,
    zh: '质押登记当前状态为“{state}”，不能办理该事项。',
    en: 'The registration is "{state}"; this application needs a registered pledge.',
  },
  REGISTRATION_EXTENSION_TOO_LATE: {
    status: 422,
    zh: '延期申请日 {requestDate} 晚于质权登记期限届满日 {periodEndDate}。',
    en: 'The extension request of {requestDate} comes after the registration period ended on {periodEndDate}.',
  },
  REGISTRATION_EXTENSION_NOT_LATER: {
    status: 422,
    zh: '延期后的届满日 {newPeriodEndDate} 须晚于原届满日 {periodEndDate}。',
    en: 'The new end {newPeriodEndDate} must be later than the current end {periodEndDate}.',
  },
  REGISTRATION_CHANGE_EMPTY: {
    status: 400,
    zh: '变更登记须至少变更一项内容。',
    en: 'A change registration must change something.',
  },
  REGISTRATION_SECURED_AMOUNT_INVALID: {
    status: 422,
    zh: '被担保债权数额必须大于 0。',
    en: 'The secured amount must be above 0.',
  },
  REGISTRATION_CANCELLATION_EVIDENCE_REQUIRED: {
    status: 422,
    zh: '出质人单方申请注销须提交证明材料（原因：{reason}）。',
    en: 'A cancellation applied for by the pledgor alone needs proof (reason: {reason}).',
  },
});
