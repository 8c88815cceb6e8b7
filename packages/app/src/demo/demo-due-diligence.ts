import { defaultDueDiligenceChecklist } from '@ipf/domain/ledger';
import type { RecordDueDiligenceInput } from '../ledger/record-due-diligence.ts';

/** Demo evidence and notes per item of the default checklist (*example* texts a clerk would write). */
const demoTexts: Readonly<Record<string, { evidence?: string; note?: string }>> = {
  site_visit: { evidence: '走访记录及经营场所照片（演示）', note: '生产经营正常' },
  licence_and_credit_report: { evidence: '营业执照核验截图、企业征信报告（演示）', note: '无不良记录' },
  ip_title_and_legal_status: { evidence: '国家知识产权局登记簿副本（演示）', note: '权属清晰，法律状态有效' },
  co_owner_consent: { note: '无共有人' },
  annual_fees_paid: { note: '年费已缴至本年度' },
  financial_statements: { evidence: '近两年财务报表及纳税申报表（演示）' },
  related_party_and_guarantees: { note: '未发现异常关联交易与对外担保' },
  repayment_source: { note: '以主营业务收入还款' },
  ip_commercialisation: { note: '专利已用于主要产品' },
};

/**
 * 演示尽调 (demo due diligence): every item of the default checklist checked with demo evidence; `complete:
 * false` leaves the last required items open, as for an application the clerk is still working on.
 */
export function demoDueDiligenceItems(complete: boolean): RecordDueDiligenceInput['items'] {
  const items = complete
    ? defaultDueDiligenceChecklist.items
    : defaultDueDiligenceChecklist.items.slice(0, 3);
  return items.map((item) => ({
    itemCode: item.code,
    checked: true,
    ...demoTexts[item.code],
  }));
}
