import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementArb, lossArb } from './__fixtures__/agreement-arbitrary.ts';
import { agreementFromFixture } from './__fixtures__/agreement-from-fixture.ts';
import shenzhen from './__fixtures__/layered-shenzhen-guarantee-reguarantee-pool.json' with { type: 'json' };
import { calculateLayeredLoss } from './calculate-layered-loss.ts';
import { CLAIM_ROLES, getRiskLayer } from './risk-sharing-agreement.ts';
import { calculateClaimEntitlement, settleClaimsInOrder } from './settle-claims-in-order.ts';

describe('settleClaimsInOrder', () => {
  const { agreement, loss } = agreementFromFixture(shenzhen);

  it('gives the same positions whether the pool or the guarantor is claimed first', () => {
    const a = settleClaimsInOrder(agreement, loss, ['pool', 'guarantor', 're_guarantor']);
    const b = settleClaimsInOrder(agreement, loss, ['re_guarantor', 'guarantor', 'pool']);
    expect(a).toEqual(b);
    expect(a.map((p) => p.borneFen)).toEqual(
      calculateLayeredLoss(agreement, loss).parts.map((p) => p.borneFen),
    );
  });

  it('has the guarantor compensate the bank in full (代偿) and recover the re-guarantee from the fund', () => {
    expect(calculateClaimEntitlement(agreement, loss, 'guarantor')).toEqual({
      role: 'guarantor',
      payerParty: 'guarantor',
      payeeParty: 'bank',
      amountFen: 80000001n,
    });
    expect(calculateClaimEntitlement(agreement, loss, 're_guarantor')).toEqual({
      role: 're_guarantor',
      payerParty: 'sz-reguarantee-fund',
      payeeParty: 'guarantor',
      amountFen: 40000001n,
    });
  });

  it('refuses to pay the same loss twice from one role, and a role the agreement lacks', () => {
    expect(() => settleClaimsInOrder(agreement, loss, ['pool', 'pool'])).toThrow(
      expect.objectContaining({ code: 'RISK_CLAIM_DUPLICATE' }),
    );
    expect(() => settleClaimsInOrder(agreement, loss, ['insurer'])).toThrow(
      expect.objectContaining({ code: 'RISK_CLAIM_ROLE_NOT_IN_AGREEMENT' }),
    );
  });

  it('converges to the layered allocation whatever the order of claims', () => {
    fc.assert(
      fc.property(
        agreementArb.chain((generated) => {
          const roles = CLAIM_ROLES.filter((role) => getRiskLayer(generated, role) !== undefined);
          return fc.tuple(
            fc.constant(generated),
            fc.shuffledSubarray(roles, { minLength: roles.length, maxLength: roles.length }),
          );
        }),
        lossArb,
        ([generated, order], generatedLoss) => {
          const positions = settleClaimsInOrder(generated, generatedLoss, order);
          expect(positions.map((p) => p.borneFen)).toEqual(
            calculateLayeredLoss(generated, generatedLoss).parts.map((p) => p.borneFen),
          );
        },
      ),
    );
  });

  it('cannot change anyone’s burden by reordering the same subset of claims', () => {
    fc.assert(
      fc.property(
        agreementArb.chain((generated) => {
          const roles = CLAIM_ROLES.filter((role) => getRiskLayer(generated, role) !== undefined);
          return fc
            .shuffledSubarray(roles)
            .chain((subset) =>
              fc.tuple(
                fc.constant(generated),
                fc.constant(subset),
                fc.shuffledSubarray(subset, { minLength: subset.length, maxLength: subset.length }),
              ),
            );
        }),
        lossArb,
        ([generated, order, reordered], generatedLoss) => {
          expect(settleClaimsInOrder(generated, generatedLoss, order)).toEqual(
            settleClaimsInOrder(generated, generatedLoss, reordered),
          );
        },
      ),
    );
  });
});
