import { and, eq, inArray } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import { authorize } from '../access/authorize.ts';
import { valuationVisibility } from './valuation-visibility.ts';

/** The figures of a valuation on record as a case's (re)valuation of its pledged assets takes them. */
export interface PledgeValuationRecord {
  readonly valuationId: string;
  readonly number: string;
  readonly basis: 'formal_report' | 'internal_evaluation';
  readonly evaluatorName: string | null;
  readonly valuers: string[];
  readonly method: string;
  readonly valuationDate: string;
  readonly validUntil: string;
  readonly assetValues: { readonly assetId: string; readonly valueFen: bigint }[];
}

/**
 * 采用的估值记录 (the valuation on record a case's pledge rate uses): a formal report (or a bank's internal
 * evaluation) visible to the actor, valid on `today`, valuing exactly the case's pledged assets; its values per
 * asset, dates, firm and valuers. Pre-assessments (AVM) are never a pledge's value (issue 7 item 2: "the automated
 * value is a pre-assessment or a bank's internal evaluation; a formal valuation is a report …; the ledger case
 * records which value its pledge rate uses").
 * @throws DomainError('NOT_FOUND' | 'VALUATION_RECORD_KIND_NOT_USABLE' | 'VALUATION_RECORD_EXPIRED' |
 *   'VALUATION_RECORD_ASSETS_MISMATCH')
 */
export async function getPledgeValuationRecord(
  tx: Executor,
  input: { readonly valuationId: string; readonly today: string; readonly assetIds: readonly string[] },
  actor: Actor,
): Promise<PledgeValuationRecord> {
  const scope = authorize(actor, 'valuation.read');
  const [valuation] = await tx
    .select()
    .from(tables.valuations)
    .where(and(eq(tables.valuations.id, input.valuationId), valuationVisibility(actor, scope, input.today)));
  if (valuation === undefined) throw new DomainError('NOT_FOUND');
  if (valuation.kind !== 'formal_report' && valuation.kind !== 'internal_evaluation')
    throw new DomainError('VALUATION_RECORD_KIND_NOT_USABLE', { number: valuation.number });
  if (valuation.validUntil < input.today)
    throw new DomainError('VALUATION_RECORD_EXPIRED', {
      number: valuation.number,
      validUntil: valuation.validUntil,
    });
  const valued = await tx
    .select()
    .from(tables.valuationAssets)
    .where(eq(tables.valuationAssets.valuationId, valuation.id))
    .orderBy(tables.valuationAssets.position);
  const missing = input.assetIds.filter((assetId) => !valued.some((v) => v.assetId === assetId)).length;
  if (missing > 0 || valued.length !== input.assetIds.length)
    throw new DomainError('VALUATION_RECORD_ASSETS_MISMATCH', { number: valuation.number, missing });
  let evaluatorName = valuation.evaluationFirmName;
  if (evaluatorName === null) {
    const [organisation] = await tx
      .select({ nameZh: tables.organisations.nameZh })
      .from(tables.organisations)
      .where(inArray(tables.organisations.id, [valuation.organisationId]));
    evaluatorName = organisation?.nameZh ?? null;
  }
  return {
    valuationId: valuation.id,
    number: valuation.number,
    basis: valuation.kind,
    evaluatorName,
    valuers: valuation.valuers.map((v) => `${v.name}（证书 ${v.certificateNumber}）`),
    method: valuation.method,
    valuationDate: valuation.valuationDate,
    validUntil: valuation.validUntil,
    assetValues: valued.map((v) => ({ assetId: v.assetId, valueFen: v.valueFen })),
  };
}
