import type { Actor } from '@ipf/app';
import type { Operation } from '@ipf/app';

/** One registered endpoint, as the permission-matrix test reads them. */
export interface RouteRecord {
  readonly method: string;
  readonly url: string;
  readonly operation: Operation | null;
  readonly public: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalogue: RouteRecord[];
  }
  interface FastifyRequest {
    /** Set by the authentication hook for every route with an `operation`. */
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** The permission-matrix operation this route performs; routes without one must be `public`. */
    operation?: Operation;
    /** Reachable without a session (health, log-in steps, reference lists, docs). */
    public?: boolean;
  }
}
