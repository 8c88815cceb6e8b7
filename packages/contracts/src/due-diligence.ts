import { Type, type TSchema } from '@sinclair/typebox';
import { IsoDate, IsoDateTime, Uuid } from './common.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** 尽职调查清单 a bank enters with its product: versioned items (code, labels, required, evidence required). */
export const DueDiligenceChecklist = Type.Object(
  {
    checklistId: Type.String({ minLength: 1, maxLength: 60 }),
    version: Type.Integer({ minimum: 1 }),
    effectiveDate: IsoDate,
    items: Type.Array(
      Type.Object(
        {
          code: Type.String({ pattern: '^[a-z][a-z0-9_]*$', maxLength: 60 }),
          zh: Type.String({ minLength: 1, maxLength: 200 }),
          en: Type.String({ minLength: 1, maxLength: 200 }),
          required: Type.Boolean(),
          evidenceRequired: Type.Boolean(),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 60 },
    ),
  },
  { additionalProperties: false },
);

/** 录入尽职调查: the items checked now (checked or not, note, evidence); unlisted items keep their result. */
export const DueDiligenceBody = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          itemCode: Type.String({ minLength: 1, maxLength: 60 }),
          checked: Type.Boolean(),
          note: Type.Optional(Type.String({ maxLength: 2000 })),
          evidence: Type.Optional(
            Type.String({
              maxLength: 2000,
              description: 'document, record or reference that proves the check',
            }),
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 60 },
    ),
  },
  {
    additionalProperties: false,
    examples: [
      {
        items: [
          {
            itemCode: 'site_visit',
            checked: true,
            evidence: '走访记录 ZF-2026-001，照片 6 张',
            note: '经营正常',
          },
          { itemCode: 'co_owner_consent', checked: true, note: '无共有人' },
        ],
      },
    ],
  },
);

/** 尽职调查 of a case: the product's checklist (id, version), each item's result and what keeps it open. */
export const CaseDueDiligence = Type.Object(
  {
    caseId: Uuid,
    checklistId: Type.String(),
    checklistVersion: Type.Integer(),
    effectiveDate: Type.String(),
    open: Type.Boolean({
      description: 'results may still be recorded (case applied, before the risk evaluation)',
    }),
    complete: Type.Boolean({ description: 'every required item checked, evidence noted where required' }),
    items: Type.Array(
      Type.Object({
        code: Type.String(),
        zh: Type.String(),
        en: Type.String(),
        required: Type.Boolean(),
        evidenceRequired: Type.Boolean(),
        gap: Nullable(Type.Union([Type.Literal('not_checked'), Type.Literal('evidence_missing')])),
        result: Nullable(
          Type.Object({
            checked: Type.Boolean(),
            note: Nullable(Type.String()),
            evidence: Nullable(Type.String()),
            checkedByUserId: Uuid,
            checkedByName: Type.String(),
            checkedAt: IsoDateTime,
            checklistVersion: Type.Integer(),
          }),
        ),
      }),
    ),
  },
  {
    examples: [
      {
        caseId: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
        checklistId: 'ip-pledge-default',
        checklistVersion: 1,
        effectiveDate: '2026-01-01',
        open: true,
        complete: false,
        items: [
          {
            code: 'site_visit',
            zh: '实地走访企业经营场所',
            en: 'Site visit to the business premises',
            required: true,
            evidenceRequired: true,
            gap: null,
            result: {
              checked: true,
              note: '经营正常',
              evidence: '走访记录 ZF-2026-001，照片 6 张',
              checkedByUserId: '7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f',
              checkedByName: '张经办',
              checkedAt: '2026-03-02T02:15:00.000Z',
              checklistVersion: 1,
            },
          },
          {
            code: 'annual_fees_paid',
            zh: '核实年费（续展费）缴纳情况',
            en: 'Annual (renewal) fees verified as paid',
            required: true,
            evidenceRequired: false,
            gap: 'not_checked',
            result: null,
          },
        ],
      },
    ],
  },
);
