import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import { createSeededRandom } from '../ip-asset/create-seeded-random.ts';
import { buildAnonymisedRelease } from './build-anonymised-release.ts';
import { checkKAnonymity } from './check-k-anonymity.ts';
import { derivePseudonym, deriveRoundBankSecret } from './derive-pseudonym.ts';
import { generateSyntheticWhitelistPopulation } from './generate-synthetic-whitelist-population.ts';
import { whitelistHierarchiesV1, whitelistHierarchiesV2 } from './generalisation-hierarchies.ts';
import { linkageAttack } from './linkage-attack.ts';
import { whitelistReleasableFeatures, type WhitelistFeatureRow } from './whitelist-feature-row.ts';

const secret = deriveRoundBankSecret('5e'.repeat(32), 'round-1', 'bank-a');
const pseudonymOf = (id: string): string => derivePseudonym(secret, id);
const population = generateSyntheticWhitelistPopulation(2000, createSeededRandom(20261126));
const rows = population.map((e) => e.row);

describe('buildAnonymisedRelease', () => {
  const release = buildAnonymisedRelease(rows, {
    k: 5,
    pseudonymOf,
    featureSet: whitelistReleasableFeatures,
  });

  it('releases no name, USCC, founding date or enterprise id of 2,000 synthetic enterprises', () => {
    const text = JSON.stringify(release);
    for (const enterprise of population) {
      expect(text).not.toContain(enterprise.name);
      expect(text).not.toContain(enterprise.uscc);
      expect(text).not.toContain(enterprise.foundedOn);
      expect(text).not.toContain(`"${enterprise.row.enterpriseId}"`);
    }
    expect(text).not.toMatch(/ent-\d{7}/);
    for (const row of release.rows) {
      expect(Object.keys(row).sort()).toEqual(
        ['cluster', 'district', 'employees', 'features', 'foundedYear', 'pseudonym', 'sizeClass'].sort(),
      );
      expect(row.pseudonym).toMatch(/^WL-[A-Z2-7]{20}$/);
    }
  });

  it('puts every released row in an equivalence class of at least k and records k, levels and suppression', () => {
    expect(checkKAnonymity(release, 5)).toEqual({ ok: true, smallestClass: release.smallestClass });
    expect(release.smallestClass).toBeGreaterThanOrEqual(5);
    expect(release.k).toBe(5);
    expect(release.rows.length + release.suppressedCount).toBe(rows.length);
    expect(release.suppressedCount).toBeLessThanOrEqual(Math.floor(rows.length * 0.05));
    expect(release.hierarchyVersion).toBe('shenzhen-2026-v2');
    expect(Object.values(release.levels).every((l) => Number.isInteger(l) && l >= 0)).toBe(true);
  });

  it('keeps district (at least 片区) and cluster (at least its group) at k = 5, generalising year and head-count first', () => {
    const suppressed = { district: 2, cluster: 2 };
    expect(release.levels.district).toBeLessThan(suppressed.district);
    expect(release.levels.cluster).toBeLessThan(suppressed.cluster);
    expect(release.rows.every((r) => r.district !== '*' && r.cluster !== '*')).toBe(true);
    // Founding year and head-count give way first: together they are at least as coarse as district and cluster.
    expect(release.levels.foundedYear + release.levels.employees).toBeGreaterThanOrEqual(
      release.levels.district + release.levels.cluster,
    );
    expect(release.utilityLoss).not.toBeNull();
    expect(release.utilityLoss!).toBeGreaterThan(0);
    expect(release.utilityLoss!).toBeLessThan(1);

    // Without the weights (v1, discernibility only) the same population loses the cluster entirely.
    const unweighted = buildAnonymisedRelease(rows, {
      k: 5,
      pseudonymOf,
      featureSet: [],
      hierarchies: whitelistHierarchiesV1,
    });
    expect(unweighted.levels.cluster).toBe(suppressed.cluster);
    expect(unweighted.utilityLoss).toBeNull();
  });

  it('weighs generalisation by column: with district weighted far above the founding year, the year goes first', () => {
    const heavyYear = buildAnonymisedRelease(rows, {
      k: 5,
      pseudonymOf,
      featureSet: [],
      hierarchies: {
        ...whitelistHierarchiesV2,
        weights: { district: 1, cluster: 1, sizeClass: 1, foundedYear: 50, employees: 1 },
      },
    });
    expect(heavyYear.levels.foundedYear).toBeLessThan(release.levels.foundedYear);
    expect(checkKAnonymity(heavyYear, 5).ok).toBe(true);
  });

  it('coarsens the released features: capped counts, integer scores, capital as a band', () => {
    for (const row of release.rows) {
      const f = row.features;
      expect(f.validInventionPatents as number).toBeLessThanOrEqual(20);
      expect(f.validPatents as number).toBeLessThanOrEqual(100);
      expect(f.overdueCount as number).toBeLessThanOrEqual(3);
      if (f.valuationScore !== null) expect(Number.isInteger(f.valuationScore)).toBe(true);
      expect(f.registeredCapitalWan).toMatch(/^\d+(-\d+|\+)$/);
    }
  });

  it('suppresses an outlier rather than generalising everyone when that costs less', () => {
    // 60 alike enterprises and one founded in 1950 in Dapeng: the outlier goes, the others keep their detail.
    const alike: WhitelistFeatureRow[] = Array.from({ length: 60 }, (_, i) => ({
      ...rows[0]!,
      enterpriseId: `a-${i}`,
      district: i % 2 === 0 ? 'nanshan' : 'futian',
      cluster: 'semiconductors-ic',
      sizeClass: 'small',
      foundedYear: 2015 + (i % 2),
      employees: 60,
    }));
    const outlier = { ...alike[0]!, enterpriseId: 'odd', district: 'dapeng', foundedYear: 1950 };
    const result = buildAnonymisedRelease([...alike, outlier], {
      k: 5,
      pseudonymOf: (id) => `P-${id}`,
      featureSet: [],
    });
    expect(result.suppressedCount).toBe(1);
    expect(result.rows.some((r) => r.pseudonym === 'P-odd')).toBe(false);
    expect(result.levels).toEqual({ district: 0, cluster: 0, sizeClass: 0, foundedYear: 0, employees: 0 });
    expect(result.smallestClass).toBe(30);
  });

  it('refuses with WHITELIST_K_ANONYMITY_FAILED when fewer than k enterprises take part', () => {
    const attempt = (): unknown =>
      buildAnonymisedRelease(rows.slice(0, 4), { k: 5, pseudonymOf, featureSet: [] });
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow('WHITELIST_K_ANONYMITY_FAILED');
  });

  it('is deterministic, and its noisy counts spend the given ε and use only the given randomness', () => {
    const again = buildAnonymisedRelease(rows, {
      k: 5,
      pseudonymOf,
      featureSet: whitelistReleasableFeatures,
    });
    expect(again).toEqual(release);
    const noisy = (seed: number): ReturnType<typeof buildAnonymisedRelease> =>
      buildAnonymisedRelease(rows, {
        k: 5,
        pseudonymOf,
        featureSet: [],
        noise: { epsilon: 1, uniform: createSeededRandom(seed) },
      });
    const a = noisy(1);
    expect(a.noise?.epsilon).toBe(1);
    expect(a.noise?.mechanism).toBe('laplace');
    expect(noisy(1).noise).toEqual(a.noise);
    expect(noisy(2).noise).not.toEqual(a.noise);
    const nanshan = a.noise!.counts.find((c) => c.dimension === 'district' && c.value === 'nanshan')!.count;
    const exact = rows.filter((r) => r.district === 'nanshan').length;
    // Laplace scale 3/ε = 3: 30 is ten scales, probability e^-10.
    expect(Math.abs(nanshan - exact)).toBeLessThan(30);
    // Categories come from the reference lists, not the data: an empty district is still listed.
    expect(a.noise!.counts.filter((c) => c.dimension === 'district')).toHaveLength(12);
  });
});

