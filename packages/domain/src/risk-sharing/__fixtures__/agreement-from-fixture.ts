import { parseYuan } from '../../money/parse-yuan.ts';
import type { LoanLoss, RiskLayer, RiskSharingAgreement } from '../risk-sharing-agreement.ts';

/** A layer as written in a JSON fixture: bps and yuan as strings. */
interface LayerJson {
  readonly party: string;
  readonly shareBps: string;
  readonly capYuan?: string;
}

/** A layered-agreement fixture as written in JSON. */
export interface LayeredFixture {
  readonly rule: string;
  readonly agreement: {
    readonly agreementId: string;
    readonly fixedOn: string;
    readonly lossBase: string;
    readonly bankParty: string;
    readonly guarantor?: LayerJson;
    readonly reGuarantor?: LayerJson;
    readonly insurer?: LayerJson;
    readonly evaluator?: LayerJson;
    readonly pool?: LayerJson;
  };
  readonly loss: { readonly principalYuan: string; readonly interestYuan: string };
  readonly expected: Readonly<Record<string, string>>;
}

function layer(json: LayerJson | undefined): { layer?: RiskLayer } {
  if (json === undefined) return {};
  return {
    layer: {
      party: json.party,
      shareBps: BigInt(json.shareBps),
      ...(json.capYuan === undefined ? {} : { capFen: parseYuan(json.capYuan) }),
    },
  };
}

/** Test helper: a fixture's agreement and loss in domain types. */
export function agreementFromFixture(fixture: LayeredFixture): {
  agreement: RiskSharingAgreement;
  loss: LoanLoss;
} {
  const json = fixture.agreement;
  const roles = {
    guarantor: layer(json.guarantor).layer,
    reGuarantor: layer(json.reGuarantor).layer,
    insurer: layer(json.insurer).layer,
    evaluator: layer(json.evaluator).layer,
    pool: layer(json.pool).layer,
  };
  const agreement: RiskSharingAgreement = {
    agreementId: json.agreementId,
    fixedOn: json.fixedOn,
    lossBase: json.lossBase === 'principal_and_interest' ? 'principal_and_interest' : 'principal',
    bankParty: json.bankParty,
    ...Object.fromEntries(Object.entries(roles).filter(([, value]) => value !== undefined)),
  };
  return {
    agreement,
    loss: {
      principalFen: parseYuan(fixture.loss.principalYuan),
      interestFen: parseYuan(fixture.loss.interestYuan),
    },
  };
}
