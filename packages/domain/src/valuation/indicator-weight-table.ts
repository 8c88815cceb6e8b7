import { DomainError } from '../errors/domain-error.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import { patentIndicators, type PatentIndicatorCode, type ValuationDimension } from './patent-indicators.ts';
import weightData from './indicator-weights-2023.json' with { type: 'json' };

/** 评估场景 (valuation scenario) of GB/T 42748-2023: the weights differ by purpose; financing is the default. */
export type ValuationScenario =
  'financing' | 'licensing' | 'financial_reporting' | 'infringement' | 'management';

export const valuationScenarios: readonly ValuationScenario[] = [
  'financing',
  'licensing',
  'financial_reporting',
  'infringement',
  'management',
];

/**
 * 指标权重表 (indicator weight table): versioned data with an effective date. Dimension weights sum to 10000 bps;
 * within each dimension the indicator weights sum to 10000 bps, so an indicator's weight in the overall score
 * is `dimensionBps × indicatorBps / 10⁸`. Source: GB/T 42748-2023 clause 5 (weights set per scenario).
 */
export interface IndicatorWeightTable {
  readonly version: string;
  readonly scenario: ValuationScenario;
  readonly effectiveDate: IsoDate;
  readonly source: string;
  readonly dimensionWeightsBps: Readonly<Record<ValuationDimension, number>>;
  readonly indicatorWeightsBps: Readonly<
    Record<ValuationDimension, Readonly<Partial<Record<PatentIndicatorCode, number>>>>
  >;
}

/** The tables in force since 2023-09-01 (`indicator-weights-2023.json`). */
export const INDICATOR_WEIGHT_TABLES: readonly IndicatorWeightTable[] =
  weightData.tables as readonly IndicatorWeightTable[];

/**
 * 权重校验 (check a weight table): both levels sum to 10000 bps and every one of the 27 indicators has a weight.
 * @throws DomainError('VALUATION_WEIGHTS_INVALID', { version, dimension, sum }).
 */
export function assertIndicatorWeightTable(table: IndicatorWeightTable): void {
  const dimensionSum =
    table.dimensionWeightsBps.legal +
    table.dimensionWeightsBps.technical +
    table.dimensionWeightsBps.economic;
  if (dimensionSum !== 10_000)
    throw new DomainError('VALUATION_WEIGHTS_INVALID', {
      version: table.version,
      dimension: 'dimensions',
      sum: dimensionSum,
    });
  for (const dimension of ['legal', 'technical', 'economic'] as const) {
    let sum = 0;
    for (const indicator of patentIndicators) {
      if (indicator.dimension !== dimension) continue;
      const weight = table.indicatorWeightsBps[dimension][indicator.code];
      if (weight === undefined || weight < 0)
        throw new DomainError('VALUATION_WEIGHTS_INVALID', {
          version: table.version,
          dimension: indicator.code,
          sum: weight ?? 'missing',
        });
      sum += weight;
    }
    if (sum !== 10_000)
      throw new DomainError('VALUATION_WEIGHTS_INVALID', { version: table.version, dimension, sum });
  }
}

export interface FindIndicatorWeightTableInput {
  readonly scenario?: ValuationScenario;
  readonly asOfDate: IsoDate;
  /** Defaults to `INDICATOR_WEIGHT_TABLES`. */
  readonly tables?: readonly IndicatorWeightTable[];
}

/**
 * 取生效权重表 (weight table in effect): the scenario's table with the latest effective date on or before
 * `asOfDate` (financing by default).
 * @throws DomainError('VALUATION_WEIGHTS_NOT_FOUND') when none is in effect.
 */
export function findIndicatorWeightTable(input: FindIndicatorWeightTableInput): IndicatorWeightTable {
  const scenario = input.scenario ?? 'financing';
  let found: IndicatorWeightTable | undefined;
  for (const table of input.tables ?? INDICATOR_WEIGHT_TABLES) {
    if (table.scenario !== scenario || table.effectiveDate > input.asOfDate) continue;
    if (found === undefined || table.effectiveDate > found.effectiveDate) found = table;
  }
  if (found === undefined)
    throw new DomainError('VALUATION_WEIGHTS_NOT_FOUND', { scenario, asOfDate: input.asOfDate });
  return found;
}

/** The overall weight of an indicator in units of 10⁻⁸ (dimension bps × indicator bps). */
export function overallWeightOf(
  table: IndicatorWeightTable,
  dimension: ValuationDimension,
  code: PatentIndicatorCode,
): number {
  return table.dimensionWeightsBps[dimension] * (table.indicatorWeightsBps[dimension][code] ?? 0);
}
