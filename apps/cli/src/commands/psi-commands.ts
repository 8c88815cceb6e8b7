import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  createHttpPsiTransport,
  psiSetKinds,
  PsiRequestError,
  runPsiClient,
  type PsiSetKind,
} from '@ipf/app';
import { cliLanguage, printJson } from '../cli-output.ts';

interface PsiMatchOptions {
  set: string;
  file: string;
  url: string;
  token: string;
  json?: boolean;
  lang?: string;
}

async function runPsiMatch(options: PsiMatchOptions): Promise<void> {
  const language = cliLanguage(options);
  if (!(psiSetKinds as readonly string[]).includes(options.set)) {
    process.stderr.write(`✗ --set: ${psiSetKinds.join(' | ')}\n`);
    process.exitCode = 1;
    return;
  }
  // One USCC per line; blank lines and lines starting with # are skipped.
  const items = readFileSync(options.file, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const started = performance.now();
  try {
    const result = await runPsiClient({
      setKind: options.set as PsiSetKind,
      items,
      transport: createHttpPsiTransport(options.url, options.token, language),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (options.json === true) {
      printJson({ ...result, seconds: Number(seconds) });
      return;
    }
    const zh = language === 'zh-CN';
    process.stdout.write(
      (zh
        ? `本行名单 ${result.clientSetSize} 家，对方集合 ${result.serverSetSize} 家，匹配 ${result.intersection.length} 家（${seconds} 秒）：\n`
        : `Your list ${result.clientSetSize}, their set ${result.serverSetSize}, matched ${result.intersection.length} (${seconds} s):\n`) +
        result.intersection.map((uscc) => `${uscc}\n`).join(''),
    );
  } catch (error) {
    if (!(error instanceof PsiRequestError)) throw error;
    if (options.json === true)
      printJson({ error: { code: error.code, status: error.status, message: error.message } });
    else process.stderr.write(`✗ ${error.message} (${error.code})\n`);
    process.exitCode = 1;
  }
}

/** `psi match`: the bank's reference ECDH-PSI client against the platform's API (never opens the database). */
export function registerPsiCommands(program: Command): void {
  const psi = program.command('psi').description('隐私求交 (ECDH-PSI): private matching of a customer list');
  psi
    .command('match')
    .description(
      'learn which of the USCC codes in --file are in the set, revealing nothing else of either side (sizes only)',
    )
    .requiredOption('--set <set>', psiSetKinds.join(' | '))
    .requiredOption('--file <file>', 'text file, one unified social credit code per line')
    .requiredOption('--url <url>', 'the platform, e.g. http://localhost:3000')
    .requiredOption('--token <token>', 'a bank API token with the psi.match scope (ipf_…)')
    .option(
      '--json',
      'print JSON only: {"sessionId","serverSetSize","clientSetSize","intersection":[…],"seconds"}',
    )
    .option('--lang <lang>', 'zh-CN or en', 'zh-CN')
    .action((options: PsiMatchOptions) => runPsiMatch(options));
}
