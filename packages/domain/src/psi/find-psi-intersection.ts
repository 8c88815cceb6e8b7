/** What the bank holds at the end of a PSI session (draft-wang-ppm-ecdh-psi, the output step). */
export interface FindPsiIntersectionInput {
  /** The bank's own items, in the order it sent their masked points. */
  readonly items: readonly string[];
  /** The server's answer: each of the bank's points raised to the server's key too, same order as `items`. */
  readonly doublyMaskedItems: readonly string[];
  /** The server's shuffled set raised to the server's key, then by the bank to its own key. */
  readonly doublyMaskedServerSet: readonly string[];
}

/**
 * 求交 (intersection): the items whose jointly masked value appears among the server's jointly masked set.
 * Jointly masked values are equal exactly when the items are (the masking commutes: X25519(a, X25519(b, H(x)))
 * = X25519(b, X25519(a, H(x)))), up to a collision of the hash to the curve (probability ≈ n·m / 2^252).
 * Example: items [A, B], server {B, C} → [B]. Duplicated items come out once, in the bank's order.
 */
export function findPsiIntersection(input: FindPsiIntersectionInput): string[] {
  if (input.items.length !== input.doublyMaskedItems.length)
    throw new Error('findPsiIntersection: one masked value per item expected');
  const serverSet = new Set(input.doublyMaskedServerSet);
  const found = new Set<string>();
  input.items.forEach((item, i) => {
    if (serverSet.has(input.doublyMaskedItems[i]!)) found.add(item);
  });
  return [...found];
}
