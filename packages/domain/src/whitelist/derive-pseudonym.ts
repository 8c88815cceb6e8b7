import { DomainError } from '../errors/domain-error.ts';
import { calculateHmacSm3, fromHex, toHex } from './calculate-hmac-sm3.ts';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function secretBytes(hex: string, name: string): Uint8Array {
  const bytes = fromHex(hex);
  if (bytes === null || bytes.length < 16) {
    throw new DomainError('WHITELIST_SECRET_INVALID', { name });
  }
  return bytes;
}

/**
 * 轮次-银行密钥 (per round and bank secret): HMAC-SM3(programme key, "ipf-whitelist-round\0" ‖ roundId ‖ "\0" ‖
 * bankOrganisationId), hex. One secret per (round, bank) makes pseudonyms unlinkable across banks and rounds
 * (issue 10 item 2: keyed hash, HMAC-SM3). The programme key stays with the platform (≥ 16 bytes, hex).
 */
export function deriveRoundBankSecret(
  programmeKeyHex: string,
  roundId: string,
  bankOrganisationId: string,
): string {
  const key = secretBytes(programmeKeyHex, 'programmeKeyHex');
  return toHex(calculateHmacSm3(key, `ipf-whitelist-round\u0000${roundId}\u0000${bankOrganisationId}`));
}

/**
 * 假名 (pseudonym) of an enterprise for one round and bank: `WL-` + the first 100 bits of HMAC-SM3(round-bank
 * secret, enterpriseId) in RFC 4648 base32 (20 characters), e.g. `WL-K3F…`. Stable within a round and bank;
 * without the secret it cannot be reversed or linked. 100 bits keep collisions out of reach (≈ 2⁻⁵⁰ at 10⁵ rows).
 */
export function derivePseudonym(roundBankSecretHex: string, enterpriseId: string): string {
  const mac = calculateHmacSm3(secretBytes(roundBankSecretHex, 'roundBankSecretHex'), enterpriseId);
  let text = 'WL-';
  let buffer = 0;
  let bits = 0;
  let index = 0;
  while (text.length < 23) {
    if (bits < 5) {
      buffer = ((buffer << 8) | mac[index]!) & 0xffff;
      index += 1;
      bits += 8;
    }
    text += BASE32[(buffer >>> (bits - 5)) & 31]!;
    bits -= 5;
  }
  return text;
}
