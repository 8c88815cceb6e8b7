import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { AuthResult, CodeBody, Enrolment, LoginBody, SessionInfo } from '@ipf/contracts';
import {
  beginSecondFactorEnrolment,
  confirmSecondFactorEnrolment,
  logIn,
  logOut,
  permittedOperations,
  resolveSession,
  verifySecondFactor,
  type AppDeps,
  type SessionGrant,
} from '@ipf/app';
import type { AppInstance } from '../http/app-instance.ts';
import { assertSessionCsrf, SESSION_COOKIE, sessionToken } from '../http/authenticate.ts';
import { problemResponses } from '../http/problem-responses.ts';

interface AuthRouteOptions {
  readonly secureCookies: boolean;
  readonly sessionTtlMinutes: number;
  readonly loginRateLimit: number;
}

/** 登录 → 动态口令 (or 绑定) → 会话. Each step sets a fresh httpOnly, SameSite session cookie. */
export function registerAuthRoutes(app: AppInstance, deps: AppDeps, options: AuthRouteOptions): void {
  const setSession = (reply: FastifyReply, grant: SessionGrant) => {
    void reply.setCookie(SESSION_COOKIE, grant.sessionToken, {
      httpOnly: true,
      sameSite: 'lax',
      secure: options.secureCookies,
      path: '/',
      maxAge: options.sessionTtlMinutes * 60,
    });
    return { status: grant.status, csrfToken: grant.csrfToken };
  };
  const tags = ['auth'];
  const limited = { rateLimit: { max: options.loginRateLimit, timeWindow: '1 minute' } };

  app.post(
    '/api/auth/login',
    {
      config: { public: true, ...limited },
      schema: {
        tags,
        summary: '登录（密码）',
        body: LoginBody,
        response: { 200: AuthResult, ...problemResponses },
      },
    },
    async (request, reply) =>
      setSession(reply, await logIn({ ...request.body, requestId: request.id }, deps)),
  );

  // The two steps that answer a one-time code on a pending session: same shape, different use case.
  const codeSteps = [
    { url: '/api/auth/second-factor', summary: '输入动态口令', useCase: verifySecondFactor },
    { url: '/api/auth/enrolment', summary: '确认绑定动态口令', useCase: confirmSecondFactorEnrolment },
  ] as const;
  for (const { url, summary, useCase } of codeSteps) {
    app.post(
      url,
      {
        config: { public: true, ...limited },
        schema: { tags, summary, body: CodeBody, response: { 200: AuthResult, ...problemResponses } },
      },
      async (request, reply) => {
        await assertSessionCsrf(request, deps);
        const input = { sessionToken: sessionToken(request), code: request.body.code, requestId: request.id };
        return setSession(reply, await useCase(input, deps));
      },
    );
  }

  app.get(
    '/api/auth/enrolment',
    {
      config: { public: true },
      schema: { tags, summary: '获取动态口令绑定二维码', response: { 200: Enrolment, ...problemResponses } },
    },
    async (request) => beginSecondFactorEnrolment(sessionToken(request), deps),
  );

  app.post(
    '/api/auth/logout',
    {
      config: { public: true },
      schema: { tags, summary: '退出登录', response: { 204: Type.Null(), ...problemResponses } },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token !== undefined && token !== '') {
        await assertSessionCsrf(request, deps);
        await logOut({ sessionToken: token, requestId: request.id }, deps);
      }
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/session',
    {
      config: { public: true },
      schema: { tags, summary: '当前会话', response: { 200: SessionInfo, ...problemResponses } },
    },
    async (request) => {
      const session = await resolveSession(sessionToken(request), deps);
      return {
        status: session.status,
        csrfToken: session.csrfToken,
        user: { id: session.user.id, login: session.user.login, displayName: session.user.displayName },
        organisation: session.organisation,
        role: session.actor.role,
        permissions: session.status === 'authenticated' ? permittedOperations(session.actor) : [],
      };
    },
  );
}
