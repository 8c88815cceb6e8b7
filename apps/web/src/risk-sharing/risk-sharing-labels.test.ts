import { describe, expect, it } from 'vitest';
import { formatBps, riskRoleLabel } from './risk-sharing-labels.ts';

describe('risk-sharing labels', () => {
  it('shows basis points as a percentage with at most two decimals', () => {
    expect(formatBps(5000)).toBe('50%');
    expect(formatBps(1250)).toBe('12.5%');
    expect(formatBps(3333)).toBe('33.33%');
    expect(formatBps(0)).toBe('0%');
  });

  it('labels a known role through its literal key and shows an unknown code as it is', () => {
    const t = (key: string) => `<${key}>`;
    expect(riskRoleLabel('re_guarantor', t)).toBe('<riskSharing.role.re_guarantor>');
    expect(riskRoleLabel('someone_else', t)).toBe('someone_else');
  });
});
