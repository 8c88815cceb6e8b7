import { and, asc, eq, isNull } from 'drizzle-orm';
import { tables, type Executor } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { getVisibleCase } from './transition-case.ts';

/** 申请材料 metadata (the bytes are downloaded separately). */
export interface CaseAttachmentView {
  readonly id: string;
  readonly caseId: string;
  readonly kind: string;
  readonly fileName: string;
  readonly mimeType: string;
  readonly sizeBytes: number;
  readonly sm3DigestHex: string;
  readonly uploadedByUserId: string;
  readonly uploadedByName: string;
  readonly uploadedByOrganisationId: string;
  readonly uploadedByOrganisationNameZh: string;
  readonly uploadedByOrganisationNameEn: string;
  readonly uploadedAt: string;
}

/** The case's attachments that are not deleted, oldest first, with their uploader's names. */
export async function findCaseAttachmentViews(
  executor: Executor,
  caseId: string,
  attachmentId?: string,
): Promise<CaseAttachmentView[]> {
  const { caseAttachments: a, users, organisations } = tables;
  const rows = await executor
    .select({
      id: a.id,
      caseId: a.caseId,
      kind: a.kind,
      fileName: a.fileName,
      mimeType: a.mimeType,
      sizeBytes: a.sizeBytes,
      sm3DigestHex: a.sm3DigestHex,
      uploadedByUserId: a.uploadedByUserId,
      uploadedByName: users.displayName,
      uploadedByOrganisationId: a.uploadedByOrganisationId,
      uploadedByOrganisationNameZh: organisations.nameZh,
      uploadedByOrganisationNameEn: organisations.nameEn,
      uploadedAt: a.uploadedAt,
    })
    .from(a)
    .innerJoin(users, eq(users.id, a.uploadedByUserId))
    .innerJoin(organisations, eq(organisations.id, a.uploadedByOrganisationId))
    .where(
      and(
        eq(a.caseId, caseId),
        isNull(a.deletedAt),
        ...(attachmentId === undefined ? [] : [eq(a.id, attachmentId)]),
      ),
    )
    .orderBy(asc(a.uploadedAt), asc(a.id));
  return rows.map((r) => ({ ...r, uploadedAt: r.uploadedAt.toISOString() }));
}

/**
 * 申请材料列表 (a case's attachments, metadata only) for whoever may read the case; another bank's case is
 * NOT_FOUND, like one that does not exist.
 */
export async function findCaseAttachments(
  caseId: string,
  actor: Actor,
  deps: AppDeps,
): Promise<CaseAttachmentView[]> {
  const scope = authorize(actor, 'case_attachment.read');
  const row = await getVisibleCase(deps.db, caseId, actor, scope);
  return findCaseAttachmentViews(deps.db, row.id);
}
