import { commonErrors } from './common-errors.ts';
import { authErrors } from '../party/auth-errors.ts';
import { partyErrors } from '../party/party-errors.ts';
import { ipAssetErrors } from '../ip-asset/ip-asset-errors.ts';
import { ipAssetRegistryErrors } from '../ip-asset/ip-asset-registry-errors.ts';
import { moneyErrors } from '../money/money-errors.ts';
import { calendarErrors } from '../calendar/calendar-errors.ts';
import { loanErrors } from '../loan/loan-errors.ts';
import { loanServicingErrors } from '../loan/loan-servicing-errors.ts';
import { loanRestructuringErrors } from '../loan/loan-restructuring-errors.ts';
import { valuationErrors } from '../valuation/valuation-errors.ts';
import { ledgerErrors } from '../ledger/ledger-errors.ts';
import { ledgerCaseErrors } from '../ledger/ledger-case-errors.ts';
import { caseParticipantErrors } from '../ledger/case-participant-errors.ts';
import { caseDocumentErrors } from '../ledger/case-document-errors.ts';
import { caseAttachmentErrors } from '../ledger/case-attachment-errors.ts';
import { registrationErrors } from '../registration/registration-errors.ts';
import { registrationFilingErrors } from '../registration/registration-filing-errors.ts';
import { riskSharingErrors } from '../risk-sharing/risk-sharing-errors.ts';
import { subsidyErrors } from '../subsidy/subsidy-errors.ts';
import { subsidyRewardErrors } from '../subsidy/subsidy-reward-errors.ts';
import { monitoringErrors } from '../monitoring/monitoring-errors.ts';
import { whitelistErrors } from '../whitelist/whitelist-errors.ts';
import { whitelistRoundErrors } from '../whitelist-round/whitelist-round-errors.ts';
import { whitelistPushErrors } from '../whitelist-push/whitelist-push-errors.ts';
import { psiErrors } from '../psi/psi-errors.ts';
import type { ErrorCatalogue, ErrorText } from './error-catalogue.ts';
import type { ErrorParams } from './domain-error.ts';

/**
 * Every error code of the platform. A context adds its own `…-errors.ts` and one line here;
 * `catalogue.test.ts` fails when a code lacks a status or either language, or is defined twice.
 */
export const errorCatalogues: readonly ErrorCatalogue[] = [
  commonErrors,
  authErrors,
  partyErrors,
  ipAssetErrors,
  ipAssetRegistryErrors,
  moneyErrors,
  calendarErrors,
  loanErrors,
  loanServicingErrors,
  loanRestructuringErrors,
  valuationErrors,
  ledgerErrors,
  ledgerCaseErrors,
  caseParticipantErrors,
  caseDocumentErrors,
  caseAttachmentErrors,
  registrationErrors,
  registrationFilingErrors,
  riskSharingErrors,
  subsidyErrors,
  subsidyRewardErrors,
  monitoringErrors,
  whitelistErrors,
  whitelistRoundErrors,
  whitelistPushErrors,
  psiErrors,
];

export const errorCatalogue: ErrorCatalogue = Object.assign({}, ...errorCatalogues) as ErrorCatalogue;

export type Language = 'zh-CN' | 'en';

/** Looks up a code's entry; an unknown code is itself an internal error. */
export function getErrorText(code: string): ErrorText {
  return errorCatalogue[code] ?? errorCatalogue['INTERNAL_ERROR']!;
}

/** Renders a code's message in one language with `{name}` placeholders filled from `params`. */
export function formatErrorMessage(code: string, params: ErrorParams, language: Language): string {
  const text = getErrorText(code);
  const template = language === 'en' ? text.en : text.zh;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
