import { Type, type Static } from '@sinclair/typebox';
import { Uuid, YuanString } from './common.ts';

const Pct = Type.String({ pattern: '^\\d{1,3}(\\.\\d{1,4})?$', description: 'percent, e.g. "10" or "12.5"' });

export const WhatIfQuery = Type.Object(
  {
    bankId: Type.Optional(Uuid),
    district: Type.Optional(Type.String({ maxLength: 20 })),
    poolId: Type.Optional(Uuid),
    ipKind: Type.Optional(Type.String({ maxLength: 40 })),
    defaultRatePct: Pct,
    recoveryRatePct: Pct,
    lagMonths: Type.Integer({ minimum: 0, maximum: 120 }),
  },
  { additionalProperties: false },
);
export type WhatIfQuery = Static<typeof WhatIfQuery>;

export const WhatIfProjection = Type.Object({
  loanCount: Type.Integer(),
  exposureYuan: YuanString,
  defaultedLossYuan: YuanString,
  recoveryYuan: YuanString,
  poolShortfallYuan: YuanString,
  parties: Type.Array(
    Type.Object({
      role: Type.String(),
      partyId: Type.String(),
      partyName: Type.String(),
      grossBorneYuan: YuanString,
      recoveredYuan: YuanString,
      netLossYuan: YuanString,
      /** 担保费 / 保费 earned on the chosen loans. */
      feeIncomeYuan: YuanString,
      /** Fee income less the net loss. */
      netResultYuan: YuanString,
    }),
  ),
  poolBudgets: Type.Array(
    Type.Object({
      partyId: Type.String(),
      partyName: Type.String(),
      budgetYuan: YuanString,
      remainingBeforeYuan: YuanString,
      remainingAfterYuan: YuanString,
    }),
  ),
  loans: Type.Array(
    Type.Object({
      caseId: Uuid,
      caseNumber: Type.String(),
      outstandingPrincipalYuan: YuanString,
      defaultedLossYuan: YuanString,
      recoveryYuan: YuanString,
      poolShortfallYuan: YuanString,
    }),
  ),
  scenario: Type.Object({
    defaultRatePct: Type.String(),
    recoveryRatePct: Type.String(),
    lagMonths: Type.Integer(),
  }),
});
export type WhatIfProjection = Static<typeof WhatIfProjection>;
