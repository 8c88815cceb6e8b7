import type { PsiSessionAnswer, PsiSessionOpened } from '@ipf/contracts';
import { findPsiIntersection } from '@ipf/domain/psi';
import { normalizeUscc } from '@ipf/domain/party';
import { hashPsiItemsInBrowser, PSI_DST, PSI_SUITE } from './hash-psi-items-in-browser.ts';
import { createBrowserPsiKey, maskPsiPointsInBrowser } from './mask-psi-points-in-browser.ts';
import { decodePsiBase64Url, encodePsiBase64Url } from './psi-base64url.ts';

export type PsiSetKind = PsiSessionOpened['setKind'];

/** The two calls of the protocol (`/api/psi/sessions` and its answers); errors propagate as thrown. */
export interface BrowserPsiApi {
  readonly open: (setKind: PsiSetKind) => Promise<PsiSessionOpened>;
  readonly answer: (sessionId: string, maskedItems: string[]) => Promise<PsiSessionAnswer>;
}

export type BrowserPsiStep = 'hashing' | 'opening' | 'answering' | 'comparing';

export interface RunBrowserPsiInput {
  readonly setKind: PsiSetKind;
  /** The bank's customers' USCC codes (normalised here; duplicates count once). */
  readonly items: readonly string[];
  readonly api: BrowserPsiApi;
  readonly onStep?: (step: BrowserPsiStep) => void;
}

export interface BrowserPsiResult {
  readonly sessionId: string;
  readonly serverSetSize: number;
  readonly clientSetSize: number;
  /** The bank's own (normalised) codes found in the platform's set, in the bank's order. */
  readonly intersection: string[];
}

/**
 * The platform's limit of items per session (`psiLimits.maxClientSetSize`); checked before a session is opened,
 * so that an oversized list does not spend one of the bank's daily sessions on a refusal.
 */
export const PSI_MAX_CLIENT_ITEMS = 100_000;

/** The list holds more distinct codes than one session takes. */
export class PsiListTooLargeError extends Error {
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super(`PSI list of ${size} items is over the limit of ${limit}`);
    this.name = 'PsiListTooLargeError';
  }
}

/** The platform answered with another curve or hash suite than this client implements. */
export class PsiSuiteMismatchError extends Error {
  constructor(readonly suite: string) {
    super(`PSI suite ${suite} is not ${PSI_SUITE}`);
    this.name = 'PsiSuiteMismatchError';
  }
}

/**
 * 隐私求交（浏览器端）: the bank's side of the platform's ECDH-PSI run in the page. The codes are hashed to the
 * curve and masked with a fresh non-extractable key before the first request, so the list never leaves the
 * browser in clear; the platform raises the masked points to its session key, the page raises the platform's
 * masked set to its own key and compares locally. The bank learns the platform's set size and which of its own
 * codes are in it, nothing else; the platform learns the bank's set size.
 */
export async function runBrowserPsi(input: RunBrowserPsiInput): Promise<BrowserPsiResult> {
  const items = [...new Set(input.items.map(normalizeUscc).filter((s) => s !== ''))];
  if (items.length > PSI_MAX_CLIENT_ITEMS) throw new PsiListTooLargeError(items.length, PSI_MAX_CLIENT_ITEMS);
  input.onStep?.('hashing');
  const key = await createBrowserPsiKey();
  const maskedItems = (await maskPsiPointsInBrowser(key, await hashPsiItemsInBrowser(items))).map(
    encodePsiBase64Url,
  );
  input.onStep?.('opening');
  const opened = await input.api.open(input.setKind);
  if (opened.curve !== 'X25519' || opened.hashToCurveSuite !== PSI_SUITE || opened.hashToCurveDst !== PSI_DST)
    throw new PsiSuiteMismatchError(`${opened.curve} ${opened.hashToCurveSuite} ${opened.hashToCurveDst}`);
  input.onStep?.('answering');
  const answer = await input.api.answer(opened.sessionId, maskedItems);
  input.onStep?.('comparing');
  const doublyMaskedServerSet = (
    await maskPsiPointsInBrowser(key, opened.maskedServerSet.map(decodePsiBase64Url))
  ).map(encodePsiBase64Url);
  return {
    sessionId: opened.sessionId,
    serverSetSize: opened.serverSetSize,
    clientSetSize: items.length,
    intersection: findPsiIntersection({
      items,
      doublyMaskedItems: answer.doublyMaskedItems,
      doublyMaskedServerSet,
    }),
  };
}
