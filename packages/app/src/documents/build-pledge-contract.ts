import { ipAssetFamilyOf, ipAssetKinds, type IpAssetFamily, type IpAssetKind } from '@ipf/domain/ip-asset';
import { assertNoProblems } from '@ipf/domain/errors';
import { parseYuan } from '@ipf/domain/money';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { CaseDetail } from '../ledger/case-view.ts';
import { formatContractAmount } from './build-loan-contract.ts';
import {
  article,
  createContractShell,
  partyBlock,
  signatureBlock,
  type ContractParty,
} from './contract-layout.ts';

/** 质押物 (a pledged asset) as the pledge contract lists it. */
export interface PledgedAsset {
  readonly assetId: string;
  readonly kind: string;
  /** 专利号/注册号/登记号. */
  readonly number: string;
  readonly title: string;
  /** 权利到期日 (ISO date), when the asset has one. */
  readonly expiryDate?: string | null;
  /** 评估价值 in yuan (`"2500000.00"`), when the case has one. */
  readonly valueYuan?: string | null;
}

/** Input of {@link buildPledgeContract}. */
export interface PledgeContractInput {
  readonly contractNumber: string;
  /** 主合同: the loan contract whose debt the pledge secures (directly, or through the guarantee). */
  readonly loanContractNumber: string;
  /** 保证合同 number in guarantee deals (反担保), when already assigned. */
  readonly guaranteeContractNumber?: string | null;
  readonly caseDetail: CaseDetail;
  /** 出质人: the enterprise. */
  readonly pledgor: ContractParty;
  /** 质权人: the bank, or the guarantor when the case's pledgee kind is `guarantor`. */
  readonly pledgee: ContractParty;
  /** 贷款人: the bank unit of the loan contract. */
  readonly lender: ContractParty;
  readonly assets: readonly PledgedAsset[];
  /** 办理出质登记的期限 (working days after signing), a product or bank setting. */
  readonly registrationWithinWorkingDays: number;
  readonly generatedAt: Date;
}

/** 登记机关 by registration family (domain-reference.md "Pledge registration"). */
const registrationAuthoritiesZh: Readonly<Record<IpAssetFamily, string>> = {
  patent: '国家知识产权局',
  trademark: '国家知识产权局（商标局）',
  copyright: '中国版权保护中心',
  receivable: '中国人民银行征信中心动产融资统一登记公示系统',
  data_ip: '数据知识产权登记平台',
};

function kindZh(kind: string): string {
  return ipAssetKinds.find((k) => k.code === kind)?.zh ?? kind;
}

function authorityZh(kind: string): string {
  const known = ipAssetKinds.some((k) => k.code === kind);
  return known ? registrationAuthoritiesZh[ipAssetFamilyOf(kind as IpAssetKind)] : '有关登记机关';
}

function assetTable(assets: readonly PledgedAsset[]): Content {
  const cell = (text: string, header = false): TableCell => ({
    text,
    style: header ? 'tableHeader' : 'tableCell',
  });
  return {
    margin: [0, 4, 0, 4],
    table: {
      headerRows: 1,
      widths: [24, 70, 90, '*', 60, 62],
      body: [
        ['序号', '类型', '号码', '名称', '到期日', '评估价值（元）'].map((h) => cell(h, true)),
        ...assets.map((a, index) => [
          cell(String(index + 1)),
          cell(kindZh(a.kind)),
          cell(a.number),
          cell(a.title),
          cell(a.expiryDate ?? '—'),
          cell(a.valueYuan ?? '—'),
        ]),
      ],
    },
    layout: 'lightHorizontalLines',
  };
}

/**
 * 质押合同 (pledge contract) as a pdfmake definition in Simplified Chinese: pledgor, pledgee (the bank, or the
 * guarantor taking the pledge as counter-guarantee 反担保), the secured debt, each asset with kind, number and
 * title, the registration clause (the pledge arises on registration) and the pledgee's consent needed to
 * transfer or license a pledged right. Pure: the clock comes in as `generatedAt`.
 * Source: 《民法典》第四百四十四条 (pledge of IP property rights: created on registration; no transfer or licence
 * without the pledgee's consent) and 第三百八十七条第二款 (反担保).
 * @throws DomainError('VALIDATION_FAILED') when the case has no amount or no asset to pledge.
 */
