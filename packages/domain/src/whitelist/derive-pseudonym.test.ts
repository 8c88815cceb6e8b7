import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import { derivePseudonym, deriveRoundBankSecret } from './derive-pseudonym.ts';

const programmeKey = 'a1'.repeat(32);

describe('deriveRoundBankSecret and derivePseudonym', () => {
  it('gives a printable pseudonym WL- and 20 base32 characters, stable within a round and bank', () => {
    const secret = deriveRoundBankSecret(programmeKey, 'round-2026-11', 'bank-icbc');
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const pseudonym = derivePseudonym(secret, 'ent-0000001');
    expect(pseudonym).toMatch(/^WL-[A-Z2-7]{20}$/);
    expect(
      derivePseudonym(deriveRoundBankSecret(programmeKey, 'round-2026-11', 'bank-icbc'), 'ent-0000001'),
    ).toBe(pseudonym);
  });

  it('gives different pseudonyms for the same enterprise across banks and across rounds', () => {
    const ids = Array.from({ length: 500 }, (_, i) => `ent-${i}`);
    const pseudonymsOf = (round: string, bank: string): string[] => {
      const secret = deriveRoundBankSecret(programmeKey, round, bank);
      return ids.map((id) => derivePseudonym(secret, id));
    };
    const a = pseudonymsOf('r1', 'bank-a');
    const b = pseudonymsOf('r1', 'bank-b');
    const c = pseudonymsOf('r2', 'bank-a');
    expect(new Set(a).size).toBe(ids.length);
    const all = new Set([...a, ...b, ...c]);
    expect(all.size).toBe(ids.length * 3);
  });

  it('does not confuse round and bank boundaries ("r1" + "0bank" vs "r10" + "bank")', () => {
    expect(deriveRoundBankSecret(programmeKey, 'r1', '0bank')).not.toBe(
      deriveRoundBankSecret(programmeKey, 'r10', 'bank'),
    );
  });

  it('refuses a programme key or secret that is not at least 16 bytes of hex', () => {
    expect(() => deriveRoundBankSecret('abcd', 'r1', 'b')).toThrow(DomainError);
    expect(() => derivePseudonym('zz'.repeat(32), 'ent-1')).toThrow(DomainError);
  });
});
