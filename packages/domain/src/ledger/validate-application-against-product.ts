import type { ProblemDetail } from '../errors/index.ts';
import type { IpAssetKind } from '../ip-asset/index.ts';
import type { RepaymentMethod } from '../loan/index.ts';
import { formatYuan } from '../money/index.ts';
import type { BankProduct, CombinedModel } from './bank-product.ts';

/** 融资申请要素 (the terms of an application) checked against a product: amounts in fen, spread in bps over LPR. */
export interface FinancingApplicationTerms {
  readonly amountFen: bigint;
  readonly termMonths: number;
  readonly repaymentMethod: RepaymentMethod;
  readonly spreadBps: number;
  readonly combinedModel: CombinedModel;
  readonly assets: readonly { readonly assetId: string; readonly kind: IpAssetKind }[];
}

/**
 * 产品准入校验 (validate an application against a product): every problem at once, in the platform's problem
 * shape: APPLICATION_AMOUNT_OUTSIDE_PRODUCT, APPLICATION_TERM_OUTSIDE_PRODUCT,
 * APPLICATION_REPAYMENT_METHOD_NOT_OFFERED, APPLICATION_SPREAD_OUTSIDE_PRODUCT,
 * APPLICATION_COMBINED_MODEL_NOT_OFFERED, APPLICATION_NO_ASSETS, APPLICATION_IP_KIND_NOT_ACCEPTED (one per asset;
 * a kind without a pledge-rate cap counts as not accepted). Ranges are inclusive. Source: issue 5 item 1 and
 * "Bad input": an amount outside the product gets its coded error.
 */
export function validateApplicationAgainstProduct(
  application: FinancingApplicationTerms,
  product: BankProduct,
): ProblemDetail[] {
  const problems: ProblemDetail[] = [];

  if (application.amountFen < product.minAmountFen || application.amountFen > product.maxAmountFen) {
    problems.push({
      code: 'APPLICATION_AMOUNT_OUTSIDE_PRODUCT',
      field: 'amountFen',
      params: {
        amountYuan: formatYuan(application.amountFen),
        minYuan: formatYuan(product.minAmountFen),
        maxYuan: formatYuan(product.maxAmountFen),
      },
    });
  }
  if (application.termMonths < product.minTermMonths || application.termMonths > product.maxTermMonths) {
    problems.push({
      code: 'APPLICATION_TERM_OUTSIDE_PRODUCT',
      field: 'termMonths',
      params: {
        termMonths: application.termMonths,
        minMonths: product.minTermMonths,
        maxMonths: product.maxTermMonths,
      },
    });
  }
  if (!product.repaymentMethods.includes(application.repaymentMethod)) {
    problems.push({
      code: 'APPLICATION_REPAYMENT_METHOD_NOT_OFFERED',
      field: 'repaymentMethod',
      params: { method: application.repaymentMethod, offered: product.repaymentMethods.join(',') },
    });
  }
  if (application.spreadBps < product.minSpreadBps || application.spreadBps > product.maxSpreadBps) {
    problems.push({
      code: 'APPLICATION_SPREAD_OUTSIDE_PRODUCT',
      field: 'spreadBps',
      params: {
        spreadBps: application.spreadBps,
        minBps: product.minSpreadBps,
        maxBps: product.maxSpreadBps,
      },
    });
  }
  if (!product.combinedModels.includes(application.combinedModel)) {
    problems.push({
      code: 'APPLICATION_COMBINED_MODEL_NOT_OFFERED',
      field: 'combinedModel',
      params: { model: application.combinedModel },
    });
  }

  if (application.assets.length === 0) problems.push({ code: 'APPLICATION_NO_ASSETS', field: 'assets' });
  application.assets.forEach((asset, index) => {
    const accepted =
      product.acceptedIpKinds.includes(asset.kind) &&
      product.maxPledgeRateBpsByKind[asset.kind] !== undefined;
    if (!accepted)
      problems.push({
        code: 'APPLICATION_IP_KIND_NOT_ACCEPTED',
        field: `assets[${index}].kind`,
        params: { assetId: asset.assetId, kind: asset.kind },
      });
  });

  return problems;
}
