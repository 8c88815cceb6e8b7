import type { Command } from 'commander';
import { CN_HOLIDAY_CALENDAR, isIsoDate } from '@ipf/domain/calendar';
import { DomainError, type ProblemDetail } from '@ipf/domain/errors';
import {
  calculatePenaltyInterest,
  calculateSchedule,
  type InterestBasis,
  type RepaymentMethod,
  type ScheduleInput,
} from '@ipf/domain/loan';
import { formatYuan, parseRatePct, parseYuan, type Rate } from '@ipf/domain/money';
import { cliLanguage, printJson, renderProblems } from '../cli-output.ts';

const METHODS: Readonly<Record<string, RepaymentMethod>> = {
  annuity: 'annuity',
  'equal-principal': 'equalPrincipal',
  'interest-only': 'interestOnly',
  bullet: 'bullet',
};
const BASES: readonly InterestBasis[] = ['monthly', 'ACT/360', 'ACT/365', '30/360'];
/** Domain field names → the CLI option that carries them, so problems point at what the user typed. */
const FIELD_TO_OPTION: Readonly<Record<string, string>> = {
  principalFen: 'principal',
  annualRate: 'annualRate',
  termMonths: 'months',
  startDate: 'start',
  firstDueDate: 'firstDue',
  installmentMultipleFen: 'installmentMultiple',
  settlementDay: 'settlementDay',
};

interface ScheduleOptions {
  principal: string;
  annualRate: string;
  months: string;
  method: string;
  start: string;
  interestBasis: string;
  frequency: string;
  installmentMultiple?: string;
  firstDue?: string;
  settlementDay?: string;
  followingWorkingDay?: boolean;
  json?: boolean;
  lang?: string;
}

interface PenaltyOptions {
  overdueAmount: string;
  annualRate: string;
  markup: string;
  days: string;
  json?: boolean;
  lang?: string;
}

/** Runs a parser and records its DomainError as a problem on `field` instead of throwing. */
function parseField<T>(problems: ProblemDetail[], field: string, parse: () => T): T | undefined {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    problems.push({ code: error.code, field, params: error.params });
    return undefined;
  }
}

function parseWholeNumber(problems: ProblemDetail[], field: string, text: string): number | undefined {
  if (/^(0|[1-9]\d{0,8})$/.test(text)) return Number(text);
  problems.push({ code: 'FIELD_INVALID_FORMAT', field });
  return undefined;
}

function fail(problems: readonly ProblemDetail[], options: { json?: boolean; lang?: string }): void {
  const errors = renderProblems(problems, cliLanguage(options));
  if (options.json === true) printJson({ errors });
  else process.stderr.write(errors.map((e) => `✗ ${e.field}: ${e.message}`).join('\n') + '\n');
  process.exitCode = 1;
}

/** Parses the schedule options into a domain input, or returns the problems found. */
function toScheduleInput(options: ScheduleOptions): ScheduleInput | ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  const principalFen = parseField(problems, 'principal', () => parseYuan(options.principal));
  const annualRate = parseField(problems, 'annualRate', () => parseRatePct(options.annualRate));
  const termMonths = parseWholeNumber(problems, 'months', options.months);
  const method = METHODS[options.method];
  if (method === undefined) problems.push({ code: 'FIELD_NOT_ALLOWED', field: 'method' });
  const interestBasis = BASES.find((basis) => basis === options.interestBasis);
  if (interestBasis === undefined) problems.push({ code: 'FIELD_NOT_ALLOWED', field: 'interestBasis' });
  if (options.frequency !== 'monthly' && options.frequency !== 'quarterly')
    problems.push({ code: 'FIELD_NOT_ALLOWED', field: 'frequency' });
  if (!isIsoDate(options.start))
    problems.push({ code: 'DATE_FORMAT_INVALID', field: 'start', params: { value: options.start } });
  if (options.firstDue !== undefined && !isIsoDate(options.firstDue))
    problems.push({ code: 'DATE_FORMAT_INVALID', field: 'firstDue', params: { value: options.firstDue } });
  const multiple = options.installmentMultiple;
  const installmentMultipleFen =
    multiple === undefined
      ? undefined
      : parseField(problems, 'installmentMultiple', () => parseYuan(multiple));
  const settlementDay =
    options.settlementDay === undefined
      ? undefined
      : parseWholeNumber(problems, 'settlementDay', options.settlementDay);
  if (
    problems.length > 0 ||
    principalFen === undefined ||
    annualRate === undefined ||
    termMonths === undefined ||
    method === undefined ||
    interestBasis === undefined
  ) {
    return problems;
  }
  return {
    principalFen,
    annualRate,
    termMonths,
    method,
    startDate: options.start,
    interestBasis,
    frequency: options.frequency === 'quarterly' ? 'quarterly' : 'monthly',
    ...(installmentMultipleFen === undefined ? {} : { installmentMultipleFen }),
    ...(options.firstDue === undefined ? {} : { firstDueDate: options.firstDue }),
    ...(settlementDay === undefined ? {} : { settlementDay }),
    ...(options.followingWorkingDay === true ? { followingWorkingDayCalendar: CN_HOLIDAY_CALENDAR } : {}),
  };
}

