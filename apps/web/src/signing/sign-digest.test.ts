import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestCa, verifySignedDocument, type SignatureRecord } from '@ipf/app';
import {
  forgetBrowserSigningKey,
  generateBrowserSigningKey,
  loadBrowserSigningKey,
  saveBrowserSigningKey,
  type KeyValueStore,
} from './browser-signing-key.ts';
import { signDigest } from './sign-digest.ts';

const now = new Date('2026-03-02T02:00:00.000Z');
const pdf = Buffer.from('%PDF-1.7\n借款合同 人民币壹佰万元整\n%%EOF\n', 'utf8');
const digestHex = createHash('sm3').update(pdf).digest('hex');

function memoryStore(): KeyValueStore & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, value),
    removeItem: (key) => void entries.delete(key),
  };
}

/** What the server stores for a browser signature, checked with the server's own verifier. */
function verifyAsServer(signatureHex: string, publicKeyHex: string, signedDigestHex = digestHex) {
  const ca = createTestCa({
    masterSecret: new Uint8Array(32).fill(3),
    caName: '平台测试CA',
    clock: () => now,
  });
  const certificate = ca.certifyPublicKey(
    { orgId: 'ent-1', name: '深圳市星河光电科技有限公司' },
    publicKeyHex,
  );
  const record: SignatureRecord = {
    signerOrgId: 'ent-1',
    signerKeyId: 'browser/1',
    digestAlgorithm: 'SM3',
    digestHex: signedDigestHex,
    signatureAlgorithm: 'SM2-SM3',
    userId: '1234567812345678',
    signatureHex,
    signedAt: now.toISOString(),
    certificate,
  };
  return verifySignedDocument(pdf, [record], ca.caCertificate);
}

describe('signDigest (the browser side of an SM2 contract signature)', () => {
  it('makes a signature over the SM3 digest that the server verifies with the certified public key', () => {
    const key = generateBrowserSigningKey(now);
    const signatureHex = signDigest(digestHex, key);
    expect(signatureHex).toMatch(/^[0-9a-f]{128}$/);
    const verification = verifyAsServer(signatureHex, key.publicKeyHex);
    expect(verification.valid).toBe(true);
    expect(verification.signers[0]!.problems).toEqual([]);
  });

  it('accepts an upper-case digest as the same message', () => {
    const key = generateBrowserSigningKey(now);
    expect(verifyAsServer(signDigest(digestHex.toUpperCase(), key), key.publicKeyHex).valid).toBe(true);
  });

  it('does not verify with another key, or over another document', () => {
    const key = generateBrowserSigningKey(now);
    const other = generateBrowserSigningKey(now);
    expect(verifyAsServer(signDigest(digestHex, key), other.publicKeyHex).signers[0]!.problems).toEqual([
      'SIGNATURE_INVALID',
    ]);
    const otherDigest = createHash('sm3').update('another contract').digest('hex');
    expect(
      verifyAsServer(signDigest(otherDigest, key), key.publicKeyHex, otherDigest).signers[0]!.problems,
    ).toEqual(['DIGEST_MISMATCH', 'SIGNATURE_INVALID']);
  });

  it('refuses to sign something that is not an SM3 digest', () => {
    expect(() => signDigest('abc', generateBrowserSigningKey(now))).toThrow('64 hex digits');
  });
});

describe('browser signing key storage', () => {
  it('keeps one key per user with its certificate id, and forgets it on request', () => {
    const store = memoryStore();
    const key = { ...generateBrowserSigningKey(now), certificateId: 'c0ffee00-0000-4000-8000-000000000001' };
    saveBrowserSigningKey('user-1', key, store);
    expect(loadBrowserSigningKey('user-1', store)).toEqual(key);
    expect(loadBrowserSigningKey('user-2', store)).toBeNull();
    forgetBrowserSigningKey('user-1', store);
    expect(loadBrowserSigningKey('user-1', store)).toBeNull();
  });

  it('treats a damaged entry or a public key that does not belong to the private key as no key', () => {
    const store = memoryStore();
    store.setItem('ipf.signing-key.user-1', '{not json');
    expect(loadBrowserSigningKey('user-1', store)).toBeNull();
    const key = generateBrowserSigningKey(now);
    const mismatched = { ...key, publicKeyHex: generateBrowserSigningKey(now).publicKeyHex };
    saveBrowserSigningKey('user-1', mismatched, store);
    expect(loadBrowserSigningKey('user-1', store)).toBeNull();
  });
});
