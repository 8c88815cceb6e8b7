import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/index.ts';
import {
  assertDueDiligenceComplete,
  defaultDueDiligenceChecklist,
  findDueDiligenceGaps,
  validateDueDiligenceChecklist,
  type DueDiligenceItemResult,
} from './due-diligence-checklist.ts';

const allChecked: DueDiligenceItemResult[] = defaultDueDiligenceChecklist.items.map((item) => ({
  itemCode: item.code,
  checked: true,
  note: null,
  evidence: item.evidenceRequired ? '走访记录 ZF-001' : null,
}));

describe('due-diligence checklist', () => {
  it('is complete when every required item is checked and evidence is noted where required', () => {
    expect(findDueDiligenceGaps(defaultDueDiligenceChecklist, allChecked)).toEqual([]);
    expect(() => assertDueDiligenceComplete(defaultDueDiligenceChecklist, allChecked)).not.toThrow();
  });

  it('does not wait for optional items', () => {
    const withoutOptional = allChecked.filter((r) => r.itemCode !== 'ip_commercialisation');
    expect(findDueDiligenceGaps(defaultDueDiligenceChecklist, withoutOptional)).toEqual([]);
  });

  it('names a required item left unchecked and one checked without its evidence', () => {
    const results = allChecked.map((r) =>
      r.itemCode === 'site_visit'
        ? { ...r, checked: false }
        : r.itemCode === 'financial_statements'
          ? { ...r, evidence: '  ' }
          : r,
    );
    expect(
      findDueDiligenceGaps(defaultDueDiligenceChecklist, results).map((g) => [g.item.code, g.gap]),
    ).toEqual([
      ['site_visit', 'not_checked'],
      ['financial_statements', 'evidence_missing'],
    ]);
  });

  it('refuses an empty checklist with DUE_DILIGENCE_INCOMPLETE listing every required item', () => {
    const required = defaultDueDiligenceChecklist.items.filter((i) => i.required);
    try {
      assertDueDiligenceComplete(defaultDueDiligenceChecklist, []);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      const e = error as DomainError;
      expect(e.code).toBe('DUE_DILIGENCE_INCOMPLETE');
      expect(e.params['count']).toBe(required.length);
      expect(String(e.params['items'])).toContain(
        '实地走访企业经营场所 / Site visit to the business premises',
      );
      expect(e.problems.map((p) => p.field)).toEqual(required.map((i) => `dueDiligence.${i.code}`));
    }
  });

  it('rejects a checklist with duplicate or malformed codes', () => {
    const item = defaultDueDiligenceChecklist.items[0]!;
    const bad = { ...defaultDueDiligenceChecklist, items: [item, item, { ...item, code: 'Site Visit' }] };
    expect(validateDueDiligenceChecklist(bad, 'dueDiligenceChecklist').map((p) => p.field)).toEqual([
      'dueDiligenceChecklist.items',
      'dueDiligenceChecklist.items[2].code',
    ]);
    expect(validateDueDiligenceChecklist(defaultDueDiligenceChecklist, 'x')).toEqual([]);
  });
});
