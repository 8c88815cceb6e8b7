import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, max } from 'drizzle-orm';
import { isIsoDate } from '@ipf/domain/calendar';
import { DomainError } from '@ipf/domain/errors';
import {
  detectPledgedAssetAlerts,
  findConditionStartDates,
  rankPledgeAlertSeverity,
  type PledgeAlertFinding,
  type PledgeAlertSeverity,
} from '@ipf/domain/monitoring';
import { isPledgeOnRegister, type RegistrationState } from '@ipf/domain/registration';
import { tables, type Transaction } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';

export interface ScanPledgedAssetsInput {
  /** 业务日期 (Asia/Shanghai), at most today. */
  readonly businessDate: string;
  /** Only this case's pledges (the scan of one case, e.g. right after registration); all when absent. */
  readonly caseId?: string;
}

/** What one scan did. */
export interface PledgeScanResult {
  readonly businessDate: string;
  readonly pledgesScanned: number;
  readonly raised: number;
  readonly escalated: number;
  readonly resolved: number;
}

interface ScannedPledge {
  readonly caseId: string;
  readonly assetId: string;
  readonly pledgeeOrganisationId: string;
  readonly findings: PledgeAlertFinding[];
}

const { assetPledgeLocks, pledgeRegistrations, pledgeAlerts } = tables;

/** Groups rows by a key. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
}

async function detectAll(
  tx: Transaction,
  businessDate: string,
  caseId: string | undefined,
): Promise<ScannedPledge[]> {
  const locks = await tx
    .select({ lock: assetPledgeLocks, registration: pledgeRegistrations })
    .from(assetPledgeLocks)
    .innerJoin(pledgeRegistrations, eq(pledgeRegistrations.id, assetPledgeLocks.registrationId))
    .where(
      and(
        isNull(assetPledgeLocks.releasedAt),
        caseId === undefined ? undefined : eq(assetPledgeLocks.caseId, caseId),
      ),
    )
    .orderBy(asc(assetPledgeLocks.caseId), asc(assetPledgeLocks.assetId));
  const onRegister = locks.filter((l) => isPledgeOnRegister(l.registration.state as RegistrationState));
  if (onRegister.length === 0) return [];
  const assetIds = [...new Set(onRegister.map((l) => l.lock.assetId))];
  const caseIds = [...new Set(onRegister.map((l) => l.lock.caseId))];

  const assets = new Map(
    (await tx.select().from(tables.ipAssets).where(inArray(tables.ipAssets.id, assetIds))).map((a) => [
      a.id,
      a,
    ]),
  );
  const owners = groupBy(
    await tx.select().from(tables.ipAssetOwners).where(inArray(tables.ipAssetOwners.assetId, assetIds)),
    (o) => o.assetId,
  );
  const licences = groupBy(
    await tx
      .select()
      .from(tables.ipAssetLicences)
      .where(
        and(
          inArray(tables.ipAssetLicences.assetId, assetIds),
          eq(tables.ipAssetLicences.disclosedToPledgee, false),
        ),
      ),
    (l) => l.assetId,
  );
  const history = groupBy(
    await tx
      .select()
      .from(tables.ipAssetStatusEvents)
      .where(inArray(tables.ipAssetStatusEvents.assetId, assetIds))
      .orderBy(asc(tables.ipAssetStatusEvents.occurredOn), asc(tables.ipAssetStatusEvents.recordedAt)),
    (e) => e.assetId,
  );
  const feesPaidThrough = new Map(
    (
      await tx
        .select({
          assetId: tables.feePaymentsOnBehalf.assetId,
          through: max(tables.feePaymentsOnBehalf.paidThroughDate),
        })
        .from(tables.feePaymentsOnBehalf)
        .where(inArray(tables.feePaymentsOnBehalf.assetId, assetIds))
        .groupBy(tables.feePaymentsOnBehalf.assetId)
    ).map((f) => [f.assetId, f.through]),
  );
  const valuations = new Map<string, { valuationDate: string | null; validUntil: string | null }>();
  for (const v of await tx
    .select()
    .from(tables.caseEvaluations)
    .where(
      and(
        inArray(tables.caseEvaluations.caseId, caseIds),
        inArray(tables.caseEvaluations.step, ['value', 'revaluation']),
      ),
    )
    .orderBy(desc(tables.caseEvaluations.recordedAt)))
    if (!valuations.has(v.caseId))
      valuations.set(v.caseId, { valuationDate: v.valuationDate, validUntil: v.validUntil });
  const loans = new Map(
    (
      await tx
        .select({ caseId: tables.loanAccounts.caseId, maturityDate: tables.loanAccounts.maturityDate })
        .from(tables.loanAccounts)
        .where(and(inArray(tables.loanAccounts.caseId, caseIds), eq(tables.loanAccounts.status, 'active')))
    ).map((l) => [l.caseId, l]),
  );

  return onRegister.flatMap(({ lock, registration }) => {
    const asset = assets.get(lock.assetId);
    if (asset === undefined) return [];
    const feesThrough = feesPaidThrough.get(asset.id) ?? null;
    const registerThrough = asset.annualFeePaidThrough;
    const paidThrough =
      feesThrough !== null && (registerThrough === null || feesThrough > registerThrough)
        ? feesThrough
        : registerThrough;
    const valuation = valuations.get(lock.caseId);
    const pledgedOn = registration.decisionDate ?? registration.filingDate;
    const findings = detectPledgedAssetAlerts(
      {
        assetId: asset.id,
        kind: asset.kind,
        legalStatus: asset.legalStatus,
        flags: asset.flags,
        expiryDate: asset.expiryDate,
        annualFeePaidThrough: paidThrough,
        conditionSince: findConditionStartDates(history.get(asset.id) ?? []),
        undisclosedLicenceStartDates: (licences.get(asset.id) ?? []).map((l) => l.startDate),
        pledgorIsOwner: (owners.get(asset.id) ?? []).some(
          (o) => o.enterpriseId === registration.pledgorOrganisationId,
        ),
        ownersChangedOn: toShanghaiDate(asset.updatedAt),
      },
      {
        pledgedOn,
        periodEndDate: registration.periodEndDate ?? registration.dueDate,
        valuationDate: valuation?.valuationDate ?? null,
        valuationValidUntil: valuation?.validUntil ?? null,
      },
      loans.get(lock.caseId) ?? null,
      businessDate,
    );
    return [
      { caseId: lock.caseId, assetId: asset.id, pledgeeOrganisationId: lock.pledgeeOrganisationId, findings },
    ];
  });
}

/**
 * 押品贷后监测扫描 (the scan of every pledge on the register for one business date): raises the alerts
 * `detectPledgedAssetAlerts` finds that do not exist yet (unique per case, asset, kind and due date, so a rescan
 * never duplicates), raises the severity of an unresolved alert that got worse, and resolves the unresolved
 * alerts whose condition cleared (fee paid, flag lifted, new valuation), all in one transaction with one audit
 * event. The annual fee counts as paid through the later of the register and the fees paid on behalf
 * (代缴年费). Idempotent: the same facts on the same date change nothing. Runs after the daily servicing job, or
 * alone. Source: issue 6 item 5.
 * @throws DomainError('VALIDATION_FAILED' | 'SERVICING_DATE_IN_FUTURE')
 */
