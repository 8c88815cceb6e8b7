import { eq } from 'drizzle-orm';
import { tables, type Executor } from '@ipf/db';

/** 审批权限档 held by an approver, by the level of its bank unit: 支行 1, 分行 2, 总行 3 (the demo products' levels). */
const LEVEL_BY_BANK_LEVEL: Readonly<Record<string, number>> = { sub_branch: 1, branch: 2, head_office: 3 };

export async function findApproverAuthorityLevel(
  executor: Executor,
  organisationId: string,
): Promise<number> {
  const [org] = await executor
    .select({ bankLevel: tables.organisations.bankLevel })
    .from(tables.organisations)
    .where(eq(tables.organisations.id, organisationId));
  return LEVEL_BY_BANK_LEVEL[org?.bankLevel ?? ''] ?? 0;
}
