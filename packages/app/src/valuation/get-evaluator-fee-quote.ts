import { formatYuan } from '@ipf/domain/money';
import { calculateValuationFee, VALUATION_FEE_STANDARD_2024 } from '@ipf/domain/valuation';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { getVisibleEvaluatorAdmission } from './get-evaluator.ts';

export interface EvaluatorFeeQuoteView {
  readonly valueYuan: string;
  readonly feeYuan: string;
  readonly standardVersion: string;
  readonly minimumFeeYuan: string;
  readonly bands: { upToYuan: string | null; ratePerTenThousand: number }[];
  readonly shares: { enterpriseBps: number; bankBps: number; subsidyBps: number };
  readonly enterpriseYuan: string;
  readonly bankYuan: string;
  readonly subsidyYuan: string;
}

/**
 * 评估费报价: the fee for a value under the platform's fee standard (marginal bands, minimum fee) and its split
 * among enterprise, bank and subsidy by the firm's configured shares (largest remainder). Source: issue 7 item 6.
 */
export async function getEvaluatorFeeQuote(
  input: { readonly id: string; readonly valueFen: bigint },
  actor: Actor,
  deps: AppDeps,
): Promise<EvaluatorFeeQuoteView> {
  const scope = authorize(actor, 'evaluator.read');
  const row = await getVisibleEvaluatorAdmission(deps.db, input.id, actor, scope);
  const shares = {
    enterpriseBps: row.feeShareEnterpriseBps,
    bankBps: row.feeShareBankBps,
    subsidyBps: row.feeShareSubsidyBps,
  };
  const fee = calculateValuationFee({
    valueFen: input.valueFen,
    standard: VALUATION_FEE_STANDARD_2024,
    sharesBps: { enterprise: shares.enterpriseBps, bank: shares.bankBps, subsidy: shares.subsidyBps },
  });
  return {
    valueYuan: formatYuan(input.valueFen),
    feeYuan: formatYuan(fee.feeFen),
    standardVersion: fee.standardVersion,
    minimumFeeYuan: formatYuan(VALUATION_FEE_STANDARD_2024.minimumFeeFen),
    bands: VALUATION_FEE_STANDARD_2024.bands.map((b) => ({
      upToYuan: b.upToFen === null ? null : formatYuan(b.upToFen),
      ratePerTenThousand: b.ratePerTenThousand,
    })),
    shares,
    enterpriseYuan: formatYuan(fee.split.enterpriseFen),
    bankYuan: formatYuan(fee.split.bankFen),
    subsidyYuan: formatYuan(fee.split.subsidyFen),
  };
}
