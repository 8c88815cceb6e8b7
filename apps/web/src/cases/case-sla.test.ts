import { describe, expect, it } from 'vitest';
import { isOverSla, slaDaysOf } from './case-sla.ts';

describe('case SLA ages', () => {
  it('is over the SLA only after the full number of days has passed', () => {
    expect(slaDaysOf('applied')).toBe(2);
    expect(isOverSla('applied', 2)).toBe(false);
    expect(isOverSla('applied', 3)).toBe(true);
    expect(isOverSla('value_evaluated', 5)).toBe(false);
    expect(isOverSla('value_evaluated', 6)).toBe(true);
  });

  it('never flags a state that waits on nobody', () => {
    expect(slaDaysOf('declined')).toBeNull();
    expect(isOverSla('declined', 400)).toBe(false);
    expect(isOverSla('repaying', 90)).toBe(false);
  });
});
