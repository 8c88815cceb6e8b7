import { execFileSync } from 'node:child_process';
import { calculateSchedule } from '@ipf/domain/loan';
import { parseRatePct } from '@ipf/domain/money';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../ledger/case-view.ts';
import { buildLoanContract, type LoanContractInput } from './build-loan-contract.ts';
import { buildPledgeContract, type PledgeContractInput } from './build-pledge-contract.ts';
import type { ContractParty } from './contract-layout.ts';
import { renderPdf } from './render-pdf.ts';

const caseDetail: CaseDetail = {
  id: 'case-1',
  caseNumber: 'IPF-2026-000123',
  enterpriseId: 'ent-1',
  enterpriseName: '深圳市星河光电科技有限公司',
  bankUnitId: 'bank-unit-1',
  bankUnitName: '银湾银行深圳分行',
  bankId: 'bank-1',
  productId: 'product-1',
  state: 'approved',
  origin: 'application',
  leadSource: null,
  amountYuan: '1000000.00',
  termMonths: 12,
  repaymentMethod: 'annuity',
  spreadBps: 35,
  combinedModel: 'pledge_only',
  pledgeeKind: 'bank',
  declineReasonCode: null,
  version: 7,
  stateEnteredAt: '2026-03-01T02:00:00.000Z',
  daysInState: 0,
  createdAt: '2026-02-20T02:00:00.000Z',
  updatedAt: '2026-03-01T02:00:00.000Z',
  preparedByUserIds: [],
  participants: [],
  assets: [
    { assetId: 'a-1', kind: 'invention_patent', number: 'ZL202310123456.7', title: '一种高效率光伏逆变器' },
    { assetId: 'a-2', kind: 'trademark', number: '第 56789012 号', title: '星河' },
  ],
  events: [],
  evaluations: [],
  approvals: [],
  committeeVotes: [],
};

const borrower: ContractParty = {
  orgId: 'ent-1',
  name: '深圳市星河光电科技有限公司',
  uscc: '91320594MA1XXXXX0A',
  address: '深圳市南山区科技南路 328 号',
};
const lender: ContractParty = { orgId: 'bank-unit-1', name: '银湾银行深圳分行', uscc: null };
const guarantor: ContractParty = { orgId: 'guar-1', name: '深圳市鹏城融资担保有限公司（演示）', uscc: null };
const generatedAt = new Date('2026-03-02T01:00:00.000Z');

const loanInput: LoanContractInput = {
  contractNumber: 'JK-2026-000123',
  caseDetail,
  borrower,
  lender,
  product: { nameZh: '知识产权质押贷', lprTenor: '1y' },
  lprPct: '3.10',
  lprPublishedOn: '2026-02-20',
  schedule: calculateSchedule({
    principalFen: 100_000_000n,
    annualRate: parseRatePct('3.45'),
    termMonths: 12,
    method: 'annuity',
    startDate: '2026-03-05',
  }),
  generatedAt,
};

const pledgeInput: PledgeContractInput = {
  contractNumber: 'ZY-2026-000123',
  loanContractNumber: 'JK-2026-000123',
  caseDetail,
  pledgor: borrower,
  pledgee: lender,
  lender,
  assets: caseDetail.assets.map((a) => ({ ...a, expiryDate: '2043-05-10' })),
  registrationWithinWorkingDays: 5,
  generatedAt,
};

/** Every string of a definition's content tree, for asserting what the contract says. */
function textOf(definition: TDocumentDefinitions): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') parts.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(definition.content);
  return parts.join('\n');
}

