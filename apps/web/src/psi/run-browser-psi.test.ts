import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createPsiKey,
  encodePsiPoint,
  hashPsiItems,
  maskPsiPoints,
  PSI_HASH_TO_CURVE_DST,
  PSI_HASH_TO_CURVE_SUITE,
  psiLimits,
} from '@ipf/app';
import type { PsiSessionOpened } from '@ipf/contracts';
import { hashPsiItemsInBrowser, PSI_DST, PSI_SUITE } from './hash-psi-items-in-browser.ts';
import { createBrowserPsiKey, maskPsiPointsInBrowser } from './mask-psi-points-in-browser.ts';
import { decodePsiBase64Url, encodePsiBase64Url } from './psi-base64url.ts';
import {
  PSI_MAX_CLIENT_ITEMS,
  PsiListTooLargeError,
  runBrowserPsi,
  type BrowserPsiApi,
} from './run-browser-psi.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** The platform's side, made of the app's own functions (Node X25519 and hashing), as the use cases run it. */
function fakePlatform(serverItems: readonly string[], opened: Partial<PsiSessionOpened> = {}) {
  const key = createPsiKey();
  const requests: unknown[] = [];
  const api: BrowserPsiApi = {
    open: (setKind) => {
      requests.push({ setKind });
      return Promise.resolve({
        sessionId: '00000000-0000-4000-8000-000000000001',
        setKind,
        serverSetSize: serverItems.length,
        maxClientSetSize: 100_000,
        expiresAt: '2026-11-26T08:10:00.000Z',
        curve: 'X25519',
        hashToCurveSuite: PSI_HASH_TO_CURVE_SUITE,
        hashToCurveDst: PSI_HASH_TO_CURVE_DST,
        maskedServerSet: maskPsiPoints(key, hashPsiItems(serverItems)).map(encodePsiPoint).reverse(),
        ...opened,
      });
    },
    answer: (sessionId, maskedItems) => {
      requests.push({ sessionId, maskedItems });
      const points = maskedItems.map((p) => Buffer.from(p, 'base64url'));
      return Promise.resolve({
        sessionId,
        serverSetSize: serverItems.length,
        clientSetSize: maskedItems.length,
        doublyMaskedItems: maskPsiPoints(key, points).map(encodePsiPoint),
      });
    },
  };
  return { api, requests };
}

