import { assertNoProblems, type ProblemDetail } from '../errors/domain-error.ts';
import {
  CLAIM_ROLES,
  getRiskLayer,
  MIN_BANK_SHARE_BPS,
  RE_GUARANTEE_SHARE_RANGE_BPS,
  WHOLE_BPS,
  type ClaimRole,
  type RiskSharingAgreement,
} from './risk-sharing-agreement.ts';

const FIELD_OF_ROLE: Readonly<Record<ClaimRole, string>> = {
  guarantor: 'guarantor',
  re_guarantor: 'reGuarantor',
  insurer: 'insurer',
  evaluator: 'evaluator',
  pool: 'pool',
};

/**
 * 分险协议校验 (validate a risk-sharing agreement): every problem found, as `{ code, field, params }`.
 * Rules: shares 0–10000 bps; the re-guarantor's share 2000–5000 bps of the guarantor's part and only with a
 * guarantor (city re-guarantee fund 20%–50%, domain-reference.md); guarantor + insurer + evaluator ≤ 100%; with a
 * guarantor the bank keeps at least 2000 bps (20%) of the loss (国办发〔2019〕6号 银担分险); caps ≥ 0; one role per
 * party. Example: a guarantor at 8500 bps leaves the bank 15% → RISK_BANK_SHARE_BELOW_MINIMUM.
 */
export function validateRiskSharingAgreement(agreement: RiskSharingAgreement): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  const parties = new Map<string, string>([[agreement.bankParty, 'bankParty']]);

  for (const role of CLAIM_ROLES) {
    const layer = getRiskLayer(agreement, role);
    if (layer === undefined) continue;
    const field = FIELD_OF_ROLE[role];
    const range = role === 're_guarantor' ? RE_GUARANTEE_SHARE_RANGE_BPS : { minBps: 0n, maxBps: WHOLE_BPS };
    if (layer.shareBps < range.minBps || layer.shareBps > range.maxBps) {
      problems.push({
        code: 'RISK_SHARE_BPS_OUT_OF_RANGE',
        field: `${field}.shareBps`,
        params: { role, shareBps: layer.shareBps, ...range },
      });
    }
    if (layer.capFen !== undefined && layer.capFen < 0n)
      problems.push({ code: 'RISK_CAP_INVALID', field: `${field}.capFen`, params: { role } });
    if (parties.has(layer.party))
      problems.push({
        code: 'RISK_AGREEMENT_PARTY_DUPLICATE',
        field: `${field}.party`,
        params: { party: layer.party },
      });
    parties.set(layer.party, field);
  }

  if (agreement.reGuarantor !== undefined && agreement.guarantor === undefined) {
    problems.push({ code: 'RISK_REGUARANTEE_WITHOUT_GUARANTOR', field: 'reGuarantor' });
  }

  const firstLayerBps =
    (agreement.guarantor?.shareBps ?? 0n) +
    (agreement.insurer?.shareBps ?? 0n) +
    (agreement.evaluator?.shareBps ?? 0n);
  if (firstLayerBps > WHOLE_BPS) {
    problems.push({ code: 'RISK_FIRST_LAYER_OVER_WHOLE', field: '', params: { totalBps: firstLayerBps } });
  } else if (agreement.guarantor !== undefined && WHOLE_BPS - firstLayerBps < MIN_BANK_SHARE_BPS) {
    problems.push({
      code: 'RISK_BANK_SHARE_BELOW_MINIMUM',
      field: 'guarantor.shareBps',
      params: { bankBps: WHOLE_BPS - firstLayerBps, minBps: MIN_BANK_SHARE_BPS },
    });
  }
  return problems;
}

/**
 * 分险协议断言 (assert a valid agreement): throws one VALIDATION_FAILED DomainError carrying every problem of
 * {@link validateRiskSharingAgreement}, or returns.
 */
export function assertRiskSharingAgreement(agreement: RiskSharingAgreement): void {
  assertNoProblems(validateRiskSharingAgreement(agreement));
}
