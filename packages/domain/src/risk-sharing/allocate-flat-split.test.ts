import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatYuan } from '../money/format-yuan.ts';
import { parseYuan } from '../money/parse-yuan.ts';
import qingdao from './__fixtures__/flat-qingdao-insurer-bank-guarantor-60-20-20.json' with { type: 'json' };
import zhongshan from './__fixtures__/flat-zhongshan-fund-bank-insurer-evaluator-54-26-16-4.json' with { type: 'json' };
import zhuhai from './__fixtures__/flat-zhuhai-bank-fund-60-40.json' with { type: 'json' };
import { allocateFlatSplit, FLAT_SPLIT_EXAMPLES } from './allocate-flat-split.ts';

const asYuanRecord = (parts: readonly { party: string; amountFen: bigint }[]) =>
  Object.fromEntries(parts.map((p) => [p.party, formatYuan(p.amountFen)]));

describe('allocateFlatSplit', () => {
  it.each([qingdao, zhongshan, zhuhai])('splits each flat example to the fen: $rule', (fixture) => {
    const shares = fixture.shares.map((s) => ({ party: s.party, weight: BigInt(s.weight) }));
    expect(asYuanRecord(allocateFlatSplit(parseYuan(fixture.lossYuan), shares))).toEqual(fixture.expected);
  });

  it('keeps the example ratios as data matching the fixtures', () => {
    expect(FLAT_SPLIT_EXAMPLES.qingdaoInsurerBankGuarantor.map((s) => s.weight)).toEqual([60n, 20n, 20n]);
    expect(FLAT_SPLIT_EXAMPLES.zhongshanFundBankInsurerEvaluator.map((s) => s.weight)).toEqual([
      54n,
      26n,
      16n,
      4n,
    ]);
    expect(FLAT_SPLIT_EXAMPLES.zhuhaiBankFund.map((s) => s.weight)).toEqual([60n, 40n]);
  });

  it('gives the odd fen of an even split to the first listed party (pool:1, bank:1)', () => {
    expect(
      asYuanRecord(
        allocateFlatSplit(100000001n, [
          { party: 'pool', weight: 1n },
          { party: 'bank', weight: 1n },
        ]),
      ),
    ).toEqual({ pool: '500000.01', bank: '500000.00' });
    expect(
      asYuanRecord(
        allocateFlatSplit(100000001n, [
          { party: 'bank', weight: 1n },
          { party: 'pool', weight: 1n },
        ]),
      ),
    ).toEqual({ bank: '500000.01', pool: '500000.00' });
  });

  it('refuses an empty list, a duplicate party, a negative loss and weights that are negative or all zero', () => {
    expect(() => allocateFlatSplit(1n, [])).toThrow(expect.objectContaining({ code: 'RISK_SHARES_EMPTY' }));
    expect(() =>
      allocateFlatSplit(1n, [
        { party: 'a', weight: 1n },
        { party: 'a', weight: 1n },
      ]),
    ).toThrow(expect.objectContaining({ code: 'RISK_SHARE_PARTY_DUPLICATE' }));
    expect(() => allocateFlatSplit(-1n, [{ party: 'a', weight: 1n }])).toThrow(
      expect.objectContaining({ code: 'RISK_LOSS_INVALID' }),
    );
    expect(() => allocateFlatSplit(1n, [{ party: 'a', weight: -1n }])).toThrow(
      expect.objectContaining({ code: 'RISK_SHARE_WEIGHT_INVALID' }),
    );
    expect(() => allocateFlatSplit(1n, [{ party: 'a', weight: 0n }])).toThrow(
      expect.objectContaining({ code: 'RISK_SHARE_WEIGHT_INVALID' }),
    );
  });

  it('always returns parts that add up to the whole loss to the fen, none negative', () => {
    fc.assert(
      fc.property(
        fc.bigInt(0n, 10n ** 13n),
        fc.array(fc.bigInt(0n, 10_000n), { minLength: 1, maxLength: 8 }),
        (lossFen, weights) => {
          fc.pre(weights.some((w) => w > 0n));
          const parts = allocateFlatSplit(
            lossFen,
            weights.map((weight, i) => ({ party: `p${i}`, weight })),
          );
          expect(parts.reduce((sum, p) => sum + p.amountFen, 0n)).toBe(lossFen);
          expect(parts.every((p) => p.amountFen >= 0n)).toBe(true);
        },
      ),
    );
  });
});
