import type { Command } from 'commander';
import { printJson } from '../cli-output.ts';
import { withCliDatabase } from '../open-cli-database.ts';
import { runCommand } from './run-command.ts';

/** `servicing run-daily --date YYYY-MM-DD`: the daily servicing job (safe to run twice, continues a stopped run). */
export function registerServicingCommands(program: Command): void {
  const servicing = program.command('servicing').description('loan servicing 贷后管理');
  servicing
    .command('run-daily')
    .description(
      'run the daily job for a business date: accrual, overdue, penalty and compound interest, 2023 grades (default: yesterday, Asia/Shanghai)',
    )
    .option('--date <date>', 'business date YYYY-MM-DD (Asia/Shanghai)')
    .option('--batch-size <n>', 'loans per transaction', '100')
    .option('--json', 'print JSON only')
    .option('--lang <lang>', 'zh-CN or en', 'zh-CN')
    .action(async (options: { date?: string; batchSize: string; json?: boolean; lang?: string }) =>
      runCommand(options, () =>
        withCliDatabase(async (deps) => {
          const batchSize = Number(options.batchSize);
          if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)
            throw new Error('--batch-size must be an integer from 1 to 10000');
          const [{ runDailyServicingJob, systemActor, toShanghaiDate }, { addDays }] = await Promise.all([
            import('@ipf/app'),
            import('@ipf/domain/calendar'),
          ]);
          const businessDate = options.date ?? addDays(toShanghaiDate(deps.clock.now()), -1);
          const run = await runDailyServicingJob(
            { businessDate, batchSize },
            systemActor(`cli-servicing-${businessDate}`),
            deps,
          );
          if (options.json === true) printJson(run);
          else
            process.stdout.write(
              `日终批处理 ${run.businessDate}: ${run.phase}, ${run.loansProcessed} loans in ${run.batches} batches\n`,
            );
        }),
      ),
    );
}