describe('the browser PSI client agrees with the platform byte for byte', () => {
  it('uses the server’s hash-to-curve suite and domain separation tag exactly', () => {
    expect(PSI_SUITE).toBe(PSI_HASH_TO_CURVE_SUITE);
    expect(PSI_DST).toBe(PSI_HASH_TO_CURVE_DST);
  });

  it('hashes every item to the same curve point as the app’s hashPsiItems (fixed and random items)', async () => {
    const fixed = ['91440300MA5F000001', '', '统一社会信用代码', 'x'.repeat(300), '😀 emoji'];
    expect((await hashPsiItemsInBrowser(fixed)).map(hex)).toEqual(hashPsiItems(fixed).map(hex));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { maxLength: 8 }),
        async (items) => {
          expect((await hashPsiItemsInBrowser(items)).map(hex)).toEqual(hashPsiItems(items).map(hex));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('hashes more items than one batch in their order', async () => {
    const items = Array.from({ length: 1100 }, (_, i) => `9144030000000${String(i).padStart(5, '0')}`);
    const browser = await hashPsiItemsInBrowser(items);
    const app = hashPsiItems(items);
    expect(browser).toHaveLength(1100);
    expect(hex(browser[0]!)).toBe(hex(app[0]!));
    expect(hex(browser[1099]!)).toBe(hex(app[1099]!));
    expect(hex(browser[600]!)).toBe(hex(app[600]!));
  });

  it('WebCrypto masking commutes with the server’s Node masking, so jointly masked values agree', async () => {
    const points = hashPsiItems(['91440300MA5F000001', '91440300MA5F000002']);
    const bank = await createBrowserPsiKey();
    const server = createPsiKey();
    const bankThenServer = maskPsiPoints(server, await maskPsiPointsInBrowser(bank, points)).map(hex);
    const serverThenBank = (await maskPsiPointsInBrowser(bank, maskPsiPoints(server, points))).map(hex);
    expect(bankThenServer).toEqual(serverThenBank);
    expect(bankThenServer[0]).not.toBe(bankThenServer[1]);
  });

  it('refuses a point of small order with its index', async () => {
    const points = [...hashPsiItems(['a']), new Uint8Array(32)];
    await expect(maskPsiPointsInBrowser(await createBrowserPsiKey(), points)).rejects.toThrow(/point 1/);
  });

  it('base64url round-trips 32-byte points like the server’s encoding', () => {
    const point = hashPsiItems(['91440300MA5F000001'])[0]!;
    expect(encodePsiBase64Url(point)).toBe(encodePsiPoint(point));
    expect(hex(decodePsiBase64Url(encodePsiPoint(point)))).toBe(hex(point));
  });
});

describe('runBrowserPsi', () => {
  it('finds exactly the bank’s codes in the platform’s set, normalised, duplicates once, in the bank’s order', async () => {
    const { api } = fakePlatform(['91440300MA5F000002', '91440300MA5F000004', '91440300MA5F000009']);
    const result = await runBrowserPsi({
      setKind: 'opted_in',
      items: ['91440300ma5f000004', '91440300MA5F000001', ' 91440300MA5F000002', '91440300MA5F000004', ''],
      api,
    });
    expect(result.intersection).toEqual(['91440300MA5F000004', '91440300MA5F000002']);
    expect(result.serverSetSize).toBe(3);
    expect(result.clientSetSize).toBe(3);
  });

  it('finds the intersection of random sets (property)', async () => {
    const code = fc.stringMatching(/^[0-9A-HJ-NPQRTUWXY]{18}$/);
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(code, { maxLength: 10 }),
        fc.uniqueArray(code, { maxLength: 10 }),
        fc.uniqueArray(code, { maxLength: 5 }),
        async (onlyBank, onlyServer, shared) => {
          const bank = [...new Set([...onlyBank, ...shared])];
          const server = [...new Set([...onlyServer, ...shared])];
          const { api } = fakePlatform(server);
          const result = await runBrowserPsi({ setKind: 'my_whitelist', items: bank, api });
          expect(result.intersection).toEqual(bank.filter((item) => server.includes(item)));
        },
      ),
      { numRuns: 15 },
    );
  });

  it('sends the platform only the set kind and masked points, never a code in clear', async () => {
    const items = ['91440300MA5F000001', '91440300MA5F000002'];
    const { api, requests } = fakePlatform(['91440300MA5F000002']);
    await runBrowserPsi({ setKind: 'opted_in', items, api });
    const wire = JSON.stringify(requests);
    for (const item of items) expect(wire).not.toContain(item);
    const answer = requests[1] as { maskedItems: string[] };
    expect(answer.maskedItems).toHaveLength(2);
    for (const point of answer.maskedItems) expect(point).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Masked with the bank's key, a point is not the bare hash of the code.
    const bare = hashPsiItems(items).map(encodePsiPoint);
    for (const point of answer.maskedItems) expect(bare).not.toContain(point);
  });

  it('refuses to answer a session on another hash-to-curve tag', async () => {
    const { api, requests } = fakePlatform(['91440300MA5F000002'], { hashToCurveDst: 'OTHER-DST' });
    await expect(runBrowserPsi({ setKind: 'opted_in', items: ['91440300MA5F000002'], api })).rejects.toThrow(
      /PSI suite/,
    );
    expect(requests).toHaveLength(1);
  });

  it('refuses a list over the platform’s per-session limit before opening a session (no daily session spent)', async () => {
    expect(PSI_MAX_CLIENT_ITEMS).toBe(psiLimits.maxClientSetSize);
    const { api, requests } = fakePlatform([]);
    const items = Array.from({ length: PSI_MAX_CLIENT_ITEMS + 1 }, (_, i) => `C${i}`);
    await expect(runBrowserPsi({ setKind: 'opted_in', items, api })).rejects.toBeInstanceOf(
      PsiListTooLargeError,
    );
    expect(requests).toHaveLength(0);
  });
});
