import { describe, expect, it } from 'vitest';
import {
  detectPledgedAssetAlerts,
  type MonitoredAsset,
  type MonitoredPledge,
} from './detect-pledged-asset-alerts.ts';
import { findConditionStartDates } from './find-condition-start-dates.ts';

const asset: MonitoredAsset = {
  assetId: 'a1',
  kind: 'invention_patent',
  legalStatus: 'granted',
  flags: ['pledged'],
  expiryDate: '2035-06-30',
  annualFeePaidThrough: '2026-06-30',
  conditionSince: {},
  undisclosedLicenceStartDates: [],
  pledgorIsOwner: true,
  ownersChangedOn: '2026-03-01',
};
const pledge: MonitoredPledge = {
  pledgedOn: '2026-03-02',
  periodEndDate: '2027-03-02',
  valuationDate: '2026-02-20',
  valuationValidUntil: '2027-02-19',
};
const kindsOn = (today: string, a: Partial<MonitoredAsset> = {}, p: Partial<MonitoredPledge> = {}) =>
  detectPledgedAssetAlerts({ ...asset, ...a }, { ...pledge, ...p }, null, today).map(
    (f) => `${f.kind}/${f.severity}/${f.dueDate}`,
  );

describe('detectPledgedAssetAlerts (post-loan monitoring, issue 6 item 5)', () => {
  it.each([
    ['2026-04-01', []],
    // Fee date 2026-07-01: reminders from 90 days before, urgent from 30 days before.
    ['2026-04-02', ['annual_fee_due/low/2026-07-01']],
    ['2026-06-01', ['annual_fee_due/medium/2026-07-01']],
    ['2026-05-31', ['annual_fee_due/low/2026-07-01']],
    ['2026-06-30', ['annual_fee_due/medium/2026-07-01']],
    // 滞纳期: from the fee date for six months, due on its last day.
    ['2026-07-01', ['annual_fee_grace/high/2026-12-31']],
    ['2026-12-31', ['annual_fee_grace/high/2026-12-31']],
    // Then the patent ends; restoration within two months.
    ['2027-01-01', ['lapsed/critical/2027-02-28']],
  ])('annual fee paid through 2026-06-30, on %s: %j', (today, expected) => {
    expect(kindsOn(today)).toEqual(expected);
  });

  it('a lapsed patent raises one critical alert due at the end of the restoration period', () => {
    expect(kindsOn('2026-04-01', { legalStatus: 'lapsed', annualFeePaidThrough: '2025-06-30' })).toEqual([
      'lapsed/critical/2026-02-28',
    ]);
    expect(
      kindsOn('2026-04-01', {
        legalStatus: 'lapsed',
        annualFeePaidThrough: null,
        conditionSince: { 'status:lapsed': '2026-03-10' },
      }),
    ).toEqual(['lapsed/critical/2026-05-09']);
  });

  it('kinds without annual fees raise no fee alerts', () => {
    expect(
      kindsOn('2026-06-15', { kind: 'trademark', legalStatus: 'registered', annualFeePaidThrough: null }),
    ).toEqual([]);
  });

  it('flags raise high alerts due a fixed time after the day they began, never before the pledge', () => {
    const since = {
      court_preserved: '2026-03-20',
      invalidation_requested: '2026-03-10',
      ownership_disputed: '2025-01-01',
    };
    expect(
      kindsOn('2026-04-01', {
        flags: ['pledged', 'court_preserved', 'invalidation_requested', 'ownership_disputed'],
        conditionSince: since,
      }),
    ).toEqual([
      'invalidation_requested/high/2026-04-10',
      'ownership_disputed/high/2026-03-17',
      'court_preserved/high/2026-03-25',
    ]);
    // A flag the history does not date counts from the pledge.
    expect(kindsOn('2026-04-01', { flags: ['court_preserved'] })).toEqual([
      'court_preserved/high/2026-03-07',
    ]);
  });

  it('a right ending before maturity is critical (high for a renewable mark); on the maturity day it is not flagged', () => {
    expect(kindsOn('2026-04-01', { expiryDate: '2027-03-01' })).toEqual([
      'expiry_before_maturity/critical/2027-03-01',
    ]);
    expect(kindsOn('2026-04-01', { expiryDate: '2027-03-02' })).toEqual([]);
    expect(
      kindsOn('2026-04-01', {
        kind: 'trademark',
        legalStatus: 'registered',
        annualFeePaidThrough: null,
        expiryDate: '2026-12-31',
      }),
    ).toEqual(['expiry_before_maturity/high/2026-12-31']);
    // After disbursement the loan's own maturity counts.
    const found = detectPledgedAssetAlerts(
      { ...asset, expiryDate: '2027-03-10' },
      pledge,
      { maturityDate: '2027-04-15' },
      '2026-04-01',
    );
    expect(found.map((f) => f.kind)).toEqual(['expiry_before_maturity']);
  });

  it('a terminated right is critical from the day it ended', () => {
    expect(
      kindsOn('2026-04-01', {
        legalStatus: 'invalidated',
        conditionSince: { 'status:invalidated': '2026-03-15' },
      }),
    ).toEqual(['right_terminated/critical/2026-03-15']);
  });

  it('licences and transfers while pledged are flagged (民法典 art. 444); licences before the pledge are not', () => {
    expect(kindsOn('2026-04-01', { undisclosedLicenceStartDates: ['2025-01-01', '2026-03-15'] })).toEqual([
      'licence_while_pledged/high/2026-03-15',
    ]);
    expect(
      kindsOn('2026-04-01', { flags: ['licensed'], conditionSince: { licensed: '2026-03-20' } }),
    ).toEqual(['licence_while_pledged/high/2026-03-20']);
    expect(kindsOn('2026-04-01', { pledgorIsOwner: false, ownersChangedOn: '2026-03-25' })).toEqual([
      'transfer_while_pledged/critical/2026-03-25',
    ]);
  });

  it.each([
    ['2027-01-19', {}, []],
    ['2027-01-20', {}, ['revaluation_due/medium/2027-02-19']],
    ['2027-02-20', {}, ['revaluation_due/high/2027-02-19']],
    // Without a validity: a year after the valuation date.
    ['2027-01-20', { valuationValidUntil: null }, ['revaluation_due/medium/2027-02-19']],
    // Without a valuation: a year after the pledge.
    ['2027-01-31', { valuationValidUntil: null, valuationDate: null }, ['revaluation_due/medium/2027-03-01']],
  ])('revaluation on %s with %j: %j', (today, p, expected) => {
    expect(kindsOn(today, { annualFeePaidThrough: '2027-06-30' }, p)).toEqual(expected);
  });

  it('due dates do not move with the day of the scan', () => {
    const a = detectPledgedAssetAlerts({ ...asset, flags: ['court_preserved'] }, pledge, null, '2026-04-10');
    const b = detectPledgedAssetAlerts({ ...asset, flags: ['court_preserved'] }, pledge, null, '2026-04-11');
    expect(a.map((f) => f.dueDate)).toEqual(b.map((f) => f.dueDate));
  });
});

describe('findConditionStartDates', () => {
  it('dates each current condition from the start of its last uninterrupted run', () => {
    expect(
      findConditionStartDates([
        { occurredOn: '2026-06-01', legalStatus: 'granted', flags: ['court_preserved'] },
        { occurredOn: '2020-01-01', legalStatus: 'granted', flags: [] },
        { occurredOn: '2026-01-01', legalStatus: 'granted', flags: ['court_preserved'] },
        { occurredOn: '2026-03-01', legalStatus: 'granted', flags: [] },
        { occurredOn: '2026-05-01', legalStatus: 'granted', flags: ['court_preserved'] },
      ]),
    ).toEqual({ 'status:granted': '2020-01-01', court_preserved: '2026-05-01' });
  });
});
