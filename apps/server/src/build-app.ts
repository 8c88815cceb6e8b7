import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { DomainError } from '@ipf/domain/errors';
import { authorize, type AppDeps } from '@ipf/app';
import './http/fastify-types.ts';
import { authenticate } from './http/authenticate.ts';
import { sendProblem } from './http/problem-response.ts';
import { registerRoutes } from './routes/register-routes.ts';
import type { AppInstance } from './http/app-instance.ts';
import type { RouteRecord } from './http/fastify-types.ts';

export interface BuildAppOptions {
  /** The process's pino logger (shared with the use cases); a silent one when absent (tests). */
  readonly logger?: FastifyBaseLogger;
  /** The built web app (apps/web/dist), served with SPA fallback when present. */
  readonly webDistDir?: string | null;
  readonly databaseKind: 'pglite' | 'postgres';
  readonly secureCookies?: boolean;
  /** Log-in attempts per minute per address (rate limit). */
  readonly loginRateLimit?: number;
}

function makeAjv(coerceTypes: boolean): Ajv {
  // Bodies are strict: a string is not a number. Query strings and path params arrive as text and are coerced.
  const ajv = new Ajv({
    allErrors: true,
    removeAdditional: false,
    useDefaults: true,
    coerceTypes,
    strict: false,
  });
  // ajv-formats is CommonJS: its default export arrives as `.default` under ESM.
  (addFormatsModule as unknown as { default: (ajv: Ajv) => Ajv }).default(ajv);
  return ajv;
}

/**
 * The HTTP edge: validation from the contract schemas, authentication, problem+json errors, OpenAPI at
 * /api/docs, and the web app. Routes stay thin: parse, call one use case, serialise.
 */
export async function buildApp(deps: AppDeps, options: BuildAppOptions): Promise<AppInstance> {
  const app = Fastify({
    loggerInstance: options.logger ?? pino({ level: 'silent' }),
    bodyLimit: 1_048_576,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{8,64}$/.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { allErrors: true, removeAdditional: false } },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const strictAjv = makeAjv(false);
  const coercingAjv = makeAjv(true);
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? strictAjv : coercingAjv).compile(schema),
  );
  app.decorateRequest('actor', null);
  const routeCatalogue: RouteRecord[] = [];
  app.decorate('routeCatalogue', routeCatalogue);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config ?? {}), public: true };
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        routeCatalogue.push({
          method,
          url: route.url,
          operation: route.config?.operation ?? null,
          public: route.config?.public === true,
        });
    }
  });
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
      },
    },
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: '知识产权质押融资服务平台 API',
        description:
          'IP pledge financing platform. Money: yuan decimal strings. Errors: RFC 9457 problem+json with stable codes.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ipf_session' },
          bearer: { type: 'http', scheme: 'bearer', description: "API token for banks' own systems" },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
  });
  // The docs page runs under the app-wide CSP above (its own static CSP would forbid the inline styles it uses).
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });

  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    if (config.public === true || config.operation === undefined) return;
    request.actor = await authenticate(request, deps);
    // Refuse by role before validating the body, so a role without the right learns nothing from validation.
    // Use cases check again with the scope (defence in depth).
    authorize(request.actor, config.operation);
  });

  app.setErrorHandler(async (error, request, reply) => sendProblem(error, request, reply));
  app.setNotFoundHandler(async (request, reply) => {
    const webDist = options.webDistDir;
    // Client-side routes get the app; a missing file (an old /assets/… after a rebuild) gets a 404.
    const isClientRoute = !request.url.startsWith('/api') && !/\.[a-z0-9]+(\?|$)/i.test(request.url);
    if (isClientRoute && request.method === 'GET' && webDist != null && existsSync(webDist)) {
      return reply.sendFile('index.html');
    }
    return sendProblem(new DomainError('ROUTE_NOT_FOUND'), request, reply);
  });

  await registerRoutes(app, deps, options);

  if (options.webDistDir != null && existsSync(options.webDistDir)) {
    await app.register(fastifyStatic, {
      root: options.webDistDir,
      prefix: '/',
      wildcard: false,
      index: 'index.html',
    });
  }
  return app;
}
