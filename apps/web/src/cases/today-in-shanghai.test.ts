import { describe, expect, it } from 'vitest';
import { todayInShanghai } from './today-in-shanghai.ts';

describe('todayInShanghai', () => {
  it('rolls over at midnight Beijing time (16:00 UTC), not at UTC midnight', () => {
    expect(todayInShanghai(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(todayInShanghai(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });
});
