import type { Config } from '@ipf/config';
import type { Database } from '@ipf/db';
import { chainedAuditWriter } from './audit/audit-writer.ts';
import { systemClock, type AppDeps, type Logger } from './deps.ts';

/** Wires the production dependencies from configuration and an open database. */
export function createAppDeps(config: Config, db: Database, log: Logger): AppDeps {
  return {
    db,
    clock: systemClock,
    audit: chainedAuditWriter,
    log,
    dataKey: Buffer.from(config.dataKeyHex, 'hex'),
    demoSeed: config.demoSeed,
    sessionTtlMinutes: config.sessionTtlMinutes,
  };
}
