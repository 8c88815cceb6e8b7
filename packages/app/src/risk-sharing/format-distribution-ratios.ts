import { dispositionRoleLabels, type RiskSharingLabel } from '@ipf/domain/risk-sharing';

/** One party's stored share (bps of the net proceeds as a decimal string). */
interface DistributionShareWeight {
  readonly role: string;
  readonly weightBps: string;
}

const labels: Readonly<Record<string, RiskSharingLabel | undefined>> = dispositionRoleLabels;

/**
 * 分配比例 in words for a case timeline note: each party by its role's Chinese name and its share of the net proceeds
 * as a percentage with two decimals, e.g. "担保机构 40.00%，银行 10.00%". The names come from the domain's
 * label table, the words of the web's disposition pages, so the timeline reads 银行 rather than the code `bank`.
 */
export function formatDistributionRatios(distribution: readonly DistributionShareWeight[]): string {
  return distribution
    .map((d) => {
      // A percentage with two decimals is whole basis points (1234 bps → "12.34%"): no rounding involved.
      const bps = BigInt(d.weightBps);
      const pct = `${bps / 100n}.${(bps % 100n).toString().padStart(2, '0')}`;
      return `${labels[d.role]?.zh ?? d.role} ${pct}%`;
    })
    .join('，');
}
