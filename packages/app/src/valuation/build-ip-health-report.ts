import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatIpHealthItem, type IpHealthItem } from '@ipf/domain/valuation';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { article } from '../documents/contract-layout.ts';
import { renderPdf } from '../documents/render-pdf.ts';
import { getIpHealthCheck, type IpHealthCheck } from './get-ip-health-check.ts';

const TITLE = '知识产权体检报告';

const styles = {
  title: { fontSize: 20, bold: true, alignment: 'center' as const, margin: [0, 0, 0, 6] as const },
  subtitle: { fontSize: 10, alignment: 'center' as const, color: '#555555', margin: [0, 0, 0, 14] as const },
  article: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] as const },
  clause: { fontSize: 10.5, lineHeight: 1.4, margin: [0, 0, 0, 3] as const },
  small: { fontSize: 9, color: '#555555' },
};

const numbered = (items: readonly IpHealthItem[], none: string): string[] =>
  items.length === 0
    ? [none]
    : items.map((item, index) => `${index + 1}. ${formatIpHealthItem(item, 'zh-CN')}`);

/**
 * 知识产权体检报告 (IP health-check report) as a pdfmake definition, in Chinese: the enterprise, the date, the
 * counts, then strengths, risks and recommendations as numbered findings. `generatedAt` fixes the PDF's dates.
 */
export function buildIpHealthReport(check: IpHealthCheck, generatedAt: Date): TDocumentDefinitions {
  const content: Content[] = [
    { text: TITLE, style: 'title' },
    { text: `体检基准日：${check.asOfDate}`, style: 'subtitle' },
    ...article('一、企业基本情况', [
      `企业名称：${check.enterprise.name}`,
      `统一社会信用代码：${check.enterprise.uscc}`,
      `知识产权总数：${check.assetCount} 项，其中有效 ${check.inForceCount} 项。`,
    ]),
    ...article('二、优势', numbered(check.strengths, '暂未发现突出优势。')),
    ...article('三、风险提示', numbered(check.risks, '未发现需要提示的风险。')),
    ...article('四、建议', numbered(check.recommendations, '保持现有管理，按期缴纳年费、关注法律状态变化。')),
    {
      text:
        '说明：本报告由知识产权质押融资服务平台依据平台登记的权利信息自动生成，风险项对照《专利权质押登记办法》' +
        '（2021）第十二条及《注册商标专用权质押登记程序规定》（2020）的不予登记情形，仅供融资准备参考，不构成评估结论。',
      style: 'small',
      margin: [0, 16, 0, 0],
    },
  ];
  return {
    info: {
      title: `${TITLE}（${check.enterprise.name}）`,
      subject: TITLE,
      creator: 'IP pledge financing platform 知识产权质押融资服务平台',
      producer: 'pdfmake',
      creationDate: generatedAt,
      modDate: generatedAt,
    },
    language: 'zh-CN',
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    styles: styles as unknown as TDocumentDefinitions['styles'],
    defaultStyle: { fontSize: 10.5 },
    footer: (currentPage, pageCount) => ({
      text: `${TITLE}  第 ${currentPage} 页 / 共 ${pageCount} 页`,
      style: 'small',
      alignment: 'center',
    }),
    content,
  };
}

/** 下载体检报告: the health check of an enterprise the actor may read, rendered to PDF with the CJK font embedded. */
export async function createIpHealthReportPdf(
  input: { readonly enterpriseId: string },
  actor: Actor,
  deps: AppDeps,
): Promise<{ readonly pdf: Buffer; readonly check: IpHealthCheck }> {
  const check = await getIpHealthCheck(input, actor, deps);
  const pdf = await renderPdf(buildIpHealthReport(check, deps.clock.now()));
  return { pdf, check };
}
