import type { FastifyRequest } from 'fastify';
import type { Language } from '@ipf/domain/errors';

/** zh-CN unless the client asks for English first (`Accept-Language: en…`) or sets `?lang=en`. */
export function requestLanguage(request: FastifyRequest): Language {
  const query = request.query as Record<string, unknown> | undefined;
  if (query?.['lang'] === 'en') return 'en';
  const header = request.headers['accept-language'];
  return typeof header === 'string' && /^\s*en\b/i.test(header) ? 'en' : 'zh-CN';
}
