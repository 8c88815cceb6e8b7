import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The platform's configuration, parsed once at start-up and frozen (design.md rule 5). */
export interface Config {
  /** `postgres://…` selects a PostgreSQL server; absent selects embedded PGlite in `dataDir`. */
  readonly databaseUrl: string | null;
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Secret for deriving demo TOTP secrets; demo users exist only when demo data is seeded. */
  readonly demoSeed: string;
  /** Seed demo data into an empty database on start. */
  readonly seedDemo: boolean;
  readonly demoScale: number;
  /**
   * Size of the demo ledger (financing cases run through the real use cases) seeded in the background after the
   * server listens, when the database has no cases; 0 disables it. Default 1050 (issue 6 item 8).
   */
  readonly demoLedgerCases: number;
  /** 32-byte key (hex) encrypting TOTP secrets and personal data at rest. */
  readonly dataKeyHex: string;
  readonly sessionTtlMinutes: number;
  readonly secureCookies: boolean;
  readonly webDistDir: string;
  /**
   * Time of day (HH:MM, Asia/Shanghai) at which the server runs the daily servicing job for the day just ended;
   * null when the server schedules nothing (`IPF_SERVICING_DAILY_AT=off`). Default 00:30.
   */
  readonly servicingDailyAt: string | null;
  /** Day of the month (1–28, Asia/Shanghai) from which the daily schedule makes the month's whitelist push. */
  readonly whitelistPushDay: number;
  /** Test runs only: folder where migrated PGlite templates are cached for one run (set by the test setup). */
  readonly testTemplateDir: string | null;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads `NAME`, or the contents of the file named by `NAME_FILE` (for secrets mounted as files). */
function read(env: Env, name: string): string | undefined {
  const file = env[`${name}_FILE`];
  if (file !== undefined && file !== '') return readFileSync(file, 'utf8').trim();
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

function readInt(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function readBool(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/** The demo key is public by design; a production deployment must set IPF_DATA_KEY (checked below). */
const DEMO_DATA_KEY_HEX = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

/**
 * Parses the environment into a frozen `Config`. With `DATABASE_URL` (production) the data key must be
 * given: secrets have no defaults there. The embedded PGlite mode is for demos and development.
 */
export function loadConfig(env: Env = process.env): Config {
  const databaseUrl = read(env, 'DATABASE_URL') ?? null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const logLevel = read(env, 'LOG_LEVEL') ?? 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent`);
  }
  const dataKeyHex = read(env, 'IPF_DATA_KEY') ?? (databaseUrl === null ? DEMO_DATA_KEY_HEX : undefined);
  if (dataKeyHex === undefined)
    throw new ConfigError('IPF_DATA_KEY (64 hex characters) is required with DATABASE_URL');
  if (!/^[0-9a-fA-F]{64}$/.test(dataKeyHex)) throw new ConfigError('IPF_DATA_KEY must be 64 hex characters');

  const servicingDailyAt = read(env, 'IPF_SERVICING_DAILY_AT') ?? '00:30';
  if (servicingDailyAt !== 'off' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(servicingDailyAt))
    throw new ConfigError('IPF_SERVICING_DAILY_AT must be HH:MM (Asia/Shanghai) or off');

  return Object.freeze({
    databaseUrl,
    dataDir: resolve(read(env, 'IPF_DATA_DIR') ?? 'data'),
    host: read(env, 'HOST') ?? '127.0.0.1',
    port: readInt(env, 'PORT', 3000, 0, 65535),
    logLevel: logLevel as Config['logLevel'],
    demoSeed: read(env, 'IPF_DEMO_SEED') ?? 'shenzhen-ip-pledge-demo',
    seedDemo: readBool(env, 'IPF_SEED_DEMO', true),
    demoScale: readInt(env, 'IPF_DEMO_SCALE', 1, 1, 100),
    demoLedgerCases: readInt(env, 'IPF_DEMO_LEDGER_CASES', 1050, 0, 100_000),
    dataKeyHex: dataKeyHex.toLowerCase(),
    sessionTtlMinutes: readInt(env, 'IPF_SESSION_TTL_MINUTES', 480, 5, 10080),
    secureCookies: readBool(env, 'IPF_SECURE_COOKIES', false),
    webDistDir: resolve(read(env, 'IPF_WEB_DIST') ?? 'apps/web/dist'),
    servicingDailyAt: servicingDailyAt === 'off' ? null : servicingDailyAt,
    whitelistPushDay: readInt(env, 'IPF_WHITELIST_PUSH_DAY', 1, 1, 28),
    testTemplateDir: read(env, 'IPF_TEST_TEMPLATE_DIR') ?? null,
  });
}
