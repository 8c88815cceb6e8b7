import { assertNoProblems, type ProblemDetail } from '@ipf/domain/errors';
import type { Schedule } from '@ipf/domain/loan';
import { addRates, formatRatePct, formatYuan, parseRatePct, parseYuan, rateFromBps } from '@ipf/domain/money';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { BankProductView } from '../ledger/bank-product-view.ts';
import type { CaseDetail } from '../ledger/case-view.ts';
import {
  article,
  createContractShell,
  partyBlock,
  signatureBlock,
  type ContractParty,
} from './contract-layout.ts';
import { formatChineseCapitalAmount } from './format-chinese-capital-amount.ts';

/** 还款方式的合同表述 (repayment methods as a contract words them). */
export const repaymentMethodsZh: Readonly<Record<string, string>> = {
  annuity: '等额本息（按月等额偿还本息）',
  equalPrincipal: '等额本金（按月等额偿还本金，利息按剩余本金计算）',
  interestOnly: '先息后本（按期付息，到期一次偿还本金）',
  bullet: '到期一次还本付息',
};

const lprTenorsZh: Readonly<Record<string, string>> = { '1y': '一年期', '5y': '五年期以上' };

/** Input of {@link buildLoanContract}: the case and everything a 借款合同 names besides it. */
export interface LoanContractInput {
  readonly contractNumber: string;
  readonly caseDetail: CaseDetail;
  /** 借款人: the enterprise. */
  readonly borrower: ContractParty;
  /** 贷款人: the bank unit that grants the loan. */
  readonly lender: ContractParty;
  readonly product: Pick<BankProductView, 'nameZh' | 'lprTenor'>;
  /** LPR of the product's tenor in force at signing, percent string (`"3.10"`), and its publication date. */
  readonly lprPct: string;
  readonly lprPublishedOn: string;
  /** 还款计划 from the loan engine, when the disbursement date is known; else the summary says it follows. */
  readonly schedule: Schedule | null;
  /** Fixes the PDF's creation date (the same input renders to the same bytes). */
  readonly generatedAt: Date;
}

/** 合同的金额表述: `人民币（大写）壹佰万元整（小写：¥1000000.00）`. */
export function formatContractAmount(fen: bigint): string {
  return `人民币（大写）${formatChineseCapitalAmount(fen)}（小写：¥${formatYuan(fen)}）`;
}

function requiredTerms(caseDetail: CaseDetail) {
  const problems: ProblemDetail[] = [];
  const missing = (field: string) => problems.push({ code: 'FIELD_REQUIRED', field });
  if (caseDetail.amountYuan === null) missing('amountYuan');
  if (caseDetail.termMonths === null) missing('termMonths');
  if (caseDetail.spreadBps === null) missing('spreadBps');
  if (caseDetail.repaymentMethod === null) missing('repaymentMethod');
  assertNoProblems(problems);
  return {
    amountFen: parseYuan(caseDetail.amountYuan!),
    termMonths: caseDetail.termMonths!,
    spreadBps: caseDetail.spreadBps!,
    repaymentMethod: caseDetail.repaymentMethod!,
  };
}

function scheduleSummary(schedule: Schedule | null): Content[] {
  if (schedule === null || schedule.installments.length === 0) {
    return [
      {
        text: '具体还款计划以贷款发放后贷款人出具的《还款计划表》为准，该表为本合同不可分割的组成部分。',
        style: 'clause',
      },
    ];
  }
  const first = schedule.installments[0]!;
  const last = schedule.installments[schedule.installments.length - 1]!;
  const cell = (text: string, header = false): TableCell => ({
    text,
    style: header ? 'tableHeader' : 'tableCell',
  });
  const rows: TableCell[][] = schedule.installments.map((i) => [
    cell(String(i.period)),
    cell(i.dueDate),
    cell(formatYuan(i.principalFen)),
    cell(formatYuan(i.interestFen)),
    cell(formatYuan(i.paymentFen)),
    cell(formatYuan(i.balanceFen)),
  ]);
  return [
    {
      text:
        `还款计划摘要：共 ${schedule.installments.length} 期，首期还款日 ${first.dueDate}，末期还款日 ${last.dueDate}；` +
        `首期应还 ${formatYuan(first.paymentFen)} 元；本金合计 ${formatYuan(schedule.totalPrincipalFen)} 元，` +
        `利息合计 ${formatYuan(schedule.totalInterestFen)} 元，本息合计 ${formatYuan(schedule.totalPaymentFen)} 元` +
        `${schedule.provisional ? '（部分还款日所在年度节假日尚未公布，还款日以届时公布为准）' : ''}。明细见附件《还款计划表》。`,
      style: 'clause',
    },
    { text: '附件：还款计划表（单位：元）', style: 'article', pageBreak: 'before' },
    {
      table: {
        headerRows: 1,
        widths: [28, 70, '*', '*', '*', '*'],
        body: [['期次', '还款日', '本金', '利息', '本息合计', '剩余本金'].map((h) => cell(h, true)), ...rows],
      },
      layout: 'lightHorizontalLines',
    },
  ];
}

