import { DomainError } from '../errors/domain-error.ts';
import { allocateLargestRemainder } from '../money/allocate-largest-remainder.ts';
import type { RoundingMode } from '../money/rounding-mode.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import { addRatios, ratioOf, roundRatio } from './exact-ratio.ts';

/** One band of a 差额累进 (marginal, band-by-band) fee standard: the rate applies to the part of the value in the band. */
export interface ValuationFeeBand {
  /** Upper bound of the band (inclusive), fen; null for the last, open band. */
  readonly upToFen: bigint | null;
  /** Fee rate on the part of the value inside the band, in per-ten-thousand (万分之), e.g. 60 = 0.6 %. */
  readonly ratePerTenThousand: number;
}

/** 评估收费标准 (valuation fee standard) as versioned data with an effective date. */
export interface ValuationFeeStandard {
  readonly version: string;
  readonly effectiveDate: IsoDate;
  readonly minimumFeeFen: bigint;
  readonly bands: readonly ValuationFeeBand[];
}

/**
 * The platform's fee standard 2024.1, modelled on the marginal asset-valuation fee scales that provinces
 * published (e.g. 广东省资产评估收费标准): ≤ 1 m 0.60 %, 1–5 m 0.40 %, 5–10 m 0.25 %, 10–50 m 0.10 %,
 * above 0.05 %, minimum 3,000.00 yuan. Platform data, negotiable by the parties; not a statutory tariff.
 */
export const VALUATION_FEE_STANDARD_2024: ValuationFeeStandard = {
  version: '2024.1',
  effectiveDate: '2024-01-01',
  minimumFeeFen: 300_000n,
  bands: [
    { upToFen: 100_000_000n, ratePerTenThousand: 60 },
    { upToFen: 500_000_000n, ratePerTenThousand: 40 },
    { upToFen: 1_000_000_000n, ratePerTenThousand: 25 },
    { upToFen: 5_000_000_000n, ratePerTenThousand: 10 },
    { upToFen: null, ratePerTenThousand: 5 },
  ],
};

export interface ValuationFeeSplit {
  readonly enterpriseFen: bigint;
  readonly bankFen: bigint;
  readonly subsidyFen: bigint;
}

export interface CalculateValuationFeeInput {
  readonly valueFen: bigint;
  readonly standard?: ValuationFeeStandard;
  /** Shares of enterprise, bank and subsidy in bps (any non-negative whole numbers, at least one positive). */
  readonly sharesBps: { readonly enterprise: number; readonly bank: number; readonly subsidy: number };
  readonly roundingMode?: RoundingMode;
}

export interface ValuationFee {
  readonly feeFen: bigint;
  readonly standardVersion: string;
  readonly split: ValuationFeeSplit;
}

/**
 * 评估费 (valuation fee) by marginal bands `F = max(min, Σ_b rate_b × part of the value in band b)`, rounded
 * once; then shared among enterprise, bank and subsidy by largest remainder so the parts add up to the fee.
 * Example: 3,000,000.00 yuan → 1 m × 0.6 % + 2 m × 0.4 % = 14,000.00; shares 50/30/20 → 7,000 / 4,200 / 2,800.
 * @throws DomainError('VALUATION_FEE_BANDS_INVALID') for bands that do not increase or end closed.
 */
export function calculateValuationFee(input: CalculateValuationFeeInput): ValuationFee {
  const standard = input.standard ?? VALUATION_FEE_STANDARD_2024;
  if (input.valueFen < 0n) throw new DomainError('VALUATION_AMOUNT_NEGATIVE', { field: 'valueFen' });
  let lower = 0n;
  let fee = ratioOf(0n);
  standard.bands.forEach((band, index) => {
    const last = index === standard.bands.length - 1;
    if ((band.upToFen === null) !== last || (band.upToFen !== null && band.upToFen <= lower))
      throw new DomainError('VALUATION_FEE_BANDS_INVALID');
    const upper = band.upToFen ?? input.valueFen;
    const part = input.valueFen > lower ? (input.valueFen < upper ? input.valueFen : upper) - lower : 0n;
    if (part > 0n) fee = addRatios(fee, ratioOf(part * BigInt(band.ratePerTenThousand), 10_000n));
    lower = band.upToFen ?? lower;
  });
  const computed = roundRatio(fee, input.roundingMode ?? 'halfUp');
  const feeFen = computed < standard.minimumFeeFen ? standard.minimumFeeFen : computed;
  const [enterpriseFen = 0n, bankFen = 0n, subsidyFen = 0n] = allocateLargestRemainder(feeFen, [
    BigInt(input.sharesBps.enterprise),
    BigInt(input.sharesBps.bank),
    BigInt(input.sharesBps.subsidy),
  ]);
  return { feeFen, standardVersion: standard.version, split: { enterpriseFen, bankFen, subsidyFen } };
}
