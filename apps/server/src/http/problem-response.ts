import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorObject } from 'ajv';
import { DomainError, formatErrorMessage, getErrorText, type ProblemDetail } from '@ipf/domain/errors';
import type { Problem } from '@ipf/contracts';
import { requestLanguage } from './request-language.ts';
import { validationProblems } from './validation-problems.ts';

/** Fastify's own 4xx errors, mapped onto catalogue codes. */
const fastifyCodes: Readonly<Record<string, string>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_JSON',
  FST_ERR_RATE_LIMIT_EXCEEDED: 'RATE_LIMITED',
};

/** Turns any thrown value into a coded problem; anything unrecognised is an INTERNAL_ERROR (500). */
export function toDomainError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  const fastifyError = error as Partial<FastifyError> & { validation?: ErrorObject[] };
  if (Array.isArray(fastifyError.validation)) {
    const problems = validationProblems(fastifyError.validation);
    return new DomainError('VALIDATION_FAILED', { count: problems.length }, { problems });
  }
  const mapped = fastifyError.code === undefined ? undefined : fastifyCodes[fastifyError.code];
  if (mapped !== undefined) return new DomainError(mapped);
  if (
    error instanceof SyntaxError ||
    (fastifyError.statusCode === 400 && fastifyError.code?.startsWith('FST_ERR_CTP') === true)
  ) {
    return new DomainError('MALFORMED_JSON');
  }
  if (fastifyError.statusCode === 429) return new DomainError('RATE_LIMITED');
  return new DomainError('INTERNAL_ERROR', {}, { cause: error });
}

/** Renders an RFC 9457 problem in the request's language. */
export function renderProblem(error: DomainError, request: FastifyRequest): Problem {
  const language = requestLanguage(request);
  const params = error.code === 'INTERNAL_ERROR' ? { requestId: request.id } : error.params;
  const message = formatErrorMessage(error.code, params, language);
  const problems = error.problems.map((p: ProblemDetail) => ({
    code: p.code,
    field: p.field,
    message: formatErrorMessage(p.code, p.params ?? {}, language),
  }));
  return {
    type: `urn:ipf:problem:${error.code.toLowerCase().replace(/_/g, '-')}`,
    title: message,
    status: getErrorText(error.code).status,
    code: error.code,
    // A single problem with its own code adds what the headline lacks; one repeating the headline adds nothing.
    detail:
      problems.length === 1 && problems[0]!.code !== error.code
        ? `${message} ${problems[0]!.message}`
        : message,
    instance: request.url.split('?')[0] ?? request.url,
    requestId: request.id,
    problems,
  };
}

export async function sendProblem(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const domainError = toDomainError(error);
  const problem = renderProblem(domainError, request);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  else
    request.log.info(
      { code: problem.code, problems: problem.problems.map((p) => p.code) },
      'request refused',
    );
  if (problem.status === 429) void reply.header('retry-after', '60');
  await reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}
