/** A source of uniform numbers in [0, 1): the only randomness the domain accepts, always as a parameter. */
export type RandomSource = () => number;

/**
 * 可复现随机数 (seeded PRNG): mulberry32, a 32-bit generator that is small, fast and good enough for demo data
 * and property tests (not for secrets). The same seed always yields the same sequence.
 */
export function createSeededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
