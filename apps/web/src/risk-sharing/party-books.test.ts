import { describe, expect, it } from 'vitest';
import type { CaseClaims, RiskClaim } from './claim-api.ts';

type Share = CaseClaims['recoveries'][number];
import { partyBooks } from './party-books.ts';

const BANK = '00000000-0000-4000-8000-000000000001';
const GUARANTOR = '00000000-0000-4000-8000-000000000002';
const FUND = '00000000-0000-4000-8000-000000000003';
const POOL = '00000000-0000-4000-8000-000000000004';
const names: Record<string, string> = {
  [BANK]: '银湾银行',
  [GUARANTOR]: '担保一',
  [FUND]: '再担保',
  [POOL]: '资金池',
};

function claim(
  role: string,
  payer: string,
  claimant: string,
  paidYuan: string | null,
  createdAt: string,
): RiskClaim {
  return {
    payerRole: role,
    payerOrganisationId: payer,
    payerName: names[payer]!,
    claimantOrganisationId: claimant,
    claimantName: names[claimant]!,
    lossPrincipalYuan: '1000000.00',
    lossInterestYuan: '10228.80',
    paidYuan,
    createdAt,
  } as RiskClaim;
}
const share = (role: string, organisationId: string, amountYuan: string) =>
  ({ role, organisationId, organisationName: names[organisationId]!, amountYuan }) as Share;

/** The browser story's case: 70% guarantee, 50% re-guarantee, pool 1:1, principal and interest, 575,000.01 net. */
const data = (recoveries: Share[], poolPaid: string | null = '151534.32') =>
  ({
    lossBase: 'principal_and_interest',
    claims: [
      // Listed newest first, as the API does: the loss base comes from the first paid one all the same.
      claim('pool', POOL, BANK, poolPaid, '2026-07-03T02:01:00.000Z'),
      claim('re_guarantor', FUND, GUARANTOR, '353580.08', '2026-07-03T02:00:30.000Z'),
      claim('guarantor', GUARANTOR, BANK, '707160.16', '2026-07-03T02:00:00.000Z'),
    ],
    recoveries,
  }) as unknown as CaseClaims;

describe('every party’s books of a defaulted loan, to the fen', () => {
  it('is nothing before a claim is paid', () => {
    expect(
      partyBooks({ lossBase: 'principal', claims: [], recoveries: [] } as unknown as CaseClaims),
    ).toBeNull();
  });

  it('moves each paid claim from claimant to payer: the layers of the loss, adding up to the loss base', () => {
    const books = partyBooks(data([]))!;
    expect(books.lossBaseYuan).toBe('1010228.80');
    expect(books.rows.map((r) => [r.role, r.netYuan])).toEqual([
      ['bank', '151534.32'],
      ['guarantor', '353580.08'],
      ['re_guarantor', '353580.08'],
      ['pool', '151534.32'],
    ]);
    expect(books.totalNetYuan).toBe('1010228.80');
  });

  it('takes the shares of the proceeds back: the net losses total the loss base less what was recovered', () => {
    const books = partyBooks(
      data([
        share('bank', BANK, '86250.00'),
        share('guarantor', GUARANTOR, '201250.01'),
        share('re_guarantor', FUND, '201250.00'),
        share('pool', POOL, '86250.00'),
      ]),
    )!;
    expect(books.recoveredYuan).toBe('575000.01');
    expect(Object.fromEntries(books.rows.map((r) => [r.role, r.netYuan]))).toEqual({
      bank: '65284.32',
      guarantor: '152330.07',
      re_guarantor: '152330.08',
      pool: '65284.32',
    });
    expect(books.totalNetYuan).toBe('435228.79');
    const bank = books.rows.find((r) => r.role === 'bank')!;
    expect([bank.lossBaseYuan, bank.paidYuan, bank.receivedYuan, bank.recoveredYuan]).toEqual([
      '1010228.80',
      '0.00',
      '858694.48',
      '86250.00',
    ]);
  });

  it('ignores a claim not yet paid', () => {
    const books = partyBooks(data([], null))!;
    expect(books.rows.find((r) => r.role === 'pool')).toBeUndefined();
    expect(books.rows.find((r) => r.role === 'bank')!.netYuan).toBe('303068.64');
  });
});
