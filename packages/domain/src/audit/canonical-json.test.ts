import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes bigint as a string', () => {
    expect(canonicalJson({ b: 1, a: { d: [2n, null], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":["2",null]},"b":1}',
    );
  });

  it('gives the same text whatever the key order, and survives a JSON round trip unchanged', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        const text = canonicalJson(record);
        return text === canonicalJson(reversed) && canonicalJson(JSON.parse(text)) === text;
      }),
    );
  });
});