export async function scanPledgedAssets(
  input: ScanPledgedAssetsInput,
  actor: Actor,
  deps: AppDeps,
): Promise<PledgeScanResult> {
  authorize(actor, 'pledge_alert.scan');
  const { businessDate } = input;
  const today = toShanghaiDate(deps.clock.now());
  if (!isIsoDate(businessDate))
    throw new DomainError(
      'VALIDATION_FAILED',
      {},
      { problems: [{ code: 'VALIDATION_FAILED', field: 'businessDate' }] },
    );
  if (businessDate > today) throw new DomainError('SERVICING_DATE_IN_FUTURE', { businessDate, today });

  return runInTransaction(deps, async (tx) => {
    const now = deps.clock.now();
    const scanned = await detectAll(tx, businessDate, input.caseId);
    const caseIds = [...new Set(scanned.map((s) => s.caseId))];
    const existing =
      caseIds.length === 0
        ? []
        : await tx.select().from(pledgeAlerts).where(inArray(pledgeAlerts.caseId, caseIds)).for('update');
    const existingByKey = new Map(
      existing.map((a) => [`${a.caseId}/${a.assetId}/${a.kind}/${a.dueDate}`, a]),
    );
    let raised = 0;
    let escalated = 0;
    let resolved = 0;
    const found = new Set<string>();
    for (const pledge of scanned) {
      for (const finding of pledge.findings) {
        const key = `${pledge.caseId}/${pledge.assetId}/${finding.kind}/${finding.dueDate}`;
        found.add(key);
        const alert = existingByKey.get(key);
        if (alert === undefined) {
          const inserted = await tx
            .insert(pledgeAlerts)
            .values({
              id: randomUUID(),
              caseId: pledge.caseId,
              assetId: pledge.assetId,
              pledgeeOrganisationId: pledge.pledgeeOrganisationId,
              kind: finding.kind,
              severity: finding.severity,
              dueDate: finding.dueDate,
              detectedOn: businessDate,
              source: finding.source,
              params: { ...finding.params },
              state: 'open',
              createdAt: now,
              updatedAt: now,
            })
            .onConflictDoNothing()
            .returning({ id: pledgeAlerts.id });
          raised += inserted.length;
        } else if (
          alert.state !== 'resolved' &&
          rankPledgeAlertSeverity(finding.severity) >
            rankPledgeAlertSeverity(alert.severity as PledgeAlertSeverity)
        ) {
          await tx
            .update(pledgeAlerts)
            .set({
              severity: finding.severity,
              params: { ...finding.params },
              version: alert.version + 1,
              updatedAt: now,
            })
            .where(eq(pledgeAlerts.id, alert.id));
          escalated += 1;
        }
      }
    }
    const scannedPairs = new Set(scanned.map((s) => `${s.caseId}/${s.assetId}`));
    for (const alert of existing) {
      if (alert.state === 'resolved' || !scannedPairs.has(`${alert.caseId}/${alert.assetId}`)) continue;
      if (found.has(`${alert.caseId}/${alert.assetId}/${alert.kind}/${alert.dueDate}`)) continue;
      await tx
        .update(pledgeAlerts)
        .set({
          state: 'resolved',
          resolvedAt: now,
          resolvedByUserId: null,
          note: 'condition_cleared',
          version: alert.version + 1,
          updatedAt: now,
        })
        .where(eq(pledgeAlerts.id, alert.id));
      resolved += 1;
    }
    const result: PledgeScanResult = {
      businessDate,
      pledgesScanned: scanned.length,
      raised,
      escalated,
      resolved,
    };
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'pledge_monitoring.scanned',
        entityType: 'pledge_monitoring_scan',
        entityId: input.caseId ?? businessDate,
        after: { ...result },
      },
      now,
    );
    return result;
  });
}
