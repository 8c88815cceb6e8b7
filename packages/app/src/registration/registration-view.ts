import { asc, eq, inArray } from 'drizzle-orm';
import { formatErrorMessage } from '@ipf/domain/errors';
import { formatYuan } from '@ipf/domain/money';
import { registrationAuthorities, registrationStates } from '@ipf/domain/registration';
import { tables, type Executor } from '@ipf/db';

export type RegistrationRow = typeof tables.pledgeRegistrations.$inferSelect;

/** A stated item (refusal ground or missing material) with its messages in both languages. */
export interface RegistrationItemView {
  readonly code: string;
  readonly field: string;
  readonly params: Record<string, string>;
  /** The regulation and its numbered ground (refusals only; item null = "other" or unnumbered). */
  readonly regulation: string | null;
  readonly groundItem: number | null;
  readonly assetId: string | null;
  readonly messageZh: string;
  readonly messageEn: string;
}

/** 质押登记 on the wire: state with labels, numbers, dates, working days, notice, grounds, missing materials. */
export interface RegistrationView {
  readonly id: string;
  readonly caseId: string;
  readonly authorityId: string;
  readonly authorityZh: string;
  readonly authorityEn: string;
  readonly state: string;
  readonly stateZh: string;
  readonly stateEn: string;
  readonly applicationNumber: string;
  readonly registrationNumber: string | null;
  readonly pledgorOrganisationId: string;
  readonly pledgeeOrganisationId: string;
  readonly securedAmountYuan: string;
  readonly filingDate: string;
  readonly periodStartDate: string;
  readonly dueDate: string;
  readonly decisionDate: string | null;
  readonly withinTimeLimit: boolean | null;
  readonly workingDaysToDecision: number | null;
  readonly correctionRequestedDate: string | null;
  readonly periodEndDate: string | null;
  readonly channel: string;
  readonly materials: string[];
  readonly assetIds: string[];
  readonly refusalGrounds: RegistrationItemView[];
  readonly missingMaterials: RegistrationItemView[];
  readonly notice: Record<string, unknown> | null;
  readonly events: { event: string; fromState: string | null; toState: string; occurredAt: string }[];
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

interface StoredItem {
  code: string;
  field?: string;
  params?: Record<string, unknown>;
  ground?: { regulation?: string; item?: number | null };
  assetId?: string | null;
}

function itemView(raw: unknown): RegistrationItemView {
  const item = raw as StoredItem;
  const params = Object.fromEntries(Object.entries(item.params ?? {}).map(([k, v]) => [k, String(v)]));
  return {
    code: item.code,
    field: item.field ?? '',
    params,
    regulation: item.ground?.regulation ?? null,
    groundItem: item.ground?.item ?? null,
    assetId: item.assetId ?? null,
    messageZh: formatErrorMessage(item.code, params, 'zh-CN'),
    messageEn: formatErrorMessage(item.code, params, 'en'),
  };
}

/** Registrations on the wire, with their locked assets and their timelines. */
export async function toRegistrationViews(
  executor: Executor,
  rows: readonly RegistrationRow[],
): Promise<RegistrationView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const locks = await executor
    .select({
      registrationId: tables.assetPledgeLocks.registrationId,
      assetId: tables.assetPledgeLocks.assetId,
    })
    .from(tables.assetPledgeLocks)
    .where(inArray(tables.assetPledgeLocks.registrationId, ids));
  const events = await executor
    .select()
    .from(tables.registrationEvents)
    .where(inArray(tables.registrationEvents.registrationId, ids))
    .orderBy(asc(tables.registrationEvents.occurredAt));
  return rows.map((r) => {
    const authority = registrationAuthorities.find((a) => a.authorityId === r.authorityId);
    const state = registrationStates.find((s) => s.code === r.state);
    return {
      id: r.id,
      caseId: r.caseId,
      authorityId: r.authorityId,
      authorityZh: authority?.zh ?? r.authorityId,
      authorityEn: authority?.en ?? r.authorityId,
      state: r.state,
      stateZh: state?.zh ?? r.state,
      stateEn: state?.en ?? r.state,
      applicationNumber: r.applicationNumber,
      registrationNumber: r.registrationNumber,
      pledgorOrganisationId: r.pledgorOrganisationId,
      pledgeeOrganisationId: r.pledgeeOrganisationId,
      securedAmountYuan: formatYuan(r.securedAmountFen),
      filingDate: r.filingDate,
      periodStartDate: r.periodStartDate,
      dueDate: r.dueDate,
      decisionDate: r.decisionDate,
      withinTimeLimit: r.withinTimeLimit,
      workingDaysToDecision: r.workingDaysToDecision,
      correctionRequestedDate: r.correctionRequestedDate,
      periodEndDate: r.periodEndDate,
      channel: r.channel,
      materials: r.materials,
      assetIds: [...new Set(locks.filter((l) => l.registrationId === r.id).map((l) => l.assetId))],
      refusalGrounds: (r.refusalGrounds ?? []).map(itemView),
      missingMaterials: (r.missingMaterials ?? []).map(itemView),
      notice: r.notice ?? null,
      events: events
        .filter((e) => e.registrationId === r.id)
        .map((e) => ({
          event: e.event,
          fromState: e.fromState,
          toState: e.toState,
          occurredAt: e.occurredAt.toISOString(),
        })),
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}

/** One registration row by id (no visibility check: callers check the case). */
export async function findRegistrationRow(executor: Executor, id: string): Promise<RegistrationRow | null> {
  const [row] = await executor
    .select()
    .from(tables.pledgeRegistrations)
    .where(eq(tables.pledgeRegistrations.id, id));
  return row ?? null;
}
