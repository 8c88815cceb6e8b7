import { describe, expect, it } from 'vitest';
import { consentExpiryBounds } from './consent-expiry-bounds.ts';

describe('consentExpiryBounds: a consent runs from tomorrow in Asia/Shanghai, one year by default', () => {
  it('counts from the Shanghai date, which turns at 16:00 UTC', () => {
    expect(consentExpiryBounds(new Date('2026-11-26T15:59:59Z'))).toEqual({
      earliest: '2026-11-27',
      suggested: '2027-11-26',
    });
    expect(consentExpiryBounds(new Date('2026-11-26T16:00:00Z'))).toEqual({
      earliest: '2026-11-28',
      suggested: '2027-11-27',
    });
  });

  it('rolls over months and leap days', () => {
    expect(consentExpiryBounds(new Date('2028-02-28T20:00:00Z'))).toEqual({
      earliest: '2028-03-01',
      suggested: '2029-02-28',
    });
  });
});
