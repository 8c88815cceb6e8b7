import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { assertCaseAction, type CaseState } from '@ipf/domain/ledger';
import { allocateLargestRemainder, formatYuan, parseYuan } from '@ipf/domain/money';
import { OPENED_DISPOSITION, WHOLE_BPS, type RiskRole } from '@ipf/domain/risk-sharing';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { getVisibleCase, withPreparer, writeCaseTransition } from '../ledger/transition-case.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { findPartiesBorne, rolesOfAgreement } from './disposition-party-borne.ts';
import { formatDistributionRatios } from './format-distribution-ratios.ts';
import {
  appendDispositionTimelineEvent,
  loadDispositionDetail,
  type DispositionDetail,
} from './disposition-view.ts';
import { findCaseAgreement, lockCaseRow } from './risk-claim-view.ts';

/** One party's 分配比例 as the clerk sets it at opening (bps of the net proceeds). */
export interface DistributionShareInput {
  readonly partyId: string;
  readonly weightBps: number;
}

export interface OpenDispositionInput {
  readonly caseId: string;
  /** 评估价值 of the pledged IP at opening (recovery rate = net proceeds ÷ appraised value). */
  readonly appraisedValueYuan?: string;
  /** Ratios agreed among the parties; default: pro rata to what each bears now (fixed here, before disposal). */
  readonly distribution?: readonly DistributionShareInput[];
  readonly note?: string;
}

const DEFAULTED_STATES = new Set(['non_performing', 'compensating', 'disposing']);

/**
 * 启动处置 (open the disposition of a defaulted case's pledged IP): the bank clerk opens one disposition per
 * non-performing or compensating case; the 分配比例 among bank, guarantor, re-guarantor, pool, insurer and evaluator
 * is fixed now, before disposal (given, or by default each party's share of what it bears now, in bps by largest
 * remainder); the ledger case moves to `disposing` (`start_disposal`), on the timeline, audited.
 * Source: issue 8 item 5; R11 "distribution ratios among guarantor, bank, pool and evaluator fixed before disposal".
 * @throws DISPOSITION_CASE_NOT_DEFAULTED, DISPOSITION_ALREADY_OPEN, RISK_AGREEMENT_MISSING,
 * DISPOSITION_DISTRIBUTION_INVALID.
 */
export async function openDisposition(
  input: OpenDispositionInput,
  actor: Actor,
  deps: AppDeps,
): Promise<DispositionDetail> {
  const scope = authorize(actor, 'disposition.manage');
  const appraisedValueFen =
    input.appraisedValueYuan === undefined ? null : parseYuan(input.appraisedValueYuan);
  if (appraisedValueFen !== null && appraisedValueFen < 0n)
    throw new DomainError('DISPOSITION_AMOUNT_INVALID');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  return runInTransaction(deps, async (tx) => {
    const visible = await getVisibleCase(tx, input.caseId, actor, scope);
    let caseRow = await lockCaseRow(tx, visible.id);
    if (!DEFAULTED_STATES.has(caseRow.state))
      throw new DomainError('DISPOSITION_CASE_NOT_DEFAULTED', { state: caseRow.state });
    const [existing] = await tx
      .select({ id: tables.dispositionCases.id })
      .from(tables.dispositionCases)
      .where(eq(tables.dispositionCases.caseId, caseRow.id));
    if (existing !== undefined) throw new DomainError('DISPOSITION_ALREADY_OPEN');
    const stored = await findCaseAgreement(tx, caseRow.id);
    if (stored === null) throw new DomainError('RISK_AGREEMENT_MISSING');
    const roles = rolesOfAgreement(stored.agreement);

    let distribution: tables.StoredDistributionShare[];
    if (input.distribution === undefined) {
      const borne = await findPartiesBorne(tx, caseRow, stored.agreement, today);
      const weights = allocateLargestRemainder(
        WHOLE_BPS,
        borne.map((b) => b.amountFen),
      );
      distribution = borne.map((b, i) => ({
        role: b.role,
        party: b.party,
        weightBps: (weights[i] ?? 0n).toString(),
      }));
    } else {
      distribution = validateDistribution(input.distribution, roles);
    }

    if (caseRow.state !== 'disposing') {
      const to = assertCaseAction({
        state: caseRow.state as CaseState,
        action: 'start_disposal',
        actorRole: actor.role,
        actorUserId: actor.userId,
        preparedByUserIds: caseRow.preparedByUserIds,
      });
      caseRow = await writeCaseTransition(
        tx,
        deps,
        actor,
        {
          row: caseRow,
          action: 'start_disposal',
          to,
          reasonCode: 'disposition_opened',
          note: input.note ?? null,
          patch: { preparedByUserIds: withPreparer(caseRow, actor.userId) },
        },
        now,
      );
    }
    const [row] = await tx
      .insert(tables.dispositionCases)
      .values({
        id: randomUUID(),
        caseId: caseRow.id,
        agreementId: stored.id,
        state: OPENED_DISPOSITION.status,
        path: null,
        distribution,
        distributionFixedAt: now,
        appraisedValueFen,
        openedByUserId: actor.userId,
        openedDate: today,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const ratios = formatDistributionRatios(distribution);
    await appendDispositionTimelineEvent(
      tx,
      actor,
      {
        caseId: caseRow.id,
        action: 'open_disposition',
        reasonCode: 'disposition_opened',
        note: `启动处置，分配比例固定：${ratios}${
          appraisedValueFen === null ? '' : `；评估价值 ${formatYuan(appraisedValueFen)} 元`
        }`,
      },
      now,
    );
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'disposition.opened',
        entityType: 'disposition_case',
        entityId: row!.id,
        after: { caseId: caseRow.id, distribution, appraisedValueFen: appraisedValueFen?.toString() ?? null },
      },
      now,
    );
    return loadDispositionDetail(tx, row!);
  });
}

/** The clerk's ratios: parties of the agreement (or the bank), each once, whole bps ≥ 0 totalling 10000. */
export function validateDistribution(
  shares: readonly DistributionShareInput[],
  roles: ReadonlyMap<string, RiskRole>,
): tables.StoredDistributionShare[] {
  const seen = new Set<string>();
  let total = 0n;
  const invalid = () =>
    new DomainError(
      'DISPOSITION_DISTRIBUTION_INVALID',
      {},
      { problems: [{ code: 'DISPOSITION_DISTRIBUTION_INVALID', field: 'distribution' }] },
    );
  const result = shares.map((share) => {
    const role = roles.get(share.partyId);
    if (role === undefined || seen.has(share.partyId)) throw invalid();
    if (!Number.isSafeInteger(share.weightBps) || share.weightBps < 0) throw invalid();
    seen.add(share.partyId);
    total += BigInt(share.weightBps);
    return { role, party: share.partyId, weightBps: String(share.weightBps) };
  });
  if (total !== WHOLE_BPS) throw invalid();
  return result;
}
