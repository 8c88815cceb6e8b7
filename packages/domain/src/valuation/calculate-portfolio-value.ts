import { DomainError } from '../errors/domain-error.ts';
import { allocateLargestRemainder } from '../money/allocate-largest-remainder.ts';

/** 许可收益 (licence income) attached to an asset; a bundled licence appears under each asset it covers. */
export interface PortfolioLicence {
  readonly licenceId: string;
  /** Value of the licence's income stream (e.g. its royalty relief), fen; the same under every asset. */
  readonly valueFen: bigint;
}

export interface PortfolioAsset {
  readonly assetId: string;
  /** Value of the asset excluding licence income, fen. */
  readonly standaloneValueFen: bigint;
  readonly licences: readonly PortfolioLicence[];
}

export interface PortfolioValue {
  readonly totalFen: bigint;
  readonly standaloneFen: bigint;
  /** Σ of distinct licences: each licence once, however many assets it covers. */
  readonly licencesFen: bigint;
  /** Per asset: standalone + its share of each licence (split over the covered assets by largest remainder). */
  readonly assets: readonly { readonly assetId: string; readonly valueFen: bigint }[];
  readonly distinctLicenceIds: readonly string[];
}

/**
 * 组合估值 (portfolio valuation): `V = Σ standaloneᵢ + Σ_{distinct licences} L`. A bundled licence covering
 * several assets is counted once and its value split among the covered assets of the portfolio in equal parts
 * by largest remainder, so the per-asset values add up to the total. Source: 《资产评估执业准则——知识产权》
 * art. 16 (a portfolio valued together: identify the assets and avoid counting the same income twice).
 * @throws DomainError('VALUATION_LICENCE_VALUE_CONFLICT') when one licence id carries different amounts.
 */
export function calculatePortfolioValue(assets: readonly PortfolioAsset[]): PortfolioValue {
  const licences = new Map<string, { valueFen: bigint; assetIndexes: number[] }>();
  let standaloneFen = 0n;
  const values = assets.map((asset, index) => {
    standaloneFen += asset.standaloneValueFen;
    for (const licence of asset.licences) {
      const known = licences.get(licence.licenceId);
      if (known === undefined)
        licences.set(licence.licenceId, { valueFen: licence.valueFen, assetIndexes: [index] });
      else if (known.valueFen !== licence.valueFen)
        throw new DomainError('VALUATION_LICENCE_VALUE_CONFLICT', { licenceId: licence.licenceId });
      else if (!known.assetIndexes.includes(index)) known.assetIndexes.push(index);
    }
    return asset.standaloneValueFen;
  });

  let licencesFen = 0n;
  for (const licence of licences.values()) {
    licencesFen += licence.valueFen;
    const parts = allocateLargestRemainder(
      licence.valueFen,
      licence.assetIndexes.map(() => 1n),
    );
    licence.assetIndexes.forEach((assetIndex, part) => {
      values[assetIndex] = values[assetIndex]! + parts[part]!;
    });
  }
  return {
    totalFen: standaloneFen + licencesFen,
    standaloneFen,
    licencesFen,
    assets: assets.map((asset, index) => ({ assetId: asset.assetId, valueFen: values[index]! })),
    distinctLicenceIds: [...licences.keys()],
  };
}
