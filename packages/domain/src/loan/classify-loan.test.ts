import { describe, expect, it } from 'vitest';
import {
  CLASSIFICATION_THRESHOLDS_2023,
  classifyBorrower,
  classifyLoan,
  createClassificationThresholds,
  isNonPerforming,
} from './classify-loan.ts';

describe('five-category classification (《商业银行金融资产风险分类办法》2023)', () => {
  it.each([
    [0, 'normal'],
    [1, 'special_mention'],
    [90, 'special_mention'],
    [91, 'substandard'],
    [270, 'substandard'],
    [271, 'doubtful'],
    [360, 'doubtful'],
    [361, 'loss'],
  ])('grades a loan %i days past due at least %s', (daysPastDue, grade) => {
    expect(classifyLoan({ daysPastDue })).toBe(grade);
  });

  it('keeps a restructured loan at least 关注 and never lets the officer grade better than the floor', () => {
    expect(classifyLoan({ daysPastDue: 0, restructured: true })).toBe('special_mention');
    expect(classifyLoan({ daysPastDue: 100, restructured: true })).toBe('substandard');
    expect(classifyLoan({ daysPastDue: 100, officerGrade: 'normal' })).toBe('substandard');
    expect(classifyLoan({ daysPastDue: 0, officerGrade: 'doubtful' })).toBe('doubtful');
  });

  it('gives a non-retail borrower the worst grade of all its loans', () => {
    expect(classifyBorrower([{ daysPastDue: 0 }, { daysPastDue: 95 }, { daysPastDue: 10 }])).toBe(
      'substandard',
    );
    expect(classifyBorrower([])).toBe('normal');
  });

  it('flags 次级, 可疑 and 损失 as non-performing', () => {
    expect(
      ['normal', 'special_mention', 'substandard', 'doubtful', 'loss'].map((g) =>
        isNonPerforming(g as never),
      ),
    ).toEqual([false, false, true, true, true]);
  });

  it('reads its thresholds from data, so a bank may configure stricter floors', () => {
    expect(CLASSIFICATION_THRESHOLDS_2023.floors.map((f) => f.daysPastDueOver)).toEqual([0, 90, 270, 360]);
    const strict = createClassificationThresholds({
      floors: [
        { grade: 'special_mention', daysPastDueOver: 0 },
        { grade: 'substandard', daysPastDueOver: 60 },
      ],
    });
    expect(classifyLoan({ daysPastDue: 61, thresholds: strict })).toBe('substandard');
    expect(() =>
      createClassificationThresholds({
        floors: [
          { grade: 'substandard', daysPastDueOver: 90 },
          { grade: 'special_mention', daysPastDueOver: 100 },
        ],
      }),
    ).toThrow(expect.objectContaining({ code: 'CLASSIFICATION_THRESHOLDS_INVALID' }));
  });
});
