const encoder = new TextEncoder();

const IV = new Uint32Array([
  0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e,
]);
const W = new Uint32Array(68);
const W1 = new Uint32Array(64);

function rotl(x: number, n: number): number {
  const s = n % 32;
  return ((x << s) | (x >>> (32 - s))) >>> 0;
}

function compress(v: Uint32Array, block: Uint8Array, offset: number): void {
  for (let j = 0; j < 16; j += 1) {
    const o = offset + j * 4;
    W[j] = ((block[o]! << 24) | (block[o + 1]! << 16) | (block[o + 2]! << 8) | block[o + 3]!) >>> 0;
  }
  for (let j = 16; j < 68; j += 1) {
    const x = W[j - 16]! ^ W[j - 9]! ^ rotl(W[j - 3]!, 15);
    const p1 = x ^ rotl(x, 15) ^ rotl(x, 23);
    W[j] = (p1 ^ rotl(W[j - 13]!, 7) ^ W[j - 6]!) >>> 0;
  }
  for (let j = 0; j < 64; j += 1) W1[j] = (W[j]! ^ W[j + 4]!) >>> 0;

  let a = v[0]!;
  let b = v[1]!;
  let c = v[2]!;
  let d = v[3]!;
  let e = v[4]!;
  let f = v[5]!;
  let g = v[6]!;
  let h = v[7]!;
  for (let j = 0; j < 64; j += 1) {
    const t = j < 16 ? 0x79cc4519 : 0x7a879d8a;
    const a12 = rotl(a, 12);
    const ss1 = rotl((a12 + e + rotl(t, j)) >>> 0, 7);
    const ss2 = ss1 ^ a12;
    const ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c);
    const gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
    const tt1 = (ff + d + ss2 + W1[j]!) >>> 0;
    const tt2 = (gg + h + ss1 + W[j]!) >>> 0;
    d = c;
    c = rotl(b, 9);
    b = a;
    a = tt1;
    h = g;
    g = rotl(f, 19);
    f = e;
    e = (tt2 ^ rotl(tt2, 9) ^ rotl(tt2, 17)) >>> 0;
  }
  v[0] = (v[0]! ^ a) >>> 0;
  v[1] = (v[1]! ^ b) >>> 0;
  v[2] = (v[2]! ^ c) >>> 0;
  v[3] = (v[3]! ^ d) >>> 0;
  v[4] = (v[4]! ^ e) >>> 0;
  v[5] = (v[5]! ^ f) >>> 0;
  v[6] = (v[6]! ^ g) >>> 0;
  v[7] = (v[7]! ^ h) >>> 0;
}

/**
 * SM3 杂凑 (SM3 hash, GB/T 32905-2016) of bytes, as 32 bytes. Written here in plain TypeScript because the domain
 * imports no crypto module; the tests check it against `node:crypto` and the standard's examples
 * (`"abc"` → `66c7f0f4…8f4ba8e0`).
 */
export function calculateSm3(bytes: Uint8Array): Uint8Array {
  const bitLength = bytes.length * 8;
  const padded = new Uint8Array(Math.ceil((bytes.length + 9) / 64) * 64);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(padded.length - 4, bitLength >>> 0);

  const v = new Uint32Array(IV);
  for (let offset = 0; offset < padded.length; offset += 64) compress(v, padded, offset);

  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i += 1) outView.setUint32(i * 4, v[i]!);
  return out;
}

/**
 * HMAC-SM3 (RFC 2104 HMAC over SM3, block 64 bytes, as in GB/T 15852.2-2012 / GM/T 0042): keyed hash used for
 * round secrets and pseudonyms. `key` and `message` are bytes or UTF-8 text; the result is 32 bytes.
 */
export function calculateHmacSm3(key: Uint8Array | string, message: Uint8Array | string): Uint8Array {
  let keyBytes = typeof key === 'string' ? encoder.encode(key) : key;
  const messageBytes = typeof message === 'string' ? encoder.encode(message) : message;
  if (keyBytes.length > 64) keyBytes = calculateSm3(keyBytes);

  const inner = new Uint8Array(64 + messageBytes.length);
  const outer = new Uint8Array(64 + 32);
  for (let i = 0; i < 64; i += 1) {
    const k = keyBytes[i] ?? 0;
    inner[i] = k ^ 0x36;
    outer[i] = k ^ 0x5c;
  }
  inner.set(messageBytes, 64);
  outer.set(calculateSm3(inner), 64);
  return calculateSm3(outer);
}

/** Lower-case hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Bytes of an even-length hex string, or `null` when it is not hex. */
export function fromHex(hex: string): Uint8Array | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i += 1) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
