import { Type } from '@sinclair/typebox';
import {
  ApplicationBureau,
  CaseAttachment,
  Consent,
  IdParams,
  UploadCaseAttachmentBody,
} from '@ipf/contracts';
import {
  deleteCaseAttachment,
  findApplicationBureau,
  findCaseAttachments,
  findCaseConsents,
  getCaseAttachmentContent,
  uploadCaseAttachment,
  type AppDeps,
} from '@ipf/app';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';

const tags = ['case-attachments'];
/** A 10 MB file is ~13.4 MB of Base64; 15 MB of JSON leaves room for the other fields, not for a second file. */
const UPLOAD_BODY_LIMIT = 15 * 1024 * 1024;

/**
 * `Content-Disposition` naming the file in UTF-8 (RFC 6266 / RFC 5987 `filename*`), with an ASCII fallback for
 * old clients: `营业执照.pdf` → `attachment; filename="____.pdf"; filename*=UTF-8''%E8%90%A5…pdf`.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** 申请材料 (issue 5 item 2) and the consents of a case; the bureau an application consents to. */
export function registerCaseAttachmentRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/cases/:id/attachments',
    {
      config: { operation: 'case_attachment.read' },
      schema: {
        tags,
        summary: '申请材料列表（不含文件内容）',
        params: IdParams,
        response: { 200: Type.Array(CaseAttachment), ...problemResponses },
      },
    },
    async (request) => findCaseAttachments(request.params.id, actorOf(request), deps),
  );
  app.post(
    '/api/cases/:id/attachments',
    {
      bodyLimit: UPLOAD_BODY_LIMIT,
      config: { operation: 'case_attachment.upload' },
      schema: {
        tags,
        summary: '上传申请材料（PDF、JPEG、PNG、xlsx，不超过 10 MB，Base64）',
        params: IdParams,
        body: UploadCaseAttachmentBody,
        response: { 201: CaseAttachment, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await uploadCaseAttachment({ caseId: request.params.id, ...request.body }, actorOf(request), deps),
        ),
  );
  app.get(
    '/api/case-attachments/:id/content',
    {
      config: { operation: 'case_attachment.read' },
      schema: {
        tags,
        summary: '下载申请材料（与上传时的字节一致）',
        params: IdParams,
        response: {
          200: Type.Unknown({ description: 'the file, with its Content-Type' }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const file = await getCaseAttachmentContent(request.params.id, actorOf(request), deps);
      return reply
        .type(file.mimeType)
        .header('content-disposition', attachmentDisposition(file.fileName))
        .header('x-sm3-digest', file.sm3DigestHex)
        .send(file.content);
    },
  );
  app.delete(
    '/api/case-attachments/:id',
    {
      config: { operation: 'case_attachment.delete' },
      schema: {
        tags,
        summary: '删除申请材料（仅上传人，审批通过前）',
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await deleteCaseAttachment(request.params.id, actorOf(request), deps);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/cases/:id/consents',
    {
      config: { operation: 'case.read' },
      schema: {
        tags,
        summary: '本案授权（银行数据使用、征信查询、主管部门备案）',
        params: IdParams,
        response: { 200: Type.Array(Consent), ...problemResponses },
      },
    },
    async (request) => findCaseConsents(request.params.id, actorOf(request), deps),
  );
  app.get(
    '/api/cases/application-bureau',
    {
      config: { operation: 'case.apply' },
      schema: {
        tags,
        summary: '申请时授权的知识产权主管部门（企业所在区，无则为市局）',
        response: { 200: ApplicationBureau, ...problemResponses },
      },
    },
    async (request) => findApplicationBureau(actorOf(request), deps),
  );
}
