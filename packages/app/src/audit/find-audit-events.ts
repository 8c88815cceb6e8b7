import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import type { HashedAuditFields } from './audit-writer.ts';
import { authorize } from '../access/authorize.ts';
import { pageOffset, type Page, type PageInput } from '../support/page.ts';

/** An audit event on the wire: the hashed fields with `seq` as a string, and the event's own hash. */
export type AuditEventView = Omit<HashedAuditFields, 'seq'> & { readonly seq: string; readonly hash: string };

/** 审计日志: newest first, filtered by record or action, for the bureau and regulators. */
export async function findAuditEvents(
  input: PageInput & { readonly entityType?: string; readonly entityId?: string; readonly action?: string },
  actor: Actor,
  deps: AppDeps,
): Promise<Page<AuditEventView>> {
  authorize(actor, 'audit.list');
  const e = tables.auditEvents;
  const conditions: SQL[] = [];
  if (input.entityType !== undefined) conditions.push(eq(e.entityType, input.entityType));
  if (input.entityId !== undefined) conditions.push(eq(e.entityId, input.entityId));
  if (input.action !== undefined) conditions.push(eq(e.action, input.action));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(e)
      .where(where)
      .orderBy(desc(e.seq))
      .limit(input.pageSize)
      .offset(pageOffset(input)),
    deps.db.select({ n: count() }).from(e).where(where),
  ]);
  return {
    items: rows.map(({ prevHash: _p, seq, occurredAt, ...row }) => ({
      ...row,
      seq: seq.toString(),
      occurredAt: new Date(occurredAt).toISOString(),
    })),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}
