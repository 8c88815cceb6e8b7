/**
 * 规范化 JSON (canonical JSON) for hashing: object keys sorted by code unit, no white space, `undefined`
 * members dropped, bigint written as a decimal string. The same value always yields the same bytes, which
 * is what lets the audit chain be re-verified from the stored rows (RFC 8785's key order, without its
 * number re-formatting: the audit trail stores no floating-point numbers).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
    return JSON.stringify(value);
  }
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: unsupported ${typeof value}`);
}

/** Turns a value into plain JSON data (bigint → string, Date → ISO) so jsonb stores what was hashed. */
export function toJsonData(value: unknown): unknown {
  return JSON.parse(canonicalJson(value)) as unknown;
}