export function buildPledgeContract(input: PledgeContractInput): TDocumentDefinitions {
  const { caseDetail, pledgor, pledgee, lender, assets } = input;
  assertNoProblems([
    ...(caseDetail.amountYuan === null ? [{ code: 'FIELD_REQUIRED', field: 'amountYuan' }] : []),
    ...(assets.length === 0 ? [{ code: 'FIELD_REQUIRED', field: 'assets' }] : []),
  ]);
  const amountFen = parseYuan(caseDetail.amountYuan!);
  const counterGuarantee = caseDetail.pledgeeKind === 'guarantor';
  const guaranteeContract =
    input.guaranteeContractNumber === undefined || input.guaranteeContractNumber === null
      ? '《保证合同》'
      : `《保证合同》（编号 ${input.guaranteeContractNumber}）`;
  const loanContract = `《借款合同》（编号 ${input.loanContractNumber}）`;
  const authorities = [...new Set(assets.map((a) => authorityZh(a.kind)))].join('、');

  const securedDebt = counterGuarantee
    ? [
        `本合同为反担保合同。质权人依${guaranteeContract}为出质人在${lender.name}与出质人签订的${loanContract}项下的债务（借款本金${formatContractAmount(amountFen)}）提供连带责任保证。`,
        '本合同担保的主债权为质权人因履行上述保证责任而对出质人享有的追偿权，包括代偿的本金、利息、罚息、复利、违约金、损害赔偿金，以及质权人为实现债权和质权而支出的费用。',
      ]
    : [
        `本合同担保的主债权为质权人依${loanContract}对出质人享有的借款本金${formatContractAmount(amountFen)}，期限 ${caseDetail.termMonths ?? '—'} 个月，以及利息、罚息、复利、违约金、损害赔偿金和实现债权与质权的费用。`,
      ];

  return createContractShell({
    titleZh: counterGuarantee ? '知识产权质押反担保合同' : '知识产权质押合同',
    contractNumber: input.contractNumber,
    generatedAt: input.generatedAt,
    content: [
      partyBlock('出质人（甲方）', pledgor),
      partyBlock(counterGuarantee ? '质权人（乙方，担保人）' : '质权人（乙方）', pledgee),
      {
        text: `为担保债务的履行（业务编号 ${caseDetail.caseNumber}），甲方愿以其依法享有的知识产权中的财产权向乙方出质。根据《中华人民共和国民法典》及有关登记办法，双方订立本合同。`,
        style: 'clause',
        margin: [0, 6, 0, 0],
      },
      ...article('第一条 被担保的主债权', securedDebt),
      ...article('第二条 质押物', [
        `甲方出质的知识产权共 ${assets.length} 项，明细如下。甲方保证对质押物享有完整、合法的权利，质押物不存在权属争议，未设立其他质押，共有人（如有）已书面同意出质。`,
      ]),
      assetTable(assets),
      ...article('第三条 出质登记', [
        `双方应于本合同签订之日起 ${input.registrationWithinWorkingDays} 个工作日内，通过线上方式共同向${authorities}申请办理质押登记；质权自登记机关办理出质登记时设立。`,
        '登记事项发生变更、主债务展期或质押期限届满需延长的，双方应及时办理变更或延期登记；主债权消灭后，双方应及时办理注销登记。',
      ]),
      ...article('第四条 质押期间的权利限制', [
        '质押期间，未经乙方书面同意，甲方不得转让质押的知识产权，不得许可他人使用，不得放弃权利、重复出质或以其他方式处分。',
        '经乙方同意转让或许可他人使用的，甲方所得价款或许可费应当向乙方提前清偿所担保的债权或者提存。',
        '甲方应按时缴纳年费、续展费等维持费用，及时通知乙方任何无效宣告、撤销、诉讼或侵权纠纷。',
      ]),
      ...article('第五条 质权的实现', [
        '债务人未按期履行债务或发生约定的实现质权情形的，乙方有权与甲方协议以质押物折价，或依法拍卖、变卖质押物并就所得价款优先受偿。',
      ]),
      ...article('第六条 生效', [
        '本合同经双方以符合《中华人民共和国电子签名法》的可靠电子签名（SM2）签署后成立并生效；质权自办理出质登记时设立。',
      ]),
      signatureBlock([
        { roleZh: '出质人（甲方）', party: pledgor },
        { roleZh: '质权人（乙方）', party: pledgee },
      ]),
    ],
  });
}
