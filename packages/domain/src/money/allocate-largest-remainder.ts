import { DomainError } from '../errors/domain-error.ts';

/**
 * 最大余额法分配 (largest-remainder allocation): splits `totalFen` in proportion to `weights` so that the parts
 * always add up to the whole. Each part first gets `⌊total·wᵢ / Σw⌋`; the fen left over go one each to the
 * largest remainders, ties to the first listed. Zero weights get zero; a negative total is split as its
 * absolute value and negated (symmetric). Example: 100 over [1, 1, 1] → [34, 33, 33].
 * Source: design.md "Splits … use largest-remainder allocation; the parts always add up to the whole".
 * @throws DomainError('ALLOCATION_WEIGHTS_INVALID') when a weight is negative or none is positive.
 */
export function allocateLargestRemainder(totalFen: bigint, weights: readonly bigint[]): bigint[] {
  let weightSum = 0n;
  for (const weight of weights) {
    if (weight < 0n) throw new DomainError('ALLOCATION_WEIGHTS_INVALID');
    weightSum += weight;
  }
  if (weightSum === 0n) throw new DomainError('ALLOCATION_WEIGHTS_INVALID');

  const negative = totalFen < 0n;
  const total = negative ? -totalFen : totalFen;
  const parts: bigint[] = [];
  const remainders: bigint[] = [];
  let allocated = 0n;
  for (const weight of weights) {
    const product = total * weight;
    const part = product / weightSum;
    parts.push(part);
    remainders.push(product % weightSum);
    allocated += part;
  }

  const order = weights.map((_, index) => index);
  order.sort((a, b) => {
    const ra = remainders[a]!;
    const rb = remainders[b]!;
    if (ra === rb) return a - b;
    return ra > rb ? -1 : 1;
  });
  let leftover = total - allocated;
  for (const index of order) {
    if (leftover === 0n) break;
    parts[index] = parts[index]! + 1n;
    leftover -= 1n;
  }

  return negative ? parts.map((part) => -part) : parts;
}
