import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { renderPdf } from '../documents/render-pdf.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { buildValuationReport } from './build-valuation-report.ts';
import { toValuationDetail } from './valuation-view.ts';
import { valuationVisibility } from './valuation-visibility.ts';

export interface ValuationReportFile {
  readonly fileName: string;
  readonly pdf: Buffer;
}

/** 评估报告 PDF of a valuation the actor may read (Noto Sans SC embedded); outside its scope NOT_FOUND. */
export async function getValuationReport(
  id: string,
  actor: Actor,
  deps: AppDeps,
): Promise<ValuationReportFile> {
  const scope = authorize(actor, 'valuation.read');
  const today = toShanghaiDate(deps.clock.now());
  const [row] = await deps.db
    .select()
    .from(tables.valuations)
    .where(and(eq(tables.valuations.id, id), valuationVisibility(actor, scope, today)));
  if (row === undefined) throw new DomainError('NOT_FOUND');
  const valuation = await toValuationDetail(deps.db, row, today);
  const pdf = await renderPdf(buildValuationReport(valuation, row.createdAt));
  return { fileName: `valuation-${row.number}.pdf`, pdf };
}
