import { describe, expect, it } from 'vitest';
import type { IpAsset } from '../ip-asset/ip-asset.ts';
import { assessIpHealth, formatIpHealthItem, ipHealthTexts } from './assess-ip-health.ts';

const patent = (over: Partial<IpAsset>): IpAsset => ({
  assetId: 'a1',
  kind: 'invention_patent',
  number: '202010566088.9',
  pctNationalPhase: false,
  title: '一种方法',
  owners: [{ partyId: 'e1', name: '甲', shareBps: 10000 }],
  term: { kind: 'invention_patent', filingDate: '2020-06-01', termCompensationDays: 0 },
  grantDate: '2022-01-01',
  expiryDate: '2040-05-31',
  legalStatus: 'granted',
  flags: [],
  statusHistory: [],
  annualFeePaidThrough: '2026-05-31',
  ipcClasses: ['G06F 16/00'],
  niceClasses: [],
  similarMarkAssetIds: [],
  sameDayDualApplication: false,
  licences: [],
  ...over,
});

describe('assessIpHealth', () => {
  const report = assessIpHealth({
    asOfDate: '2026-01-01',
    assets: [
      patent({}),
      patent({
        assetId: 'a2',
        kind: 'utility_model_patent',
        number: '201620000000.1',
        expiryDate: '2026-12-31',
        term: { kind: 'utility_model_patent', filingDate: '2017-01-01' },
      }),
      patent({
        assetId: 'a3',
        annualFeePaidThrough: '2025-12-01',
        flags: ['invalidation_requested'],
        owners: [
          { partyId: 'e1', name: '甲', shareBps: 5000 },
          { partyId: 'u', name: '大学', shareBps: 5000 },
        ],
      }),
      patent({ assetId: 'a4', legalStatus: 'lapsed' }),
    ],
  });

  it('flags expiry within 24 months, unpaid fees, invalidation, co-ownership and concentration (fewer than 3 in force is not the case here)', () => {
    const codes = report.risks.map((r) => `${r.code}:${String(r.params['assetId'] ?? '')}`);
    expect(codes).toEqual([
      'RISK_EXPIRING:a2',
      'RISK_FEE_UNPAID:a3',
      'RISK_INVALIDATION_OR_DISPUTE:a3',
      'RISK_CO_OWNED:a3',
    ]);
    expect(report.inForceCount).toBe(3);
  });

  it('gives strengths and one recommendation per kind of risk, renderable in zh-CN and en', () => {
    expect(report.strengths.map((s) => s.code)).toEqual(['STRENGTH_INVENTION_PATENTS', 'STRENGTH_LONG_TERM']);
    expect(report.recommendations.map((r) => r.code)).toEqual([
      'REC_PAY_FEES',
      'REC_PLAN_RENEWAL_OR_REPLACEMENT',
      'REC_RESOLVE_DISPUTES',
      'REC_COLLECT_CONSENTS',
    ]);
    for (const item of [...report.strengths, ...report.risks, ...report.recommendations]) {
      expect(ipHealthTexts[item.code]).toBeDefined();
      expect(formatIpHealthItem(item, 'en')).not.toMatch(/\{\w+\}/);
      expect(formatIpHealthItem(item, 'zh-CN')).not.toMatch(/\{\w+\}/);
    }
  });

  it('reports concentration when one asset holds more than half of the value', () => {
    const concentrated = assessIpHealth({
      asOfDate: '2026-01-01',
      assets: [patent({}), patent({ assetId: 'b' }), patent({ assetId: 'c' })],
      valuesFen: { a1: 800n, b: 100n, c: 100n },
    });
    expect(concentrated.risks).toEqual([{ code: 'RISK_CONCENTRATION', params: { count: 3, sharePct: 80 } }]);
  });
});
