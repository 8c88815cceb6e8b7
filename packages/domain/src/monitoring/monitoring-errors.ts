import { defineErrors } from '../errors/error-catalogue.ts';

/** Errors of post-loan monitoring of pledged IP (issue 6 item 5). */
export const monitoringErrors = defineErrors({
  PLEDGE_ALERT_STATE_CONFLICT: {
    status: 409,
    zh: '该预警当前为“{state}”，不能执行此操作。',
    en: 'The alert is {state}; this action is not possible now.',
  },
  ASSET_NOT_PLEDGED_BY_CASE: {
    status: 422,
    zh: '该资产不在本案件的有效质押中。',
    en: 'The asset is not under this case’s pledge.',
  },
  FEE_PAYMENT_DATE_INVALID: {
    status: 422,
    zh: '缴费日期 {paidOn} 不能晚于今天，缴费所覆盖的截止日 {paidThrough} 不能早于缴费日期。',
    en: 'The payment date {paidOn} may not be after today, and the paid-through date {paidThrough} not before it.',
  },
});
