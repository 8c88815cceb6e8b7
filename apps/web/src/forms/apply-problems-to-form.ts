import type { FormInstance } from 'antd';
import type { ProblemItem } from '../api/api-types.ts';

/**
 * Turns a problem's `field` (a JSON path: `nameZh`, `/nameZh`, `$.nameZh`, `body.nameZh`) into a form field
 * name, or null when the path is empty.
 */
export function problemFieldName(field: string | undefined): string | null {
  if (field === undefined) return null;
  const path = field
    .replace(/^\$\.?/, '')
    .replace(/^\/+/, '')
    .replace(/^body[./]/, '')
    .split(/[./[\]]/)
    .filter((part) => part !== '');
  return path[0] ?? null;
}

/**
 * Shows each problem under the form field it names. Returns the problems no field of the form could take,
 * so the caller can list them in an alert.
 */
export function applyProblemsToForm(
  form: FormInstance,
  problems: readonly ProblemItem[],
  fieldNames: readonly string[],
): ProblemItem[] {
  const byField = new Map<string, string[]>();
  const unplaced: ProblemItem[] = [];
  for (const problem of problems) {
    const name = problemFieldName(problem.field);
    if (name === null || !fieldNames.includes(name)) {
      unplaced.push(problem);
      continue;
    }
    byField.set(name, [...(byField.get(name) ?? []), problem.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return unplaced;
}