/**
 * 借款合同 (loan contract) as a pdfmake definition in Simplified Chinese, generated from the case: the parties,
 * the amount in figures and in capital numerals, the term, the rate as LPR + spread (e.g. LPR 3.10 % + 50 bp =
 * 3.60 % a year), the repayment method, the schedule summary (full schedule as an annex) and the pledge securing
 * it. Pure: the clock comes in as `generatedAt`.
 * @throws DomainError('VALIDATION_FAILED') with a FIELD_REQUIRED problem per missing term of the case.
 */
export function buildLoanContract(input: LoanContractInput): TDocumentDefinitions {
  const { caseDetail, borrower, lender, product } = input;
  const terms = requiredTerms(caseDetail);
  const annualRate = addRates(parseRatePct(input.lprPct), rateFromBps(BigInt(terms.spreadBps)));
  const spreadText = terms.spreadBps >= 0 ? `加 ${terms.spreadBps} 个基点` : `减 ${-terms.spreadBps} 个基点`;
  const tenorZh = lprTenorsZh[product.lprTenor] ?? product.lprTenor;
  const methodZh = repaymentMethodsZh[terms.repaymentMethod] ?? terms.repaymentMethod;
  const guarantee = caseDetail.pledgeeKind === 'guarantor';
  const [summary, ...annex] = scheduleSummary(input.schedule);

  return createContractShell({
    titleZh: '借款合同',
    contractNumber: input.contractNumber,
    generatedAt: input.generatedAt,
    content: [
      partyBlock('借款人（甲方）', borrower),
      partyBlock('贷款人（乙方）', lender),
      {
        text:
          `甲方因生产经营需要，向乙方申请“${product.nameZh}”知识产权质押贷款（业务编号 ${caseDetail.caseNumber}）。` +
          '根据《中华人民共和国民法典》等法律法规，双方经平等协商，订立本合同，共同遵守。',
        style: 'clause',
        margin: [0, 6, 0, 0],
      },
      ...article('第一条 借款金额', [`借款金额为${formatContractAmount(terms.amountFen)}。`]),
      ...article('第二条 借款期限', [
        `借款期限为 ${terms.termMonths} 个月，自贷款实际发放之日起算；实际发放日以借款借据记载为准。`,
      ]),
      ...article('第三条 借款利率', [
        `本合同借款年利率为浮动利率，以贷款发放前一个工作日全国银行间同业拆借中心公布的${tenorZh}贷款市场报价利率（LPR）${spreadText}确定。`,
        `按 ${input.lprPublishedOn} 公布的${tenorZh} LPR ${formatRatePct(parseRatePct(input.lprPct))}% 计算，` +
          `本合同签订时执行年利率为 ${formatRatePct(annualRate)}%。`,
        '利率调整周期为一年，调整日为每年贷款发放对应日，调整后利率为调整日前一个工作日公布的同期限 LPR 加上述点差。',
      ]),
      ...article('第四条 还款方式', [`还款方式为${methodZh}。`]),
      summary!,
      ...article('第五条 担保', [
        guarantee
          ? '本合同项下债务由担保机构提供连带责任保证，甲方以其知识产权中的财产权向担保机构提供质押反担保，具体以《保证合同》及《质押合同》约定为准。'
          : '甲方以其依法享有的知识产权中的财产权为本合同项下债务提供质押担保，具体以双方另行签订的《质押合同》约定为准。',
        ...caseDetail.assets.map((a, index) => `质押物 ${index + 1}：${a.title}（${a.number}）。`),
      ]),
      ...article('第六条 违约责任', [
        '甲方未按约定期限还款的，乙方有权对逾期本金自逾期之日起按本合同执行利率加收百分之五十计收罚息，对不能按期支付的利息按罚息利率计收复利。',
        '甲方未经乙方书面同意转让、许可他人使用质押知识产权，或质押物价值明显减少而未按乙方要求补足担保的，乙方有权宣布贷款提前到期。',
      ]),
      ...article('第七条 争议解决与生效', [
        '因本合同引起的争议，双方协商解决；协商不成的，向乙方所在地有管辖权的人民法院起诉。',
        '本合同经双方以符合《中华人民共和国电子签名法》的可靠电子签名（SM2）签署后生效。电子合同文本经平台计算 SM3 摘要并存证，任何一方可凭签名记录及证书验证其完整性。',
      ]),
      signatureBlock([
        { roleZh: '借款人（甲方）', party: borrower },
        { roleZh: '贷款人（乙方）', party: lender },
      ]),
      ...annex,
    ],
  });
}
