import { findPsiIntersection } from '@ipf/domain/psi';
import { normalizeUscc } from '@ipf/domain/party';
import { createPsiKey } from './create-psi-key.ts';
import { hashPsiItems } from './hash-psi-items.ts';
import { maskPsiPoints } from './mask-psi-points.ts';
import { encodePsiPoint, type PsiSetKind } from './psi-limits.ts';

/** How the client reaches the platform: POST a JSON body to an API path, get the parsed JSON back or throw. */
export type PsiTransport = (path: string, body: unknown) => Promise<unknown>;

export interface RunPsiClientInput {
  readonly setKind: PsiSetKind;
  /** The bank's customers' USCC codes (normalised here: spaces out, upper case; duplicates count once). */
  readonly items: readonly string[];
  readonly transport: PsiTransport;
}

export interface PsiClientResult {
  readonly sessionId: string;
  readonly serverSetSize: number;
  readonly clientSetSize: number;
  /** The bank's items that are in the server's set, in the bank's order. */
  readonly intersection: string[];
}

interface OpenedOnTheWire {
  readonly sessionId: string;
  readonly serverSetSize: number;
  readonly maskedServerSet: readonly string[];
}
interface AnswerOnTheWire {
  readonly doublyMaskedItems: readonly string[];
}

/**
 * 银行端参考实现 (the bank's reference client) of the platform's ECDH-PSI: opens a session, masks its own items with
 * a fresh key of its own, has the server raise them to the session key, raises the server's masked set to its
 * key and compares locally (`findPsiIntersection`). The platform never sees the bank's items in the clear, and
 * the bank learns of the server's set only its size and which of its own items are in it.
 */
export async function runPsiClient(input: RunPsiClientInput): Promise<PsiClientResult> {
  const items = [...new Set(input.items.map(normalizeUscc).filter((s) => s !== ''))];
  const key = createPsiKey();
  const maskedItems = maskPsiPoints(key, hashPsiItems(items)).map(encodePsiPoint);

  const opened = (await input.transport('/api/psi/sessions', { setKind: input.setKind })) as OpenedOnTheWire;
  const answer = (await input.transport(`/api/psi/sessions/${opened.sessionId}/answers`, {
    maskedItems,
  })) as AnswerOnTheWire;
  const serverPoints = opened.maskedServerSet.map((p) => Buffer.from(p, 'base64url'));
  const doublyMaskedServerSet = maskPsiPoints(key, serverPoints).map(encodePsiPoint);
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

/** A refusal of the platform during a PSI run: its HTTP status, stable code and message (RFC 9457 problem). */
export class PsiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PsiRequestError';
  }
}

/** A transport over HTTP with a bank API token (`Authorization: Bearer ipf_…`); problems become PsiRequestError. */
export function createHttpPsiTransport(baseUrl: string, token: string, language = 'zh-CN'): PsiTransport {
  return async (path, body) => {
    const response = await fetch(new URL(path, baseUrl), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': language,
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    let payload: unknown = null;
    try {
      payload = JSON.parse(text);
    } catch (error) {
      if (response.ok) throw new Error(`PSI: ${path} answered with no JSON`, { cause: error });
    }
    if (!response.ok) {
      const problem = (payload ?? {}) as { code?: string; title?: string };
      throw new PsiRequestError(
        response.status,
        problem.code ?? 'HTTP_ERROR',
        problem.title ?? text.slice(0, 200),
      );
    }
    return payload;
  };
}
