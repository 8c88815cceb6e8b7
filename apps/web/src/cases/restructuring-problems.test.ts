import { describe, expect, it } from 'vitest';
import { restructuringProblems } from './restructuring-problems.ts';

describe('restructuringProblems: a refused 展期/续贷 shown under the form field it is about', () => {
  it('puts the art. 12 extension limit on the extension months, with the server message', () => {
    const detail = '展期累计 18 个月，超过《贷款通则》第十二条允许的 12 个月（原贷款期限 12 个月）。';
    expect(
      restructuringProblems('extension', { code: 'LOAN_EXTENSION_BEYOND_LIMIT', detail, problems: [] }),
    ).toEqual([{ code: 'LOAN_EXTENSION_BEYOND_LIMIT', field: 'extensionMonths', message: detail }]);
  });

  it('puts a maturity after the pledged IP expiry on the months of either form', () => {
    const refusal = { code: 'LOAN_MATURITY_AFTER_IP_EXPIRY', detail: 'x', problems: [] };
    expect(restructuringProblems('extension', refusal)[0]?.field).toBe('extensionMonths');
    expect(restructuringProblems('renewal', refusal)[0]?.field).toBe('termMonths');
  });

  it('keeps the problems of a validation answer as the server named them', () => {
    const problems = [
      { code: 'FIELD_OUT_OF_RANGE', field: 'spreadBps', message: '超出范围' },
      { code: 'FIELD_REQUIRED', field: 'borrowerInDifficulty', message: '必填' },
    ];
    expect(restructuringProblems('renewal', { code: 'VALIDATION_FAILED', detail: 'd', problems })).toEqual(
      problems,
    );
  });

  it('leaves refusals without a field to the alert: arrears, a closed loan, a changed case', () => {
    for (const code of ['LOAN_RESTRUCTURING_WITH_ARREARS', 'LOAN_ACCOUNT_CLOSED', 'CONFLICT'])
      expect(restructuringProblems('extension', { code, detail: 'd', problems: [] })).toEqual([]);
    expect(
      restructuringProblems('renewal', { code: 'LOAN_EXTENSION_BEYOND_LIMIT', detail: 'd', problems: [] }),
    ).toEqual([]);
  });
});
