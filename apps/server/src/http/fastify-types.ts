import type { Actor } from '@ipf/app';
import type { Operation } from '@ipf/app';

declare module 'fastify' {
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

export {};
