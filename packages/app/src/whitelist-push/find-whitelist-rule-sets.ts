import { desc } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { getRuleSetInEffect, toRuleSetView, type WhitelistRuleSetView } from './whitelist-rule-set-view.ts';

/** 白名单规则版本: every published version, newest first, the one in effect today marked. */
export async function findWhitelistRuleSets(
  _input: Record<string, never>,
  actor: Actor,
  deps: AppDeps,
): Promise<WhitelistRuleSetView[]> {
  authorize(actor, 'whitelist_rules.list');
  const today = toShanghaiDate(deps.clock.now());
  const rows = await deps.db
    .select()
    .from(tables.whitelistRuleSets)
    .orderBy(desc(tables.whitelistRuleSets.version));
  const inEffect = await getRuleSetInEffect(deps.db, today).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'WHITELIST_RULES_NOT_IN_EFFECT') return null;
    throw error;
  });
  return rows.map((row) => toRuleSetView(row, inEffect?.id ?? null));
}
