import { describe, expect, it } from 'vitest';
import { calculateIpExpiry } from './calculate-ip-expiry.ts';
import { createSeededRandom } from './create-seeded-random.ts';
import { generateDemoAssets } from './generate-demo-assets.ts';
import { ipAssetKindCodes } from './ip-asset-kind.ts';
import { ipStatusChangeReasons } from './ip-legal-status.ts';
import { validateCopyrightNumber } from './validate-copyright-number.ts';
import { validatePatentNumber } from './validate-patent-number.ts';
import { validateTrademarkNumber } from './validate-trademark-number.ts';

const OWNERS = Array.from({ length: 40 }, (_, i) => ({
  partyId: `ent-${i}`,
  name: `深圳市演示企业${i}有限公司`,
}));
const AS_OF = '2026-03-02';
const assets = generateDemoAssets({
  owners: OWNERS,
  count: 5000,
  random: createSeededRandom(20260302),
  asOfDate: AS_OF,
});
const share = (predicate: (a: (typeof assets)[number]) => boolean): number =>
  assets.filter(predicate).length / assets.length;

describe('generateDemoAssets (seeded, pure)', () => {
  it('produces exactly the requested number of assets with unique ids and numbers', () => {
    expect(assets).toHaveLength(5000);
    expect(new Set(assets.map((a) => a.assetId)).size).toBe(5000);
    expect(new Set(assets.map((a) => `${a.kind}:${a.number}`)).size).toBe(5000);
  });

  it('produces the same assets from the same seed and different ones from another seed', () => {
    const again = generateDemoAssets({
      owners: OWNERS,
      count: 300,
      random: createSeededRandom(20260302),
      asOfDate: AS_OF,
    });
    expect(again).toEqual(assets.slice(0, 300));
    const other = generateDemoAssets({
      owners: OWNERS,
      count: 300,
      random: createSeededRandom(7),
      asOfDate: AS_OF,
    });
    expect(other).not.toEqual(again);
  });

  it('covers every asset kind', () => {
    expect(new Set(assets.map((a) => a.kind))).toEqual(new Set(ipAssetKindCodes));
  });

  it('gives every patent a valid application number whose kind and year match the record', () => {
    const patents = assets.filter((a) => a.kind.endsWith('_patent'));
    for (const patent of patents) {
      const result = validatePatentNumber(patent.number, { asOfDate: AS_OF });
      expect(result.problems).toEqual([]);
      expect(result.filingYear).toBe(Number((patent.term as { filingDate: string }).filingDate.slice(0, 4)));
      expect(result.kind?.replace('pct_', '')).toBe(patent.kind.replace('_patent', ''));
    }
    expect(patents.some((p) => validatePatentNumber(p.number).format === 'eight_digit')).toBe(true);
    expect(patents.some((p) => p.pctNationalPhase)).toBe(true);
  });

  it("gives every trademark and copyright a number in its registry's form", () => {
    for (const a of assets.filter((x) => x.kind === 'trademark' || x.kind === 'geographical_indication'))
      expect(validateTrademarkNumber(a.number).problems).toEqual([]);
    for (const a of assets.filter((x) => x.kind.endsWith('_copyright')))
      expect(validateCopyrightNumber(a.number, { asOfDate: AS_OF }).problems).toEqual([]);
    // Registered copyrights carry their registration date as grant date: none may lie after the as-of day.
    const future = assets.filter(
      (a) => a.kind.endsWith('_copyright') && (a.grantDate === null || a.grantDate > AS_OF),
    );
    expect(future.map((a) => `${a.kind} ${a.number}`)).toEqual([]);
  });

  it("keeps expiry equal to the term rule and owners' shares summing to 100%", () => {
    for (const a of assets) {
      expect(a.expiryDate).toBe(calculateIpExpiry(a.term).expiryDate);
      expect(a.term.kind).toBe(a.kind);
      expect(a.owners.reduce((sum, o) => sum + o.shareBps, 0)).toBe(10000);
      expect(new Set(a.owners.map((o) => o.partyId)).size).toBe(a.owners.length);
    }
  });

  it('marks as expired exactly the assets whose term ended before the as-of date', () => {
    for (const a of assets)
      expect(a.legalStatus === 'expired').toBe(
        a.grantDate !== null && a.expiryDate !== null && a.expiryDate < AS_OF,
      );
  });

  it('has a realistic mix: mostly in force, some pending, lapsed, expired, disputed, preserved and co-owned', () => {
    expect(share((a) => a.legalStatus === 'granted' || a.legalStatus === 'registered')).toBeGreaterThan(0.6);
    expect(share((a) => a.legalStatus === 'pending')).toBeGreaterThan(0.01);
    expect(share((a) => a.legalStatus === 'lapsed')).toBeGreaterThan(0.02);
    expect(share((a) => a.legalStatus === 'expired')).toBeGreaterThan(0.02);
    expect(share((a) => a.legalStatus === 'invalidated')).toBeGreaterThan(0.002);
    expect(share((a) => a.flags.includes('ownership_disputed'))).toBeGreaterThan(0.01);
    expect(share((a) => a.flags.includes('court_preserved'))).toBeGreaterThan(0.002);
    expect(share((a) => a.owners.length > 1)).toBeGreaterThan(0.08);
    expect(share((a) => a.owners.length > 1)).toBeLessThan(0.2);
  });

  it('links similar trademarks both ways and pairs same-day applications', () => {
    const byId = new Map(assets.map((a) => [a.assetId, a]));
    const linked = assets.filter((a) => a.similarMarkAssetIds.length > 0);
    expect(linked.length).toBeGreaterThan(0);
    for (const a of linked)
      for (const id of a.similarMarkAssetIds) expect(byId.get(id)?.similarMarkAssetIds).toContain(a.assetId);
    expect(assets.filter((a) => a.sameDayDualApplication).map((a) => a.kind)).toContain('invention_patent');
  });

  it('keeps annual fees of granted patents paid through the current patent year for most, leaving some due', () => {
    const granted = assets.filter((a) => a.kind.endsWith('_patent') && a.legalStatus === 'granted');
    const due = granted.filter((a) => a.annualFeePaidThrough === null || a.annualFeePaidThrough < AS_OF);
    expect(due.length / granted.length).toBeGreaterThan(0.01);
    expect(due.length / granted.length).toBeLessThan(0.1);
  });

  it('returns nothing without owners', () => {
    expect(
      generateDemoAssets({ owners: [], count: 10, random: createSeededRandom(1), asOfDate: AS_OF }),
    ).toEqual([]);
  });
});

describe('status change reasons of the demo histories', () => {
  it('are all in the labelled list, so no timeline shows a bare code', () => {
    const known = new Set<string>(ipStatusChangeReasons.map((r) => r.code));
    const used = new Set(assets.flatMap((a) => a.statusHistory.map((e) => e.reason)));
    expect([...used].filter((reason) => !known.has(reason))).toEqual([]);
    expect(used.size).toBeGreaterThan(3);
  });
});
