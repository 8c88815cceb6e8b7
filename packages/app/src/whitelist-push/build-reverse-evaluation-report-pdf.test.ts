import { describe, expect, it } from 'vitest';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  buildReverseEvaluationReportPdf,
  reverseEvaluationConclusion,
  type ReverseEvaluationReportPdfInput,
} from './build-reverse-evaluation-report-pdf.ts';

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

const input: ReverseEvaluationReportPdfInput = {
  requestNumber: 'FXPG-20260302-ABC123',
  bankUnitName: '银湾银行深圳南山科技支行',
  authorisation: {
    id: '11111111-1111-4111-8111-111111111111',
    scope: 'ip_assets',
    purpose: '授信审批',
    grantedAt: new Date('2026-03-01T02:00:00.000Z'),
    expiresOn: '2027-12-31',
    revokedAt: null,
  },
  report: {
    id: '22222222-2222-4222-8222-222222222222',
    reportNumber: 'FXPG-20260302-ABC123-001',
    requestId: '33333333-3333-4333-8333-333333333333',
    asOfDate: '2026-03-02',
    generatedAt: '2026-03-02T02:00:00.000Z',
    content: {
      enterprise: {
        id: '44444444-4444-4444-8444-444444444444',
        name: '深圳市星河光电科技有限公司',
        uscc: '91440300MA5F000001',
        district: 'nanshan',
      },
      consent: { id: '11111111-1111-4111-8111-111111111111', scope: 'ip_assets', expiresOn: '2027-12-31' },
      valuation: {
        id: '55555555-5555-4555-8555-555555555555',
        number: 'GZ-20251121-6DB9A8BD',
        kind: 'formal_report',
        valuationDate: '2025-11-21',
        validUntil: '2026-11-20',
        evaluationFirmName: '深圳某资产评估有限公司',
        method: 'income',
        valueYuan: '1234567.89',
        pledgeValueYuan: '617283.95',
        score: 71,
      },
      ipRecord: { assetCount: 15, inForceCount: 11, validInventionPatents: 2, patentsGrantedLast3y: 1 },
      healthRisks: [{ code: 'ANNUITY_DUE', zh: '1 项专利年费即将到期', en: '1 patent annuity due soon' }],
      riskFlags: ['IP_HEALTH_RISKS'],
      overdueCount: 0,
    },
  },
};

describe('buildReverseEvaluationReportPdf', () => {
  it('names the applicant, the authorisation with its validity, the bank and the report number and date', () => {
    const text = textOf(buildReverseEvaluationReportPdf(input));
    expect(text).toContain('深圳市星河光电科技有限公司');
    expect(text).toContain('91440300MA5F000001');
    expect(text).toContain('南山区');
    expect(text).toContain('11111111-1111-4111-8111-111111111111');
    expect(text).toContain('知识产权信息');
    expect(text).toContain('授信审批');
    expect(text).toContain('2027-12-31 前有效');
    expect(text).toContain('银湾银行深圳南山科技支行');
    expect(text).toContain('报告编号：FXPG-20260302-ABC123-001');
    expect(text).toContain('2026-03-02');
  });

  it('writes the valuation figures exactly, grouped in yuan, with the method, firm, score and IP record', () => {
    const text = textOf(buildReverseEvaluationReportPdf(input));
    expect(text).toContain('1,234,567.89 元');
    expect(text).toContain('617,283.95 元');
    expect(text).toContain('收益法');
    expect(text).toContain('正式评估报告');
    expect(text).toContain('深圳某资产评估有限公司');
    expect(text).toContain('71');
    expect(text).toContain('15 项');
    expect(text).toContain('2 件');
    expect(text).toContain('1 项专利年费即将到期');
  });

  it('says so when no valuation is on record and marks an authorisation revoked after the report', () => {
    const text = textOf(
      buildReverseEvaluationReportPdf({
        ...input,
        authorisation: { ...input.authorisation!, revokedAt: new Date('2026-04-01T03:00:00.000Z') },
        report: { ...input.report, content: { ...input.report.content, valuation: null } },
      }),
    );
    expect(text).toContain('评估基准日无有效估值记录');
    expect(text).not.toContain('1,234,567.89');
    expect(text).toContain('已于 2026-04-01 撤回（报告出具时有效）');
  });

  it('the conclusion lists each risk flag to check, or states that none was found', () => {
    expect(reverseEvaluationConclusion([])).toContain('未发现风险提示事项');
    const flagged = reverseEvaluationConclusion(['NO_VALID_VALUATION', 'OVERDUE_ON_LEDGER']);
    expect(flagged).toContain('存在 2 项风险提示');
    expect(flagged).toContain('无有效估值');
    expect(flagged).toContain('融资台账有逾期记录');
    expect(textOf(buildReverseEvaluationReportPdf(input))).toContain(
      '存在 1 项风险提示（知识产权体检存在风险）',
    );
  });

  it('dates the document by the report, so the same report renders the same definition', () => {
    const definition = buildReverseEvaluationReportPdf(input);
    expect(definition.info?.creationDate?.toISOString()).toBe('2026-03-02T02:00:00.000Z');
    expect(JSON.stringify(buildReverseEvaluationReportPdf(input).content)).toBe(
      JSON.stringify(definition.content),
    );
  });
});
