import { isComplianceFlagActive } from '@ipf/domain/whitelist';
import type { tables } from '@ipf/db';

/** 合规标记 as the bureau and the enterprise read it. */
export interface ComplianceFlagView {
  readonly id: string;
  readonly enterpriseId: string;
  readonly enterpriseName: string;
  readonly uscc: string;
  readonly district: string;
  readonly kind: string;
  readonly sourceAuthority: string;
  readonly sourceReference: string;
  readonly effectiveOn: string;
  readonly note: string | null;
  readonly recordedBy: string;
  readonly recordedAt: string;
  readonly clearedOn: string | null;
  readonly clearReason: string | null;
  readonly clearedBy: string | null;
  readonly clearedAt: string | null;
  /** Whether it holds today (Asia/Shanghai): effective on or before today and not cleared by then. */
  readonly active: boolean;
}

/** Maps a stored flag with its enterprise and the users' display names to the view, `active` as of `today`. */
export function toComplianceFlagView(
  row: {
    readonly flag: typeof tables.complianceFlags.$inferSelect;
    readonly enterprise: { readonly name: string; readonly uscc: string; readonly district: string };
    readonly recordedBy: string;
    readonly clearedBy: string | null;
  },
  today: string,
): ComplianceFlagView {
  const { flag } = row;
  return {
    id: flag.id,
    enterpriseId: flag.enterpriseId,
    enterpriseName: row.enterprise.name,
    uscc: row.enterprise.uscc,
    district: row.enterprise.district,
    kind: flag.kind,
    sourceAuthority: flag.sourceAuthority,
    sourceReference: flag.sourceReference,
    effectiveOn: flag.effectiveOn,
    note: flag.note,
    recordedBy: row.recordedBy,
    recordedAt: flag.recordedAt.toISOString(),
    clearedOn: flag.clearedOn,
    clearReason: flag.clearReason,
    clearedBy: row.clearedBy,
    clearedAt: flag.clearedAt?.toISOString() ?? null,
    active: isComplianceFlagActive(flag, today),
  };
}
