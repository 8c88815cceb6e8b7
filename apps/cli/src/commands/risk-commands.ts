import type { Command } from 'commander';
import { DomainError, type ProblemDetail } from '@ipf/domain/errors';
import { formatYuan, parseYuan } from '@ipf/domain/money';
import { allocateFlatSplit, type FlatShare } from '@ipf/domain/risk-sharing';
import { cliLanguage, printJson, renderProblems } from '../cli-output.ts';

interface AllocateOptions {
  loss: string;
  shares: string;
  json?: boolean;
  lang?: string;
}

/** Party names stay non-numeric so that JSON object keys keep the order the user listed. */
const PARTY_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
const WEIGHT_PATTERN = /^(0|[1-9]\d{0,17})$/;

function fail(problems: readonly ProblemDetail[], options: AllocateOptions): void {
  const errors = renderProblems(problems, cliLanguage(options));
  if (options.json === true) printJson({ errors });
  else process.stderr.write(errors.map((e) => `✗ ${e.field}: ${e.message}`).join('\n') + '\n');
  process.exitCode = 1;
}

/** Parses `pool:1,bank:1` into shares, recording a problem per bad item on `shares[i]`. */
function parseShares(text: string, problems: ProblemDetail[]): FlatShare[] {
  const shares: FlatShare[] = [];
  const items = text.split(',');
  items.forEach((item, index) => {
    const field = `shares[${index}]`;
    const [party = '', weight = '', ...rest] = item.split(':');
    if (!PARTY_PATTERN.test(party) || rest.length > 0) {
      problems.push({ code: 'RISK_SHARE_PARTY_INVALID', field, params: { party: item } });
      return;
    }
    if (!WEIGHT_PATTERN.test(weight)) {
      problems.push({ code: 'RISK_SHARE_WEIGHT_INVALID', field, params: { party, value: weight } });
      return;
    }
    shares.push({ party, weight: BigInt(weight) });
  });
  return shares;
}

function runAllocate(options: AllocateOptions): void {
  const problems: ProblemDetail[] = [];
  let lossFen: bigint | undefined;
  try {
    lossFen = parseYuan(options.loss);
    if (lossFen < 0n) problems.push({ code: 'RISK_LOSS_INVALID', field: 'loss' });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    problems.push({ code: error.code, field: 'loss', params: error.params });
  }
  const shares = parseShares(options.shares, problems);
  if (problems.length > 0 || lossFen === undefined) return fail(problems, options);

  let allocation;
  try {
    allocation = allocateFlatSplit(lossFen, shares);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return fail([{ code: error.code, field: 'shares', params: error.params }], options);
  }

  const byParty = Object.fromEntries(allocation.map((part) => [part.party, formatYuan(part.amountFen)]));
  if (options.json === true) {
    process.stdout.write(`${JSON.stringify({ allocation: byParty })}\n`);
    return;
  }
  process.stdout.write(
    allocation
      .map((part) => `${part.party.padEnd(16)} ${formatYuan(part.amountFen).padStart(18)}`)
      .join('\n') + '\n',
  );
}

/**
 * `risk allocate --loss 1000000.01 --shares pool:1,bank:1` (风险分担): a pure calculator over the flat split
 * (largest remainder, ties to the first listed), never opening the database. `--json` prints one compact line
 * `{"allocation":{"pool":"500000.01","bank":"500000.00"}}`; invalid input prints coded problems and exits 1.
 */
export function registerRiskCommands(program: Command): Command {
  const risk = program.command('risk').description('risk-sharing calculators (no database)');
  risk
    .command('allocate')
    .description('风险分担 flat split of a loss by weights, largest remainder')
    .requiredOption('--loss <yuan>', 'loss in yuan, e.g. 1000000.01')
    .requiredOption(
      '--shares <list>',
      'party:weight pairs, e.g. pool:1,bank:1 or insurer:60,bank:20,guarantor:20',
    )
    .option('--json', 'print JSON only')
    .option('--lang <lang>', 'zh-CN or en', 'zh-CN')
    .action((options: AllocateOptions) => runAllocate(options));
  return risk;
}
