import { describe, expect, it } from 'vitest';
import { whitelistFeatureLabel } from './whitelist-feature-labels.ts';
import { whitelistFeatures } from './whitelist-feature-row.ts';

describe('whitelistFeatureLabel', () => {
  it('names every scorecard feature in Chinese and English, never by its code', () => {
    for (const feature of whitelistFeatures) {
      const zh = whitelistFeatureLabel(feature, 'zh-CN');
      const en = whitelistFeatureLabel(feature, 'en');
      expect(zh).not.toBe(feature);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(en).not.toBe(feature);
      expect(en).toMatch(/^[A-Z]/);
    }
    expect(whitelistFeatureLabel('validInventionPatents', 'zh-CN')).toBe('有效发明专利数');
  });

  it('returns an unknown code unchanged, so a refusal still says what the bank wrote', () => {
    expect(whitelistFeatureLabel('turnoverYuan', 'zh-CN')).toBe('turnoverYuan');
  });
});
