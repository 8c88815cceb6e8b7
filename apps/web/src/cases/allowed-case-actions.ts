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
}

/**
 * 可执行操作 (the actions this user may take now): the rows of the domain's committed state × action × role
 * table (`caseTransitions`) from the case's state that name the user's role, restricted to origination, with
 * the maker-checker rule applied (a preparer approves, declines and votes on nothing), and the credit-committee
 * vote (贷审会表决) for a bank approver on a credit-rated case above the product's threshold who has not voted.
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
  return originationActions.filter(
    (action) => candidates.has(action) && !(preparer && checkerActions.includes(action)),
  );
}
