import type { Content, StyleDictionary, TDocumentDefinitions } from 'pdfmake/interfaces';

/** 合同当事人 (a party to a contract) as the contract names it. */
export interface ContractParty {
  readonly orgId: string;
  readonly name: string;
  /** 统一社会信用代码 (unified social credit code), when known. */
  readonly uscc: string | null;
  readonly address?: string | null;
  /** 法定代表人/负责人 (legal representative or person in charge), when known. */
  readonly representative?: string | null;
}

/** The common shell of a contract: A4, title, number, styles; `generatedAt` fixes the PDF creation date. */
export interface ContractShellInput {
  readonly titleZh: string;
  readonly contractNumber: string;
  readonly generatedAt: Date;
  readonly content: Content[];
}

const styles: StyleDictionary = {
  title: { fontSize: 20, bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
  number: { fontSize: 10, alignment: 'right', margin: [0, 0, 0, 14] },
  article: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
  clause: { fontSize: 10.5, lineHeight: 1.4, margin: [0, 0, 0, 3] },
  small: { fontSize: 9, color: '#555555' },
  tableHeader: { bold: true, fontSize: 9.5, fillColor: '#eeeeee' },
  tableCell: { fontSize: 9.5 },
};

export function createContractShell(input: ContractShellInput): TDocumentDefinitions {
  return {
    info: {
      title: `${input.titleZh}（${input.contractNumber}）`,
      subject: input.titleZh,
      creator: 'IP pledge financing platform 知识产权质押融资服务平台',
      producer: 'pdfmake',
      creationDate: input.generatedAt,
      modDate: input.generatedAt,
    },
    language: 'zh-CN',
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    styles,
    defaultStyle: { fontSize: 10.5 },
    footer: (currentPage, pageCount) => ({
      text: `${input.titleZh}  第 ${currentPage} 页 / 共 ${pageCount} 页`,
      style: 'small',
      alignment: 'center',
    }),
    content: [
      { text: input.titleZh, style: 'title' },
      { text: `合同编号：${input.contractNumber}`, style: 'number' },
      ...input.content,
    ],
  };
}

/** 当事人信息行: role, name, code, address and representative. */
export function partyBlock(roleZh: string, party: ContractParty): Content {
  const lines = [`${roleZh}：${party.name}`];
  if (party.uscc !== null) lines.push(`统一社会信用代码：${party.uscc}`);
  if (party.address !== undefined && party.address !== null) lines.push(`住所：${party.address}`);
  if (party.representative !== undefined && party.representative !== null) {
    lines.push(`法定代表人/负责人：${party.representative}`);
  }
  return { stack: lines.map((text) => ({ text, style: 'clause' })), margin: [0, 0, 0, 6] };
}

/** 条款: a numbered article with its clauses. */
export function article(heading: string, clauses: readonly string[]): Content[] {
  return [{ text: heading, style: 'article' }, ...clauses.map((text) => ({ text, style: 'clause' }))];
}

/** 签章栏: one column per party for the (electronic) seal and the date. */
export function signatureBlock(parties: readonly { roleZh: string; party: ContractParty }[]): Content {
  return {
    margin: [0, 24, 0, 0],
    unbreakable: true,
    columns: parties.map(({ roleZh, party }) => ({
      stack: [
        { text: `${roleZh}（电子签章）：`, style: 'clause' },
        { text: party.name, style: 'clause' },
        { text: '法定代表人或授权代表：', style: 'clause', margin: [0, 16, 0, 0] },
        { text: '签署日期：    年   月   日', style: 'clause', margin: [0, 16, 0, 0] },
      ],
    })),
  };
}