describe('linkageAttack (the fixed attacker of issue 10 item 8)', () => {
  const enterpriseArb = fc.record({
    district: fc.constantFrom('nanshan', 'futian', 'baoan', 'longgang', 'dapeng'),
    cluster: fc.constantFrom(
      'semiconductors-ic',
      'biomedicine',
      'new-energy',
      'intelligent-robots',
      'blockchain',
    ),
    sizeClass: fc.constantFrom('micro', 'small', 'medium', 'large'),
    foundedYear: fc.integer({ min: 1995, max: 2024 }),
    employees: fc.integer({ min: 1, max: 3000 }),
  });

  it('re-identifies at most 1/k of the release, whatever the population and whichever part of it the registry holds', () => {
    fc.assert(
      fc.property(
        fc.array(enterpriseArb, { minLength: 12, maxLength: 160 }),
        fc.constantFrom(3, 5, 10),
        fc.array(fc.boolean(), { minLength: 160, maxLength: 160 }),
        (people, k, inRegistry) => {
          fc.pre(people.length >= k);
          const population: WhitelistFeatureRow[] = people.map((p, i) => ({
            ...rows[0]!,
            ...p,
            enterpriseId: `e-${i}`,
          }));
          const release = buildAnonymisedRelease(population, {
            k,
            pseudonymOf: (id) => `P-${id}`,
            featureSet: [],
          });
          expect(checkKAnonymity(release, k).ok).toBe(true);
          const truthOf = (pseudonym: string): string => pseudonym.slice(2);
          const everyone = linkageAttack(release, population, truthOf);
          expect(everyone.reidentified).toBe(0);
          const partial = population.filter((_, i) => inRegistry[i]);
          const result = linkageAttack(release, partial, truthOf);
          expect(result.attempted).toBe(release.rows.length);
          expect(result.rate).toBeLessThanOrEqual(1 / k);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('would re-identify ungeneralised rows: the attacker is not a straw man', () => {
    const population = rows.slice(0, 300);
    const release = buildAnonymisedRelease(population, {
      k: 5,
      pseudonymOf: (id) => `P-${id}`,
      featureSet: [],
    });
    const naive = {
      ...release,
      levels: { district: 0, cluster: 0, sizeClass: 0, foundedYear: 0, employees: 2 },
      rows: population.map((r) => ({
        pseudonym: `P-${r.enterpriseId}`,
        district: r.district,
        cluster: r.cluster,
        sizeClass: r.sizeClass,
        foundedYear: String(r.foundedYear),
        employees: '*',
        features: {},
      })),
    };
    const result = linkageAttack(naive, population, (p) => p.slice(2));
    expect(result.rate).toBeGreaterThan(0.5);
  });
});
