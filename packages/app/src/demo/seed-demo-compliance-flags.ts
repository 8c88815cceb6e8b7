import { count } from 'drizzle-orm';
import { addDays } from '@ipf/domain/calendar';
import { tables } from '@ipf/db';
import type { AppDeps } from '../deps.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { clearComplianceFlag } from '../whitelist/clear-compliance-flag.ts';
import { recordComplianceFlag } from '../whitelist/record-compliance-flag.ts';
import { loadDemoActors } from './demo-actors.ts';
import { generateDemoParties } from './generate-demo-parties.ts';

/**
 * 演示合规标记 (DEMO ONLY, issue 10 item 4): the city bureau records three flags through the use cases on demo
 * enterprises without a demo login and outside 南山 (so the enterprises that tests and the demo logins use stay
 * clean): one on the 经营异常名录, one 失信被执行人, both holding, and one 重大税收违法 cleared again three weeks
 * ago, so the bureau's page shows active and cleared flags. Does nothing when a flag exists already.
 */
export async function seedDemoComplianceFlags(deps: AppDeps): Promise<void> {
  const [existing] = await deps.db.select({ n: count() }).from(tables.complianceFlags);
  if ((existing?.n ?? 0) > 0) return;
  const actors = await loadDemoActors(deps.db, 'demo-seed');
  const bureau = actors.byLogin('bureau.city');
  const today = toShanghaiDate(deps.clock.now());
  const [abnormal, debtor, tax] = generateDemoParties(deps.demoSeed).enterprises.filter(
    (e) => e.district !== 'nanshan' && !actors.enterpriseIds.has(e.organisationId),
  );
  if (abnormal === undefined || debtor === undefined || tax === undefined) return;

  await recordComplianceFlag(
    {
      enterpriseId: abnormal.organisationId,
      kind: 'abnormal_operation',
      sourceAuthority: '深圳市市场监督管理局',
      sourceReference: '深市监经异〔演示〕1号',
      effectiveOn: addDays(today, -45),
      note: '未按期公示年度报告（演示数据）',
    },
    bureau,
    deps,
  );
  await recordComplianceFlag(
    {
      enterpriseId: debtor.organisationId,
      kind: 'dishonest_debtor',
      sourceAuthority: '深圳市中级人民法院',
      sourceReference: '（演示）粤03执1号',
      effectiveOn: addDays(today, -120),
    },
    bureau,
    deps,
  );
  const cleared = await recordComplianceFlag(
    {
      enterpriseId: tax.organisationId,
      kind: 'tax_violation',
      sourceAuthority: '国家税务总局深圳市税务局',
      sourceReference: '深税稽〔演示〕3号',
      effectiveOn: addDays(today, -200),
    },
    bureau,
    deps,
  );
  await clearComplianceFlag(
    { id: cleared.id, clearedOn: addDays(today, -21), reason: '已补缴税款并经信用修复（演示数据）' },
    bureau,
    deps,
  );
}
