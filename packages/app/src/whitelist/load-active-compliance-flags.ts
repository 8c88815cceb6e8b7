import { and, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import type { ComplianceFlagKind } from '@ipf/domain/whitelist';
import { tables, type Executor } from '@ipf/db';

/** Case states past default (states.md): non-performing, in compensation or disposal, or written off. */
const DEFAULTED_CASE_STATES = ['non_performing', 'compensating', 'disposing', 'written_off'];
/** Five-category grades that are default (次级 or worse). */
const DEFAULT_GRADES = ['substandard', 'doubtful', 'loss'];

/**
 * The compliance flags holding for each of `enterpriseIds` on `asOfDate` (issue 10 item 4), sorted kinds without
 * duplicates, for building a whitelist: the recorded flags active that day (effective ≤ day < cleared) and
 * `platform_default`, derived from the ledger as it stands — a case of the enterprise past default
 * (non-performing, compensating, disposing, written off) or an active loan graded 次级 or worse. Enterprises
 * without a flag are absent from the map.
 */
export async function loadActiveComplianceFlags(
  executor: Executor,
  input: { readonly enterpriseIds: readonly string[]; readonly asOfDate: string },
): Promise<Map<string, ComplianceFlagKind[]>> {
  const flagsOf = new Map<string, Set<ComplianceFlagKind>>();
  if (input.enterpriseIds.length === 0) return new Map();
  const add = (enterpriseId: string, kind: ComplianceFlagKind) => {
    const kinds = flagsOf.get(enterpriseId) ?? new Set<ComplianceFlagKind>();
    kinds.add(kind);
    flagsOf.set(enterpriseId, kinds);
  };
  const ids = [...input.enterpriseIds];

  const f = tables.complianceFlags;
  const recorded = await executor
    .select({ enterpriseId: f.enterpriseId, kind: f.kind })
    .from(f)
    .where(
      and(
        inArray(f.enterpriseId, ids),
        lte(f.effectiveOn, input.asOfDate),
        or(isNull(f.clearedOn), gt(f.clearedOn, input.asOfDate)),
      ),
    );
  for (const r of recorded) add(r.enterpriseId, r.kind as ComplianceFlagKind);

  const c = tables.financingCases;
  const defaultedCases = await executor
    .selectDistinct({ enterpriseId: c.enterpriseId })
    .from(c)
    .where(and(inArray(c.enterpriseId, ids), inArray(c.state, DEFAULTED_CASE_STATES)));
  for (const r of defaultedCases) add(r.enterpriseId, 'platform_default');
  const la = tables.loanAccounts;
  const defaultedLoans = await executor
    .selectDistinct({ enterpriseId: la.enterpriseId })
    .from(la)
    .where(
      and(
        inArray(la.enterpriseId, ids),
        inArray(la.status, ['active']),
        or(inArray(la.ownGrade, DEFAULT_GRADES), inArray(la.grade, DEFAULT_GRADES)),
      ),
    );
  for (const r of defaultedLoans) add(r.enterpriseId, 'platform_default');

  return new Map([...flagsOf].map(([id, kinds]) => [id, [...kinds].sort()]));
}
