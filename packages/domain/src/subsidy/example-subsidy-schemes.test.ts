import { describe, expect, it } from 'vitest';
import { EXAMPLE_SUBSIDY_SCHEMES } from './example-subsidy-schemes.ts';
import type { ClauseSource } from './subsidy-scheme.ts';

describe('example subsidy schemes', () => {
  it('give every clause a source document and article, marked as an example', () => {
    for (const scheme of EXAMPLE_SUBSIDY_SCHEMES) {
      const sources: ClauseSource[] = [
        scheme.source,
        ...scheme.eligibility.map((c) => c.source),
        ...scheme.benefits.map((b) => b.source),
        ...scheme.countedCostLimits.map((l) => l.source),
        ...scheme.caps.map((c) => c.source),
        scheme.trigger.source,
        scheme.stacking.source,
        scheme.budget.source,
      ];
      for (const source of sources) {
        expect(source.document.trim()).not.toBe('');
        expect(source.article.trim()).not.toBe('');
        expect(source.isExample).toBe(true);
      }
    }
  });

  it('are versioned with an effective period that starts before it ends', () => {
    for (const scheme of EXAMPLE_SUBSIDY_SCHEMES) {
      expect(scheme.version).toBeGreaterThanOrEqual(1);
      if (scheme.effectiveTo !== null) expect(scheme.effectiveFrom < scheme.effectiveTo).toBe(true);
    }
  });
});
