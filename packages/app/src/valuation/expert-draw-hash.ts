import { createHash } from 'node:crypto';

/** Hash algorithms a review may commit its seed with: SHA-256 (default) or SM3 (GB/T 32905-2016). */
export type ExpertDrawHashAlgorithm = 'sha256' | 'sm3';

/** The hex digest of `text` (UTF-8) that both the seed commitment and the draw keys use. */
export function expertDrawHash(algorithm: ExpertDrawHashAlgorithm): (text: string) => string {
  return (text) => createHash(algorithm).update(text, 'utf8').digest('hex');
}
