import type { Database } from '@ipf/db';
import type { AuditWriter } from './audit/audit-writer.ts';

/** The clock is a dependency so that use cases are testable and the domain never reads time itself. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface Logger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

/** What every use case receives: `approveLoan(input, deps)` (style-examples.md). */
export interface AppDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly audit: AuditWriter;
  readonly log: Logger;
  /** 32-byte key for AES-256-GCM encryption of personal data and TOTP secrets at rest. */
  readonly dataKey: Buffer;
  /** Secret behind demo users' TOTP secrets (`demo totp <login>`). */
  readonly demoSeed: string;
  readonly sessionTtlMinutes: number;
}
