import { describe, expect, it } from 'vitest';
import { caseLabels, eventReasonLabel } from '../cases/case-labels.ts';
import i18n from '../i18n/i18n.ts';
import { dispositionReasonLabel } from './disposition-labels.ts';

const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en');

describe('disposition steps on the case timeline: reasons in words, read by the step', () => {
  it('reads a shared code by its step: auction is the path when chosen and the hammer price when received', () => {
    expect(dispositionReasonLabel('auction', 'choose_disposition_path', zh)).toBe('挂牌拍卖');
    expect(dispositionReasonLabel('auction', 'start_disposition', zh)).toBe('挂牌拍卖');
    expect(dispositionReasonLabel('auction', 'record_disposition_proceeds', zh)).toBe('拍卖成交价');
    expect(dispositionReasonLabel('auction_fee', 'record_disposition_cost', zh)).toBe('拍卖佣金');
    expect(dispositionReasonLabel('transferred', 'close_disposition', zh)).toBe('已转移至受让方');
    expect(dispositionReasonLabel('auction_fee', 'record_disposition_cost', en)).not.toBe('auction_fee');
  });

  it('names the opening, the distribution and the write-off after disposal, and leaves other codes alone', () => {
    expect(dispositionReasonLabel('disposition_opened', 'start_disposal', zh)).toBe('质押物处置立案');
    expect(dispositionReasonLabel('disposition_distributed', 'distribute_disposition', zh)).toBe(
      '按固定比例分配处置款',
    );
    expect(dispositionReasonLabel('disposition', 'write_off', zh)).toBe('质押物处置');
    expect(dispositionReasonLabel('distribution_changed', 'change_disposition_distribution', en)).toBe(
      'Distribution ratios changed',
    );
    expect(dispositionReasonLabel('formal_report', 'evaluate', zh)).toBeNull();
  });

  it('is what the case timeline shows, and the opening is not a second 启动处置', () => {
    expect(eventReasonLabel('evaluation', 'record_disposition_cost', 'zh-CN', zh)).toBe('评估费');
    expect(eventReasonLabel('disposition_opened', 'open_disposition', 'zh-CN', zh)).toBe('质押物处置立案');
    expect(caseLabels.action('open_disposition', 'zh-CN')).not.toBe(
      caseLabels.action('start_disposal', 'zh-CN'),
    );
  });
});
