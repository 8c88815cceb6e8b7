import { evaluateSubsidy, type SubsidyEvaluation } from './evaluate-subsidy.ts';
import type { PriorSubsidyPayment, SubsidyFacts } from './subsidy-facts.ts';
import type { SubsidyScheme } from './subsidy-scheme.ts';

/**
 * 补贴兑付记录 (payments of an evaluation): one prior-payment record per line paid, carrying the cost records it
 * covered and the scheme's exclusions, to feed later evaluations (caps, stacking, the 100% rule).
 */
export function toPriorPayments(scheme: SubsidyScheme, evaluation: SubsidyEvaluation): PriorSubsidyPayment[] {
  if (!evaluation.eligible || evaluation.subsidyYear === null) return [];
  const subsidyYear = evaluation.subsidyYear;
  return evaluation.lines
    .filter((line) => line.amountFen > 0n)
    .map((line) => ({
      schemeId: scheme.schemeId,
      excludesSchemeIds: scheme.stacking.excludesSchemeIds,
      loanId: evaluation.loanId,
      subsidyYear,
      line: line.line,
      amountFen: line.amountFen,
      coveredCosts: line.coveredCosts,
    }));
}

/**
 * 多政策叠加测算 (stack several schemes on one loan): evaluates the schemes in the order given (first come, first
 * served), each seeing what the earlier ones paid, so excluded schemes are refused and the sum paid on any cost
 * record never exceeds the cost actually paid. Source: issue 9 item 1 "stacking rules (schemes that exclude each
 * other; never more than 100% of a cost actually paid across all schemes)".
 */
export function evaluateSubsidies(
  schemes: readonly SubsidyScheme[],
  facts: SubsidyFacts,
  priorPayments: readonly PriorSubsidyPayment[],
): SubsidyEvaluation[] {
  const paid: PriorSubsidyPayment[] = [...priorPayments];
  return schemes.map((scheme) => {
    const evaluation = evaluateSubsidy(scheme, facts, paid);
    paid.push(...toPriorPayments(scheme, evaluation));
    return evaluation;
  });
}
