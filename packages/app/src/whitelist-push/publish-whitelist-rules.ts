import { randomUUID } from 'node:crypto';
import { max } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { whitelistGrades, type Grade, type WhitelistRules } from '@ipf/domain/whitelist';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { isUniqueViolation } from '../support/is-unique-violation.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { toRuleSetView, type WhitelistRuleSetView } from './whitelist-rule-set-view.ts';

export interface PublishWhitelistRulesInput {
  readonly effectiveFrom: string;
  readonly minGrade: Grade;
  readonly minValidInventionPatents: number;
  readonly minValuationScore: number;
  readonly excludeOverdue: boolean;
  readonly creditBands: readonly {
    readonly grade: Grade;
    readonly minScore: number;
    readonly bandWan: readonly [number, number];
  }[];
  readonly note?: string;
}

function invalid(detail: string): never {
  throw new DomainError('WHITELIST_RULES_INVALID', { detail });
}

/**
 * 发布白名单规则 (publish a version of the whitelist rules, issue 10 item 4 "under its own published rules (data,
 * versioned)"): the city bureau records the thresholds and credit bands as the next version, effective from a day
 * not before today; earlier versions stay on record (whitelists built under them keep their rule set). Audited.
 */
export async function publishWhitelistRules(
  input: PublishWhitelistRulesInput,
  actor: Actor,
  deps: AppDeps,
): Promise<WhitelistRuleSetView> {
  authorize(actor, 'whitelist_rules.publish');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  if (input.effectiveFrom < today) invalid(`effectiveFrom ${input.effectiveFrom} is before today ${today}`);
  if (!whitelistGrades.includes(input.minGrade)) invalid(`minGrade ${input.minGrade}`);
  if (input.minValuationScore < 0 || input.minValuationScore > 100) invalid('minValuationScore 0–100');
  if (input.creditBands.length === 0) invalid('creditBands empty');
  for (const [i, band] of input.creditBands.entries()) {
    if (!whitelistGrades.includes(band.grade)) invalid(`creditBands[${i}].grade`);
    if (band.bandWan[0] > band.bandWan[1]) invalid(`creditBands[${i}].bandWan low above high`);
  }

  return runInTransaction(deps, async (tx) => {
    const r = tables.whitelistRuleSets;
    const [latest] = await tx.select({ version: max(r.version) }).from(r);
    const version = (latest?.version ?? 0) + 1;
    const rules: WhitelistRules = {
      version: `v${version}`,
      effectiveFrom: input.effectiveFrom,
      minGrade: input.minGrade,
      minValidInventionPatents: input.minValidInventionPatents,
      minValuationScore: input.minValuationScore,
      excludeOverdue: input.excludeOverdue,
      creditBands: input.creditBands.map((b) => ({
        grade: b.grade,
        minScore: b.minScore,
        bandWan: b.bandWan,
      })),
    };
    const id = randomUUID();
    const [row] = await tx
      .insert(r)
      .values({
        id,
        version,
        effectiveFrom: input.effectiveFrom,
        rules: rules as unknown as Record<string, unknown>,
        note: input.note ?? null,
        publishedByUserId: actor.userId,
        publishedAt: now,
      })
      .returning()
      .catch((error: unknown) => {
        if (isUniqueViolation(error, 'whitelist_rule_sets_version_uq'))
          throw new DomainError('WHITELIST_RULES_VERSION_EXISTS', { version });
        throw error;
      });
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'whitelist_rules.published',
        entityType: 'whitelist_rule_set',
        entityId: id,
        after: { ...rules },
      },
      now,
    );
    return toRuleSetView(row!, null);
  });
}
