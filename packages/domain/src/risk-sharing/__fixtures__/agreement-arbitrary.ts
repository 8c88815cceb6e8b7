import fc from 'fast-check';
import type { RiskLayer, RiskSharingAgreement } from '../risk-sharing-agreement.ts';

const capArb = fc.option(fc.bigInt(0n, 5_000_000_00n), { nil: undefined });

function layerArb(party: string, minBps: bigint, maxBps: bigint): fc.Arbitrary<RiskLayer> {
  return fc
    .record({ shareBps: fc.bigInt(minBps, maxBps), capFen: capArb })
    .map(({ shareBps, capFen }) => ({ party, shareBps, ...(capFen === undefined ? {} : { capFen }) }));
}

/** Test helper: valid layered agreements (every combination of layers, shares in range, optional caps). */
export const agreementArb: fc.Arbitrary<RiskSharingAgreement> = fc
  .record({
    lossBase: fc.constantFrom('principal' as const, 'principal_and_interest' as const),
    guarantor: fc.option(layerArb('guarantor', 0n, 8_000n), { nil: undefined }),
    reGuarantor: fc.option(layerArb('reguarantor', 2_000n, 5_000n), { nil: undefined }),
    insurer: fc.option(layerArb('insurer', 0n, 10_000n), { nil: undefined }),
    evaluator: fc.option(layerArb('evaluator', 0n, 2_000n), { nil: undefined }),
    pool: fc.option(layerArb('pool', 0n, 10_000n), { nil: undefined }),
  })
  .map(({ lossBase, guarantor, reGuarantor, insurer, evaluator, pool }) => {
    // Keep the first layer within 100% and, with a guarantor, the bank at ≥ 20% by trimming the insurer.
    const room =
      10_000n -
      (guarantor === undefined ? 0n : 2_000n) -
      (guarantor?.shareBps ?? 0n) -
      (evaluator?.shareBps ?? 0n);
    const trimmedInsurer =
      insurer === undefined
        ? undefined
        : { ...insurer, shareBps: insurer.shareBps > room ? (room < 0n ? 0n : room) : insurer.shareBps };
    const evaluatorFits =
      (guarantor?.shareBps ?? 0n) + (evaluator?.shareBps ?? 0n) <=
      (guarantor === undefined ? 10_000n : 8_000n);
    return {
      agreementId: 'generated',
      fixedOn: '2024-01-01',
      lossBase,
      bankParty: 'bank',
      ...(guarantor === undefined ? {} : { guarantor }),
      ...(guarantor === undefined || reGuarantor === undefined ? {} : { reGuarantor }),
      ...(trimmedInsurer === undefined ? {} : { insurer: trimmedInsurer }),
      ...(evaluator === undefined || !evaluatorFits ? {} : { evaluator }),
      ...(pool === undefined ? {} : { pool }),
    };
  });

/** Test helper: a loan loss (principal and interest in fen, up to 100 m yuan). */
export const lossArb = fc.record({
  principalFen: fc.bigInt(0n, 100_000_000_00n),
  interestFen: fc.bigInt(0n, 10_000_000_00n),
});
