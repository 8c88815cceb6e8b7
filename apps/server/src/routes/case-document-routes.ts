import { Type } from '@sinclair/typebox';
import {
  CaseDocument,
  IdParams,
  PdfVerification,
  PrepareContractsBody,
  RegisterCertificateBody,
  SignDocumentsBody,
  SignDocumentsResult,
  SigningCertificate,
} from '@ipf/contracts';
import {
  findCaseDocuments,
  findSigningCertificates,
  getCaseDocument,
  prepareCaseContracts,
  registerSigningCertificate,
  revokeSigningCertificate,
  signCaseDocuments,
  verifySignedPdf,
  type AppDeps,
} from '@ipf/app';
import { DomainError, formatErrorMessage } from '@ipf/domain/errors';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';
import { requestLanguage } from '../http/request-language.ts';

const tags = ['contracts'];
const PdfFile = Type.Unknown({ description: 'application/pdf' });
/** A contract PDF with its embedded font subset is a few hundred KB; 20 MB leaves room for any real file. */
const PDF_BODY_LIMIT = 20 * 1024 * 1024;

/** Drops undefined keys (exactOptionalPropertyTypes) and renames the wire's `version` to `expectedVersion`. */
function common(body: { version?: number; note?: string } | undefined) {
  return {
    ...(body?.version === undefined ? {} : { expectedVersion: body.version }),
    ...(body?.note === undefined ? {} : { note: body.note }),
  };
}

/** Contracts, electronic signatures and the public verification of a signed PDF (issue 5 item 5). */
export function registerCaseDocumentRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/cases/:id/documents',
    {
      config: { operation: 'case_document.read' },
      schema: {
        tags,
        summary: '案件文书及签署状态',
        params: IdParams,
        response: { 200: Type.Array(CaseDocument), ...problemResponses },
      },
    },
    async (request) => findCaseDocuments(request.params.id, actorOf(request), deps),
  );
  app.post(
    '/api/cases/:id/contracts',
    {
      config: { operation: 'case.prepare_contract' },
      schema: {
        tags,
        summary: '生成借款合同与质押合同（银行经签名服务即时签章）',
        params: IdParams,
        body: PrepareContractsBody,
        response: { 200: Type.Array(CaseDocument), ...problemResponses },
      },
    },
    async (request) =>
      prepareCaseContracts({ id: request.params.id, ...common(request.body) }, actorOf(request), deps),
  );
  app.post(
    '/api/cases/:id/signatures',
    {
      config: { operation: 'case.sign' },
      schema: {
        tags,
        summary: '签署合同（企业签署借款合同与质押合同；担保机构签署反担保质押合同）',
        params: IdParams,
        body: SignDocumentsBody,
        response: { 200: SignDocumentsResult, ...problemResponses },
      },
    },
    async (request) =>
      signCaseDocuments(
        {
          id: request.params.id,
          ...common(request.body),
          ...(request.body.signatures === undefined ? {} : { signatures: request.body.signatures }),
        },
        actorOf(request),
        deps,
      ),
  );
  app.get(
    '/api/case-documents/:id/pdf',
    {
      config: { operation: 'case_document.read' },
      schema: {
        tags,
        summary: '下载文书 PDF（与签署时的字节完全一致）',
        params: IdParams,
        response: { 200: PdfFile, ...problemResponses },
      },
    },
    async (request, reply) => {
      const file = await getCaseDocument(request.params.id, actorOf(request), deps);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${encodeURIComponent(file.fileName)}"`)
        .header('x-sm3-digest', file.sm3DigestHex)
        .send(file.pdf);
    },
  );

  app.get(
    '/api/signing-certificates',
    {
      config: { operation: 'signing_certificate.list' },
      schema: {
        tags,
        summary: '本机构签名证书',
        response: { 200: Type.Array(SigningCertificate), ...problemResponses },
      },
    },
    async (request) => findSigningCertificates(actorOf(request), deps),
  );
  app.post(
    '/api/signing-certificates',
    {
      config: { operation: 'signing_certificate.register' },
      schema: {
        tags,
        summary: '登记浏览器生成的 SM2 公钥，由内置测试 CA 签发证书',
        body: RegisterCertificateBody,
        response: { 201: SigningCertificate, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await registerSigningCertificate(request.body, actorOf(request), deps)),
  );
  app.post(
    '/api/signing-certificates/:id/revoke',
    {
      config: { operation: 'signing_certificate.revoke' },
      schema: {
        tags,
        summary: '吊销本机构的签名证书',
        params: IdParams,
        response: { 200: SigningCertificate, ...problemResponses },
      },
    },
    async (request) => revokeSigningCertificate(request.params.id, actorOf(request), deps),
  );

  // The public check takes the PDF itself as the body, with its own limit, in a plugin scope so that the PDF
  // parser applies to this route only.
  void app.register((scope, _options, done) => {
    scope.addContentTypeParser(
      ['application/pdf', 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: PDF_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    const api = scope as unknown as AppInstance;
    api.post(
      '/api/verify-document',
      {
        bodyLimit: PDF_BODY_LIMIT,
        config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: '验证已签署的 PDF（公开，无需登录）',
          description: 'Body: the PDF itself, Content-Type application/pdf.',
          security: [],
          response: { 200: PdfVerification, ...problemResponses },
        },
      },
      async (request) => {
        if (!Buffer.isBuffer(request.body)) throw new DomainError('UNSUPPORTED_MEDIA_TYPE');
        const language = requestLanguage(request);
        const result = await verifySignedPdf({ pdf: request.body }, deps);
        return {
          ...result,
          message: result.platformDocument
            ? ''
            : formatErrorMessage('DOCUMENT_NOT_FROM_PLATFORM', {}, language),
          documents: result.documents.map((d) => ({
            ...d,
            signers: d.signers.map((s) => ({
              ...s,
              problems: s.problems.map((code) => ({
                code,
                message: formatErrorMessage(code, {}, language),
              })),
            })),
          })),
        };
      },
    );
    done();
  });
}
