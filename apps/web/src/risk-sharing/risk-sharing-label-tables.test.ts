import { describe, expect, it } from 'vitest';
import {
  claimRoleLabels,
  claimStatusLabels,
  dispositionPathLabels,
  dispositionRoleLabels,
  dispositionStatusLabels,
  type RiskSharingLabel,
} from '@ipf/domain/risk-sharing';
import i18n from '../i18n/i18n.ts';
import { claimRoleLabel, claimStateLabel } from './claim-labels.ts';
import { dispositionPathLabel, dispositionStatusLabel, riskRoleLabel } from './disposition-labels.ts';

const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en');

/** Every code of a domain table as the web names it, next to the table's own words. */
function compare(
  table: Readonly<Record<string, RiskSharingLabel>>,
  label: (code: string, t: typeof zh) => string,
) {
  const codes = Object.keys(table);
  return {
    web: codes.map((code) => ({ code, zh: label(code, zh), en: label(code, en) })),
    domain: codes.map((code) => ({ code, zh: table[code]!.zh, en: table[code]!.en })),
  };
}

// The server's xlsx exports and timeline notes take these words from @ipf/domain/risk-sharing; the web keeps them in its i18n files
// (literal keys for the completeness check), so the two must say the same in both languages.
describe('claim and disposition labels: the web says what the server exports', () => {
  it('names claim states and payer kinds as the domain tables do', () => {
    const states = compare(claimStatusLabels, claimStateLabel);
    expect(states.web).toEqual(states.domain);
    const roles = compare(claimRoleLabels, claimRoleLabel);
    expect(roles.web).toEqual(roles.domain);
  });

  it('names disposition states and paths as the domain tables do', () => {
    const statuses = compare(dispositionStatusLabels, dispositionStatusLabel);
    expect(statuses.web).toEqual(statuses.domain);
    const paths = compare(dispositionPathLabels, (code, t) => dispositionPathLabel(code, t));
    expect(paths.web).toEqual(paths.domain);
  });

  it('names the parties of a distribution as the timeline notes of a disposition do', () => {
    const roles = compare(dispositionRoleLabels, riskRoleLabel);
    expect(roles.web).toEqual(roles.domain);
  });
});
