import { and, eq, gt, gte, isNull, lte, or } from 'drizzle-orm';
import { WHITELIST_PROGRAMME_SCOPE } from '@ipf/domain/whitelist-round';
import { tables, type Executor } from '@ipf/db';

export interface FindValidProgrammeOptInsInput {
  /** The city bureau that runs the programme: the opt-in's recipient. */
  readonly bureauId: string;
  /** The day (Asia/Shanghai) the opt-in must not have expired by. */
  readonly asOfDate: string;
  /** The instant the opt-in must have been granted by and not yet revoked at. */
  readonly at: Date;
}

/**
 * 有效的白名单计划授权 (valid whitelist-programme opt-ins, issue 10 item 1): the enterprises with a consent of scope
 * `whitelist_programme` granted to the programme's bureau `bureauId` by `at`, not revoked by then and not expired
 * on `asOfDate`. A consent to another recipient never counts. The one query behind every set of opted-in
 * enterprises: a round's release (`loadWhitelistFeatureRows`) and the PSI set `opted_in` (`loadPsiServerSet`).
 * Returns the (distinct) select itself, so callers await it or use it as a subquery in `inArray`.
 */
export function findValidProgrammeOptIns(executor: Executor, input: FindValidProgrammeOptInsInput) {
  const c = tables.consents;
  return executor
    .selectDistinct({ enterpriseId: c.enterpriseId })
    .from(c)
    .where(
      and(
        eq(c.scope, WHITELIST_PROGRAMME_SCOPE),
        eq(c.recipientId, input.bureauId),
        lte(c.grantedAt, input.at),
        or(isNull(c.revokedAt), gt(c.revokedAt, input.at)),
        gte(c.expiresOn, input.asOfDate),
      ),
    );
}
