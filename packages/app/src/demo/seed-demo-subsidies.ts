import { count } from 'drizzle-orm';
import {
  BANK_FIRST_LOAN_REWARD_EXAMPLE,
  CITY_TECH_LOAN_SUBSIDY_EXAMPLE,
  FUTIAN_PATENT_PLEDGE_SUBSIDY_EXAMPLE,
  NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE,
} from '@ipf/domain/subsidy';
import { tables } from '@ipf/db';
import type { AppDeps } from '../deps.ts';
import { publishSubsidyScheme } from '../subsidies/publish-subsidy-scheme.ts';
import { toWire } from '../subsidies/subsidy-wire.ts';
import { loadDemoActors } from './demo-actors.ts';

/**
 * 演示补贴政策 (DEMO ONLY): the city bureau publishes the three *example* schemes of domain-reference.md (南山,
 * 福田, city tech loans) and the illustrative bank reward (银行首贷奖励, so a bank's 奖励申请 page is not empty)
 * through the use case, each clause with its (example) source. Does nothing when any scheme exists.
 */
export async function seedDemoSubsidies(deps: AppDeps): Promise<void> {
  const [existing] = await deps.db.select({ n: count() }).from(tables.subsidySchemes);
  if ((existing?.n ?? 0) > 0) return;
  const actors = await loadDemoActors(deps.db, 'demo-seed');
  const bureau = actors.byLogin('bureau.city');
  for (const scheme of [
    NANSHAN_IP_PLEDGE_SUBSIDY_EXAMPLE,
    FUTIAN_PATENT_PLEDGE_SUBSIDY_EXAMPLE,
    CITY_TECH_LOAN_SUBSIDY_EXAMPLE,
    BANK_FIRST_LOAN_REWARD_EXAMPLE,
  ])
    await publishSubsidyScheme({ scheme: toWire(scheme) }, bureau, deps);
}
