import { and, desc, lte } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import type { WhitelistRules } from '@ipf/domain/whitelist';
import { tables, type Executor } from '@ipf/db';

type RuleSetRow = typeof tables.whitelistRuleSets.$inferSelect;

export interface WhitelistRuleSetView {
  readonly id: string;
  readonly version: number;
  readonly effectiveFrom: string;
  readonly rules: Omit<WhitelistRules, 'creditBands'> & {
    readonly creditBands: { readonly grade: string; readonly minScore: number; readonly bandWan: number[] }[];
  };
  readonly note: string | null;
  readonly publishedAt: string;
  /** Whether this version is the one in effect today (the latest version whose effective day has come). */
  readonly inEffect: boolean;
}

export function toRuleSetView(row: RuleSetRow, inEffectId: string | null): WhitelistRuleSetView {
  const rules = row.rules as unknown as WhitelistRules;
  return {
    id: row.id,
    version: row.version,
    effectiveFrom: row.effectiveFrom,
    rules: {
      ...rules,
      creditBands: rules.creditBands.map((b) => ({
        grade: b.grade,
        minScore: b.minScore,
        bandWan: [...b.bandWan],
      })),
    },
    note: row.note,
    publishedAt: row.publishedAt.toISOString(),
    inEffect: row.id === inEffectId,
  };
}

/**
 * The rule set in effect on `date`: of the versions effective by then, the highest. WHITELIST_RULES_NOT_IN_EFFECT
 * when none is (the bureau publishes rules before building a whitelist).
 */
export async function getRuleSetInEffect(executor: Executor, date: string): Promise<RuleSetRow> {
  const r = tables.whitelistRuleSets;
  const [row] = await executor
    .select()
    .from(r)
    .where(and(lte(r.effectiveFrom, date)))
    .orderBy(desc(r.version))
    .limit(1);
  if (row === undefined) throw new DomainError('WHITELIST_RULES_NOT_IN_EFFECT', { date });
  return row;
}
