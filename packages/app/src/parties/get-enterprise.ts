import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { enterpriseVisibility } from '../access/enterprise-visibility.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { toEnterpriseDetail, type EnterpriseDetail } from './enterprise-view.ts';

/**
 * 企业详情. An enterprise outside the actor's scope is NOT_FOUND, exactly like one that does not exist, so
 * a bank cannot probe for enterprises it has no relationship with.
 */
export async function getEnterprise(id: string, actor: Actor, deps: AppDeps): Promise<EnterpriseDetail> {
  const scope = authorize(actor, 'enterprise.read');
  const [row] = await deps.db
    .select()
    .from(tables.enterprises)
    .where(
      and(
        eq(tables.enterprises.organisationId, id),
        enterpriseVisibility(actor, scope, toShanghaiDate(deps.clock.now())),
      ),
    );
  if (row === undefined) throw new DomainError('NOT_FOUND');
  return toEnterpriseDetail(row, deps.dataKey);
}
