/**
 * 舍入方式 (rounding mode) named on every division of money.
 * - `halfUp` 四舍五入: ties away from zero (the default for CNY; −2.5 → −3).
 * - `halfEven` 银行家舍入: ties to the even neighbour.
 * - `down` toward zero, `up` away from zero, `floor` toward −∞, `ceiling` toward +∞.
 */
export type RoundingMode = 'halfUp' | 'halfEven' | 'down' | 'up' | 'floor' | 'ceiling';

/** Every rounding mode, for validation at the edges (a product setting names one). */
export const ROUNDING_MODES: readonly RoundingMode[] = [
  'halfUp',
  'halfEven',
  'down',
  'up',
  'floor',
  'ceiling',
];

/** The default rounding of Chinese banks: 四舍五入 to the fen (design.md "Money, rates, dates"). */
export const DEFAULT_ROUNDING_MODE: RoundingMode = 'halfUp';

/** Type guard for a rounding mode read from configuration or the wire. */
export function isRoundingMode(value: string): value is RoundingMode {
  return (ROUNDING_MODES as readonly string[]).includes(value);
}
