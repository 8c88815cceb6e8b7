import { and, eq } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { renderPdf } from '../documents/render-pdf.ts';
import { buildReverseEvaluationReportPdf } from './build-reverse-evaluation-report-pdf.ts';
import { loadReverseEvaluations, reverseEvaluationVisibility } from './reverse-evaluation-view.ts';

export interface ReverseEvaluationReportFile {
  readonly fileName: string;
  readonly pdf: Buffer;
}

/**
 * 反向评估报告 PDF (issue 10 item 6) of a report the actor may read (its bank unit and the units above it, the
 * bureau), Noto Sans SC embedded, for the bank to keep and cite in its approval; another bank's is NOT_FOUND.
 */
export async function getReverseEvaluationReportPdf(
  input: { readonly id: string },
  actor: Actor,
  deps: AppDeps,
): Promise<ReverseEvaluationReportFile> {
  const scope = authorize(actor, 'reverse_evaluation.read');
  const { reverseEvaluationReports: r, reverseEvaluationRequests: q, consents } = tables;
  const [row] = await deps.db
    .select({ requestId: r.requestId })
    .from(r)
    .innerJoin(q, eq(q.id, r.requestId))
    .where(and(eq(r.id, input.id), reverseEvaluationVisibility(actor, scope)));
  if (row === undefined) throw new DomainError('NOT_FOUND');
  const [request] = await loadReverseEvaluations(deps.db, eq(q.id, row.requestId), 1);
  const report = request?.reports.find((x) => x.id === input.id);
  if (request === undefined || report === undefined) throw new DomainError('NOT_FOUND');
  const [authorisation] = await deps.db
    .select({
      id: consents.id,
      scope: consents.scope,
      purpose: consents.purpose,
      grantedAt: consents.grantedAt,
      expiresOn: consents.expiresOn,
      revokedAt: consents.revokedAt,
    })
    .from(consents)
    .where(eq(consents.id, report.content.consent.id));
  const pdf = await renderPdf(
    buildReverseEvaluationReportPdf({
      report,
      requestNumber: request.requestNumber,
      bankUnitName: request.bankUnitNameZh,
      authorisation: authorisation ?? null,
    }),
  );
  return { fileName: `reverse-evaluation-${report.reportNumber}.pdf`, pdf };
}
