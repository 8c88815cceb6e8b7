/** Check-digit weights from the left; the 8-digit pre-2003 form uses the first eight. */
const PATENT_CHECK_WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5] as const;

/**
 * 专利申请号校验位 (patent application number check digit) for the 12-digit body (since 2003-10-01) or the
 * 8-digit body (before): `Σ digit·weight mod 11` with weights 2,3,4,5,6,7,8,9,2,3,4,5 from the left, 10 → X.
 * Source: CNIPA 《专利申请号标准》 ZC 0006-2003 (domain-reference.md "Identifiers").
 * Example: `202010566088` → `9` (so `ZL202010566088.9` is valid), `99113861` → `9`.
 * Returns null unless the body is exactly 8 or 12 ASCII digits.
 */
export function calculatePatentCheckDigit(body: string): string | null {
  if (!/^(\d{8}|\d{12})$/.test(body)) return null;
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) sum += Number(body.charAt(i)) * PATENT_CHECK_WEIGHTS[i]!;
  const check = sum % 11;
  return check === 10 ? 'X' : String(check);
}
