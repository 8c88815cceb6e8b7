/** How many points are masked concurrently with WebCrypto. */
const BATCH = 512;

/**
 * A fresh per-session X25519 key made by the browser's WebCrypto, not extractable: the bank's secret never
 * leaves the page, and a new one is made for every matching run.
 */
export async function createBrowserPsiKey(): Promise<CryptoKey> {
  const pair = await crypto.subtle.generateKey({ name: 'X25519' }, false, ['deriveBits']);
  return pair.privateKey;
}

/**
 * 盲化 in the browser: `X25519(k, u)` (RFC 7748 §5) of every 32-byte u-coordinate with WebCrypto's native X25519,
 * as the server's `maskPsiPoints` does with Node's. A point of small order (all-zero result) is refused with its
 * index in the error message.
 */
export async function maskPsiPointsInBrowser(
  key: CryptoKey,
  points: readonly Uint8Array[],
): Promise<Uint8Array[]> {
  const maskOne = async (point: Uint8Array, index: number): Promise<Uint8Array> => {
    if (point.length !== 32) throw new Error(`PSI point ${index} is not 32 bytes`);
    try {
      const publicKey = await crypto.subtle.importKey(
        'raw',
        new Uint8Array(point),
        { name: 'X25519' },
        false,
        [],
      );
      return new Uint8Array(await crypto.subtle.deriveBits({ name: 'X25519', public: publicKey }, key, 256));
    } catch (error) {
      throw new Error(`PSI point ${index} is not a valid X25519 point`, { cause: error });
    }
  };
  const masked: Uint8Array[] = [];
  for (let start = 0; start < points.length; start += BATCH) {
    masked.push(
      ...(await Promise.all(points.slice(start, start + BATCH).map((p, i) => maskOne(p, start + i)))),
    );
  }
  return masked;
}
