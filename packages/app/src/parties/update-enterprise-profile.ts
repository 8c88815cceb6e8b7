import { and, eq } from 'drizzle-orm';
import { assertNoProblems, DomainError } from '@ipf/domain/errors';
import { normalizeUscc } from '@ipf/domain/party';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { enterpriseVisibility } from '../access/enterprise-visibility.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { toEnterpriseDetail, type EnterpriseDetail } from './enterprise-view.ts';
import {
  toEnterpriseProfileColumns,
  validateEnterpriseProfile,
  type EnterpriseProfileInput,
} from './enterprise-profile-input.ts';

/**
 * 维护企业档案: an enterprise user edits its own profile. The credit code is the enterprise's identity and
 * cannot change here (a change of code is a new registration).
 */
export async function updateEnterpriseProfile(
  input: EnterpriseProfileInput & { readonly id: string },
  actor: Actor,
  deps: AppDeps,
): Promise<EnterpriseDetail> {
  const scope = authorize(actor, 'enterprise.update');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  assertNoProblems(validateEnterpriseProfile(input, today));

  return runInTransaction(deps, async (tx) => {
    const [before] = await tx
      .select()
      .from(tables.enterprises)
      .where(and(eq(tables.enterprises.organisationId, input.id), enterpriseVisibility(actor, scope, today)))
      .for('update');
    if (before === undefined) throw new DomainError('NOT_FOUND');
    if (before.uscc !== normalizeUscc(input.uscc)) {
      assertNoProblems([{ code: 'FIELD_NOT_ALLOWED', field: 'uscc' }]);
    }
    const [row] = await tx
      .update(tables.enterprises)
      .set(toEnterpriseProfileColumns(input, deps.dataKey, now))
      .where(eq(tables.enterprises.organisationId, input.id))
      .returning();
    await tx
      .update(tables.organisations)
      .set({ nameZh: input.name.trim(), district: input.district })
      .where(eq(tables.organisations.id, input.id));
    const after = toEnterpriseDetail(row!, deps.dataKey);
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'enterprise.profile_updated',
        entityType: 'enterprise',
        entityId: input.id,
        before: toEnterpriseDetail(before, deps.dataKey),
        after,
      },
      now,
    );
    return after;
  });
}
