/**
 * 椭圆曲线映射 (hash to curve) for ECDH-PSI on Curve25519: the Elligator 2 map of RFC 9380 (§6.7.1, the
 * straight-line version of appendix G.2.1) and the addition of the two mapped points of the random-oracle suite
 * `curve25519_XMD:SHA-512_ELL2_RO_` (RFC 9380 §8.5), keeping only the Montgomery u-coordinate that X25519 needs.
 *
 * The cofactor is not cleared here: X25519 clamps every secret scalar to a multiple of 8 (RFC 7748 §5), so
 * `X25519(k, u(Q0 + Q1))` equals `k/8 · clear_cofactor(Q0 + Q1)`, the RO suite's point raised to a secret scalar.
 * Field arithmetic is on bigint with the fast reduction of 2^255 − 19; one map costs one exponentiation, the two
 * divisions of a whole batch share a single inversion (Montgomery's trick).
 */

/** p = 2^255 − 19, the field of Curve25519 (RFC 7748 §4.1). */
export const CURVE25519_P = (1n << 255n) - 19n;
const P = CURVE25519_P;
const MASK_255 = (1n << 255n) - 1n;
/** J = 486662, the Montgomery coefficient A of Curve25519. */
const J = 486662n;

function reduce(x: bigint): bigint {
  let r = (x & MASK_255) + (x >> 255n) * 19n;
  r = (r & MASK_255) + (r >> 255n) * 19n;
  return r >= P ? r - P : r;
}
const mul = (a: bigint, b: bigint): bigint => reduce(a * b);
const sqr = (a: bigint): bigint => reduce(a * a);
const add = (a: bigint, b: bigint): bigint => reduce(a + b);
const sub = (a: bigint, b: bigint): bigint => reduce(a + P - b);
const neg = (a: bigint): bigint => (a === 0n ? 0n : P - a);

function sqrN(a: bigint, n: number): bigint {
  let r = a;
  for (let i = 0; i < n; i++) r = reduce(r * r);
  return r;
}

/** z^(2^252 − 3) = z^((p − 5) / 8) by the usual addition chain (250 squarings, 11 multiplications). */
function powP58(z: bigint): bigint {
  const z2 = sqr(z);
  const z9 = mul(sqrN(z2, 2), z);
  const z11 = mul(z9, z2);
  const z5_0 = mul(sqr(z11), z9);
  const z10_0 = mul(sqrN(z5_0, 5), z5_0);
  const z20_0 = mul(sqrN(z10_0, 10), z10_0);
  const z40_0 = mul(sqrN(z20_0, 20), z20_0);
  const z50_0 = mul(sqrN(z40_0, 10), z10_0);
  const z100_0 = mul(sqrN(z50_0, 50), z50_0);
  const z200_0 = mul(sqrN(z100_0, 100), z100_0);
  const z250_0 = mul(sqrN(z200_0, 50), z50_0);
  return mul(sqrN(z250_0, 2), z);
}

function powSlow(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = base % P;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = mul(result, b);
    b = sqr(b);
  }
  return result;
}

/** c2 = 2^((p + 3) / 8), c3 = sqrt(−1) (RFC 9380 G.2.1 constants). */
const C2 = powSlow(2n, (P + 3n) / 8n);
const C3 = powSlow(2n, (P - 1n) / 4n);

/** A point of Curve25519 as fractions: u = xn / xd, v = y (RFC 9380 returns yd = 1). */
export interface Curve25519MappedPoint {
  readonly xn: bigint;
  readonly xd: bigint;
  readonly y: bigint;
}

/**
 * map_to_curve_elligator2_curve25519(u) of RFC 9380 appendix G.2.1, step for step; `u` is a field element
 * (0 ≤ u < p). The result is always a point of the curve (never of its twist), y² = x³ + J·x² + x.
 */
