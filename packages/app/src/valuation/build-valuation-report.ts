import type { Content, StyleDictionary, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { ipAssetKinds } from '@ipf/domain/ip-asset';
import { valuationDimensions } from '@ipf/domain/valuation';
import { article } from '../documents/contract-layout.ts';
import type { ValuationView } from './valuation-input.ts';

const styles: StyleDictionary = {
  title: { fontSize: 20, bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
  number: { fontSize: 10, alignment: 'right', margin: [0, 0, 0, 14] },
  article: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
  clause: { fontSize: 10.5, lineHeight: 1.4, margin: [0, 0, 0, 3] },
  small: { fontSize: 9, color: '#555555' },
  tableHeader: { bold: true, fontSize: 9, fillColor: '#eeeeee' },
  tableCell: { fontSize: 9 },
};

const kindZh: Record<string, string> = {
  pre_assessment: '自动预评估（非正式评估报告）',
  internal_evaluation: '银行内部评估',
  formal_report: '正式评估报告',
};
const approachZh: Record<string, string> = { income: '收益法', market: '市场法', cost: '成本法' };
const sourceZh: Record<string, string> = { computed: '数据计算', entered: '评估录入', default: '默认值' };
const scenarioZh: Record<string, string> = {
  financing: '质押融资',
  licensing: '许可转让',
  financial_reporting: '财务报告',
  infringement: '侵权损害',
  management: '资产管理',
};

/** Thousands separators for a yuan string (`1234567.89` → `1,234,567.89`), text only: no number conversion. */
function grouped(yuan: string): string {
  const [whole = '0', decimals = '00'] = yuan.split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${decimals}`;
}
const money = (yuan: string) => `${grouped(yuan)} 元`;

function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  widths?: (string | number)[],
): Content {
  const head: TableCell[] = header.map((text) => ({ text, style: 'tableHeader' }));
  return {
    table: {
      headerRows: 1,
      widths: widths ?? header.map(() => '*'),
      body: [head, ...rows.map((row) => row.map((text): TableCell => ({ text, style: 'tableCell' })))],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 2, 0, 8],
  };
}

interface Inputs {
  readonly assets?: readonly {
    readonly assetId: string;
    readonly income?: {
      readonly revenueForecastYuan: readonly string[];
      readonly royaltyRatePct: string;
      readonly attributionPct: string;
      readonly taxRatePct: string;
      readonly riskFreeRatePct: string;
      readonly riskPremia: readonly { readonly name: string; readonly ratePct: string }[];
    };
    readonly market?: {
      readonly comparables: readonly {
        readonly comparableId: string;
        readonly priceYuan: string;
        readonly timeFactorPct?: string;
        readonly sizeFactorPct?: string;
        readonly technologyFactorPct?: string;
        readonly termsFactorPct?: string;
      }[];
    };
    readonly cost?: {
      readonly reproductionCostYuan: string;
      readonly physicalObsolescencePct: string;
      readonly functionalObsolescencePct: string;
      readonly economicObsolescencePct: string;
    };
  }[];
}

/** A comparable as the report names it: the trade's asset number and date when it is a trade on record. */
function tradeLabel(
  comparableId: string,
  trade: { readonly assetNumber: string; readonly tradeDate: string } | null | undefined,
): string {
  return trade === undefined || trade === null
    ? comparableId
    : `${trade.assetNumber}（${trade.tradeDate} 成交）`;
}

/**
 * 评估报告 (valuation report) as a PDF document definition, in Chinese: basis and parties, each asset's method and
 * inputs as entered, the GB/T 42748-2023 indicator table with every indicator's contribution, each approach's
 * value, the reconciled value with its range, the sensitivity table, pledge value, suggested maximum loan,
 * validity and valuers. The creation date is the valuation's, so the same record renders the same bytes.
 */
export function buildValuationReport(valuation: ValuationView, createdAt: Date): TDocumentDefinitions {
  const inputs = valuation.inputs as Inputs;
  const title = valuation.kind === 'formal_report' ? '知识产权资产评估报告' : '知识产权价值评估报告';
  const content: Content[] = [
    { text: title, style: 'title' },
    {
      text: `估值编号：${valuation.number}${valuation.reportNumber === null ? '' : `，报告文号：${valuation.reportNumber}`}`,
      style: 'number',
    },
    ...article('一、评估概况', [
      `估值类型：${kindZh[valuation.kind] ?? valuation.kind}`,
      `委托方/产权持有人：${valuation.enterprise.name}`,
      `评估机构：${valuation.evaluationFirmName ?? valuation.organisation.name}`,
      `评估目的（场景）：${scenarioZh[valuation.scenario] ?? valuation.scenario}`,
      `评估基准日：${valuation.valuationDate}，有效期至：${valuation.validUntil}（评估结论自基准日起在有效期内使用，到期须重新评估）`,
      `评估方法：${valuation.method
        .split('+')
        .map((a) => approachZh[a] ?? a)
        .join('、')}`,
    ]),
    ...article('二、评估结论', [
      `评估价值：${money(valuation.valueYuan)}`,
      `价值区间：${money(valuation.lowYuan)} 至 ${money(valuation.highYuan)}（${valuation.rangeBasis === 'band' ? '按约定浮动比例' : '各评估方法结果的最低值至最高值'}）`,
      ...(valuation.licencesYuan === '0.00'
        ? []
        : [`其中打包许可收益（仅计一次）：${money(valuation.licencesYuan)}`]),
      `质押价值（评估价值 × ${valuation.pledgeRatioPct}%）：${money(valuation.pledgeValueYuan)}`,
      `建议最高贷款额（质押价值 × 最高质押率 ${valuation.maxPledgeRatePct}%）：${money(valuation.maxLoanYuan)}`,
      '计算说明：各项中间结果均按精确分数计算，仅在最终结果处按四舍五入保留到分。',
    ]),
  ];

  valuation.assetResults.forEach((asset, index) => {
    const kindName = ipAssetKinds.find((k) => k.code === asset.kind)?.zh ?? asset.kind;
    const input = inputs.assets?.find((a) => a.assetId === asset.assetId);
    content.push(
      ...article(`三.${index + 1} ${kindName} ${asset.number}《${asset.title}》`, [
        `本资产评估价值：${money(asset.valueYuan)}（单项 ${money(asset.standaloneValueYuan)}，区间 ${money(asset.lowYuan)} 至 ${money(asset.highYuan)}）`,
      ]),
      table(
        ['评估方法', '权重', '评估值'],
        asset.approaches.map((a) => [
          approachZh[a.approach] ?? a.approach,
          `${(a.weightBps / 100).toFixed(2)}%`,
          money(a.valueYuan),
        ]),
      ),
    );
    if (input?.income !== undefined && asset.income !== undefined) {
      const income = input.income;
      content.push(
        { text: '收益法（节省许可费法）参数', style: 'clause', bold: true },
        {
          text: [
            `提成率 ${income.royaltyRatePct}%，分成率 ${income.attributionPct}%，所得税率 ${income.taxRatePct}%；`,
            `折现率（累加法）= 无风险报酬率 ${income.riskFreeRatePct}%`,
            ...income.riskPremia.map((p) => ` + ${p.name} ${p.ratePct}%`),
            ` = ${asset.income.discountRatePct}%；剩余经济寿命 ${asset.income.remainingLifeYears} 年（${asset.income.timing === 'midYear' ? '年中折现' : '年末折现'}）。`,
          ].join(''),
          style: 'clause',
        },
        table(
          ['年度', '预测收入', '税后提成', '现值'],
          asset.income.years.map((y) => [
            `第 ${y.year} 年`,
            money(y.revenueYuan),
            money(y.afterTaxRoyaltyYuan),
            money(y.presentValueYuan),
          ]),
        ),
      );
    }
    if (input?.market !== undefined && asset.market !== undefined) {
      content.push(
        { text: '市场法：可比交易及修正系数', style: 'clause', bold: true },
        table(
          ['可比案例', '成交价', '时间', '规模', '技术', '交易条件', '修正后价格'],
          input.market.comparables.map((c, i) => [
            tradeLabel(c.comparableId, asset.market!.comparables[i]?.trade),
            money(c.priceYuan),
            `${c.timeFactorPct ?? '100'}%`,
            `${c.sizeFactorPct ?? '100'}%`,
            `${c.technologyFactorPct ?? '100'}%`,
            `${c.termsFactorPct ?? '100'}%`,
            money(asset.market!.comparables[i]?.adjustedPriceYuan ?? '0.00'),
          ]),
        ),
      );
    }
    if (input?.cost !== undefined) {
      const cost = input.cost;
      content.push({
        text: `成本法：重置成本 ${money(cost.reproductionCostYuan)}，实体性贬值率 ${cost.physicalObsolescencePct}%，功能性贬值率 ${cost.functionalObsolescencePct}%，经济性贬值率 ${cost.economicObsolescencePct}%。`,
        style: 'clause',
      });
    }
    if (asset.score !== undefined) {
      const score = asset.score;
      content.push(
        {
          text: `专利价值度指标评分（GB/T 42748-2023，权重表 ${score.weightTableVersion}）：综合 ${score.overallScore} 分；${score.dimensions
            .map(
              (d) =>
                `${valuationDimensions.find((v) => v.code === d.dimension)?.zh ?? d.dimension} ${d.score} 分（权重 ${(d.weightBps / 100).toFixed(2)}%）`,
            )
            .join('，')}`,
          style: 'clause',
        },
        table(
          ['指标', '分值', '维度内权重', '总权重', '贡献', '来源'],
          score.indicators.map((i) => [
            i.zh,
            i.value,
            `${(i.weightInDimensionBps / 100).toFixed(2)}%`,
            `${i.overallWeightPct}%`,
            i.contribution,
            `${sourceZh[i.source] ?? i.source}${i.evidence === undefined ? '' : `（${i.evidence}）`}`,
          ]),
          ['*', 40, 55, 55, 40, '*'],
        ),
      );
    }
    if (asset.sensitivity !== undefined) {
      const s = asset.sensitivity;
      content.push(
        { text: '敏感性分析（收益法评估值，行：折现率，列：提成率）', style: 'clause', bold: true },
        table(
          ['折现率 \\ 提成率', ...s.royaltyRatesPct.map((r) => `${r}%`)],
          s.discountRatesPct.map((d, row) => [`${d}%`, ...s.valuesYuan[row]!.map(grouped)]),
        ),
      );
    }
  });

  content.push(
    ...article('四、评估人员', [
      ...(valuation.valuers.length === 0
        ? [`经办机构：${valuation.organisation.name}`]
        : valuation.valuers.map((v) => `资产评估师：${v.name}，职业资格证书编号：${v.certificateNumber}`)),
      ...(valuation.signedOn === null ? [] : [`报告出具日：${valuation.signedOn}`]),
      valuation.kind === 'formal_report'
        ? '本报告经上述资产评估师签署，评估结论仅在有效期内、为上述目的使用。'
        : '本结果为平台自动计算或银行内部评估，不构成资产评估机构出具的正式评估报告。',
    ]),
  );

  return {
    info: {
      title: `${title}（${valuation.number}）`,
      subject: title,
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
      text: `${title}  第 ${currentPage} 页 / 共 ${pageCount} 页`,
      style: 'small',
      alignment: 'center',
    }),
    content,
  };
}
