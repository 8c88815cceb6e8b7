import { caseActions, caseStates, combinedModels, declineReasons } from '@ipf/domain/ledger';
import type { Language } from '../i18n/i18n.ts';
import { claimReasonLabel, claimTimelineActions } from '../risk-sharing/claim-labels.ts';
import { dispositionReasonLabel, dispositionTimelineActions } from '../risk-sharing/disposition-labels.ts';

type Entry = { readonly code: string; readonly zh: string; readonly en: string };
type Translate = (key: string) => string;

const label = (list: readonly Entry[], code: string | null | undefined, language: Language) => {
  if (code === null || code === undefined || code === '') return '—';
  const entry = list.find((e) => e.code === code);
  return entry === undefined ? code : language === 'en' ? entry.en : entry.zh;
};
const options = (list: readonly Entry[], language: Language) =>
  list.map((e) => ({ value: e.code, label: language === 'en' ? e.en : e.zh }));

/** Steps that are not rows of `caseActions` but appear on the timeline. */
const extraActions: readonly Entry[] = [
  { code: 'committee_vote', zh: '贷审会表决', en: 'Credit committee vote' },
  { code: 'create_lead', zh: '新建线索', en: 'Lead created' },
  ...claimTimelineActions,
  ...dispositionTimelineActions,
];

/** Tag colour of a case state: in progress blue, done green, refused red, ended grey. */
export function caseStateColor(state: string): string {
  if (['declined', 'registration_refused', 'overdue', 'non_performing', 'written_off'].includes(state))
    return 'red';
  if (['withdrawn', 'closed'].includes(state)) return 'default';
  if (['approved', 'contracted', 'registered', 'disbursed', 'repaying', 'recovered'].includes(state))
    return 'green';
  if (['compensating', 'disposing'].includes(state)) return 'orange';
  return 'blue';
}

/**
 * Labels of the ledger's codes: states, actions, decline reasons and combined models from the domain's lists
 * (the same the server checks against), the rest from the i18n catalogues.
 */
export const caseLabels = {
  state: (code: string | null | undefined, language: Language) => label(caseStates, code, language),
  stateOptions: (language: Language) => options(caseStates, language),
  action: (code: string, language: Language) => label([...caseActions, ...extraActions], code, language),
  declineReason: (code: string | null | undefined, language: Language) =>
    label(declineReasons, code, language),
  declineReasonOptions: (language: Language) => options(declineReasons, language),
  combinedModel: (code: string | null | undefined, language: Language) =>
    label(combinedModels, code, language),
  isDeclineReason: (code: string) => declineReasons.some((r) => r.code === code),
};

/** 还款方式 (repayment method) label. */
export function repaymentMethodLabel(code: string | null | undefined, t: Translate): string {
  switch (code) {
    case 'annuity':
      return t('cases.repayment.annuity');
    case 'equalPrincipal':
      return t('cases.repayment.equalPrincipal');
    case 'interestOnly':
      return t('cases.repayment.interestOnly');
    case 'bullet':
      return t('cases.repayment.bullet');
    case null:
    case undefined:
    case '':
      return '—';
    default:
      return code;
  }
}

/**
 * The reason code of a timeline event in words: a risk outcome, a valuation basis, a committee vote or a decline
 * reason, depending on the step that recorded it.
 */
export function eventReasonLabel(
  code: string | null,
  action: string,
  language: Language,
  t: Translate,
): string | null {
  if (code === null || code === '') return null;
  if (action === 'decline') return caseLabels.declineReason(code, language);
  if (['pass', 'refer', 'fail'].includes(code)) return riskOutcomeLabel(code, t);
  const claimReason = claimReasonLabel(code, t);
  if (claimReason !== null) return claimReason;
  const dispositionReason = dispositionReasonLabel(code, action, t);
  if (dispositionReason !== null) return dispositionReason;
  switch (code) {
    case 'formal_report':
      return t('cases.valueBasis.formal_report');
    case 'internal_evaluation':
      return t('cases.valueBasis.internal_evaluation');
    case 'approve':
      return t('cases.vote.approve');
    case 'reject':
      return t('cases.vote.reject');
    case 'abstain':
      return t('cases.vote.abstain');
    default:
      return caseLabels.isDeclineReason(code) ? caseLabels.declineReason(code, language) : code;
  }
}

/** 评测结果 (risk outcome band) label. */
export function riskOutcomeLabel(code: string | null | undefined, t: Translate): string {
  switch (code) {
    case 'pass':
      return t('cases.riskOutcome.pass');
    case 'refer':
      return t('cases.riskOutcome.refer');
    case 'fail':
      return t('cases.riskOutcome.fail');
    case null:
    case undefined:
      return '—';
    default:
      return code;
  }
}
