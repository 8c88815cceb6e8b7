import { Problem } from '@ipf/contracts';

/** Every route documents its problem answers the same way in the OpenAPI document. */
export const problemResponses = { '4xx': Problem, '5xx': Problem } as const;
