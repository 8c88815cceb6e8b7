import { defineErrors } from '../errors/error-catalogue.ts';

/**
 * 案件参与机构错误 (case participant errors): naming the guarantor or insurer of a combined model at application,
 * and their acceptance (承保); the evaluation firm the value step names (issue 9: it records its fee on the case).
 * Source: issue 5 items 1 and 5 (组合模式; 反担保 pledge to the guarantor).
 */
export const caseParticipantErrors = defineErrors({
  CASE_GUARANTOR_REQUIRED: {
    status: 422,
    zh: '“质押+担保”模式须指定担保机构。',
    en: 'A pledge-plus-guarantee application must name the guarantor.',
  },
  CASE_INSURER_REQUIRED: {
    status: 422,
    zh: '“质押+保险”模式须指定保险机构。',
    en: 'A pledge-plus-insurance application must name the insurer.',
  },
  CASE_GUARANTOR_INVALID: {
    status: 422,
    zh: '机构 {organisationId} 不是平台上在用的担保机构。',
    en: '{organisationId} is not an active guarantor on the platform.',
  },
  CASE_INSURER_INVALID: {
    status: 422,
    zh: '机构 {organisationId} 不是平台上在用的保险机构。',
    en: '{organisationId} is not an active insurer on the platform.',
  },
  CASE_PARTICIPANT_NOT_APPLICABLE: {
    status: 422,
    zh: '组合模式 {model} 不设担保机构或保险机构，请勿指定。',
    en: 'Combined model {model} has no guarantor or insurer; do not name one.',
  },
  CASE_EVALUATOR_NOT_ADMITTED: {
    status: 422,
    zh: '机构 {organisationId} 不是评估机构名录中已入库的评估机构，请改填评估机构名称。',
    en: "{organisationId} is not an evaluation firm admitted on the registry; enter the firm's name instead.",
  },
  CASE_PARTICIPANT_ALREADY_ACCEPTED: {
    status: 409,
    zh: '本机构已于 {acceptedAt} 承保此案件。',
    en: 'Your organisation accepted this case on {acceptedAt}.',
  },
});
