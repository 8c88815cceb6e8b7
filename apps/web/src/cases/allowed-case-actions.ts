import { caseTransitions, type CaseAction } from '@ipf/domain/ledger';
import { parseYuan } from '@ipf/domain/money';

/** The origination actions the case page offers; contracts and registration have their own panels. */
export const originationActions = [
  'record_risk_evaluation',
  'record_value_evaluation',
  'record_credit_rating',
  'committee_vote',
  'approve',
  'decline',
  'withdraw',
  'accept_guarantee',
  'accept_insurance',
] as const;
export type OriginationAction = (typeof originationActions)[number];

/** Actions that the approver takes as checker (审贷分离): never on a case the user helped prepare. */
const checkerActions: readonly string[] = ['approve', 'decline', 'committee_vote'];

export interface AllowedCaseActionsInput {
  readonly state: string;
  readonly role: string;
  readonly userId: string;
  readonly preparedByUserIds: readonly string[];
  /** The case's amount and the product's 贷审会 threshold (yuan strings); null when none applies. */
  readonly amountYuan: string | null;
  readonly creditCommitteeThresholdYuan: string | null;
  readonly committeeVoterUserIds: readonly string[];
  /** The user's organisation and the case's guarantor / insurer (`participants` of the detail). */
  readonly organisationId?: string;
  readonly participants?: readonly { organisationId: string; role: string; acceptedAt: string | null }[];
}

/** 承保 (accept the guarantee / insurance): only the named participant, and only while it has not accepted. */
const acceptances: Partial<Record<OriginationAction, string>> = {
  accept_guarantee: 'guarantor',
  accept_insurance: 'insurer',
};

/**
 * 可执行操作 (the actions this user may take now): the rows of the domain's committed state × action × role
 * table (`caseTransitions`) from the case's state that name the user's role, restricted to origination, with
 * the maker-checker rule applied (a preparer approves, declines and votes on nothing), the credit-committee
 * vote (贷审会表决) for a bank approver on a credit-rated case above the product's threshold who has not voted,
 * and 担保机构承保 / 保险机构承保 for the user of the guarantor / insurer the case names, until it accepted.
 * The server checks every guard again; this only decides what the page shows (issue 5 items 4 and 8).
 */
export function allowedCaseActions(input: AllowedCaseActionsInput): OriginationAction[] {
  const preparer = input.preparedByUserIds.includes(input.userId);
  const fromTable = caseTransitions
    .filter((t) => t.from === input.state && t.roles.includes(input.role as never))
    .map((t): CaseAction => t.action);
  const committeeRequired =
    input.amountYuan !== null &&
    input.creditCommitteeThresholdYuan !== null &&
    parseYuan(input.amountYuan) > parseYuan(input.creditCommitteeThresholdYuan);
  const canVote =
    input.state === 'credit_rated' &&
    input.role === 'bank_approver' &&
    committeeRequired &&
    !input.committeeVoterUserIds.includes(input.userId);
  const candidates = new Set<string>([...fromTable, ...(canVote ? ['committee_vote'] : [])]);
  const isPendingParticipant = (role: string) =>
    (input.participants ?? []).some(
      (p) => p.role === role && p.organisationId === input.organisationId && p.acceptedAt === null,
    );
  return originationActions.filter((action) => {
    const participantRole = acceptances[action];
    return (
      candidates.has(action) &&
      !(preparer && checkerActions.includes(action)) &&
      (participantRole === undefined || isPendingParticipant(participantRole))
    );
  });
}
