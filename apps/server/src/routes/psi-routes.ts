import {
  AnswerPsiSessionBody,
  IdParams,
  OpenPsiSessionBody,
  PsiSessionAnswer,
  PsiSessionOpened,
} from '@ipf/contracts';
import { answerPsiSession, openPsiSession, type AppDeps } from '@ipf/app';
import type { AppInstance } from '../http/app-instance.ts';
import { actorOf } from '../http/actor-of.ts';
import { problemResponses } from '../http/problem-responses.ts';

const tags = ['psi'];
/** 100,000 points of 43 characters with quotes and commas: about 4.6 MB. */
const PSI_BODY_LIMIT = 8 * 1024 * 1024;

/** 隐私求交 (ECDH-PSI, issue 10 item 7): open a session against a set, then have the bank's points answered once. */
export function registerPsiRoutes(app: AppInstance, deps: AppDeps): void {
  app.post(
    '/api/psi/sessions',
    {
      config: { operation: 'psi.match' },
      schema: {
        tags,
        summary: '发起隐私求交：返回会话、集合规模与按会话密钥盲化并打乱的集合',
        body: OpenPsiSessionBody,
        response: { 200: PsiSessionOpened, ...problemResponses },
      },
    },
    async (request) => openPsiSession(request.body, actorOf(request), deps),
  );
  app.post(
    '/api/psi/sessions/:id/answers',
    {
      config: { operation: 'psi.match' },
      bodyLimit: PSI_BODY_LIMIT,
      schema: {
        tags,
        summary: '提交本行盲化后的客户集合，返回按会话密钥再次盲化的结果（顺序不变）',
        params: IdParams,
        body: AnswerPsiSessionBody,
        response: { 200: PsiSessionAnswer, ...problemResponses },
      },
    },
    async (request) =>
      answerPsiSession(
        { sessionId: request.params.id, maskedItems: request.body.maskedItems },
        actorOf(request),
        deps,
      ),
  );
}
