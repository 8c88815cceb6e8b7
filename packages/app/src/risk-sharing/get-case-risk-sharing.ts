import { and, desc, eq, ne } from 'drizzle-orm';
import { CLAIM_ROLES, getRiskLayer, WHOLE_BPS } from '@ipf/domain/risk-sharing';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { getVisibleCase } from '../ledger/transition-case.ts';
import {
  fromStoredAgreement,
  loadOrganisationNames,
  toGuaranteeViews,
  toInsurancePolicyViews,
  toPoolFilingViews,
  yuanOrNull,
  type GuaranteeView,
  type InsurancePolicyView,
  type PoolFilingView,
} from './risk-sharing-views.ts';

/** One row of the agreement table: party, layer, share, cap and what the share is of. */
export interface RiskSharingLayerView {
  readonly role: string;
  readonly partyId: string;
  readonly partyName: string;
  readonly shareBps: number;
  readonly capYuan: string | null;
  /** `loss_base` | `guarantor_part` (re-guarantee) | `bank_retained` (pool; the bank's own row). */
  readonly base: string;
}

export interface CaseRiskSharingView {
  readonly caseId: string;
  readonly agreement: {
    readonly id: string;
    readonly version: number;
    readonly fixedOn: string;
    readonly lossBase: string;
    readonly layers: RiskSharingLayerView[];
  } | null;
  readonly guarantee: GuaranteeView | null;
  readonly insurancePolicy: InsurancePolicyView | null;
  readonly poolFiling: PoolFilingView | null;
}

const BASE_OF_ROLE: Readonly<Record<string, string>> = {
  guarantor: 'loss_base',
  re_guarantor: 'guarantor_part',
  insurer: 'loss_base',
  evaluator: 'loss_base',
  pool: 'bank_retained',
};

/**
 * 案件分险安排: the agreement fixed for the case (its layers as a table, the bank's own row last with its share of
 * the loss base before the pool), with the guarantee, the 保证保险 policy and the pool filing it was built from.
 * Read like the case. Source: issue 8 item 4.
 */
export async function getCaseRiskSharing(
  caseId: string,
  actor: Actor,
  deps: AppDeps,
): Promise<CaseRiskSharingView> {
  const scope = authorize(actor, 'risk_sharing.read');
  const row = await getVisibleCase(deps.db, caseId, actor, scope);
  const { riskSharingAgreements, guarantees, insurancePolicies, riskPoolFilings } = tables;
  const [stored] = await deps.db
    .select()
    .from(riskSharingAgreements)
    .where(eq(riskSharingAgreements.caseId, row.id))
    .orderBy(desc(riskSharingAgreements.version))
    .limit(1);
  const guaranteeRows = await deps.db
    .select()
    .from(guarantees)
    .where(and(eq(guarantees.caseId, row.id), ne(guarantees.state, 'cancelled')));
  const policyRows = await deps.db
    .select()
    .from(insurancePolicies)
    .where(
      and(eq(insurancePolicies.caseId, row.id), eq(insurancePolicies.kind, 'pledge_financing_guarantee')),
    );
  const filingRows = await deps.db.select().from(riskPoolFilings).where(eq(riskPoolFilings.caseId, row.id));

  let agreement: CaseRiskSharingView['agreement'] = null;
  if (stored !== undefined) {
    const value = fromStoredAgreement(stored.agreement);
    const layers = CLAIM_ROLES.flatMap((role) => {
      const layer = getRiskLayer(value, role);
      return layer === undefined ? [] : [{ role, layer }];
    });
    const names = await loadOrganisationNames(deps.db, [
      value.bankParty,
      ...layers.map((l) => l.layer.party),
    ]);
    const firstLayerBps = layers
      .filter((l) => BASE_OF_ROLE[l.role] === 'loss_base')
      .reduce((total, l) => total + l.layer.shareBps, 0n);
    agreement = {
      id: stored.id,
      version: stored.version,
      fixedOn: stored.fixedOn,
      lossBase: stored.lossBase,
      layers: [
        ...layers.map(({ role, layer }) => ({
          role,
          partyId: layer.party,
          partyName: names.get(layer.party) ?? '',
          shareBps: Number(layer.shareBps),
          capYuan: yuanOrNull(layer.capFen ?? null),
          base: BASE_OF_ROLE[role] ?? 'loss_base',
        })),
        {
          role: 'bank',
          partyId: value.bankParty,
          partyName: names.get(value.bankParty) ?? '',
          shareBps: Number(WHOLE_BPS - firstLayerBps),
          capYuan: null,
          base: 'loss_base',
        },
      ],
    };
  }
  return {
    caseId: row.id,
    agreement,
    guarantee: (await toGuaranteeViews(deps.db, guaranteeRows))[0] ?? null,
    insurancePolicy: (await toInsurancePolicyViews(deps.db, policyRows))[0] ?? null,
    poolFiling: (await toPoolFilingViews(deps.db, filingRows))[0] ?? null,
  };
}
