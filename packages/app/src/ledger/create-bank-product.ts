import { randomUUID } from 'node:crypto';
import { assertNoProblems } from '@ipf/domain/errors';
import {
  defaultDueDiligenceChecklist,
  demoRiskScorecard,
  validateDueDiligenceChecklist,
  type BankProduct,
  type DueDiligenceChecklist,
  type RiskScorecard,
} from '@ipf/domain/ledger';
import type { ProblemDetail } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import {
  defaultCommitteeRules,
  headOfficeIdOf,
  toBankProductColumns,
  toBankProductView,
  type BankProductView,
} from './bank-product-view.ts';

export type CreateBankProductInput = Omit<BankProduct, 'productId' | 'bankPartyId'> & {
  readonly code: string;
  /** 风险评分卡 the bank scores this product's applicants with; the demo scorecard when absent. */
  readonly riskScorecard?: RiskScorecard;
  /** 尽职调查清单 the clerk completes before the risk evaluation; the default IP pledge checklist when absent. */
  readonly dueDiligenceChecklist?: DueDiligenceChecklist;
};

/** Plausibility of a product's own terms (ranges ordered, caps within 0–100 %, levels ascending). */
function validateProductTerms(p: CreateBankProductInput): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  if (p.minAmountFen <= 0n || p.minAmountFen > p.maxAmountFen)
    problems.push({ code: 'VALIDATION_FAILED', field: 'minAmountYuan', params: { count: 1 } });
  if (p.minTermMonths > p.maxTermMonths)
    problems.push({ code: 'VALIDATION_FAILED', field: 'minTermMonths', params: { count: 1 } });
  if (p.minSpreadBps > p.maxSpreadBps)
    problems.push({ code: 'VALIDATION_FAILED', field: 'minSpreadBps', params: { count: 1 } });
  for (const [kind, bps] of Object.entries(p.maxPledgeRateBpsByKind)) {
    if (bps === undefined || bps <= 0 || bps > 10_000)
      problems.push({
        code: 'VALIDATION_FAILED',
        field: `maxPledgeRateBpsByKind.${kind}`,
        params: { count: 1 },
      });
  }
  if (p.approvalLevels.length === 0)
    problems.push({ code: 'VALIDATION_FAILED', field: 'approvalLevels', params: { count: 1 } });
  const card = p.riskScorecard;
  if (card !== undefined && card.referScore > card.passScore)
    problems.push({ code: 'VALIDATION_FAILED', field: 'riskScorecard.referScore', params: { count: 1 } });
  if (card !== undefined && new Set(card.rules.map((r) => r.ruleId)).size !== card.rules.length)
    problems.push({ code: 'VALIDATION_FAILED', field: 'riskScorecard.rules', params: { count: 1 } });
  if (p.dueDiligenceChecklist !== undefined)
    problems.push(...validateDueDiligenceChecklist(p.dueDiligenceChecklist, 'dueDiligenceChecklist'));
  return problems;
}

/** 新建产品: a bank approver enters a product for its bank (the head office of its unit). */
export async function createBankProduct(
  input: CreateBankProductInput,
  actor: Actor,
  deps: AppDeps,
): Promise<BankProductView> {
  authorize(actor, 'bank_product.create');
  assertNoProblems(validateProductTerms(input));
  const now = deps.clock.now();
  return runInTransaction(deps, async (tx) => {
    const [row] = await tx
      .insert(tables.bankProducts)
      .values({
        id: randomUUID(),
        bankId: headOfficeIdOf(actor.organisationPath),
        code: input.code,
        ...toBankProductColumns(input),
        riskScorecard: input.riskScorecard ?? demoRiskScorecard,
        committeeRules: defaultCommitteeRules,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (row === undefined) assertNoProblems([{ code: 'CONFLICT', field: 'code' }]);
    const checklist = input.dueDiligenceChecklist ?? defaultDueDiligenceChecklist;
    await tx.insert(tables.bankProductChecklists).values({ productId: row!.id, checklist, createdAt: now });
    const view: BankProductView = {
      ...toBankProductView(row!),
      dueDiligenceChecklistId: checklist.checklistId,
      dueDiligenceChecklistVersion: checklist.version,
    };
    await deps.audit.append(
      tx,
      actor,
      { action: 'bank_product.created', entityType: 'bank_product', entityId: view.id, after: view },
      now,
    );
    return view;
  });
}
