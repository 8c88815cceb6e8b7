import { sm2 } from 'sm-crypto-v2';

/** The few calls of `window.localStorage` this module needs (a test passes a map-backed one). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * 浏览器签名密钥 (the signer's own SM2 key pair, kept in this browser): the private key never leaves it; the
 * platform only ever sees the public key (to certify) and signatures. `certificateId` is the certificate the
 * platform's CA issued for the public key, once registered.
 */
export interface BrowserSigningKey {
  readonly privateKeyHex: string;
  /** Uncompressed: `04` ‖ x ‖ y, 130 hex digits (what the certificate binds). */
  readonly publicKeyHex: string;
  readonly certificateId: string | null;
  readonly createdAt: string;
}

const storageKey = (userId: string) => `ipf.signing-key.${userId}`;

function defaultStore(): KeyValueStore {
  return window.localStorage;
}

/** Generates a fresh SM2 key pair in the browser (sm-crypto-v2 draws from `crypto.getRandomValues`). */
export function generateBrowserSigningKey(now: Date): BrowserSigningKey {
  const { privateKey, publicKey } = sm2.generateKeyPairHex();
  return {
    privateKeyHex: privateKey,
    publicKeyHex: publicKey,
    certificateId: null,
    createdAt: now.toISOString(),
  };
}

/** The key this browser keeps for the user, or null (none yet, or an unreadable entry). */
export function loadBrowserSigningKey(
  userId: string,
  store: KeyValueStore = defaultStore(),
): BrowserSigningKey | null {
  const raw = store.getItem(storageKey(userId));
  if (raw === null) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<BrowserSigningKey>;
    if (
      typeof parsed.privateKeyHex !== 'string' ||
      typeof parsed.publicKeyHex !== 'string' ||
      sm2.getPublicKeyFromPrivateKey(parsed.privateKeyHex) !== parsed.publicKeyHex
    )
      return null;
    return {
      privateKeyHex: parsed.privateKeyHex,
      publicKeyHex: parsed.publicKeyHex,
      certificateId: typeof parsed.certificateId === 'string' ? parsed.certificateId : null,
      createdAt: typeof parsed.createdAt === 'string' ? parsed.createdAt : '',
    };
  } catch {
    // A damaged entry (not JSON, or a private key the curve rejects) is no key: the user generates a new one.
    return null;
  }
}

/** Keeps the key (and its certificate id) for the user in this browser. */
export function saveBrowserSigningKey(
  userId: string,
  key: BrowserSigningKey,
  store: KeyValueStore = defaultStore(),
): void {
  store.setItem(storageKey(userId), JSON.stringify(key));
}

/** Forgets the user's key in this browser (after its certificate was revoked, say). */
export function forgetBrowserSigningKey(userId: string, store: KeyValueStore = defaultStore()): void {
  store.removeItem(storageKey(userId));
}
