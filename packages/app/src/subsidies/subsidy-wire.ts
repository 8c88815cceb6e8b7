import { DomainError } from '@ipf/domain/errors';
import { formatYuan, isYuanString, parseYuan } from '@ipf/domain/money';
import type { SubsidyScheme } from '@ipf/domain/subsidy';

/**
 * The wire (and jsonb) form of the subsidy domain's data: every bigint (or null) `…Fen` field becomes a `…Yuan` decimal
 * string (money is never a JSON number), everything else as is. One walk for schemes, facts and evaluations.
 */
export function toWire(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(toWire);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (key.endsWith('Fen') && (typeof v === 'bigint' || v === null))
      out[`${key.slice(0, -3)}Yuan`] = v === null ? null : formatYuan(v);
    else out[key] = toWire(v);
  }
  return out;
}

/** The reverse of {@link toWire}: `…Yuan` strings back to `…Fen` bigints (MONEY_FORMAT_INVALID when malformed). */
export function fromWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromWire);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (key.endsWith('Yuan') && (typeof v === 'string' || v === null))
      out[`${key.slice(0, -4)}Fen`] = v === null ? null : parseYuan(v);
    else out[key] = fromWire(v);
  }
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * A scheme from its wire form, with the checks the domain relies on (SUBSIDY_SCHEME_INVALID names the first
 * problem). The domain's evaluation validates rate strings itself.
 */
export function schemeFromWire(wire: unknown): SubsidyScheme {
  const invalid = (detail: string) => new DomainError('SUBSIDY_SCHEME_INVALID', { detail });
  if (!isObject(wire)) throw invalid('not an object');
  for (const key of ['schemeId', 'nameZh', 'nameEn', 'issuingBody', 'effectiveFrom', 'beneficiary'])
    if (typeof wire[key] !== 'string' || wire[key].trim() === '') throw invalid(key);
  if (typeof wire.version !== 'number' || !Number.isInteger(wire.version) || wire.version < 1)
    throw invalid('version');
  for (const key of ['eligibility', 'benefits', 'countedCostLimits', 'caps'])
    if (!Array.isArray(wire[key])) throw invalid(key);
  for (const key of ['source', 'trigger', 'stacking', 'budget']) if (!isObject(wire[key])) throw invalid(key);
  const budget = wire.budget as Record<string, unknown>;
  if (budget.totalYuan !== null && (typeof budget.totalYuan !== 'string' || !isYuanString(budget.totalYuan)))
    throw invalid('budget.totalYuan');
  const scheme = fromWire(wire) as SubsidyScheme;
  if (scheme.budget.totalFen !== null && scheme.budget.totalFen < 0n) throw invalid('budget.totalYuan');
  return scheme;
}
