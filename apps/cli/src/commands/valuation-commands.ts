import type { Command } from 'commander';
import { DomainError, type ProblemDetail } from '@ipf/domain/errors';
import { normalizePatentNumber } from '@ipf/domain/ip-asset';
import { formatYuan, parseRatePct, parseYuan, type Rate } from '@ipf/domain/money';
import {
  calculatePatentScore,
  calculateRoyaltyRelief,
  valuationScenarios,
  type ValuationScenario,
} from '@ipf/domain/valuation';
import { cliLanguage, printJson, renderProblems } from '../cli-output.ts';
import { withCliDatabase } from '../open-cli-database.ts';
import { runCommand } from './run-command.ts';

interface RoyaltyReliefOptions {
  revenue: string;
  royaltyRate: string;
  attribution: string;
  taxRate: string;
  discountRate: string;
  midYear?: boolean;
  json?: boolean;
  lang?: string;
}

interface AvmOptions {
  enterprise?: string;
  json?: boolean;
  lang?: string;
}

interface ScoreOptions {
  asset: string;
  scenario: string;
  json?: boolean;
  lang?: string;
}

function parseField<T>(problems: ProblemDetail[], field: string, parse: () => T): T | undefined {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    problems.push({ code: error.code, field, params: error.params });
    return undefined;
  }
}

function fail(problems: readonly ProblemDetail[], options: { json?: boolean; lang?: string }): void {
  const errors = renderProblems(problems, cliLanguage(options));
  if (options.json === true) printJson({ errors });
  else process.stderr.write(errors.map((e) => `✗ ${e.field}: ${e.message}`).join('\n') + '\n');
  process.exitCode = 1;
}

