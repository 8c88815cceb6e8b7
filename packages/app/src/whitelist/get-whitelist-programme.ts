import { and, desc, eq } from 'drizzle-orm';
import {
  WHITELIST_PROGRAMME_MAX_YEARS,
  WHITELIST_PROGRAMME_PURPOSE,
  WHITELIST_PROGRAMME_SCOPE,
} from '@ipf/domain/whitelist-round';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { toConsentView, type ConsentView } from '../parties/consent-view.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { findProgrammeBureau } from './find-programme-bureau.ts';

/** 白名单计划 as the enterprise sees it: whether it is in, on what terms, and its consents to the programme. */
export interface WhitelistProgrammeView {
  readonly joined: boolean;
  readonly scope: string;
  readonly purpose: string;
  readonly recipientId: string;
  readonly recipientNameZh: string;
  readonly recipientNameEn: string;
  /** The latest expiry a new consent may have (today + 3 years). */
  readonly maxExpiresOn: string;
  /** The valid consent, or null. */
  readonly current: ConsentView | null;
  /** Every programme consent of the enterprise, newest first (granted, expired, revoked). */
  readonly history: ConsentView[];
}

export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0); // 29 Feb → 28 Feb
  return target.toISOString().slice(0, 10);
}

/** Builds the programme view of one enterprise (used after join and leave, inside their transaction). */
export async function loadWhitelistProgrammeView(
  executor: Executor,
  enterpriseId: string,
  now: Date,
): Promise<WhitelistProgrammeView> {
  const bureau = await findProgrammeBureau(executor);
  const today = toShanghaiDate(now);
  const rows = await executor
    .select()
    .from(tables.consents)
    .where(
      and(
        eq(tables.consents.enterpriseId, enterpriseId),
        eq(tables.consents.scope, WHITELIST_PROGRAMME_SCOPE),
        eq(tables.consents.recipientId, bureau.id),
      ),
    )
    .orderBy(desc(tables.consents.grantedAt));
  const history = rows.map((r) => toConsentView(r, bureau, today));
  const current = history.find((c) => c.state === 'active') ?? null;
  return {
    joined: current !== null,
    scope: WHITELIST_PROGRAMME_SCOPE,
    purpose: WHITELIST_PROGRAMME_PURPOSE,
    recipientId: bureau.id,
    recipientNameZh: bureau.nameZh,
    recipientNameEn: bureau.nameEn,
    maxExpiresOn: addYears(today, WHITELIST_PROGRAMME_MAX_YEARS),
    current,
    history,
  };
}

/** 白名单计划: the enterprise's standing in the programme (issue 10 item 1). */
export async function getWhitelistProgramme(actor: Actor, deps: AppDeps): Promise<WhitelistProgrammeView> {
  authorize(actor, 'whitelist_programme.read');
  return loadWhitelistProgrammeView(deps.db, actor.organisationId, deps.clock.now());
}
