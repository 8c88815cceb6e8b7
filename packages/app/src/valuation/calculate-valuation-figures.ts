import { assertNoProblems, DomainError, type ProblemDetail } from '@ipf/domain/errors';
import type { IpAsset } from '@ipf/domain/ip-asset';
import { formatRatePct, formatYuan, parseRatePct, parseYuan, type Rate } from '@ipf/domain/money';
import {
  buildDiscountRate,
  calculateCostValue,
  calculateMarketValue,
  calculatePatentScore,
  calculatePortfolioValue,
  calculateRoyaltyRelief,
  calculateSensitivityTable,
  multiplyRatios,
  ratioOf,
  reconcileValuation,
  roundRatio,
  type ClaimKinds,
  type IndicatorEntry,
  type LitigationState,
  type PatentFactsSupplement,
  type PatentIndicatorCode,
  type RoyaltyReliefInput,
  type ValuationApproach,
  type ValuationScenario,
  type ValueIndication,
} from '@ipf/domain/valuation';
import type { ValuationAssetInput, ValuationAssetResult } from './valuation-input.ts';

/** Parameters of the whole valuation, as entered (percent strings). */
export interface ValuationFigureParameters {
  readonly valuationDate: string;
  readonly scenario: ValuationScenario;
  readonly pledgeRatioPct: string;
  readonly maxPledgeRatePct: string;
  readonly rangeBandPct?: string;
}

export interface ValuationFigures {
  readonly assets: ValuationAssetResult[];
  readonly valueFen: bigint;
  readonly lowFen: bigint;
  readonly highFen: bigint;
  readonly licencesFen: bigint;
  readonly pledgeValueFen: bigint;
  readonly maxLoanFen: bigint;
  readonly rangeBasis: 'band' | 'approaches';
  /** Approaches with a positive weight in any asset, e.g. `income+market`. */
  readonly method: string;
}

/** Sensitivity steps of the report: discount rate ± 1 %, royalty rate ± 0.5 %, two steps either side (5 × 5). */
const SENSITIVITY = { discountRateStep: ratioOf(1n, 100n), royaltyRateStep: ratioOf(1n, 200n), steps: 2 };

/** Parses the wire text of one field, collecting a problem instead of throwing. */
function parser(problems: ProblemDetail[]) {
  const parse = <T>(field: string, read: () => T, fallback: T): T => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problems.push({ code: error.code, field, params: error.params });
      return fallback;
    }
  };
  return {
    rate: (field: string, text: string): Rate => parse(field, () => parseRatePct(text), ratioOf(0n)),
    fen: (field: string, text: string): bigint => parse(field, () => parseYuan(text), 0n),
  };
}

/** The royalty-relief input of an asset's income approach, parsed. */
export function toRoyaltyReliefInput(
  income: NonNullable<ValuationAssetInput['income']>,
  field: string,
  problems: ProblemDetail[],
): RoyaltyReliefInput {
  const p = parser(problems);
  return {
    revenueForecastFen: income.revenueForecastYuan.map((text, i) =>
      p.fen(`${field}.revenueForecastYuan[${i}]`, text),
    ),
    royaltyRate: p.rate(`${field}.royaltyRatePct`, income.royaltyRatePct),
    attributionShare: p.rate(`${field}.attributionPct`, income.attributionPct),
    taxRate: p.rate(`${field}.taxRatePct`, income.taxRatePct),
    discountRate: buildDiscountRate({
      riskFreeRate: p.rate(`${field}.riskFreeRatePct`, income.riskFreeRatePct),
      riskPremia: income.riskPremia.map((premium, i) => ({
        name: premium.name,
        rate: p.rate(`${field}.riskPremia[${i}].ratePct`, premium.ratePct),
      })),
    }),
    timing: income.timing ?? 'endOfYear',
  };
}

function toSupplement(facts: ValuationAssetInput['facts']): PatentFactsSupplement {
  if (facts === undefined) return {};
  return {
    ...(facts.familySize === undefined ? {} : { familySize: facts.familySize }),
    ...(facts.claimsCount === undefined ? {} : { claimsCount: facts.claimsCount }),
    ...(facts.claimKinds === undefined ? {} : { claimKinds: facts.claimKinds as ClaimKinds }),
    ...(facts.forwardCitations === undefined ? {} : { forwardCitations: facts.forwardCitations }),
    // Below 2⁵³ fen by the YuanString pattern (15 integer digits).
    ...(facts.annualRevenueYuan === undefined
      ? {}
      : { annualRevenueFen: Number(parseYuan(facts.annualRevenueYuan)) }),
    ...(facts.priorFinancingCount === undefined ? {} : { priorFinancingCount: facts.priorFinancingCount }),
    ...(facts.litigation === undefined ? {} : { litigation: facts.litigation as LitigationState }),
  };
}

const yuan = (fen: bigint) => formatYuan(fen);