function runRoyaltyRelief(options: RoyaltyReliefOptions): void {
  const problems: ProblemDetail[] = [];
  const revenueForecastFen = options.revenue
    .split(',')
    .map((text, index) => parseField(problems, `revenue[${index}]`, () => parseYuan(text.trim())));
  const rate = (field: string, text: string): Rate | undefined =>
    parseField(problems, field, () => parseRatePct(text));
  const royaltyRate = rate('royaltyRate', options.royaltyRate);
  const attributionShare = rate('attribution', options.attribution);
  const taxRate = rate('taxRate', options.taxRate);
  const discountRate = rate('discountRate', options.discountRate);
  if (
    problems.length > 0 ||
    royaltyRate === undefined ||
    attributionShare === undefined ||
    taxRate === undefined ||
    discountRate === undefined
  )
    return fail(problems, options);

  let result;
  try {
    result = calculateRoyaltyRelief({
      revenueForecastFen: revenueForecastFen.map((fen) => fen ?? 0n),
      royaltyRate,
      attributionShare,
      taxRate,
      discountRate,
      timing: options.midYear === true ? 'midYear' : 'endOfYear',
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return fail(
      [{ code: error.code, field: String(error.params['field'] ?? ''), params: error.params }],
      options,
    );
  }
  const presentValues = result.years.map((year) => formatYuan(year.presentValueFen));
  if (options.json === true) {
    printJson({ value: formatYuan(result.valueFen), presentValues });
    return;
  }
  const lines = result.years.map(
    (year) =>
      `  第 ${year.year} 年 year ${year.year}: 收入 ${formatYuan(year.revenueFen)} → 税后提成 ${formatYuan(year.afterTaxRoyaltyFen)} → 现值 ${formatYuan(year.presentValueFen)}`,
  );
  process.stdout.write(
    `${lines.join('\n')}\n评估值 value (${result.timing}, rounded once ${result.roundingMode}): ${formatYuan(result.valueFen)}\n`,
  );
}

/**
 * `valuation royalty-relief …` (pure calculator, no database) and `valuation score --asset <number>` (a patent of
 * the platform's database, scored as of today in Asia/Shanghai). Both are thin: parse, call, print.
 */
export function registerValuationCommands(program: Command): void {
  const valuation = program
    .command('valuation')
    .description('知识产权评估 valuation: royalty relief and indicator score');
  valuation
    .command('royalty-relief')
    .description(
      '收益法·节省许可费法: Σ revenue × royalty × attribution × (1 − tax) / (1 + r)^t, exact, rounded once (half-up) to the fen',
    )
    .requiredOption(
      '--revenue <yuan,…>',
      'revenue forecast per year in yuan, comma-separated (its length is the remaining economic life)',
    )
    .requiredOption('--royalty-rate <pct>', 'royalty rate, percent')
    .requiredOption('--attribution <pct>', 'share attributable to the IP, percent')
    .requiredOption('--tax-rate <pct>', 'income tax rate, percent')
    .requiredOption('--discount-rate <pct>', 'discount rate, percent')
    .option('--mid-year', 'mid-year discounting (rational half-year factor) instead of end of year')
    .option('--json', 'print JSON only: {"value":"…","presentValues":[…]}')
    .option('--lang <lang>', 'zh-CN or en', 'zh-CN')
    .action((options: RoyaltyReliefOptions) => runRoyaltyRelief(options));
  valuation
    .command('avm')
    .description(
      '批量估值 (AVM): score and value every invention and utility-model patent of the registry (or of one enterprise) as of today, with the checksum of the run (needs the database)',
    )
    .option('--enterprise <uscc>', "one enterprise's portfolio, by its unified social credit code")
    .option('--json', 'print JSON only: the summary, distributions, checksum and the ten highest values')
    .option('--lang <lang>', 'zh-CN or en', 'zh-CN')
    .action(async (options: AvmOptions) =>
      runCommand(options, async () => {
        const result = await withCliDatabase(async (deps) => {
          const { runRegistryAvmBatch } = await import('@ipf/app');
          return runRegistryAvmBatch(
            options.enterprise === undefined ? {} : { enterpriseUscc: options.enterprise.trim() },
            deps,
          );
        });
        const { allItems: _all, items, ...summary } = result;
        const top = items.map(({ valueFen: _v, scoreHundredths: _s, ...item }) => item);
        if (options.json === true) return printJson({ ...summary, top });
        process.stdout.write(
          `批量估值 AVM ${summary.parametersVersion} (${summary.weightTableVersion}), as of ${summary.asOfDate}: ${summary.count} patents in ${summary.elapsedMs} ms (load ${summary.loadMs} ms, score + value ${summary.scoreMs} ms)\n` +
            `  估值合计 total ${summary.totalValueYuan} yuan; 平均分 mean score ${summary.meanScore}; 收入已知 revenue known ${summary.revenueKnownCount}\n` +
            `  分档 bands: ${summary.byBand.map((g) => `${g.key} ${g.count} (${g.valueYuan})`).join(', ')}\n` +
            `  类型 kinds: ${summary.byKind.map((g) => `${g.key} ${g.count} (${g.valueYuan})`).join(', ')}\n` +
            `  校验值 checksum: fnv ${summary.checksum}\n`,
        );
        for (const item of top)
          process.stdout.write(`    ${item.number} ${item.title}: ${item.score} → ${item.valueYuan}\n`);
      }),
    );
  valuation
    .command('score')
    .description(
      'GB/T 42748-2023 指标评分 for an invention or utility-model patent registered on the platform (needs the database), as of today',
    )
    .requiredOption(
      '--asset <patent-number>',
      'patent application number, e.g. 202010566088.9 (ZL/CN prefixes accepted)',
    )
    .option('--scenario <scenario>', valuationScenarios.join(' | '), 'financing')
    .option('--json', 'print JSON only')
    .option('--lang <lang>', 'zh-CN or en', 'zh-CN')
    .action(async (options: ScoreOptions) =>
      runCommand(options, async () => {
        const scenario = valuationScenarios.find((s) => s === options.scenario);
        if (scenario === undefined) return fail([{ code: 'FIELD_NOT_ALLOWED', field: 'scenario' }], options);
        const number = normalizePatentNumber(options.asset) ?? options.asset.trim();
        const { asset, asOfDate } = await withCliDatabase(async (deps) => {
          const { findPatentByNumber, toShanghaiDate } = await import('@ipf/app');
          const found = await findPatentByNumber(number, deps);
          if (found.asset === null)
            throw new DomainError('VALUATION_ASSET_NOT_FOUND', {
              number: options.asset,
              example: found.examples.join(', '),
            });
          return { asset: found.asset, asOfDate: toShanghaiDate(deps.clock.now()) };
        });
        const score = calculatePatentScore({
          asset,
          asOfDate,
          scenario: scenario satisfies ValuationScenario,
        });
        const { overallScoreHundredths: _overall, ...rest } = score;
        const view = {
          asset: { assetId: asset.assetId, number: asset.number, title: asset.title, kind: asset.kind },
          asOfDate,
          source: 'database',
          ...rest,
          dimensions: score.dimensions.map(({ scoreHundredths: _s, ...d }) => d),
        };
        if (options.json === true) return printJson(view);
        process.stdout.write(
          `${asset.number} ${asset.title}: ${score.overallScore} / 100 (${score.scenario}, ${score.weightTableVersion})\n`,
        );
        for (const d of view.dimensions) process.stdout.write(`  ${d.dimension}: ${d.score}\n`);
        for (const i of score.indicators)
          process.stdout.write(
            `    ${i.zh} ${i.indicator}: ${i.value} × ${i.overallWeightPct}% = ${i.contribution} [${i.source}]\n`,
          );
      }),
    );
}