describe('buildLoanContract', () => {
  it('names both parties and writes the amount in figures and in capital numerals', () => {
    const text = textOf(buildLoanContract(loanInput));
    expect(text).toContain('借款人（甲方）：深圳市星河光电科技有限公司');
    expect(text).toContain('贷款人（乙方）：银湾银行深圳分行');
    expect(text).toContain('人民币（大写）壹佰万元整（小写：¥1000000.00）');
    expect(text).toContain('借款期限为 12 个月');
  });

  it('states the rate as LPR plus the spread and the resulting annual rate', () => {
    const text = textOf(buildLoanContract(loanInput));
    expect(text).toContain('一年期贷款市场报价利率（LPR）加 35 个基点');
    expect(text).toContain('执行年利率为 3.45%');
  });

  it('summarises the schedule and annexes every instalment', () => {
    const text = textOf(buildLoanContract(loanInput));
    expect(text).toContain('共 12 期');
    expect(text).toContain('首期应还 84898.82 元');
    expect(text).toContain('附件：还款计划表');
  });

  it('refuses a case without amount, term, spread or repayment method, naming each field', () => {
    const incomplete = {
      ...caseDetail,
      amountYuan: null,
      termMonths: null,
      spreadBps: null,
      repaymentMethod: null,
    };
    expect(() => buildLoanContract({ ...loanInput, caseDetail: incomplete })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        problems: ['amountYuan', 'termMonths', 'spreadBps', 'repaymentMethod'].map((field) => ({
          code: 'FIELD_REQUIRED',
          field,
        })),
      }),
    );
  });
});

describe('buildPledgeContract', () => {
  it('lists each asset with kind, number and title, the registration clause and the consent restriction', () => {
    const text = textOf(buildPledgeContract(pledgeInput));
    expect(text).toContain('出质人（甲方）：深圳市星河光电科技有限公司');
    expect(text).toContain('质权人（乙方）：银湾银行深圳分行');
    expect(text).toContain('发明专利');
    expect(text).toContain('ZL202310123456.7');
    expect(text).toContain('一种高效率光伏逆变器');
    expect(text).toContain('注册商标');
    expect(text).toContain('国家知识产权局、国家知识产权局（商标局）');
    expect(text).toContain('质权自登记机关办理出质登记时设立');
    expect(text).toContain('未经乙方书面同意，甲方不得转让质押的知识产权，不得许可他人使用');
    expect(text).toContain('壹佰万元整');
  });

  it('makes the guarantor the pledgee of a counter-guarantee securing its right of recourse', () => {
    const definition = buildPledgeContract({
      ...pledgeInput,
      caseDetail: { ...caseDetail, pledgeeKind: 'guarantor', combinedModel: 'plus_guarantee' },
      pledgee: guarantor,
      guaranteeContractNumber: 'BZ-2026-0042',
    });
    const text = textOf(definition);
    expect(text).toContain('知识产权质押反担保合同');
    expect(text).toContain('质权人（乙方，担保人）：深圳市鹏城融资担保有限公司（演示）');
    expect(text).toContain('《保证合同》（编号 BZ-2026-0042）');
    expect(text).toContain('追偿权');
  });

  it('refuses a contract without any asset to pledge', () => {
    expect(() => buildPledgeContract({ ...pledgeInput, assets: [] })).toThrow('VALIDATION_FAILED');
  });
});

describe('renderPdf', () => {
  it('renders a contract as a PDF embedding a Noto Sans SC subset, with pages, the same bytes every time', async () => {
    const definition = buildLoanContract(loanInput);
    const pdf = await renderPdf(definition);
    const again = await renderPdf(buildLoanContract(loanInput));
    const bytes = pdf.toString('latin1');

    expect(bytes.startsWith('%PDF')).toBe(true);
    expect(bytes).toContain('/FontFile2');
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Bold/);
    expect(bytes.match(/\/Type \/Page\b/g)?.length ?? 0).toBeGreaterThan(0);
    expect(pdf.equals(again)).toBe(true);
  });

  // Needs Debian's poppler-utils (`pdftotext`), which .ci/run installs.
  it('renders text that contains the parties and 壹佰万元整', async () => {
    const pdf = await renderPdf(buildLoanContract(loanInput));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
    expect(text).toContain('深圳市星河光电科技有限公司');
    expect(text).toContain('银湾银行深圳分行');
    expect(text).toContain('壹佰万元整');
  });

  it('renders the pledge contract too', async () => {
    const pdf = await renderPdf(buildPledgeContract(pledgeInput));
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
  });

  it('refuses a definition without a fixed creation date', async () => {
    await expect(renderPdf({ content: ['x'] })).rejects.toThrow('info.creationDate');
  });
});
