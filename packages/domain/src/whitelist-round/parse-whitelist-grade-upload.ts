import type { ProblemDetail } from '../errors/domain-error.ts';

/** One uploaded grade: a pseudonym of the bank's release and a coarse grade A–D. */
export interface UploadedWhitelistGrade {
  readonly pseudonym: string;
  readonly grade: 'A' | 'B' | 'C' | 'D';
}

export type WhitelistGradeUpload =
  | { readonly csv: string }
  | { readonly grades: readonly { readonly pseudonym: string; readonly grade: string }[] };

const GRADES = new Set(['A', 'B', 'C', 'D']);
const HEADER = /^(pseudonym|假名)\s*,\s*(grade|评级|等级)$/i;

/**
 * 评级上传解析 (parse a bank's grade upload, issue 10 item 3b): CSV lines `pseudonym,grade` (optional header
 * `pseudonym,grade` or `假名,评级`, a UTF-8 BOM, blank lines and `\r\n` allowed) or a JSON list; grades are A–D
 * (upper or lower case), each pseudonym once. Returns the grades and every problem, with the line (CSV, 1-based)
 * or the index (`grades[3].grade`) as field; whether the pseudonyms exist is the use case's check.
 */
export function parseWhitelistGradeUpload(upload: WhitelistGradeUpload): {
  readonly grades: UploadedWhitelistGrade[];
  readonly problems: ProblemDetail[];
} {
  const entries: { pseudonym: string; grade: string; field: string; line?: number }[] = [];
  const problems: ProblemDetail[] = [];
  if ('csv' in upload) {
    const lines = upload.csv.replace(/^\uFEFF/, '').split(/\r?\n/);
    lines.forEach((raw, index) => {
      const text = raw.trim();
      if (text === '' || (index === 0 && HEADER.test(text))) return;
      const cells = text.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
      if (cells.length !== 2 || cells[0] === '') {
        problems.push({
          code: 'WHITELIST_GRADE_LINE_INVALID',
          field: `csv[${index + 1}]`,
          params: { line: index + 1 },
        });
        return;
      }
      entries.push({ pseudonym: cells[0]!, grade: cells[1]!, field: `csv[${index + 1}]`, line: index + 1 });
    });
  } else {
    upload.grades.forEach((g, index) =>
      entries.push({ pseudonym: g.pseudonym.trim(), grade: g.grade, field: `grades[${index}]` }),
    );
  }

  const seen = new Set<string>();
  const grades: UploadedWhitelistGrade[] = [];
  for (const e of entries) {
    const grade = e.grade.trim().toUpperCase();
    if (!GRADES.has(grade)) {
      problems.push({
        code: 'WHITELIST_GRADE_VALUE_INVALID',
        field: `${e.field}.grade`,
        params: { grade: e.grade },
      });
      continue;
    }
    if (seen.has(e.pseudonym)) {
      problems.push({
        code: 'WHITELIST_GRADE_DUPLICATE',
        field: `${e.field}.pseudonym`,
        params: { pseudonym: e.pseudonym },
      });
      continue;
    }
    seen.add(e.pseudonym);
    grades.push({ pseudonym: e.pseudonym, grade: grade as UploadedWhitelistGrade['grade'] });
  }
  if (grades.length === 0 && problems.length === 0)
    problems.push({ code: 'WHITELIST_GRADE_EMPTY', field: '' });
  return { grades, problems };
}
