import { and, asc, eq, inArray } from 'drizzle-orm';
import { formatRatePct, formatYuan } from '@ipf/domain/money';
import type { IpAssetKind } from '@ipf/domain/ip-asset';
import { calculateRecoveryRates, type DispositionPath } from '@ipf/domain/risk-sharing';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { caseVisibility } from '../ledger/case-visibility.ts';

/** 回收率 row on the wire. */
export interface RecoveryRateView {
  readonly ipKind: string;
  readonly path: string;
  readonly caseCount: number;
  readonly appraisedYuan: string;
  readonly recoveredYuan: string;
  /** Percent with two decimals, null when nothing was appraised. */
  readonly recoveryRatePct: string | null;
}

/**
 * 回收率统计 (recovery rate by IP kind and path) of the distributed and closed dispositions the actor sees: net
 * proceeds (proceeds less costs) over the appraised value at opening, by the first pledged asset's kind
 * (`calculateRecoveryRates`). Dispositions without an appraised value are left out. Source: issue 8 item 5, R11.
 */
export async function findDispositionRecoveryRates(actor: Actor, deps: AppDeps): Promise<RecoveryRateView[]> {
  const scope = authorize(actor, 'disposition.read');
  const { dispositionCases, financingCases, caseAssets } = tables;
  const rows = await deps.db
    .select({ disposition: dispositionCases })
    .from(dispositionCases)
    .innerJoin(financingCases, eq(financingCases.id, dispositionCases.caseId))
    .where(and(caseVisibility(actor, scope), inArray(dispositionCases.state, ['distributed', 'closed'])));
  const withValue = rows
    .map((r) => r.disposition)
    .filter((d) => d.appraisedValueFen !== null && d.path !== null);
  if (withValue.length === 0) return [];
  const assets = await deps.db
    .select({ caseId: caseAssets.caseId, kind: caseAssets.kind })
    .from(caseAssets)
    .where(
      inArray(
        caseAssets.caseId,
        withValue.map((d) => d.caseId),
      ),
    )
    .orderBy(asc(caseAssets.position));
  const kindOf = new Map<string, string>();
  for (const a of assets) if (!kindOf.has(a.caseId)) kindOf.set(a.caseId, a.kind);
  const outcomes = withValue.map((d) => {
    const net = d.proceedsFen - d.costsFen;
    return {
      ipKind: (kindOf.get(d.caseId) ?? 'invention_patent') as IpAssetKind,
      path: d.path as DispositionPath,
      exposureFen: d.appraisedValueFen!,
      recoveredFen: net < 0n ? 0n : net,
    };
  });
  return calculateRecoveryRates(outcomes).map((r) => ({
    ipKind: r.ipKind,
    path: r.path,
    caseCount: r.caseCount,
    appraisedYuan: formatYuan(r.exposureFen),
    recoveredYuan: formatYuan(r.recoveredFen),
    recoveryRatePct: r.recoveryRate === null ? null : formatRatePct(r.recoveryRate),
  }));
}
