import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import {
  combineWhitelist,
  type Grade,
  type WhitelistIpRecord,
  type WhitelistRules,
} from '@ipf/domain/whitelist';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { loadActiveComplianceFlags } from '../whitelist/load-active-compliance-flags.ts';
import { loadWhitelistFeatureRows } from '../whitelist/load-whitelist-feature-rows.ts';
import { loadReleasedRoundBank } from './load-whitelist-round.ts';
import { getRuleSetInEffect } from './whitelist-rule-set-view.ts';

export interface BuildWhitelistInput {
  readonly roundId: string;
  readonly bankId: string;
}

export interface WhitelistBuildSummary {
  readonly roundId: string;
  readonly bankId: string;
  readonly ruleSetVersion: number;
  readonly graded: number;
  readonly included: number;
  readonly excluded: number;
}

/** 1 万元 = 10,000 yuan = 1,000,000 fen. */
const FEN_PER_WAN = 1_000_000n;

/**
 * 生成白名单 (build a bank's whitelist for a released round, issue 10 item 4): the enterprises of the bank's
 * release that are still in the programme today, each with the bank's latest grade (scorecard or upload) and its
 * IP record from the registry, ledger and valuations (`loadWhitelistFeatureRows`) and the compliance flags holding
 * today (`loadActiveComplianceFlags`: recorded by the bureau, or `platform_default` from the ledger), combined
 * under the rules in effect today (`combineWhitelist`). The entry's facts name the flags, for the bureau only. Stores one entry per enterprise with the reasons and the suggested credit
 * band, replacing an earlier build; refused once the bank's whitelist was pushed (WHITELIST_ALREADY_PUSHED).
 * Only the bureau reads the entries: a bank learns identities by the push alone. Audited.
 */
export async function buildWhitelist(
  input: BuildWhitelistInput,
  actor: Actor,
  deps: AppDeps,
): Promise<WhitelistBuildSummary> {
  authorize(actor, 'whitelist.build');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  const { whitelistReleaseMembers, whitelistGrades, whitelistEntries, whitelistPushEntries } = tables;

  return runInTransaction(deps, async (tx) => {
    const { round, bankId } = await loadReleasedRoundBank(tx, input.roundId, input.bankId);
    const ofRoundBank = (t: typeof whitelistEntries | typeof whitelistPushEntries) =>
      and(eq(t.roundId, round.id), eq(t.bankId, bankId));
    const [pushed] = await tx
      .select({ id: whitelistPushEntries.id })
      .from(whitelistPushEntries)
      .where(ofRoundBank(whitelistPushEntries))
      .limit(1);
    if (pushed !== undefined) throw new DomainError('WHITELIST_ALREADY_PUSHED');
    const ruleSet = await getRuleSetInEffect(tx, today);
    const rules = ruleSet.rules as unknown as WhitelistRules;

    const members = await tx
      .select({ enterpriseId: whitelistReleaseMembers.enterpriseId })
      .from(whitelistReleaseMembers)
      .where(
        and(
          eq(whitelistReleaseMembers.roundId, round.id),
          eq(whitelistReleaseMembers.bankOrganisationId, bankId),
        ),
      );
    const memberIds = new Set(members.map((m) => m.enterpriseId));
    const features = (
      await loadWhitelistFeatureRows(tx, { bureauId: round.bureauOrganisationId, asOfDate: today, at: now })
    ).filter((f) => memberIds.has(f.enterpriseId));
    const grades =
      features.length === 0
        ? []
        : await tx
            .select({ enterpriseId: whitelistGrades.enterpriseId, grade: whitelistGrades.grade })
            .from(whitelistGrades)
            .where(
              and(
                eq(whitelistGrades.roundId, round.id),
                eq(whitelistGrades.bankOrganisationId, bankId),
                inArray(
                  whitelistGrades.enterpriseId,
                  features.map((f) => f.enterpriseId),
                ),
              ),
            )
            .orderBy(desc(whitelistGrades.recordedAt));
    // The latest grade per enterprise (a new scorecard or upload supersedes an earlier one).
    const gradeOf = new Map<string, Grade | null>();
    for (const g of grades) if (!gradeOf.has(g.enterpriseId)) gradeOf.set(g.enterpriseId, g.grade as Grade);
    // Flags holding today (recorded by the bureau, or a default on the platform's ledger) bar the whitelist.
    const flagsOf = await loadActiveComplianceFlags(tx, {
      enterpriseIds: features.map((f) => f.enterpriseId),
      asOfDate: today,
    });
    const records: WhitelistIpRecord[] = features.map((f) => ({
      enterpriseId: f.enterpriseId,
      valuationScore: f.valuationScore,
      validInventionPatents: f.validInventionPatents,
      patentGrowth3y: f.patentGrowth3y,
      overdueCount: f.overdueCount,
      complianceFlags: flagsOf.get(f.enterpriseId) ?? [],
    }));
    const entries = combineWhitelist(rules, gradeOf, records);

    await tx.delete(whitelistEntries).where(ofRoundBank(whitelistEntries));
    const recordOf = new Map(records.map((r) => [r.enterpriseId, r]));
    if (entries.length > 0)
      await tx.insert(whitelistEntries).values(
        entries.map((e) => ({
          id: randomUUID(),
          roundId: round.id,
          bankId,
          enterpriseId: e.enterpriseId,
          grade: e.grade ?? '-',
          included: e.included,
          reasons: [...e.reasons],
          creditBandLowFen:
            e.suggestedCreditBand === undefined ? null : BigInt(e.suggestedCreditBand.minWan) * FEN_PER_WAN,
          creditBandHighFen:
            e.suggestedCreditBand === undefined ? null : BigInt(e.suggestedCreditBand.maxWan) * FEN_PER_WAN,
          ruleSetId: ruleSet.id,
          facts: { ...recordOf.get(e.enterpriseId)! },
          builtAt: now,
        })),
      );
    const summary: WhitelistBuildSummary = {
      roundId: round.id,
      bankId,
      ruleSetVersion: ruleSet.version,
      graded: entries.filter((e) => e.grade !== null).length,
      included: entries.filter((e) => e.included).length,
      excluded: entries.filter((e) => !e.included).length,
    };
    await deps.audit.append(
      tx,
      actor,
      { action: 'whitelist.built', entityType: 'whitelist_round', entityId: round.id, after: { ...summary } },
      now,
    );
    return summary;
  });
}
