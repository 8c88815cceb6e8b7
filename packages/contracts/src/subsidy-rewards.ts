import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, PageOf, PageQuery, Uuid, YuanString } from './common.ts';
import { SubsidyDecisionFields } from './subsidies.ts';

const Json = Type.Record(Type.String(), Type.Unknown());
const RewardYear = Type.Integer({ minimum: 2000, maximum: 2100 });
const RewardState = Type.Union(
  ['submitted', 'reviewed', 'approved', 'paid', 'rejected', 'clawed_back'].map((s) => Type.Literal(s)),
  { description: 'submitted → reviewed → approved → paid; rejected; clawed_back' },
);

/** One loan of a reward claim: the engine's evaluation (conditions with proofs, steps) and the claim's conditions. */
export const SubsidyRewardLoan = Type.Object({
  caseId: Uuid,
  caseNumber: Type.String(),
  disbursedOn: Type.String(),
  principalYuan: YuanString,
  eligible: Type.Boolean(),
  amountYuan: YuanString,
  grantedYuan: Type.Union([YuanString, Type.Null()]),
  evaluation: Json,
  claimConditions: Type.Array(Json, {
    description: 'disbursed_in_period and not_rewarded_before, each {condition, met, proof, reason}',
  }),
});

/** 奖励资格: one reward scheme for the institution and year, its loans and the total after caps. */
export const SubsidyRewardEligibility = Type.Object({
  schemeVersionId: Uuid,
  schemeId: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  beneficiary: Type.String({ description: 'bank | guarantor | insurer | evaluator' }),
  rewardYear: Type.Integer(),
  applicationFrom: Type.Union([IsoDate, Type.Null()]),
  applicationTo: Type.Union([IsoDate, Type.Null()]),
  totalYuan: YuanString,
  eligibleCount: Type.Integer(),
  loans: Type.Array(SubsidyRewardLoan),
});
export const SubsidyRewardEligibilityList = Type.Array(SubsidyRewardEligibility);
export type SubsidyRewardEligibility = Static<typeof SubsidyRewardEligibility>;

export const SubsidyRewardEligibilityQuery = Type.Object(
  { schemeVersionId: Type.Optional(Uuid), rewardYear: Type.Optional(RewardYear) },
  { additionalProperties: false },
);

export const CreateSubsidyRewardApplicationBody = Type.Object(
  {
    schemeVersionId: Uuid,
    rewardYear: Type.Optional(RewardYear),
    caseIds: Type.Optional(
      Type.Array(Uuid, {
        minItems: 1,
        maxItems: 1000,
        description: 'the loans claimed; by default every loan of the year with a reward due',
      }),
    ),
  },
  { additionalProperties: false },
);

/** 奖励申请 with its loans, as the institution and the bureau see it. */
export const SubsidyRewardApplication = Type.Object({
  id: Uuid,
  applicationNumber: Type.String(),
  institutionId: Uuid,
  institutionName: Type.String(),
  applicantUnitId: Uuid,
  applicantUnitName: Type.String(),
  beneficiary: Type.String(),
  schemeVersionId: Uuid,
  schemeId: Type.String(),
  schemeNameZh: Type.String(),
  schemeNameEn: Type.String(),
  rewardYear: Type.Integer(),
  state: Type.String(),
  requestedYuan: YuanString,
  grantedYuan: Type.Union([YuanString, Type.Null()]),
  loans: Type.Array(SubsidyRewardLoan),
  ...SubsidyDecisionFields,
});
export type SubsidyRewardApplication = Static<typeof SubsidyRewardApplication>;
export const SubsidyRewardApplicationPage = PageOf(SubsidyRewardApplication);

export const SubsidyRewardApplicationListQuery = Type.Object(
  {
    ...PageQuery,
    state: Type.Optional(RewardState),
    schemeId: Type.Optional(Type.String({ maxLength: 100 })),
    rewardYear: Type.Optional(RewardYear),
  },
  { additionalProperties: false },
);
