import { DomainError } from '../errors/domain-error.ts';
import { divideRounded } from './divide-rounded.ts';
import type { RoundingMode } from './rounding-mode.ts';

/**
 * 精确利率 (exact rate): a rational `numerator / denominator` as a plain fraction (3.45 % = 345/10000 = 69/2000),
 * kept reduced with a positive denominator so that equal rates are structurally equal. Never a float.
 */
export interface Rate {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

const PERCENT_PATTERN = /^(-?)(0|[1-9]\d*)(?:\.(\d{1,8}))?$/;
const BPS_PATTERN = /^-?(0|[1-9]\d*)$/;

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * 构造利率 (make a rate): `numerator / denominator`, reduced, with the sign on the numerator.
 * @throws DomainError('DIVISION_BY_ZERO') when the denominator is 0.
 */
export function createRate(numerator: bigint, denominator: bigint): Rate {
  if (denominator === 0n) throw new DomainError('DIVISION_BY_ZERO');
  const sign = denominator < 0n ? -1n : 1n;
  const divisor = gcd(numerator, denominator) || 1n;
  return { numerator: (sign * numerator) / divisor, denominator: (sign * denominator) / divisor };
}

/** 零利率 (zero rate). */
export const ZERO_RATE: Rate = { numerator: 0n, denominator: 1n };

/**
 * 百分数利率解析 (parse a percent string): `"3.45"` → 345/10000, exactly; up to 8 decimals, optional `-`.
 * Source: domain-reference.md conventions, "rates on the wire: annual percent as a decimal string".
 * @throws DomainError('RATE_FORMAT_INVALID', { value }) for anything else.
 */
export function parseRatePct(text: string): Rate {
  const match = PERCENT_PATTERN.exec(text);
  if (match === null) throw new DomainError('RATE_FORMAT_INVALID', { value: text });
  const [, sign, whole = '0', decimals = ''] = match;
  const numerator = BigInt(whole + decimals) * (sign === '-' ? -1n : 1n);
  return createRate(numerator, 100n * 10n ** BigInt(decimals.length));
}

/**
 * 基点 (basis points): `bps / 10000` as a rate; 1 bp = 0.01 %. Spreads over LPR are integer basis points.
 * Example: `rateFromBps(-20n)` = −0.20 %.
 */
export function rateFromBps(bps: bigint): Rate {
  return createRate(bps, 10_000n);
}

/**
 * 基点解析 (parse basis points): an integer string (`"-20"`, `"50"`) to a bigint.
 * @throws DomainError('BASIS_POINTS_INVALID', { value }) when it is not an integer.
 */
export function parseBps(text: string): bigint {
  if (!BPS_PATTERN.test(text)) throw new DomainError('BASIS_POINTS_INVALID', { value: text });
  return BigInt(text);
}

/** 利率相加 (add rates), e.g. LPR + spread: `a/b + c/d = (ad + cb) / bd`, exact. */
export function addRates(a: Rate, b: Rate): Rate {
  return createRate(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);
}

/** 利率相乘 (multiply rates), e.g. contract rate × (1 + 50 %): `(a/b)·(c/d) = ac / bd`, exact. */
export function multiplyRates(a: Rate, b: Rate): Rate {
  return createRate(a.numerator * b.numerator, a.denominator * b.denominator);
}

/** 利率比较 (compare rates): negative, 0 or positive as `a` is below, equal to or above `b`. */
export function compareRates(a: Rate, b: Rate): number {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left === right ? 0 : left < right ? -1 : 1;
}

/**
 * 利率转百分数 (format as percent): the rate in percent rounded to `decimals` places (default 2), e.g. 69/2000 →
 * `"3.45"`; a 5.175 % penalty rate with 4 decimals → `"5.1750"`. For display and the wire only.
 */
export function formatRatePct(rate: Rate, decimals = 2, mode: RoundingMode = 'halfUp'): string {
  const scale = 10n ** BigInt(decimals);
  const scaled = divideRounded(rate.numerator * 100n * scale, rate.denominator, mode);
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const whole = (abs / scale).toString();
  const fraction = decimals > 0 ? `.${(abs % scale).toString().padStart(decimals, '0')}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/**
 * 金额乘利率 (amount × rate): `amountFen · rate`, computed exactly and rounded once with `mode` (half-up default).
 * Example: 1,000,000.00 yuan × 3.45 %/12 = 2,875.00 yuan.
 */
export function applyRate(amountFen: bigint, rate: Rate, mode: RoundingMode = 'halfUp'): bigint {
  return divideRounded(amountFen * rate.numerator, rate.denominator, mode);
}
