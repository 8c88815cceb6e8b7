import i18n from '../i18n/i18n.ts';
import { ApiProblem } from './api-problem.ts';
import { buildApiUrl, type QueryValue } from './api-request.ts';
import type { ProblemBody } from './api-types.ts';
import { csrfToken } from './csrf-token.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Posts a CSV or xlsx file itself as the request body (`text/csv` or xlsx, `?format=` from the file's name), the
 * convention of the platform's imports (IP assets, compliance flags); a refusal is an ApiProblem like any call's.
 */
export async function postImportFile<T>(
  path: string,
  file: File,
  query: Record<string, QueryValue> = {},
): Promise<T> {
  const format = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.language,
    'Content-Type': format === 'csv' ? 'text/csv' : XLSX,
  };
  const token = csrfToken.get();
  if (token !== null) headers['x-csrf-token'] = token;
  const response = await fetch(buildApiUrl(path, { format, ...query }), {
    method: 'POST',
    headers,
    body: file,
    credentials: 'same-origin',
  });
  const body = (await response.json().catch(() => ({}))) as unknown;
  if (!response.ok)
    throw new ApiProblem(
      response.status,
      body as ProblemBody,
      i18n.t('errors.httpStatus', { status: response.status }),
    );
  return body as T;
}
