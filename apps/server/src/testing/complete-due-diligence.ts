import { defaultDueDiligenceChecklist } from '@ipf/domain/ledger';

/**
 * `POST /api/cases/:id/due-diligence` body that completes the default checklist (every item checked, evidence
 * noted where the item needs it): what a test posts before the risk evaluation.
 */
export const completeDueDiligence = {
  items: defaultDueDiligenceChecklist.items.map((item) => ({
    itemCode: item.code,
    checked: true,
    ...(item.evidenceRequired ? { evidence: `测试材料 ${item.code}` } : {}),
  })),
};
