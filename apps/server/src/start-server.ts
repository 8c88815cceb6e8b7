import { pino } from 'pino';
import { loadConfig, type Config } from '@ipf/config';
import { openDatabase } from '@ipf/db';
import {
  createAppDeps,
  seedDemoData,
  seedDemoLedger,
  type AppDeps,
  type Clock,
  type DemoUser,
} from '@ipf/app';
import { buildApp } from './build-app.ts';
import { scheduleDailyServicing, type DailyServicingScheduler } from './schedule-daily-servicing.ts';
import type { AppInstance } from './http/app-instance.ts';

export interface StartServerOptions {
  readonly port?: number;
  readonly host?: string;
  /** PGlite folder (or `memory://`); ignored with a database URL. */
  readonly dataDir?: string;
  readonly databaseUrl?: string | null;
  readonly seedDemo?: boolean;
  /** Demo ledger size seeded in the background after listening (`IPF_DEMO_LEDGER_CASES`); 0: none. */
  readonly demoLedgerCases?: number;
  readonly webDistDir?: string | null;
  readonly logLevel?: Config['logLevel'];
  /** The app's clock (`deps.clock`); the system clock by default. Browser tests move theirs forward. */
  readonly clock?: Clock;
}

export interface RunningServer {
  readonly url: string;
  readonly app: AppInstance;
  readonly deps: AppDeps;
  readonly demoUsers: readonly DemoUser[];
  close(): Promise<void>;
}

/**
 * Opens the database (migrating it), seeds the demo city into an empty one when asked, and listens; then seeds
 * the demo ledger (`demoLedgerCases` cases, `seedDemoLedger`) in the background when the database has no cases.
 * Options override the configuration read from the environment.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const base = loadConfig();
  const config: Config = Object.freeze({
    ...base,
    port: options.port ?? base.port,
    host: options.host ?? base.host,
    dataDir: options.dataDir ?? base.dataDir,
    databaseUrl: options.databaseUrl === undefined ? base.databaseUrl : options.databaseUrl,
    seedDemo: options.seedDemo ?? base.seedDemo,
    demoLedgerCases: options.demoLedgerCases ?? base.demoLedgerCases,
    webDistDir: options.webDistDir === undefined ? base.webDistDir : (options.webDistDir ?? ''),
    logLevel: options.logLevel ?? base.logLevel,
  });
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const logger = pino({
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
    });
    const appDeps = createAppDeps(config, handle.db, logger);
    const deps: AppDeps = options.clock === undefined ? appDeps : { ...appDeps, clock: options.clock };
    const app = await buildApp(deps, {
      logger,
      webDistDir: config.webDistDir === '' ? null : config.webDistDir,
      databaseKind: handle.kind,
      secureCookies: config.secureCookies,
    });
    const ledgerCases = config.seedDemo ? config.demoLedgerCases : 0;
    const demo = config.seedDemo
      ? await seedDemoData(deps, config.demoScale, { cases: ledgerCases, deferred: true })
      : null;
    const address = await app.listen({ port: config.port, host: config.host });
    // 日终批处理 at IPF_SERVICING_DAILY_AT (default 00:30 Asia/Shanghai); `off` disables it. Its start-up run
    // for yesterday waits for the demo ledger, which runs that day's job itself once its history is in.
    let scheduler: DailyServicingScheduler | null = null;
    let closing = false;
    const startScheduler = (): void => {
      if (!closing && config.servicingDailyAt !== null)
        scheduler = scheduleDailyServicing(deps, config.servicingDailyAt, config.whitelistPushDay);
    };
    // 演示台账: run through the real use cases in the background, so the server answers at once; it does
    // nothing when the database has cases already, and closing the server stops it between two use cases.
    const stopLedger = new AbortController();
    const ledger =
      ledgerCases > 0
        ? seedDemoLedger(deps, ledgerCases, { signal: stopLedger.signal })
            .then(
              () => undefined,
              (error: unknown) => logger.error({ err: error }, 'demo ledger failed'),
            )
            .then(startScheduler)
        : null;
    if (ledger === null) startScheduler();
    return {
      url: address,
      app,
      deps,
      demoUsers: demo?.users ?? [],
      async close() {
        closing = true;
        stopLedger.abort();
        await ledger;
        await scheduler?.stop();
        await app.close();
        await handle.close();
      },
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
