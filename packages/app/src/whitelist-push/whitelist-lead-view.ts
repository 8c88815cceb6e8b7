import { and, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { CN_HOLIDAY_CALENDAR } from '@ipf/domain/calendar';
import { calculateLeadTracking, type LeadTrackingStatus } from '@ipf/domain/whitelist-push';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AccessScope } from '../access/permission-matrix.ts';
import { decryptField } from '../crypto/field-encryption.ts';
import { formatYuan } from '@ipf/domain/money';
import { toShanghaiDate } from '../support/shanghai-date.ts';

/** 推送名单 one line: the pushed enterprise, its lead on the ledger and the tracking. */
export interface WhitelistLeadView {
  readonly id: string;
  readonly roundId: string;
  readonly roundNumber: string;
  readonly bankId: string;
  readonly bankNameZh: string;
  readonly bankNameEn: string;
  readonly bankUnitId: string;
  readonly bankUnitNameZh: string;
  readonly bankUnitNameEn: string;
  readonly enterpriseId: string;
  readonly enterpriseName: string;
  readonly uscc: string;
  readonly district: string;
  /** Revealed to the receiving bank and the bureau; null for the enterprise itself. */
  readonly contactName: string | null;
  readonly contactPhone: string | null;
  readonly grade: string;
  readonly creditBandLowYuan: string | null;
  readonly creditBandHighYuan: string | null;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly caseState: string;
  readonly declineReasonCode: string | null;
  readonly status: LeadTrackingStatus;
  readonly pushedAt: string;
  readonly contactedAt: string | null;
  readonly contactNote: string | null;
  readonly followUpDueOn: string;
  readonly followUpOverdue: boolean;
}

const {
  whitelistPushEntries,
  whitelistEntries,
  whitelistRounds,
  financingCases,
  enterprises,
  organisations,
} = tables;

/**
 * Which pushed entries an actor sees: a bank user those pushed to its unit or a unit below it (the push reveals
 * them to that bank only), a district bureau its district's, the city bureau all, an enterprise its own (which
 * banks received it).
 */
export function whitelistLeadVisibility(actor: Actor, scope: Exclude<AccessScope, 'none'>): SQL {
  switch (scope) {
    case 'all':
      return sql`true`;
    case 'district':
      return actor.district === null ? sql`false` : eq(enterprises.district, actor.district);
    case 'own_org':
      return actor.organisationKind === 'bank'
        ? sql`exists (select 1 from ${organisations} u where u.id = ${whitelistPushEntries.bankUnitId} and u.path like ${`${actor.organisationPath}%`})`
        : eq(whitelistPushEntries.enterpriseId, actor.organisationId);
    default:
      return sql`false`;
  }
}

/** Loads the pushed entries matching `where`, with their tracking as of now (oldest push first). */
export async function loadWhitelistLeads(
  executor: Executor,
  actor: Actor,
  where: SQL,
  deps: { readonly dataKey: Buffer; readonly now: Date },
): Promise<WhitelistLeadView[]> {
  const bank = alias(organisations, 'bank');
  const unit = alias(organisations, 'unit');
  const rows = await executor
    .select({
      p: whitelistPushEntries,
      roundNumber: whitelistRounds.roundNumber,
      bankNameZh: bank.nameZh,
      bankNameEn: bank.nameEn,
      unitNameZh: unit.nameZh,
      unitNameEn: unit.nameEn,
      name: enterprises.name,
      uscc: enterprises.uscc,
      district: enterprises.district,
      contactNameEnc: enterprises.contactNameEnc,
      contactPhoneEnc: enterprises.contactPhoneEnc,
      grade: whitelistEntries.grade,
      low: whitelistEntries.creditBandLowFen,
      high: whitelistEntries.creditBandHighFen,
      caseNumber: financingCases.caseNumber,
      caseState: financingCases.state,
      declineReasonCode: financingCases.declineReasonCode,
    })
    .from(whitelistPushEntries)
    .innerJoin(whitelistRounds, eq(whitelistRounds.id, whitelistPushEntries.roundId))
    .innerJoin(bank, eq(bank.id, whitelistPushEntries.bankId))
    .innerJoin(unit, eq(unit.id, whitelistPushEntries.bankUnitId))
    .innerJoin(enterprises, eq(enterprises.organisationId, whitelistPushEntries.enterpriseId))
    .innerJoin(whitelistEntries, eq(whitelistEntries.id, whitelistPushEntries.entryId))
    .innerJoin(financingCases, eq(financingCases.id, whitelistPushEntries.caseId))
    .where(and(where))
    .orderBy(whitelistPushEntries.pushedAt, whitelistPushEntries.id);
  const today = toShanghaiDate(deps.now);
  const revealContacts = actor.organisationKind !== 'enterprise';
  return rows.map((r) => {
    const tracking = calculateLeadTracking(
      {
        caseState: r.caseState,
        contacted: r.p.contactedAt !== null,
        pushedOn: toShanghaiDate(r.p.pushedAt),
        today,
      },
      CN_HOLIDAY_CALENDAR,
    );
    return {
      id: r.p.id,
      roundId: r.p.roundId,
      roundNumber: r.roundNumber,
      bankId: r.p.bankId,
      bankNameZh: r.bankNameZh,
      bankNameEn: r.bankNameEn,
      bankUnitId: r.p.bankUnitId,
      bankUnitNameZh: r.unitNameZh,
      bankUnitNameEn: r.unitNameEn,
      enterpriseId: r.p.enterpriseId,
      enterpriseName: r.name,
      uscc: r.uscc,
      district: r.district,
      contactName: revealContacts ? decryptField(r.contactNameEnc, deps.dataKey) : null,
      contactPhone: revealContacts ? decryptField(r.contactPhoneEnc, deps.dataKey) : null,
      grade: r.grade,
      creditBandLowYuan: r.low === null ? null : formatYuan(r.low),
      creditBandHighYuan: r.high === null ? null : formatYuan(r.high),
      caseId: r.p.caseId,
      caseNumber: r.caseNumber,
      caseState: r.caseState,
      declineReasonCode: r.declineReasonCode,
      status: tracking.status,
      pushedAt: r.p.pushedAt.toISOString(),
      contactedAt: r.p.contactedAt?.toISOString() ?? null,
      contactNote: r.p.contactNote,
      followUpDueOn: tracking.followUpDueOn,
      followUpOverdue: tracking.followUpOverdue,
    };
  });
}
