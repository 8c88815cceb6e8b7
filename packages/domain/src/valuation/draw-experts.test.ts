import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { drawExperts, findExpertConflicts, type DrawConflicts, type PoolExpert } from './draw-experts.ts';
import { hashFnv1a64 } from './hash-fnv1a64.ts';

const orgs = ['org-eval', 'org-bank', 'org-ent', 'org-uni-1', 'org-uni-2', 'org-inst'];
const poolArbitrary = fc
  .uniqueArray(
    fc.record({
      expertId: fc.string({ minLength: 1, maxLength: 6 }),
      affiliationOrgId: fc.constantFrom(...orgs),
      prior: fc.boolean(),
    }),
    { selector: (e) => e.expertId, maxLength: 40 },
  )
  .map((list): PoolExpert[] =>
    list.map((e) => ({
      expertId: e.expertId,
      fields: ['电子'],
      ipcExpertise: ['G06F'],
      affiliationOrgId: e.affiliationOrgId,
      priorEngagementCaseIds: e.prior ? ['case-1'] : [],
    })),
  );
const conflictsOf = (engaged: readonly string[]): DrawConflicts => ({
  caseId: 'case-1',
  evaluatorOrgId: 'org-eval',
  bankOrgId: 'org-bank',
  enterpriseOrgId: 'org-ent',
  engagedExpertIds: engaged,
});

describe('hashFnv1a64', () => {
  it('matches the published FNV-1a 64 test vectors', () => {
    expect(hashFnv1a64('')).toBe('cbf29ce484222325');
    expect(hashFnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(hashFnv1a64('foobar')).toBe('85944171f73967e8');
  });
});

describe('drawExperts', () => {
  it('never picks a conflicted expert, draws min(N, eligible) and the same seed gives the same draw (property)', () => {
    fc.assert(
      fc.property(
        poolArbitrary,
        fc.integer({ min: 1, max: 10 }),
        fc.string({ minLength: 1 }),
        fc.nat(),
        (pool, count, seed, engagedPick) => {
          const engaged = pool.length === 0 ? [] : [pool[engagedPick % pool.length]!.expertId];
          const conflicts = conflictsOf(engaged);
          const draw = drawExperts({ pool, conflicts, count, seed });
          const eligible = pool.filter((e) => findExpertConflicts(e, conflicts).length === 0);
          expect(draw.eligibleCount).toBe(eligible.length);
          expect(draw.drawn).toHaveLength(Math.min(count, eligible.length));
          for (const { expertId } of draw.drawn) {
            const expert = pool.find((e) => e.expertId === expertId)!;
            expect(['org-eval', 'org-bank', 'org-ent']).not.toContain(expert.affiliationOrgId);
            expect(engaged).not.toContain(expertId);
            expect(expert.priorEngagementCaseIds).not.toContain('case-1');
          }
          expect(new Set(draw.drawn.map((d) => d.expertId)).size).toBe(draw.drawn.length);
          expect(drawExperts({ pool: [...pool].reverse(), conflicts, count, seed })).toEqual({
            ...draw,
            excluded: expect.any(Array) as unknown,
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('publishes hash(seed) as the commitment and accepts another hash function (e.g. SM3 from the platform)', () => {
    const pool: PoolExpert[] = ['a', 'b', 'c'].map((expertId) => ({
      expertId,
      fields: [],
      ipcExpertise: ['H01M'],
      affiliationOrgId: 'org-uni-1',
      priorEngagementCaseIds: [],
    }));
    const draw = drawExperts({ pool, conflicts: conflictsOf([]), count: 2, seed: 'seed-2026' });
    expect(draw.seedCommitment).toBe(hashFnv1a64('seed-2026'));
    const reversed = drawExperts({
      pool,
      conflicts: conflictsOf([]),
      count: 3,
      seed: 's',
      hash: (text) => (text.endsWith('a') ? 'ff' : text.endsWith('b') ? '80' : '00'),
    });
    expect(reversed.drawn.map((d) => d.expertId)).toEqual(['c', 'b', 'a']);
  });

  it('excludes experts outside the required IPC expertise and records every reason', () => {
    const pool: PoolExpert[] = [
      {
        expertId: 'x',
        fields: [],
        ipcExpertise: ['G06F'],
        affiliationOrgId: 'org-bank',
        priorEngagementCaseIds: ['case-1'],
      },
      {
        expertId: 'y',
        fields: [],
        ipcExpertise: ['H01M'],
        affiliationOrgId: 'org-uni-1',
        priorEngagementCaseIds: [],
      },
    ];
    const draw = drawExperts({
      pool,
      conflicts: conflictsOf([]),
      count: 2,
      seed: 's',
      requiredIpcPrefixes: ['H01M 10/42'],
    });
    expect(draw.drawn.map((d) => d.expertId)).toEqual(['y']);
    expect(draw.excluded).toEqual([
      { expertId: 'x', reasons: ['same_org_as_bank', 'prior_engagement', 'expertise_mismatch'] },
    ]);
    expect(() => drawExperts({ pool, conflicts: conflictsOf([]), count: 0, seed: 's' })).toThrow(
      'VALUATION_EXPERT_COUNT_INVALID',
    );
    expect(() => drawExperts({ pool, conflicts: conflictsOf([]), count: 1, seed: '' })).toThrow(
      'VALUATION_SEED_EMPTY',
    );
  });
});
