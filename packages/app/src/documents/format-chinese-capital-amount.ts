import { DomainError } from '@ipf/domain/errors';

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const POSITIONS = ['仟', '佰', '拾', ''] as const;
const GROUP_UNITS = ['', '万', '亿', '万亿'] as const;
const MAX_FEN = 10n ** 18n - 1n;

function digit(value: bigint): string {
  return DIGITS[Number(value)]!;
}

function integerCapitals(yuan: bigint): string {
  const groups: bigint[] = [];
  for (let rest = yuan; rest > 0n; rest /= 10_000n) groups.unshift(rest % 10_000n);

  let text = '';
  let pendingZero = false;
  groups.forEach((group, index) => {
    if (group === 0n) {
      if (text !== '') pendingZero = true;
      return;
    }
    for (let position = 0; position < 4; position += 1) {
      const d = (group / 10n ** BigInt(3 - position)) % 10n;
      if (d === 0n) {
        if (text !== '') pendingZero = true;
        continue;
      }
      if (pendingZero) text += '零';
      pendingZero = false;
      text += digit(d) + POSITIONS[position]!;
    }
    text += GROUP_UNITS[groups.length - 1 - index]!;
  });
  return text;
}

/**
 * 金额大写 (amount in Chinese capital numerals) as contracts and vouchers write it, from fen:
 * `100000000n` → 壹佰万元整, `8489882n` → 捌万肆仟捌佰玖拾捌元捌角贰分, `5n` → 伍分, `10000010n` → 壹拾万元零壹角,
 * `1005000n` → 壹万零伍拾元整, `0n` → 零元整. A run of zeros inside the number is one 零; a 零 follows 元 when the
 * yuan digit is 0 and 角 is not, or when 角 is 0 and 分 is not; 整 ends an amount without 角 or 分; a leading 拾
 * is written 壹拾; negative amounts start with 负.
 * Source: 中国人民银行《正确填写票据和结算凭证的基本规定》 (中文大写金额数字书写要求).
 * @throws DomainError('FIELD_OUT_OF_RANGE') beyond 9,999,999,999,999,999.99 (万亿 is the largest unit).
 */
export function formatChineseCapitalAmount(fen: bigint): string {
  if (fen < 0n) return `负${formatChineseCapitalAmount(-fen)}`;
  if (fen > MAX_FEN) throw new DomainError('FIELD_OUT_OF_RANGE', { max: MAX_FEN });

  const yuan = fen / 100n;
  const jiao = (fen / 10n) % 10n;
  const fenDigit = fen % 10n;
  if (fen === 0n) return '零元整';

  let text = yuan > 0n ? `${integerCapitals(yuan)}元` : '';
  if (jiao === 0n && fenDigit === 0n) return `${text}整`;

  if (jiao > 0n) {
    if (yuan > 0n && yuan % 10n === 0n) text += '零';
    text += `${digit(jiao)}角`;
  } else if (yuan > 0n) {
    text += '零';
  }
  if (fenDigit > 0n) text += `${digit(fenDigit)}分`;
  return text;
}
