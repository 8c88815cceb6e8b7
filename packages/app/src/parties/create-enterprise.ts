import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { assertNoProblems, DomainError } from '@ipf/domain/errors';
import { normalizeUscc } from '@ipf/domain/party';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { toEnterpriseDetail, type EnterpriseDetail } from './enterprise-view.ts';
import {
  toEnterpriseProfileColumns,
  validateEnterpriseProfile,
  type EnterpriseProfileInput,
} from './enterprise-profile-input.ts';

/**
 * 企业入驻: creates the enterprise organisation and its profile together. The credit code is validated with
 * both check characters and may be registered once only.
 */
export async function createEnterprise(
  input: EnterpriseProfileInput & { readonly id?: string },
  actor: Actor,
  deps: AppDeps,
): Promise<EnterpriseDetail> {
  authorize(actor, 'enterprise.create');
  const now = deps.clock.now();
  assertNoProblems(validateEnterpriseProfile(input, toShanghaiDate(now)));
  const uscc = normalizeUscc(input.uscc);

  return runInTransaction(deps, async (tx) => {
    const [taken] = await tx
      .select({ id: tables.enterprises.organisationId })
      .from(tables.enterprises)
      .where(eq(tables.enterprises.uscc, uscc));
    if (taken !== undefined) {
      throw new DomainError(
        'USCC_ALREADY_REGISTERED',
        { uscc },
        { problems: [{ code: 'USCC_ALREADY_REGISTERED', field: 'uscc', params: { uscc } }] },
      );
    }
    const id = input.id ?? randomUUID();
    await tx.insert(tables.organisations).values({
      id,
      kind: 'enterprise',
      nameZh: input.name.trim(),
      nameEn: input.name.trim(),
      parentId: null,
      path: `/${id}/`,
      bankLevel: null,
      district: input.district,
      uscc,
      createdAt: now,
    });
    const [row] = await tx
      .insert(tables.enterprises)
      .values({ organisationId: id, uscc, ...toEnterpriseProfileColumns(input, deps.dataKey, now) })
      .returning();
    const detail = toEnterpriseDetail(row!, deps.dataKey);
    await deps.audit.append(
      tx,
      actor,
      { action: 'enterprise.created', entityType: 'enterprise', entityId: id, after: detail },
      now,
    );
    return detail;
  });
}