/**
 * 估值计算 (the figures of a valuation) from its inputs as entered: per asset the income (royalty relief with a
 * built-up discount rate), market and cost approaches, reconciled by their weights with a range; the indicator
 * score of an invention or utility-model patent (computed facts plus the evaluator's entries); the sensitivity
 * table of the income approach; then the portfolio: Σ asset values plus each bundled licence once, the pledge
 * value `P = V × pledge ratio` and the suggested maximum loan `L = P × max pledge rate`, both from the exact total
 * and rounded once (half up). Every approach value is exact until its own single rounding (the domain functions).
 */
export function calculateValuationFigures(
  parameters: ValuationFigureParameters,
  inputs: readonly ValuationAssetInput[],
  assets: ReadonlyMap<string, IpAsset>,
): ValuationFigures {
  const problems: ProblemDetail[] = [];
  const p = parser(problems);
  const pledgeRatio = p.rate('pledgeRatioPct', parameters.pledgeRatioPct);
  const maxPledgeRate = p.rate('maxPledgeRatePct', parameters.maxPledgeRatePct);
  const rangeBand =
    parameters.rangeBandPct === undefined ? undefined : p.rate('rangeBandPct', parameters.rangeBandPct);
  const approachesUsed = new Set<ValuationApproach>();

  const perAsset = inputs.map((input, index) => {
    const field = `assets[${index}]`;
    const asset = assets.get(input.assetId)!;
    for (const approach of ['income', 'market', 'cost'] as const) {
      if (input.weightsBps[approach] > 0 && input[approach] === undefined)
        problems.push({
          code: 'VALUATION_APPROACH_INPUT_MISSING',
          field: `${field}.${approach}`,
          params: { approach },
        });
      if (input.weightsBps[approach] > 0) approachesUsed.add(approach);
    }
    const incomeInput =
      input.income === undefined
        ? undefined
        : toRoyaltyReliefInput(input.income, `${field}.income`, problems);
    const market = input.market;
    const cost = input.cost;
    const comparables =
      market === undefined
        ? undefined
        : market.comparables.map((c, i) => {
            const f = `${field}.market.comparables[${i}]`;
            const factor = (name: string, text: string | undefined) =>
              text === undefined ? undefined : p.rate(`${f}.${name}`, text);
            const time = factor('timeFactorPct', c.timeFactorPct);
            const size = factor('sizeFactorPct', c.sizeFactorPct);
            const technology = factor('technologyFactorPct', c.technologyFactorPct);
            const terms = factor('termsFactorPct', c.termsFactorPct);
            return {
              comparableId: c.comparableId,
              kind: c.kind,
              priceFen: p.fen(`${f}.priceYuan`, c.priceYuan),
              factors: {
                ...(time === undefined ? {} : { time }),
                ...(size === undefined ? {} : { size }),
                ...(technology === undefined ? {} : { technology }),
                ...(terms === undefined ? {} : { terms }),
              },
              ...(c.weight === undefined ? {} : { weight: c.weight }),
            };
          });
    const costInput =
      cost === undefined
        ? undefined
        : {
            reproductionCostFen: p.fen(`${field}.cost.reproductionCostYuan`, cost.reproductionCostYuan),
            physicalObsolescence: p.rate(
              `${field}.cost.physicalObsolescencePct`,
              cost.physicalObsolescencePct,
            ),
            functionalObsolescence: p.rate(
              `${field}.cost.functionalObsolescencePct`,
              cost.functionalObsolescencePct,
            ),
            economicObsolescence: p.rate(
              `${field}.cost.economicObsolescencePct`,
              cost.economicObsolescencePct,
            ),
          };
    const licences = (input.licences ?? []).map((l, i) => ({
      licenceId: l.licenceId,
      valueFen: p.fen(`${field}.licences[${i}].valueYuan`, l.valueYuan),
    }));
    return { input, asset, incomeInput, comparables, costInput, licences };
  });
  assertNoProblems(problems);

  const computed = perAsset.map(({ input, asset, incomeInput, comparables, costInput }) => {
    const income = incomeInput === undefined ? undefined : calculateRoyaltyRelief(incomeInput);
    const market = comparables === undefined ? undefined : calculateMarketValue({ comparables });
    const cost = costInput === undefined ? undefined : calculateCostValue(costInput);
    const indications: ValueIndication[] = [];
    if (income !== undefined)
      indications.push({
        approach: 'income',
        exactValueFen: income.exactValueFen,
        weightBps: input.weightsBps.income,
      });
    if (market !== undefined)
      indications.push({
        approach: 'market',
        exactValueFen: market.exactValueFen,
        weightBps: input.weightsBps.market,
      });
    if (cost !== undefined)
      indications.push({
        approach: 'cost',
        exactValueFen: cost.exactValueFen,
        weightBps: input.weightsBps.cost,
      });
    const reconciled = reconcileValuation({
      indications,
      ...(rangeBand === undefined ? {} : { rangeBand }),
      pledgeRatio,
      maxPledgeRate,
    });
    const patent = asset.kind === 'invention_patent' || asset.kind === 'utility_model_patent';
    const score = patent
      ? calculatePatentScore({
          asset,
          asOfDate: parameters.valuationDate,
          scenario: parameters.scenario,
          supplement: toSupplement(input.facts),
          entries: (input.indicatorEntries ?? []).map((e): IndicatorEntry => ({
            indicator: e.indicator as PatentIndicatorCode,
            value: e.value,
            evidence: e.evidence,
          })),
        })
      : undefined;
    const sensitivity =
      incomeInput === undefined
        ? undefined
        : calculateSensitivityTable({ base: incomeInput, ...SENSITIVITY });
    return { input, asset, income, incomeInput, market, cost, reconciled, score, sensitivity };
  });

  const portfolio = calculatePortfolioValue(
    perAsset.map(({ input, licences }, index) => ({
      assetId: input.assetId,
      standaloneValueFen: computed[index]!.reconciled.valueFen,
      licences,
    })),
  );
  const exactTotal = ratioOf(portfolio.totalFen);
  const exactPledge = multiplyRatios(exactTotal, pledgeRatio);
  let lowFen = portfolio.licencesFen;
  let highFen = portfolio.licencesFen;

  const results = computed.map((c, index): ValuationAssetResult => {
    lowFen += c.reconciled.lowFen;
    highFen += c.reconciled.highFen;
    const valueFen = portfolio.assets[index]!.valueFen;
    return {
      assetId: c.asset.assetId,
      number: c.asset.number,
      title: c.asset.title,
      kind: c.asset.kind,
      standaloneValueYuan: yuan(c.reconciled.valueFen),
      valueYuan: yuan(valueFen),
      lowYuan: yuan(c.reconciled.lowFen),
      highYuan: yuan(c.reconciled.highFen),
      approaches: [
        ...(c.income === undefined
          ? []
          : [
              {
                approach: 'income',
                weightBps: c.input.weightsBps.income,
                valueYuan: yuan(c.income.valueFen),
              },
            ]),
        ...(c.market === undefined
          ? []
          : [
              {
                approach: 'market',
                weightBps: c.input.weightsBps.market,
                valueYuan: yuan(c.market.valueFen),
              },
            ]),
        ...(c.cost === undefined
          ? []
          : [{ approach: 'cost', weightBps: c.input.weightsBps.cost, valueYuan: yuan(c.cost.valueFen) }]),
      ],
      ...(c.income === undefined || c.incomeInput === undefined
        ? {}
        : {
            income: {
              discountRatePct: formatRatePct(c.incomeInput.discountRate, 4),
              timing: c.income.timing,
              remainingLifeYears: c.income.years.length,
              years: c.income.years.map((y) => ({
                year: y.year,
                revenueYuan: yuan(y.revenueFen),
                afterTaxRoyaltyYuan: yuan(y.afterTaxRoyaltyFen),
                presentValueYuan: yuan(y.presentValueFen),
              })),
            },
          }),
      ...(c.market === undefined
        ? {}
        : {
            market: {
              comparables: c.market.comparables.map((m) => ({
                comparableId: m.comparableId,
                adjustedPriceYuan: yuan(m.adjustedPriceFen),
                weight: m.weight,
              })),
            },
          }),
      ...(c.score === undefined
        ? {}
        : {
            score: {
              scenario: c.score.scenario,
              weightTableVersion: c.score.weightTableVersion,
              overallScore: c.score.overallScore,
              dimensions: c.score.dimensions.map((d) => ({
                dimension: d.dimension,
                weightBps: d.weightBps,
                score: d.score,
              })),
              indicators: c.score.indicators.map((i) => ({ ...i })),
            },
          }),
      ...(c.sensitivity === undefined
        ? {}
        : {
            sensitivity: {
              discountRatesPct: [...c.sensitivity.discountRatesPct],
              royaltyRatesPct: [...c.sensitivity.royaltyRatesPct],
              valuesYuan: c.sensitivity.valuesFen.map((row) => row.map(yuan)),
              baseValueYuan: yuan(c.sensitivity.baseValueFen),
            },
          }),
    };
  });

  return {
    assets: results,
    valueFen: portfolio.totalFen,
    lowFen,
    highFen,
    licencesFen: portfolio.licencesFen,
    pledgeValueFen: roundRatio(exactPledge, 'halfUp'),
    maxLoanFen: roundRatio(multiplyRatios(exactPledge, maxPledgeRate), 'halfUp'),
    rangeBasis: rangeBand === undefined ? 'approaches' : 'band',
    method: (['income', 'market', 'cost'] as const).filter((a) => approachesUsed.has(a)).join('+'),
  };
}
