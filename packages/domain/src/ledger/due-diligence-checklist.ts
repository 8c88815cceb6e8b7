import { DomainError, type ProblemDetail } from '../errors/index.ts';

/** 尽调清单项 (due-diligence checklist item): a stable code, labels, and what completing it needs. */
export interface DueDiligenceItem {
  /** snake_case code, stable across versions (results refer to it). */
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  /** 必查项: the risk evaluation waits until it is checked. */
  readonly required: boolean;
  /** 须留痕: a checked item also needs its evidence (document, record or reference) noted. */
  readonly evidenceRequired: boolean;
}

/** 尽职调查清单 (due-diligence checklist) as versioned data per bank product, like the risk scorecard. */
export interface DueDiligenceChecklist {
  readonly checklistId: string;
  /** Raised whenever the bank changes the items; a recorded result keeps the version it was checked against. */
  readonly version: number;
  readonly effectiveDate: string;
  readonly items: readonly DueDiligenceItem[];
}

/** One recorded result of an item: checked or not, a note, and the evidence. */
export interface DueDiligenceItemResult {
  readonly itemCode: string;
  readonly checked: boolean;
  readonly note: string | null;
  readonly evidence: string | null;
}

/** Why an item keeps the checklist open. */
export type DueDiligenceGap = 'not_checked' | 'evidence_missing';

/** An item that keeps the checklist open, and why. */
export interface DueDiligenceGapOfItem {
  readonly item: DueDiligenceItem;
  readonly gap: DueDiligenceGap;
}

/**
 * 默认尽调清单 (default due-diligence checklist) for IP pledge loans: *example* items after the usual bank practice
 * (实地走访, 证照与征信, 权属与法律状态, 共有人同意, 年费, 财务, 关联交易与对外担保, 还款来源); products entered without a
 * checklist of their own use it.
 */
export const defaultDueDiligenceChecklist: DueDiligenceChecklist = {
  checklistId: 'ip-pledge-default',
  version: 1,
  effectiveDate: '2026-01-01',
  items: [
    {
      code: 'site_visit',
      zh: '实地走访企业经营场所',
      en: 'Site visit to the business premises',
      required: true,
      evidenceRequired: true,
    },
    {
      code: 'licence_and_credit_report',
      zh: '核实营业执照与企业征信',
      en: 'Business licence and credit report verified',
      required: true,
      evidenceRequired: true,
    },
    {
      code: 'ip_title_and_legal_status',
      zh: '核实知识产权权属与法律状态',
      en: 'Ownership and legal status of the IP verified',
      required: true,
      evidenceRequired: true,
    },
    {
      code: 'co_owner_consent',
      zh: '核实共有人同意质押（无共有人时注明）',
      en: 'Co-owners’ consent to the pledge verified (note if there are none)',
      required: true,
      evidenceRequired: false,
    },
    {
      code: 'annual_fees_paid',
      zh: '核实年费（续展费）缴纳情况',
      en: 'Annual (renewal) fees verified as paid',
      required: true,
      evidenceRequired: false,
    },
    {
      code: 'financial_statements',
      zh: '财务报表核查',
      en: 'Financial statements reviewed',
      required: true,
      evidenceRequired: true,
    },
    {
      code: 'related_party_and_guarantees',
      zh: '关联交易与对外担保核查',
      en: 'Related-party transactions and guarantees given reviewed',
      required: true,
      evidenceRequired: false,
    },
    {
      code: 'repayment_source',
      zh: '还款来源分析',
      en: 'Source of repayment analysed',
      required: true,
      evidenceRequired: false,
    },
    {
      code: 'ip_commercialisation',
      zh: '知识产权实施与产业化情况了解',
      en: 'Use and commercialisation of the IP reviewed',
      required: false,
      evidenceRequired: false,
    },
  ],
};

const hasText = (value: string | null) => value !== null && value.trim() !== '';

/**
 * 尽调完整性 (checklist completeness): every required item of `checklist` that is not checked, and every checked
 * item without evidence where the item needs it, in checklist order; an empty list means the risk evaluation may proceed.
 * Results for codes the checklist does not hold are ignored here (recording refuses them).
 */
export function findDueDiligenceGaps(
  checklist: DueDiligenceChecklist,
  results: readonly DueDiligenceItemResult[],
): DueDiligenceGapOfItem[] {
  const byCode = new Map(results.map((r) => [r.itemCode, r]));
  return checklist.items.flatMap((item): DueDiligenceGapOfItem[] => {
    const result = byCode.get(item.code);
    if (result === undefined || !result.checked) return item.required ? [{ item, gap: 'not_checked' }] : [];
    if (item.evidenceRequired && !hasText(result.evidence)) return [{ item, gap: 'evidence_missing' }];
    return [];
  });
}

/**
 * Refuses an incomplete checklist with DUE_DILIGENCE_INCOMPLETE naming every missing item (label in both
 * languages, since one message serves both) and one problem per item. Source: issue 5 item 3 (尽职调查清单
 * before 风险评测).
 */
export function assertDueDiligenceComplete(
  checklist: DueDiligenceChecklist,
  results: readonly DueDiligenceItemResult[],
): void {
  const gaps = findDueDiligenceGaps(checklist, results);
  if (gaps.length === 0) return;
  const label = (item: DueDiligenceItem) => `${item.zh} / ${item.en}`;
  const problems: ProblemDetail[] = gaps.map(({ item, gap }) => ({
    code: gap === 'not_checked' ? 'DUE_DILIGENCE_ITEM_NOT_CHECKED' : 'DUE_DILIGENCE_EVIDENCE_MISSING',
    field: `dueDiligence.${item.code}`,
    params: { itemCode: item.code, item: label(item) },
  }));
  throw new DomainError(
    'DUE_DILIGENCE_INCOMPLETE',
    {
      checklistId: checklist.checklistId,
      version: checklist.version,
      count: gaps.length,
      items: gaps.map(({ item }) => label(item)).join('; '),
    },
    { problems },
  );
}

/** Plausibility of a checklist a bank enters: at least one item, codes unique and snake_case, labels present. */
export function validateDueDiligenceChecklist(
  checklist: DueDiligenceChecklist,
  field: string,
): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  const bad = (f: string) => problems.push({ code: 'VALIDATION_FAILED', field: f, params: { count: 1 } });
  if (checklist.items.length === 0) bad(`${field}.items`);
  const codes = checklist.items.map((i) => i.code);
  if (new Set(codes).size !== codes.length) bad(`${field}.items`);
  checklist.items.forEach((item, i) => {
    if (!/^[a-z][a-z0-9_]*$/.test(item.code)) bad(`${field}.items[${i}].code`);
    if (item.zh.trim() === '' || item.en.trim() === '') bad(`${field}.items[${i}].zh`);
  });
  return problems;
}
