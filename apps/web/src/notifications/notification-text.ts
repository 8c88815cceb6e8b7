import type { TFunction } from 'i18next';
import type { Notification } from './notification-api.ts';

/**
 * The text of a notification in the UI language, by its kind (`notifications.kinds.*`, looked up with literal
 * keys so the i18n completeness test sees each), filled with its params; a scheme name sent in both languages as
 * `schemeZh` / `schemeEn` becomes `scheme`, an enterprise name (`enterpriseZh` / `enterpriseEn`) `enterprise`. A kind without a text here shows a generic line: a new kind sent by
 * `notify` needs its line below and its zh-CN and en texts.
 */
export function notificationText(notification: Notification, t: TFunction, language: string): string {
  const params: Record<string, string> = { ...notification.params };
  if (params['schemeZh'] !== undefined)
    params['scheme'] = (language === 'en' ? params['schemeEn'] : params['schemeZh']) ?? '';
  if (params['enterpriseZh'] !== undefined)
    params['enterprise'] = (language === 'en' ? params['enterpriseEn'] : params['enterpriseZh']) ?? '';
  switch (notification.kind) {
    case 'subsidy_application.submitted':
      return t('notifications.kinds.subsidy_application.submitted', params);
    case 'subsidy_application.reviewed':
      return t('notifications.kinds.subsidy_application.reviewed', params);
    case 'subsidy_application.city_review_requested':
      return t('notifications.kinds.subsidy_application.city_review_requested', params);
    case 'subsidy_application.rejected':
      return t('notifications.kinds.subsidy_application.rejected', params);
    case 'subsidy_application.approved':
      return t('notifications.kinds.subsidy_application.approved', params);
    case 'subsidy_application.paid':
      return t('notifications.kinds.subsidy_application.paid', params);
    case 'subsidy_application.clawed_back':
      return t('notifications.kinds.subsidy_application.clawed_back', params);
    case 'subsidy_reward.submitted':
      return t('notifications.kinds.subsidy_reward.submitted', params);
    case 'subsidy_reward.reviewed':
      return t('notifications.kinds.subsidy_reward.reviewed', params);
    case 'subsidy_reward.rejected':
      return t('notifications.kinds.subsidy_reward.rejected', params);
    case 'subsidy_reward.approved':
      return t('notifications.kinds.subsidy_reward.approved', params);
    case 'subsidy_reward.paid':
      return t('notifications.kinds.subsidy_reward.paid', params);
    case 'subsidy_reward.clawed_back':
      return t('notifications.kinds.subsidy_reward.clawed_back', params);
    case 'case_evaluator.assigned':
      return t('notifications.kinds.case_evaluator.assigned', params);
    default:
      return t('notifications.unknownKind', { kind: notification.kind });
  }
}
