import { Type, type Static, type TSchema } from '@sinclair/typebox';

/** A record id. */
export const Uuid = Type.String({ format: 'uuid', description: 'UUID' });
/** Money on the wire: yuan as a decimal string with two decimals (design.md "Money"). */
export const YuanString = Type.String({
  pattern: '^-?\\d{1,15}\\.\\d{2}$',
  description: 'Yuan, two decimals, e.g. "84898.82"',
  examples: ['84898.82'],
});
/** An ISO calendar date. */
export const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD', examples: ['2024-01-15'] });
export const IsoDateTime = Type.String({ format: 'date-time' });

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};

export function PageOf<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });
}

/** One problem: `{ code, field, message }` (field is a JSON path; message in the request's language). */
export const ProblemItem = Type.Object({ code: Type.String(), field: Type.String(), message: Type.String() });

/** RFC 9457 problem details, with the platform's stable `code` and the list of individual problems. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ examples: ['VALIDATION_FAILED'] }),
    detail: Type.String(),
    instance: Type.String(),
    requestId: Type.String(),
    problems: Type.Array(ProblemItem),
  },
  { description: 'application/problem+json (RFC 9457)' },
);
export type Problem = Static<typeof Problem>;

export const LabelledCode = Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() });
export type ProblemItem = Static<typeof ProblemItem>;
