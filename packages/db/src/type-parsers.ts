/**
 * PostgreSQL type OIDs whose JS type must be the same on PGlite and on `pg` (design.md "Money"):
 * int8 (money in fen, `count(*)`) → bigint; numeric → exact decimal string; date → ISO string.
 */
export const INT8_OID = 20;
export const NUMERIC_OID = 1700;
export const DATE_OID = 1082;

export const sharedTypeParsers: Readonly<Record<number, (value: string) => unknown>> = {
  [INT8_OID]: (value) => BigInt(value),
  [NUMERIC_OID]: (value) => value,
  [DATE_OID]: (value) => value,
};
