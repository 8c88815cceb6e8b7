import type { Content, StyleDictionary, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { districts } from '@ipf/domain/party';
import type { ReverseEvaluationReportView } from './reverse-evaluation-view.ts';

const styles: StyleDictionary = {
  title: { fontSize: 18, bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
  number: { fontSize: 10, alignment: 'right', margin: [0, 0, 0, 12] },
  section: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
  clause: { fontSize: 10.5, lineHeight: 1.4, margin: [0, 0, 0, 3] },
  small: { fontSize: 9, color: '#555555' },
  label: { bold: true, fontSize: 9.5, fillColor: '#f2f2f2' },
  cell: { fontSize: 9.5 },
};

const TITLE = '知识产权质押融资反向评估报告';

const flagZh: Readonly<Record<string, string>> = {
  NO_VALID_VALUATION: '无有效估值',
  NO_VALID_INVENTION_PATENT: '无有效发明专利',
  OVERDUE_ON_LEDGER: '融资台账有逾期记录',
  IP_FLAGGED: '知识产权存在无效宣告、权属争议或查封',
  IP_HEALTH_RISKS: '知识产权体检存在风险',
};
const valuationKindZh: Readonly<Record<string, string>> = {
  pre_assessment: '自动预评估',
  internal_evaluation: '银行内部评估',
  formal_report: '正式评估报告',
};
const methodZh: Readonly<Record<string, string>> = { income: '收益法', market: '市场法', cost: '成本法' };
const consentScopeZh: Readonly<Record<string, string>> = {
  profile: '企业基本信息',
  ip_assets: '知识产权信息',
  financials: '财务及经营数据',
  credit_report: '征信查询',
  financing_record: '融资记录',
};

/** Thousands separators for a yuan string, as text: `1234567.89` → `1,234,567.89 元`. */
function money(yuan: string): string {
  const [whole = '0', decimals = '00'] = yuan.split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${decimals} 元`;
}

/** A two-column label/value table. */
function facts(rows: readonly (readonly [string, string])[]): Content {
  return {
    table: {
      widths: [120, '*'],
      body: rows.map(([label, value]): TableCell[] => [
        { text: label, style: 'label' },
        { text: value, style: 'cell' },
      ]),
    },
    layout: 'lightHorizontalLines',
    margin: [0, 2, 0, 6],
  };
}

/** The authorisation the report rests on, as recorded with the request. */
export interface ReverseEvaluationAuthorisation {
  readonly id: string;
  readonly scope: string;
  readonly purpose: string;
  readonly grantedAt: Date;
  readonly expiresOn: string;
  readonly revokedAt: Date | null;
}

export interface ReverseEvaluationReportPdfInput {
  readonly report: ReverseEvaluationReportView;
  readonly requestNumber: string;
  readonly bankUnitName: string;
  readonly authorisation: ReverseEvaluationAuthorisation | null;
}

/**
 * 评估结论: no risk flag → the record supports the application; otherwise each flag to be checked before approval.
 * The conclusion is the platform's (on the IP bureau's behalf) reading of the recorded data, not a credit decision.
 */
export function reverseEvaluationConclusion(riskFlags: readonly string[]): string {
  if (riskFlags.length === 0)
    return '经核查平台登记的估值与知识产权记录，未发现风险提示事项，知识产权状况可作为授信审批的参考依据。';
  return `经核查平台登记的估值与知识产权记录，存在 ${riskFlags.length} 项风险提示（${riskFlags
    .map((f) => flagZh[f] ?? f)
    .join('；')}），建议银行在审批前逐项核实。`;
}

const shanghaiDate = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * 反向评估报告 PDF (issue 10 item 6): the report a bank cites in its approval — applicant, the authorisation it
 * rests on and its validity, the valuation and IP record, risk flags, the conclusion, report number and date —
 * as a pdfmake definition in Chinese; its creation date is the report's, so the same report renders the same bytes.
 */
export function buildReverseEvaluationReportPdf(
  input: ReverseEvaluationReportPdfInput,
): TDocumentDefinitions {
  const { report, authorisation } = input;
  const { content: c } = report;
  const district = districts.find((d) => d.code === c.enterprise.district)?.zh ?? c.enterprise.district;
  const createdAt = new Date(report.generatedAt);
  const consentValidity =
    authorisation?.revokedAt != null
      ? `${c.consent.expiresOn} 前有效；已于 ${shanghaiDate(authorisation.revokedAt)} 撤回（报告出具时有效）`
      : `${c.consent.expiresOn} 前有效`;
  const valuation = c.valuation;
  const body: Content[] = [
    { text: TITLE, style: 'title' },
    { text: `报告编号：${report.reportNumber}`, style: 'number' },
    facts([
      ['报告编号', report.reportNumber],
      ['评估基准日', report.asOfDate],
      ['出具日期', shanghaiDate(createdAt)],
      ['申请编号', input.requestNumber],
      ['委托银行', input.bankUnitName],
    ]),
    { text: '一、申请企业', style: 'section' },
    facts([
      ['企业名称', c.enterprise.name],
      ['统一社会信用代码', c.enterprise.uscc],
      ['所在区', district],
    ]),
    { text: '二、企业授权', style: 'section' },
    facts([
      ['授权编号', c.consent.id],
      ['授权范围', consentScopeZh[c.consent.scope] ?? c.consent.scope],
      ...(authorisation === null
        ? []
        : ([
            ['授权用途', authorisation.purpose],
            ['授权日期', shanghaiDate(authorisation.grantedAt)],
          ] as const)),
      ['有效期', consentValidity],
    ]),
    { text: '三、估值记录', style: 'section' },
    valuation === null
      ? { text: '评估基准日无有效估值记录。', style: 'clause' }
      : facts([
          ['估值编号', valuation.number],
          ['估值类型', valuationKindZh[valuation.kind] ?? valuation.kind],
          ['评估方法', methodZh[valuation.method] ?? valuation.method],
          ['评估机构', valuation.evaluationFirmName ?? '—'],
          ['评估价值', money(valuation.valueYuan)],
          ['可质押价值', money(valuation.pledgeValueYuan)],
          ['指标评分', valuation.score === null ? '—' : String(valuation.score)],
          ['估值基准日 / 有效期至', `${valuation.valuationDate} / ${valuation.validUntil}`],
        ]),
    { text: '四、知识产权记录', style: 'section' },
    facts([
      ['知识产权总数', `${c.ipRecord.assetCount} 项`],
      ['有效知识产权', `${c.ipRecord.inForceCount} 项`],
      ['有效发明专利', `${c.ipRecord.validInventionPatents} 件`],
      ['近三年授权专利', `${c.ipRecord.patentsGrantedLast3y} 件`],
      ['融资台账逾期记录', `${c.overdueCount} 笔`],
    ]),
    { text: '五、风险提示', style: 'section' },
    c.riskFlags.length === 0
      ? { text: '无。', style: 'clause' }
      : { ul: c.riskFlags.map((f) => flagZh[f] ?? f), style: 'clause' },
    ...(c.healthRisks.length === 0
      ? []
      : [
          { text: '知识产权体检发现：', style: 'clause' } as Content,
          { ul: c.healthRisks.map((r) => r.zh), style: 'clause' } as Content,
        ]),
    { text: '六、评估结论', style: 'section' },
    { text: reverseEvaluationConclusion(c.riskFlags), style: 'clause' },
    {
      text: `本报告依据企业授权及平台登记数据于 ${report.asOfDate} 出具，仅供委托银行在授信审批中引用（请注明报告编号 ${report.reportNumber}），不构成资产评估机构出具的正式评估报告或贷款决定。`,
      style: 'small',
      margin: [0, 14, 0, 0],
    },
  ];
  return {
    info: {
      title: `${TITLE}（${report.reportNumber}）`,
      subject: TITLE,
      creator: 'IP pledge financing platform 知识产权质押融资服务平台',
      producer: 'pdfmake',
      creationDate: createdAt,
      modDate: createdAt,
    },
    language: 'zh-CN',
    pageSize: 'A4',
    pageMargins: [48, 56, 48, 56],
    styles,
    defaultStyle: { fontSize: 10.5 },
    footer: (currentPage, pageCount) => ({
      text: `${TITLE} ${report.reportNumber}  第 ${currentPage} 页 / 共 ${pageCount} 页`,
      style: 'small',
      alignment: 'center',
    }),
    content: body,
  };
}
