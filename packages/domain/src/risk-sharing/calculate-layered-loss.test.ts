import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatYuan } from '../money/format-yuan.ts';
import { agreementArb, lossArb } from './__fixtures__/agreement-arbitrary.ts';
import { agreementFromFixture, type LayeredFixture } from './__fixtures__/agreement-from-fixture.ts';
import caps from './__fixtures__/layered-principal-and-interest-with-caps.json' with { type: 'json' };
import qingdao from './__fixtures__/layered-qingdao-insurer-guarantor.json' with { type: 'json' };
import shenzhen from './__fixtures__/layered-shenzhen-guarantee-reguarantee-pool.json' with { type: 'json' };
import zhongshan from './__fixtures__/layered-zhongshan-as-layers.json' with { type: 'json' };
import { calculateLayeredLoss, calculateLossBase } from './calculate-layered-loss.ts';
import { getRiskLayer, type RiskSharingAgreement } from './risk-sharing-agreement.ts';
import { validateRiskSharingAgreement } from './validate-risk-sharing-agreement.ts';

const fixtures: LayeredFixture[] = [shenzhen, caps, zhongshan, qingdao];

const base: RiskSharingAgreement = {
  agreementId: 'a',
  fixedOn: '2024-01-01',
  lossBase: 'principal',
  bankParty: 'bank',
};
const codes = (agreement: RiskSharingAgreement) => validateRiskSharingAgreement(agreement).map((p) => p.code);

describe('calculateLayeredLoss', () => {
  it.each(fixtures)('allocates each sharing scheme to the fen: $rule', (fixture) => {
    const { agreement, loss } = agreementFromFixture(fixture);
    const allocation = calculateLayeredLoss(agreement, loss);
    expect(Object.fromEntries(allocation.parts.map((p) => [p.party, formatYuan(p.borneFen)]))).toEqual(
      fixture.expected,
    );
  });

  it('shows the excess over each cap: the guarantor’s to the bank, the re-guarantor’s back to the guarantor', () => {
    const { agreement, loss } = agreementFromFixture(caps);
    const parts = calculateLayeredLoss(agreement, loss).parts;
    expect(parts.map((p) => [p.role, formatYuan(p.contractualFen), formatYuan(p.excessOverCapFen)])).toEqual([
      ['guarantor', '1435000.00', '435000.00'],
      ['re_guarantor', '200000.00', '50000.00'],
      ['pool', '525000.00', '225000.00'],
      ['bank', '615000.00', '0.00'],
    ]);
  });

  it('takes the loss base per scheme: principal only, or principal and interest', () => {
    const loss = { principalFen: 100_00n, interestFen: 7_00n };
    expect(calculateLossBase(base, loss)).toBe(100_00n);
    expect(calculateLossBase({ ...base, lossBase: 'principal_and_interest' }, loss)).toBe(107_00n);
    expect(() => calculateLossBase(base, { principalFen: -1n, interestFen: 0n })).toThrow(
      expect.objectContaining({ code: 'RISK_LOSS_INVALID' }),
    );
  });

  it('refuses an agreement where the bank keeps less than 20% in bank–guarantor sharing (国办发〔2019〕6号)', () => {
    expect(codes({ ...base, guarantor: { party: 'g', shareBps: 8_000n } })).toEqual([]);
    expect(codes({ ...base, guarantor: { party: 'g', shareBps: 8_001n } })).toEqual([
      'RISK_BANK_SHARE_BELOW_MINIMUM',
    ]);
    expect(
      codes({
        ...base,
        guarantor: { party: 'g', shareBps: 2_000n },
        insurer: { party: 'i', shareBps: 6_500n },
      }),
    ).toEqual(['RISK_BANK_SHARE_BELOW_MINIMUM']);
    expect(() =>
      calculateLayeredLoss(
        { ...base, guarantor: { party: 'g', shareBps: 9_000n } },
        { principalFen: 1n, interestFen: 0n },
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        problems: [
          expect.objectContaining({ code: 'RISK_BANK_SHARE_BELOW_MINIMUM', field: 'guarantor.shareBps' }),
        ],
      }),
    );
  });

  it('refuses a re-guarantee outside 20%–50% of the guarantor’s part, or without a guarantor', () => {
    const guarantor = { party: 'g', shareBps: 5_000n };
    expect(codes({ ...base, guarantor, reGuarantor: { party: 'r', shareBps: 1_999n } })).toEqual([
      'RISK_SHARE_BPS_OUT_OF_RANGE',
    ]);
    expect(codes({ ...base, guarantor, reGuarantor: { party: 'r', shareBps: 5_001n } })).toEqual([
      'RISK_SHARE_BPS_OUT_OF_RANGE',
    ]);
    expect(codes({ ...base, guarantor, reGuarantor: { party: 'r', shareBps: 2_000n } })).toEqual([]);
    expect(codes({ ...base, reGuarantor: { party: 'r', shareBps: 3_000n } })).toEqual([
      'RISK_REGUARANTEE_WITHOUT_GUARANTOR',
    ]);
  });

  it('refuses shares out of range, a first layer over 100%, negative caps and a party in two roles', () => {
    expect(codes({ ...base, pool: { party: 'p', shareBps: 10_001n } })).toEqual([
      'RISK_SHARE_BPS_OUT_OF_RANGE',
    ]);
    expect(
      codes({
        ...base,
        insurer: { party: 'i', shareBps: 7_000n },
        evaluator: { party: 'e', shareBps: 4_000n },
      }),
    ).toEqual(['RISK_FIRST_LAYER_OVER_WHOLE']);
    expect(codes({ ...base, pool: { party: 'p', shareBps: 5_000n, capFen: -1n } })).toEqual([
      'RISK_CAP_INVALID',
    ]);
    expect(codes({ ...base, pool: { party: 'bank', shareBps: 5_000n } })).toEqual([
      'RISK_AGREEMENT_PARTY_DUPLICATE',
    ]);
  });

  it('always splits the whole loss base to the fen, with no part negative', () => {
    fc.assert(
      fc.property(agreementArb, lossArb, (agreement, loss) => {
        const allocation = calculateLayeredLoss(agreement, loss);
        expect(allocation.parts.reduce((sum, p) => sum + p.borneFen, 0n)).toBe(
          calculateLossBase(agreement, loss),
        );
        expect(allocation.parts.every((p) => p.borneFen >= 0n)).toBe(true);
      }),
    );
  });

  it('never puts a party beyond its cap (the guarantor’s cap bounds what it pays before the re-guarantee)', () => {
    fc.assert(
      fc.property(agreementArb, lossArb, (agreement, loss) => {
        const parts = calculateLayeredLoss(agreement, loss).parts;
        for (const part of parts) {
          if (part.role === 'bank') continue;
          const capFen = getRiskLayer(agreement, part.role)?.capFen;
          if (capFen === undefined) continue;
          const paidFen =
            part.role === 'guarantor'
              ? part.borneFen + (parts.find((p) => p.role === 're_guarantor')?.borneFen ?? 0n)
              : part.borneFen;
          expect(paidFen <= capFen).toBe(true);
        }
      }),
    );
  });
});
