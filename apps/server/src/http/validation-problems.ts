import type { ErrorObject } from 'ajv';
import type { ProblemDetail } from '@ipf/domain/errors';

/** `/owners/0/share` → `owners[0].share`: the `field` JSON path of the problem list (design.md "Errors"). */
export function toFieldPath(instancePath: string, child?: string): string {
  const parts = instancePath.split('/').filter((p) => p !== '');
  if (child !== undefined) parts.push(child);
  return parts.reduce(
    (path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path === '' ? part : `${path}.${part}`),
    '',
  );
}

/** Maps Ajv's errors onto the platform's codes, one problem per field (the first error of a field wins). */
export function validationProblems(errors: readonly ErrorObject[]): ProblemDetail[] {
  const seen = new Set<string>();
  const problems: ProblemDetail[] = [];
  for (const error of errors) {
    const problem = toProblem(error);
    if (problem === null || seen.has(problem.field)) continue;
    seen.add(problem.field);
    problems.push(problem);
  }
  return problems;
}

function toProblem(error: ErrorObject): ProblemDetail | null {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return {
        code: 'FIELD_REQUIRED',
        field: toFieldPath(error.instancePath, String(params['missingProperty'])),
      };
    case 'additionalProperties': {
      const name = String(params['additionalProperty']);
      return { code: 'FIELD_UNKNOWN', field: toFieldPath(error.instancePath, name), params: { name } };
    }
    case 'type':
      return {
        code: 'FIELD_INVALID_TYPE',
        field: toFieldPath(error.instancePath),
        params: { expected: String(params['type']) },
      };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'minItems':
    case 'maxItems':
      return { code: 'FIELD_OUT_OF_RANGE', field: toFieldPath(error.instancePath) };
    case 'enum':
    case 'const':
    case 'anyOf':
    case 'oneOf':
      return { code: 'FIELD_NOT_ALLOWED', field: toFieldPath(error.instancePath) };
    case 'if':
      return null;
    default:
      return { code: 'FIELD_INVALID_FORMAT', field: toFieldPath(error.instancePath) };
  }
}
