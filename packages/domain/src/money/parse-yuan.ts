import { DomainError } from '../errors/domain-error.ts';

const YUAN_PATTERN = /^(-?)(0|[1-9]\d*)(?:\.(\d{1,2}))?$/;

/**
 * 元转分 (yuan string to fen): parses `"84898.82"` into `8489882n`. Strict: digits with at most two decimals,
 * an optional leading `-`, no spaces, signs, exponents, thousands separators or leading zeros.
 * Source: design.md "on the wire money is a decimal string in yuan with two decimals".
 * @throws DomainError('MONEY_FORMAT_INVALID', { value }) for anything else.
 */
export function parseYuan(text: string): bigint {
  const match = YUAN_PATTERN.exec(text);
  if (match === null) throw new DomainError('MONEY_FORMAT_INVALID', { value: text });
  const [, sign, whole = '0', decimals = ''] = match;
  const fen = BigInt(whole) * 100n + BigInt(decimals.padEnd(2, '0'));
  return sign === '-' ? -fen : fen;
}

/** 金额格式校验 (is a valid yuan string): true when {@link parseYuan} would accept the text. */
export function isYuanString(text: string): boolean {
  return YUAN_PATTERN.test(text);
}
