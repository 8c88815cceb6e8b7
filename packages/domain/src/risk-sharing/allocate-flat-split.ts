import { DomainError } from '../errors/domain-error.ts';
import { allocateLargestRemainder } from '../money/allocate-largest-remainder.ts';

/** One party's weight in a flat split, e.g. `{ party: 'insurer', weight: 60n }` of 60 : 20 : 20. */
export interface FlatShare {
  readonly party: string;
  readonly weight: bigint;
}

/** One party's part of a split loss (or recovery), in fen. */
export interface PartyAmount {
  readonly party: string;
  readonly amountFen: bigint;
}

/**
 * 平行分险 (flat risk split): splits `lossFen` among parties in proportion to their weights by largest remainder,
 * so the parts add up to the whole to the fen. Formula: partᵢ = ⌊loss·wᵢ / Σw⌋, then the leftover fen one each to
 * the largest remainders, ties to the first listed. Example: 1,000,000.01 yuan over pool:1, bank:1 →
 * pool 500,000.01, bank 500,000.00. Source: design.md "Splits (risk sharing …) use largest-remainder allocation";
 * issue 8 item 4 "one pure function allocates a flat split".
 * @throws DomainError RISK_SHARES_EMPTY, RISK_SHARE_PARTY_DUPLICATE, RISK_LOSS_INVALID, RISK_SHARE_WEIGHT_INVALID.
 */
export function allocateFlatSplit(lossFen: bigint, shares: readonly FlatShare[]): PartyAmount[] {
  if (shares.length === 0) throw new DomainError('RISK_SHARES_EMPTY');
  if (lossFen < 0n) throw new DomainError('RISK_LOSS_INVALID');
  const seen = new Set<string>();
  for (const share of shares) {
    if (seen.has(share.party)) throw new DomainError('RISK_SHARE_PARTY_DUPLICATE', { party: share.party });
    seen.add(share.party);
    if (share.weight < 0n)
      throw new DomainError('RISK_SHARE_WEIGHT_INVALID', { party: share.party, value: share.weight });
  }
  if (shares.every((share) => share.weight === 0n)) {
    throw new DomainError('RISK_SHARE_WEIGHT_INVALID', { party: shares[0]?.party ?? '', value: 0n });
  }

  const parts = allocateLargestRemainder(
    lossFen,
    shares.map((share) => share.weight),
  );
  return shares.map((share, index) => ({ party: share.party, amountFen: parts[index] ?? 0n }));
}

/**
 * 平行分险示例 (flat split examples, *examples* from domain-reference.md "Risk sharing and compensation"): Qingdao
 * insurer : bank : guarantor 60 : 20 : 20; Zhongshan fund : bank : insurer : evaluator 54 : 26 : 16 : 4; Zhuhai
 * bank 60 / fund 40. Configuration, not rules: a bureau or bank enters the real ratios.
 */
export const FLAT_SPLIT_EXAMPLES = {
  qingdaoInsurerBankGuarantor: [
    { party: 'insurer', weight: 60n },
    { party: 'bank', weight: 20n },
    { party: 'guarantor', weight: 20n },
  ],
  zhongshanFundBankInsurerEvaluator: [
    { party: 'fund', weight: 54n },
    { party: 'bank', weight: 26n },
    { party: 'insurer', weight: 16n },
    { party: 'evaluator', weight: 4n },
  ],
  zhuhaiBankFund: [
    { party: 'bank', weight: 60n },
    { party: 'fund', weight: 40n },
  ],
} as const satisfies Record<string, readonly FlatShare[]>;
