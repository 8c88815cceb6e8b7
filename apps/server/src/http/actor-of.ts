import type { FastifyRequest } from 'fastify';
import { DomainError } from '@ipf/domain/errors';
import type { Actor } from '@ipf/app';

/** The authenticated actor of a route that declares an `operation`. */
export function actorOf(request: FastifyRequest): Actor {
  if (request.actor === null) throw new DomainError('UNAUTHENTICATED');
  return request.actor;
}
