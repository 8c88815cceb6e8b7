import type { ProblemDetail } from '../errors/index.ts';

/** 表决意见 (a committee member's vote). */
export type CreditCommitteeVote = 'approve' | 'reject' | 'abstain';

/** 贷审会结论 (committee outcome): approved, rejected, or no quorum (the meeting cannot decide). */
export type CreditCommitteeOutcome = 'approved' | 'rejected' | 'no_quorum';

/**
 * 贷审会议事规则 (committee rules) as data, set by each bank: a quorum of voting members present and the share
 * of present members' votes needed to approve, each a fraction compared inclusively (≥). Example: quorum 2/3 of
 * members, approval by at least 2/3 of those present (a common 三分之二 rule; *example*, configure per bank).
 */
export interface CreditCommitteeRules {
  readonly quorumNumerator: number;
  readonly quorumDenominator: number;
  readonly approvalNumerator: number;
  readonly approvalDenominator: number;
}

/** Input of {@link decideCreditCommittee}. */
export interface CreditCommitteeInput {
  /** 委员 (members) with a vote at this meeting. */
  readonly memberUserIds: readonly string[];
  readonly votes: readonly { readonly userId: string; readonly vote: CreditCommitteeVote }[];
  readonly rules: CreditCommitteeRules;
  /** Users who prepared the case: they may attend but not vote (审贷分离). */
  readonly preparedByUserIds: readonly string[];
}

/** 贷审会决议 (committee decision) with the counts the minutes record, or problems with the votes. */
export interface CreditCommitteeDecision {
  readonly outcome: CreditCommitteeOutcome;
  readonly membersCount: number;
  readonly presentCount: number;
  readonly approveCount: number;
  readonly rejectCount: number;
  readonly abstainCount: number;
  /** Vote problems (non-member, duplicate, preparer voting); such votes are not counted. */
  readonly problems: readonly ProblemDetail[];
}

/**
 * 贷审会表决 (credit committee decision): members present = those who voted (abstaining counts as present);
 * quorum when `present / members ≥ quorum`; approved when `approve / present ≥ approval share`, else rejected.
 * Votes from non-members, second votes and votes from the case's preparers are not counted and reported as
 * problems (CREDIT_COMMITTEE_VOTER_NOT_MEMBER, CREDIT_COMMITTEE_DUPLICATE_VOTE, MAKER_CHECKER_VIOLATION).
 * Exact integer cross-multiplication, no floating point. Example: 5 members, 4 vote 3–1 with rules 2/3, 2/3 →
 * 4·3 ≥ 2·5 quorum, 3·3 ≥ 2·4 approved. Source: 《商业银行授信工作尽职指引》 (审贷分离, collective decision).
 */
export function decideCreditCommittee(input: CreditCommitteeInput): CreditCommitteeDecision {
  const members = new Set(input.memberUserIds);
  const preparers = new Set(input.preparedByUserIds);
  const counted = new Map<string, CreditCommitteeVote>();
  const problems: ProblemDetail[] = [];

  input.votes.forEach((v, index) => {
    const field = `votes[${index}].userId`;
    if (!members.has(v.userId))
      problems.push({ code: 'CREDIT_COMMITTEE_VOTER_NOT_MEMBER', field, params: { userId: v.userId } });
    else if (preparers.has(v.userId))
      problems.push({ code: 'MAKER_CHECKER_VIOLATION', field, params: { userId: v.userId } });
    else if (counted.has(v.userId))
      problems.push({ code: 'CREDIT_COMMITTEE_DUPLICATE_VOTE', field, params: { userId: v.userId } });
    else counted.set(v.userId, v.vote);
  });

  const tally = [...counted.values()];
  const approveCount = tally.filter((v) => v === 'approve').length;
  const rejectCount = tally.filter((v) => v === 'reject').length;
  const abstainCount = tally.filter((v) => v === 'abstain').length;
  const presentCount = tally.length;
  const membersCount = members.size;
  const { quorumNumerator, quorumDenominator, approvalNumerator, approvalDenominator } = input.rules;

  const hasQuorum = presentCount > 0 && presentCount * quorumDenominator >= quorumNumerator * membersCount;
  const approved = approveCount * approvalDenominator >= approvalNumerator * presentCount;
  const outcome: CreditCommitteeOutcome = !hasQuorum ? 'no_quorum' : approved ? 'approved' : 'rejected';
  return { outcome, membersCount, presentCount, approveCount, rejectCount, abstainCount, problems };
}
