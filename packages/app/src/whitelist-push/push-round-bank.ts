import { randomUUID } from 'node:crypto';
import { and, eq, inArray, like, notExists, sql } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { insertCaseLead } from '../ledger/insert-case-lead.ts';
import { findValidProgrammeOptIns } from '../whitelist/find-valid-programme-opt-ins.ts';

export type WhitelistPushTrigger = 'schedule' | 'on_demand';

export interface WhitelistPushSummary {
  readonly pushId: string;
  readonly roundId: string;
  readonly bankId: string;
  readonly trigger: WhitelistPushTrigger;
  readonly pushMonth: string;
  readonly pushedAt: string;
  readonly entryCount: number;
}

const LEVEL_RANK: Record<string, number> = { sub_branch: 0, branch: 1, head_office: 2 };

/**
 * The unit of the bank that receives a pushed enterprise: the deepest active unit in the enterprise's district
 * (支行 before 分行), else the head office, which sees every unit's cases.
 */
function chooseBankUnit(
  units: readonly { id: string; path: string; district: string | null; bankLevel: string | null }[],
  headOffice: { id: string; path: string },
  district: string,
): { id: string; path: string } {
  const local = units
    .filter((u) => u.district === district)
    .sort(
      (a, b) =>
        (LEVEL_RANK[a.bankLevel ?? ''] ?? 3) - (LEVEL_RANK[b.bankLevel ?? ''] ?? 3) ||
        a.path.localeCompare(b.path),
    );
  return local[0] ?? headOffice;
}

/**
 * 推送 one round's whitelist to one bank inside the caller's transaction: every included entry not pushed before
 * whose enterprise is still in the programme becomes a ledger lead (`insertCaseLead`, source `whitelist_push`,
 * which creates the customer relationship) at the bank unit of its district, and a pushed entry. A scheduled
 * push happens once per round × bank × month (the unique index decides between racing runs): null when this
 * month's was made. WHITELIST_NOT_BUILT when the bureau has not built the bank's whitelist.
 */
export async function pushRoundBank(
  tx: Executor,
  deps: Pick<AppDeps, 'audit'>,
  actor: Actor,
  input: {
    readonly round: {
      readonly id: string;
      readonly roundNumber: string;
      readonly bureauOrganisationId: string;
    };
    readonly bankId: string;
    readonly trigger: WhitelistPushTrigger;
  },
  now: Date,
  today: string,
): Promise<WhitelistPushSummary | null> {
  const { whitelistEntries, whitelistPushes, whitelistPushEntries, organisations, enterprises } = tables;
  const { round, bankId } = input;
  const [built] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(whitelistEntries)
    .where(and(eq(whitelistEntries.roundId, round.id), eq(whitelistEntries.bankId, bankId)));
  if ((built?.n ?? 0) === 0) {
    if (input.trigger === 'schedule') return null;
    throw new DomainError('WHITELIST_NOT_BUILT');
  }

  const pushId = randomUUID();
  const pushMonth = today.slice(0, 7);
  const inserted = await tx
    .insert(whitelistPushes)
    .values({
      id: pushId,
      roundId: round.id,
      bankId,
      trigger: input.trigger,
      pushMonth,
      pushedAt: now,
      pushedByUserId: input.trigger === 'schedule' ? null : actor.userId,
      entryCount: 0,
    })
    .onConflictDoNothing()
    .returning({ id: whitelistPushes.id });
  if (inserted.length === 0) return null;

  const entries = await tx
    .select({
      id: whitelistEntries.id,
      enterpriseId: whitelistEntries.enterpriseId,
      district: enterprises.district,
    })
    .from(whitelistEntries)
    .innerJoin(enterprises, eq(enterprises.organisationId, whitelistEntries.enterpriseId))
    .where(
      and(
        eq(whitelistEntries.roundId, round.id),
        eq(whitelistEntries.bankId, bankId),
        eq(whitelistEntries.included, true),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(whitelistPushEntries)
            .where(
              and(
                eq(whitelistPushEntries.roundId, round.id),
                eq(whitelistPushEntries.bankId, bankId),
                eq(whitelistPushEntries.enterpriseId, whitelistEntries.enterpriseId),
              ),
            ),
        ),
      ),
    )
    .orderBy(whitelistEntries.enterpriseId);
  // An enterprise that left the programme since the build is not pushed (its consent is what allows the push).
  const stillIn =
    entries.length === 0
      ? new Set<string>()
      : new Set(
          (
            await tx
              .select({ id: enterprises.organisationId })
              .from(enterprises)
              .where(
                and(
                  inArray(
                    enterprises.organisationId,
                    entries.map((e) => e.enterpriseId),
                  ),
                  inArray(
                    enterprises.organisationId,
                    findValidProgrammeOptIns(tx, {
                      bureauId: round.bureauOrganisationId,
                      asOfDate: today,
                      at: now,
                    }),
                  ),
                ),
              )
          ).map((c) => c.id),
        );

  const [headOffice] = await tx
    .select({ id: organisations.id, path: organisations.path })
    .from(organisations)
    .where(eq(organisations.id, bankId));
  const units = await tx
    .select({
      id: organisations.id,
      path: organisations.path,
      district: organisations.district,
      bankLevel: organisations.bankLevel,
    })
    .from(organisations)
    .where(
      and(
        like(organisations.path, `${headOffice!.path}%`),
        eq(organisations.kind, 'bank'),
        eq(organisations.active, true),
      ),
    );

  let count = 0;
  for (const entry of entries) {
    if (!stillIn.has(entry.enterpriseId)) continue;
    const unit = chooseBankUnit(units, headOffice!, entry.district);
    const lead = await insertCaseLead(
      tx,
      deps,
      actor,
      {
        enterpriseId: entry.enterpriseId,
        bankUnit: unit,
        source: 'whitelist_push',
        note: `白名单推送 ${round.roundNumber}`,
      },
      now,
      today,
    );
    await tx.insert(whitelistPushEntries).values({
      id: randomUUID(),
      pushId,
      roundId: round.id,
      bankId,
      bankUnitId: unit.id,
      enterpriseId: entry.enterpriseId,
      entryId: entry.id,
      caseId: lead.id,
      pushedAt: now,
    });
    count += 1;
  }
  await tx.update(whitelistPushes).set({ entryCount: count }).where(eq(whitelistPushes.id, pushId));
  const summary: WhitelistPushSummary = {
    pushId,
    roundId: round.id,
    bankId,
    trigger: input.trigger,
    pushMonth,
    pushedAt: now.toISOString(),
    entryCount: count,
  };
  await deps.audit.append(
    tx,
    actor,
    { action: 'whitelist.pushed', entityType: 'whitelist_push', entityId: pushId, after: { ...summary } },
    now,
  );
  return summary;
}
