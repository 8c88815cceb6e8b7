/**
 * Limits of private matching (issue 10 item 7: per-session keys, rate-limited). A bank (head office with every
 * unit) opens at most `sessionsPerBankPerDay` sessions a day (Asia/Shanghai) and sends at most
 * `maxClientSetSize` items a session, so that repeated or oversized queries cannot test the whole registry; a
 * session's key lives `sessionTtlMinutes`.
 */
export const psiLimits = {
  sessionsPerBankPerDay: 20,
  maxClientSetSize: 100_000,
  sessionTtlMinutes: 10,
} as const;

/** The sets a bank may match against: the programme's opted-in enterprises, or its own bank's whitelist. */
export const psiSetKinds = ['opted_in', 'my_whitelist'] as const;
export type PsiSetKind = (typeof psiSetKinds)[number];

/** The consent scope of the whitelist programme opt-in (issue 10 item 1). */
export const WHITELIST_PROGRAMME_CONSENT_SCOPE = 'whitelist_programme';

/** The wire form of a curve point: 32 bytes as unpadded base64url (43 characters). */
export function encodePsiPoint(point: Uint8Array): string {
  return Buffer.from(point.buffer, point.byteOffset, point.byteLength).toString('base64url');
}
