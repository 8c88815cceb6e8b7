import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../ip-asset/create-seeded-random.ts';
import { buildAnonymisedRelease } from './build-anonymised-release.ts';
import { checkKAnonymity } from './check-k-anonymity.ts';
import { generateSyntheticWhitelistPopulation } from './generate-synthetic-whitelist-population.ts';

const rows = generateSyntheticWhitelistPopulation(300, createSeededRandom(3)).map((e) => e.row);
const release = buildAnonymisedRelease(rows, { k: 5, pseudonymOf: (id) => `P-${id}`, featureSet: [] });

describe('checkKAnonymity', () => {
  it('passes a release as built and reports its smallest class', () => {
    expect(checkKAnonymity(release, 5)).toEqual({ ok: true, smallestClass: release.smallestClass });
  });

  it('fails a release whose rows were edited after it was built (one row given its own values)', () => {
    const tampered = { rows: [...release.rows.slice(1), { ...release.rows[0]!, district: 'unique-place' }] };
    expect(checkKAnonymity(tampered, 5)).toEqual({ ok: false, smallestClass: 1 });
  });

  it('fails an empty release and a release checked against a larger k', () => {
    expect(checkKAnonymity({ rows: [] }, 5)).toEqual({ ok: false, smallestClass: 0 });
    expect(checkKAnonymity(release, release.smallestClass + 1).ok).toBe(false);
  });
});
