/**
 * 标识号文本规整 (identifier text clean-up): full-width ASCII (digits, letters, dot, hyphen typed with a Chinese
 * IME) becomes half-width, every kind of space disappears and letters are upper-cased. Rule-free on purpose:
 * each identifier's own `normalize…` decides what its form is.
 */
export function normalizeIdentifierText(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[。]/g, '.')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/[\s\u3000]+/g, '')
    .toUpperCase();
}
