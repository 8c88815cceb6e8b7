import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decideCreditCommittee,
  type CreditCommitteeRules,
  type CreditCommitteeVote,
} from './decide-credit-committee.ts';

const twoThirds: CreditCommitteeRules = {
  quorumNumerator: 2,
  quorumDenominator: 3,
  approvalNumerator: 2,
  approvalDenominator: 3,
};
const members = ['m1', 'm2', 'm3', 'm4', 'm5'];
const votes = (list: CreditCommitteeVote[]) => list.map((vote, i) => ({ userId: `m${i + 1}`, vote }));

describe('decideCreditCommittee', () => {
  it('approves with 3 of 4 present approving (quorum 4/5 ≥ 2/3, approval 3/4 ≥ 2/3)', () => {
    expect(
      decideCreditCommittee({
        memberUserIds: members,
        votes: votes(['approve', 'approve', 'approve', 'reject']),
        rules: twoThirds,
        preparedByUserIds: [],
      }),
    ).toMatchObject({ outcome: 'approved', presentCount: 4, approveCount: 3 });
  });

  it('has no quorum with 3 of 5 present, whatever the votes', () => {
    expect(
      decideCreditCommittee({
        memberUserIds: members,
        votes: votes(['approve', 'approve', 'approve']),
        rules: twoThirds,
        preparedByUserIds: [],
      }).outcome,
    ).toBe('no_quorum');
  });

  it('rejects when abstentions keep approvals below two thirds of those present', () => {
    expect(
      decideCreditCommittee({
        memberUserIds: members,
        votes: votes(['approve', 'approve', 'abstain', 'abstain']),
        rules: twoThirds,
        preparedByUserIds: [],
      }),
    ).toMatchObject({ outcome: 'rejected', abstainCount: 2 });
  });

  it('approves at exactly two thirds (the threshold is inclusive)', () => {
    const six = [...members, 'm6'];
    expect(
      decideCreditCommittee({
        memberUserIds: six,
        votes: votes(['approve', 'approve', 'approve', 'approve', 'reject', 'reject']),
        rules: twoThirds,
        preparedByUserIds: [],
      }).outcome,
    ).toBe('approved');
  });

  it("does not count votes of non-members, second votes or the case's preparer, and reports each", () => {
    const decision = decideCreditCommittee({
      memberUserIds: members,
      votes: [
        ...votes(['approve', 'approve', 'reject']),
        { userId: 'm1', vote: 'reject' },
        { userId: 'x9', vote: 'approve' },
        { userId: 'm4', vote: 'approve' },
      ],
      rules: twoThirds,
      preparedByUserIds: ['m4'],
    });
    expect(decision.problems.map((p) => p.code)).toEqual([
      'CREDIT_COMMITTEE_DUPLICATE_VOTE',
      'CREDIT_COMMITTEE_VOTER_NOT_MEMBER',
      'MAKER_CHECKER_VIOLATION',
    ]);
    expect(decision).toMatchObject({ outcome: 'no_quorum', presentCount: 3 });
  });

  it('property: counts add up to those present and the outcome does not depend on the order of votes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<CreditCommitteeVote>('approve', 'reject', 'abstain'), { maxLength: 5 }),
        fc.integer(),
        (list, seed) => {
          const cast = votes(list);
          const shuffled = [...cast].sort(
            (a, b) => ((a.userId.charCodeAt(1) * seed) % 7) - ((b.userId.charCodeAt(1) * seed) % 7),
          );
          const a = decideCreditCommittee({
            memberUserIds: members,
            votes: cast,
            rules: twoThirds,
            preparedByUserIds: [],
          });
          const b = decideCreditCommittee({
            memberUserIds: members,
            votes: shuffled,
            rules: twoThirds,
            preparedByUserIds: [],
          });
          expect(a.approveCount + a.rejectCount + a.abstainCount).toBe(a.presentCount);
          expect(b.outcome).toBe(a.outcome);
        },
      ),
    );
  });
});