function runSchedule(options: ScheduleOptions): void {
  const input = toScheduleInput(options);
  if (Array.isArray(input)) return fail(input, options);
  let schedule;
  try {
    schedule = calculateSchedule(input);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const problems =
      error.problems.length > 0 ? error.problems : [{ code: error.code, field: '', params: error.params }];
    return fail(
      problems.map((p) => ({ ...p, field: FIELD_TO_OPTION[p.field] ?? p.field })),
      options,
    );
  }

  const installments = schedule.installments.map((i) => ({
    period: i.period,
    dueDate: i.dueDate,
    principal: formatYuan(i.principalFen),
    interest: formatYuan(i.interestFen),
    payment: formatYuan(i.paymentFen),
    balance: formatYuan(i.balanceFen),
  }));
  const result = {
    installments,
    totalInterest: formatYuan(schedule.totalInterestFen),
    totalPayment: formatYuan(schedule.totalPaymentFen),
  };
  if (options.json === true) return printJson(result);
  const lines = installments.map(
    (i) =>
      `${String(i.period).padStart(3)}  ${i.dueDate}  ${i.principal.padStart(14)}  ${i.interest.padStart(12)}  ${i.payment.padStart(14)}  ${i.balance.padStart(14)}`,
  );
  process.stdout.write(
    [
      ' 期  还款日            本金 principal   利息 interest   月供 payment    余额 balance',
      ...lines,
      `合计利息 total interest ${result.totalInterest}  合计还款 total payment ${result.totalPayment}`,
    ].join('\n') + '\n',
  );
  if (schedule.provisional)
    process.stdout.write('注意：部分还款日所在年份无节假日数据，顺延日期为临时结果。\n');
}

function runPenalty(options: PenaltyOptions): void {
  const problems: ProblemDetail[] = [];
  const overdueFen = parseField(problems, 'overdueAmount', () => parseYuan(options.overdueAmount));
  const annualRate = parseField(problems, 'annualRate', () => parseRatePct(options.annualRate));
  const markup: Rate | undefined = parseField(problems, 'markup', () => parseRatePct(options.markup));
  const days = parseWholeNumber(problems, 'days', options.days);
  if (
    problems.length > 0 ||
    overdueFen === undefined ||
    annualRate === undefined ||
    markup === undefined ||
    days === undefined
  )
    return fail(problems, options);

  let penaltyFen: bigint;
  try {
    penaltyFen = calculatePenaltyInterest({ overdueFen, annualRate, markup, days });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const field =
      {
        PENALTY_MARKUP_OUT_OF_RANGE: 'markup',
        OVERDUE_DAYS_INVALID: 'days',
        OVERDUE_AMOUNT_INVALID: 'overdueAmount',
      }[error.code] ?? '';
    return fail([{ code: error.code, field, params: error.params }], options);
  }
  if (options.json === true) return printJson({ penalty: formatYuan(penaltyFen) });
  process.stdout.write(`罚息 penalty: ${formatYuan(penaltyFen)}\n`);
}

/**
 * `loan schedule …` (还款计划) and `loan penalty …` (罚息): pure calculators over the loan engine, never opening
 * the database. Amounts in yuan strings, rates in percent; `--json` prints JSON only; invalid input prints
 * coded problems `{ code, field, message }` and exits 1.
 */
export function registerLoanCommands(program: Command): Command {
  const loan = program.command('loan').description('loan calculators (no database)');
  loan
    .command('schedule')
    .description('还款计划 repayment schedule')
    .requiredOption('--principal <yuan>', 'principal in yuan, e.g. 1000000.00')
    .requiredOption('--annual-rate <pct>', 'annual rate in percent, e.g. 3.45')
    .requiredOption('--months <n>', 'term in months')
    .requiredOption('--method <method>', 'annuity | equal-principal | interest-only | bullet')
    .requiredOption('--start <date>', 'start (disbursement) date YYYY-MM-DD')
    .option('--interest-basis <basis>', 'monthly | ACT/360 | ACT/365 | 30/360', 'monthly')
    .option('--frequency <frequency>', 'monthly | quarterly', 'monthly')
    .option(
      '--installment-multiple <yuan>',
      'round the annuity instalment to this multiple, e.g. 1 (whole yuan)',
    )
    .option('--first-due <date>', 'first due date YYYY-MM-DD (broken first period, actual/360)')
    .option('--settlement-day <day>', '结息日 for interest-only, 1–31')
    .option('--following-working-day', 'shift due dates to the following working day')
    .option('--json', 'print JSON only')
    .option('--lang <lang>', 'zh-CN or en', 'zh-CN')
    .action((options: ScheduleOptions) => runSchedule(options));
  loan
    .command('penalty')
    .description('罚息 penalty interest on an overdue amount (ACT/360)')
    .requiredOption('--overdue-amount <yuan>', 'overdue amount in yuan')
    .requiredOption('--annual-rate <pct>', 'contract annual rate in percent')
    .requiredOption('--markup <pct>', 'penalty markup in percent, 30–50')
    .requiredOption('--days <n>', 'days overdue')
    .option('--json', 'print JSON only')
    .option('--lang <lang>', 'zh-CN or en', 'zh-CN')
    .action((options: PenaltyOptions) => runPenalty(options));
  return loan;
}
