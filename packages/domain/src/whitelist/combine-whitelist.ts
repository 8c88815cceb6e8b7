import { whitelistGrades, type Grade } from './whitelist-feature-row.ts';
import type {
  WhitelistEntry,
  WhitelistExclusionReason,
  WhitelistIpRecord,
  WhitelistRules,
} from './whitelist-rules.ts';

/**
 * 白名单生成 (whitelist for one bank): combines the bank's grades with each enterprise's IP record under the
 * bureau's published rules (issue 10 item 4). An enterprise is included when it has a grade at least
 * `minGrade`, at least `minValidInventionPatents`, a valuation score of at least `minValuationScore`, no overdue
 * (if `excludeOverdue`) and no compliance flag; otherwise `reasons` lists every failed condition. The suggested
 * credit band is the band of its grade with the highest `minScore` its valuation score reaches. Example: grade
 * B, score 85 → rules v1 band 300–600 万元.
 */
export function combineWhitelist(
  rules: WhitelistRules,
  grades:
    | ReadonlyMap<string, Grade | null>
    | readonly { readonly enterpriseId: string; readonly grade: Grade | null }[],
  records: readonly WhitelistIpRecord[],
): WhitelistEntry[] {
  const gradeOf =
    grades instanceof Map
      ? (grades as ReadonlyMap<string, Grade | null>)
      : new Map(
          (grades as readonly { enterpriseId: string; grade: Grade | null }[]).map((g) => [
            g.enterpriseId,
            g.grade,
          ]),
        );
  const minGradeIndex = whitelistGrades.indexOf(rules.minGrade);

  return records.map((record) => {
    const grade = gradeOf.get(record.enterpriseId) ?? null;
    const reasons: WhitelistExclusionReason[] = [];
    if (grade === null) reasons.push('NO_GRADE');
    else if (whitelistGrades.indexOf(grade) > minGradeIndex) reasons.push('GRADE_BELOW_MINIMUM');
    if (record.validInventionPatents < rules.minValidInventionPatents)
      reasons.push('TOO_FEW_INVENTION_PATENTS');
    if (record.valuationScore === null) {
      if (rules.minValuationScore > 0) reasons.push('VALUATION_SCORE_MISSING');
    } else if (record.valuationScore < rules.minValuationScore) reasons.push('VALUATION_SCORE_TOO_LOW');
    if (rules.excludeOverdue && record.overdueCount > 0) reasons.push('OVERDUE');
    if ((record.complianceFlags ?? []).length > 0) reasons.push('COMPLIANCE_FLAG');

    const included = reasons.length === 0;
    if (!included || grade === null) return { enterpriseId: record.enterpriseId, grade, included, reasons };
    const score = record.valuationScore ?? 0;
    const band = rules.creditBands
      .filter((b) => b.grade === grade && score >= b.minScore)
      .sort((a, b) => b.minScore - a.minScore)[0];
    return band === undefined
      ? { enterpriseId: record.enterpriseId, grade, included, reasons }
      : {
          enterpriseId: record.enterpriseId,
          grade,
          included,
          reasons,
          suggestedCreditBand: { minWan: band.bandWan[0], maxWan: band.bandWan[1] },
        };
  });
}
