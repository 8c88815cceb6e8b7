/**
 * 规范化 JSON (canonical JSON) of plain data: object keys sorted by code unit, no whitespace, arrays in order.
 * What a certificate's signature covers, so that signer and verifier hash the same bytes whatever the key order
 * of the stored record. Accepts strings, finite numbers, booleans, null, arrays and plain objects; `undefined`
 * properties are left out as in `JSON.stringify`.
 */
export function formatCanonicalJson(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no non-finite numbers');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(formatCanonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${formatCanonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
}