export function mapToCurve25519(u: bigint): Curve25519MappedPoint {
  const tv1 = mul(sqr(u), 2n);
  const xd = add(tv1, 1n);
  const x1n = neg(J);
  let tv2 = sqr(xd);
  const gxd = mul(tv2, xd);
  let gx1 = mul(mul(tv1, J), x1n);
  gx1 = mul(add(gx1, tv2), x1n);
  let tv3 = sqr(gxd);
  tv2 = sqr(tv3);
  tv3 = mul(mul(tv3, gxd), gx1);
  tv2 = mul(tv2, tv3);
  const y11 = mul(powP58(tv2), tv3);
  const y12 = mul(y11, C3);
  const e1 = mul(sqr(y11), gxd) === gx1;
  const y1 = e1 ? y11 : y12;
  const x2n = mul(x1n, tv1);
  const y21 = mul(mul(y11, u), C2);
  const y22 = mul(y21, C3);
  const gx2 = mul(gx1, tv1);
  const e2 = mul(sqr(y21), gxd) === gx2;
  const y2 = e2 ? y21 : y22;
  const e3 = mul(sqr(y1), gxd) === gx1;
  const xn = e3 ? x1n : x2n;
  let y = e3 ? y1 : y2;
  const e4 = (y & 1n) === 1n;
  if (e3 !== e4) y = neg(y);
  return { xn, xd, y };
}

/**
 * u-coordinate of Q0 + Q1 as a fraction `un / ud` (affine Montgomery addition, B = 1):
 * λ = (y1 − y0) / (x1 − x0), u = λ² − J − x0 − x1. Equal u-coordinates (Q1 = ±Q0) happen with probability
 * about 2^−253 for hashed inputs and are refused rather than special-cased.
 */
export function addCurve25519Points(
  q0: Curve25519MappedPoint,
  q1: Curve25519MappedPoint,
): { readonly un: bigint; readonly ud: bigint } {
  const { xn: a, xd: b, y: c } = q0;
  const { xn: d, xd: e, y: f } = q1;
  const be = mul(b, e);
  const denominator = sub(mul(d, b), mul(a, e));
  if (denominator === 0n)
    throw new Error('addCurve25519Points: the two mapped points share their u-coordinate');
  const dy = sub(f, c);
  const d2 = sqr(denominator);
  const un = sub(mul(mul(sqr(dy), be), sqr(be)), mul(add(add(mul(J, be), mul(a, e)), mul(d, b)), d2));
  return { un, ud: mul(d2, be) };
}

/** Inverts every (non-zero) element with one exponentiation: Montgomery's batch-inversion trick. */
export function invertCurve25519Batch(values: readonly bigint[]): bigint[] {
  const prefix: bigint[] = new Array<bigint>(values.length);
  let acc = 1n;
  for (let i = 0; i < values.length; i++) {
    prefix[i] = acc;
    acc = mul(acc, values[i]!);
  }
  // a^(p−2) = a^−1; p − 2 = 8 · (2^252 − 3) + 3, so a^(p−2) = (a^((p−5)/8))^8 · a^3.
  let inverse = mul(sqrN(powP58(acc), 3), mul(sqr(acc), acc));
  const result: bigint[] = new Array<bigint>(values.length);
  for (let i = values.length - 1; i >= 0; i--) {
    result[i] = mul(inverse, prefix[i]!);
    inverse = mul(inverse, values[i]!);
  }
  return result;
}

/**
 * 哈希到曲线 (hash to curve): the X25519 input (32-byte little-endian u-coordinate, RFC 7748 §5) of each item,
 * from its two field elements `[u0, u1]` of hash_to_field (RFC 9380 §5.2, computed by the caller with SHA-512).
 * Example: `calculateCurve25519Inputs([[u0, u1]])` → `[Uint8Array(32)]`.
 */
export function calculateCurve25519Inputs(fieldPairs: readonly (readonly [bigint, bigint])[]): Uint8Array[] {
  const sums = fieldPairs.map(([u0, u1]) => addCurve25519Points(mapToCurve25519(u0), mapToCurve25519(u1)));
  const inverses = invertCurve25519Batch(sums.map((s) => s.ud));
  return sums.map((s, i) => encodeCurve25519U(mul(s.un, inverses[i]!)));
}

/** 32 bytes little-endian (RFC 7748 §5 encodeUCoordinate). */
export function encodeCurve25519U(u: bigint): Uint8Array {
  const out = new Uint8Array(32);
  let v = u;
  for (let i = 0; i < 32; i++) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}
