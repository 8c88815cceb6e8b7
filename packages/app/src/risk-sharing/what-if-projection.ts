import { and, desc, eq, exists, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { addRates, formatRatePct, formatYuan, parseRatePct, rateFromBps } from '@ipf/domain/money';
import { projectWhatIfLosses, type WhatIfLoan } from '@ipf/domain/risk-sharing';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { caseVisibility } from '../ledger/case-visibility.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { loadOrganisationNames, fromStoredAgreement } from './risk-sharing-views.ts';

export interface WhatIfInputFilters {
  readonly bankId?: string;
  readonly district?: string;
  readonly poolId?: string;
  readonly ipKind?: string;
  /** Scenario in percent, e.g. "10" or "12.5". */
  readonly defaultRatePct: string;
  readonly recoveryRatePct: string;
  readonly lagMonths: number;
}

/** One party's projected loss on the wire. */
export interface WhatIfPartyView {
  readonly role: string;
  readonly partyId: string;
  readonly partyName: string;
  readonly grossBorneYuan: string;
  readonly recoveredYuan: string;
  readonly netLossYuan: string;
  /** 担保费 / 保费: the guarantee fees or insurance premiums the party earns on the chosen loans. */
  readonly feeIncomeYuan: string;
  /** Fee income less the net loss (negative: the party loses money under the scenario). */
  readonly netResultYuan: string;
}

/** The projection on the wire: totals, each party, each pool's budget left, the first loans. */
export interface WhatIfProjectionView {
  readonly loanCount: number;
  readonly exposureYuan: string;
  readonly defaultedLossYuan: string;
  readonly recoveryYuan: string;
  readonly poolShortfallYuan: string;
  readonly parties: WhatIfPartyView[];
  readonly poolBudgets: {
    readonly partyId: string;
    readonly partyName: string;
    readonly budgetYuan: string;
    readonly remainingBeforeYuan: string;
    readonly remainingAfterYuan: string;
  }[];
  readonly loans: {
    readonly caseId: string;
    readonly caseNumber: string;
    readonly outstandingPrincipalYuan: string;
    readonly defaultedLossYuan: string;
    readonly recoveryYuan: string;
    readonly poolShortfallYuan: string;
  }[];
  readonly scenario: {
    readonly defaultRatePct: string;
    readonly recoveryRatePct: string;
    readonly lagMonths: number;
  };
}

/** Loans shown per projection (the totals cover every loan of the set). */
const LOAN_ROWS_SHOWN = 200;
const LIVE_CASE_STATES = ['disbursed', 'repaying', 'overdue', 'non_performing', 'compensating'];

/**
 * 压力测试 (what-if): the live loans the actor sees, narrowed by bank, district, pool and IP kind, each with the
 * agreement fixed at disbursement, projected under one scenario (`projectWhatIfLosses`): losses borne by each party
 * after recoveries and each pool's budget left this year (the shortfall stays with the bank); beside each
 * guarantor's and insurer's losses, the guarantee fees and premiums it earns on those loans (the fee fixed when it
 * accepted: `guarantees.feeFen`, the 保证保险 policy's `premiumFen`; cancelled ones earn nothing) and the net
 * result, fee income less net loss, exact to the fen. Source: issue 8 item 7.
 * @throws WHAT_IF_SCENARIO_INVALID for rates outside 0–100% or a negative lag.
 */
export async function getWhatIfProjection(
  input: WhatIfInputFilters,
  actor: Actor,
  deps: AppDeps,
): Promise<WhatIfProjectionView> {
  const scope = authorize(actor, 'what_if.run');
  const { financingCases, loanAccounts, riskSharingAgreements, riskPoolFilings, riskPools, riskPoolBudgets } =
    tables;
  let defaultRate;
  let recoveryRate;
  try {
    defaultRate = parseRatePct(input.defaultRatePct);
    recoveryRate = parseRatePct(input.recoveryRatePct);
  } catch {
    throw new DomainError('WHAT_IF_SCENARIO_INVALID');
  }
  const visibility: SQL =
    actor.organisationKind === 'risk_pool'
      ? exists(
          sql`(select 1 from ${riskPoolFilings} join ${riskPools} on ${riskPools.id} = ${riskPoolFilings.poolId} where ${riskPoolFilings.caseId} = ${financingCases.id} and ${riskPools.organisationId} = ${actor.organisationId})`,
        )
      : caseVisibility(actor, scope);
  const conditions: SQL[] = [visibility, inArray(financingCases.state, LIVE_CASE_STATES)];
  if (input.bankId !== undefined) conditions.push(eq(loanAccounts.bankId, input.bankId));
  if (input.district !== undefined)
    conditions.push(
      exists(
        sql`(select 1 from ${tables.enterprises} where ${tables.enterprises.organisationId} = ${financingCases.enterpriseId} and ${tables.enterprises.district} = ${input.district})`,
      ),
    );
  if (input.poolId !== undefined)
    conditions.push(
      exists(
        sql`(select 1 from ${riskPoolFilings} where ${riskPoolFilings.caseId} = ${financingCases.id} and ${riskPoolFilings.poolId} = ${input.poolId})`,
      ),
    );
  if (input.ipKind !== undefined)
    conditions.push(
      exists(
        sql`(select 1 from ${tables.caseAssets} where ${tables.caseAssets.caseId} = ${financingCases.id} and ${tables.caseAssets.kind} = ${input.ipKind})`,
      ),
    );
  const rows = await deps.db
    .select({ caseRow: financingCases, account: loanAccounts })
    .from(loanAccounts)
    .innerJoin(financingCases, eq(financingCases.id, loanAccounts.caseId))
    .where(and(...conditions))
    .orderBy(financingCases.caseNumber);
  const caseIds = rows.map((r) => r.caseRow.id);
  const agreements =
    caseIds.length === 0
      ? []
      : await deps.db
          .select()
          .from(riskSharingAgreements)
          .where(inArray(riskSharingAgreements.caseId, caseIds))
          .orderBy(desc(riskSharingAgreements.version));
  const agreementOf = new Map<string, (typeof agreements)[number]>();
  for (const a of agreements) if (!agreementOf.has(a.caseId)) agreementOf.set(a.caseId, a);

  const loans: WhatIfLoan[] = [];
  const caseNumberOf = new Map<string, string>();
  for (const { caseRow, account } of rows) {
    const stored = agreementOf.get(caseRow.id);
    if (stored === undefined) continue;
    caseNumberOf.set(caseRow.id, caseRow.caseNumber);
    loans.push({
      loanId: caseRow.id,
      outstandingPrincipalFen: account.outstandingPrincipalFen,
      outstandingInterestFen: 0n,
      annualRate: addRates(parseRatePct(account.lprRatePct), rateFromBps(BigInt(account.spreadBps))),
      agreement: fromStoredAgreement(stored.agreement),
    });
  }
  const poolParties = [
    ...new Set(loans.flatMap((l) => (l.agreement.pool === undefined ? [] : [l.agreement.pool.party]))),
  ];
  const year = Number(toShanghaiDate(deps.clock.now()).slice(0, 4));
  const budgets =
    poolParties.length === 0
      ? []
      : await deps.db
          .select({
            party: riskPools.organisationId,
            budgetFen: riskPoolBudgets.budgetFen,
            usedFen: riskPoolBudgets.usedFen,
          })
          .from(riskPools)
          .leftJoin(
            riskPoolBudgets,
            and(eq(riskPoolBudgets.poolId, riskPools.id), eq(riskPoolBudgets.year, year)),
          )
          .where(inArray(riskPools.organisationId, poolParties));
  const poolBudgets = poolParties.map((party) => {
    const b = budgets.find((row) => row.party === party);
    const budgetFen = b?.budgetFen ?? 0n;
    return { party, budgetFen, amountFen: budgetFen - (b?.usedFen ?? 0n) };
  });

  const projection = projectWhatIfLosses({
    loans,
    scenario: { defaultRate, recoveryRate, lagMonths: input.lagMonths },
    poolBudgets: poolBudgets.map((b) => ({ party: b.party, amountFen: b.amountFen })),
  });
  const incomes = await loadFeeIncomes(
    deps,
    loans.map((l) => l.loanId),
  );
  // A guarantor or insurer that earns on the loans but bears no layer of their losses still shows its income.
  const parties = [
    ...projection.parties,
    ...incomes
      .filter((income) => !projection.parties.some((p) => p.party === income.party))
      .map((income) => ({
        role: income.role,
        party: income.party,
        grossBorneFen: 0n,
        recoveredFen: 0n,
        netLossFen: 0n,
      })),
  ];
  const incomeOf = (party: string) =>
    incomes
      .filter((income) => income.party === party)
      .reduce((total, income) => total + income.amountFen, 0n);
  const names = await loadOrganisationNames(deps.db, [...parties.map((p) => p.party), ...poolParties]);
  const sum = (values: readonly bigint[]) => values.reduce((a, b) => a + b, 0n);
  return {
    loanCount: loans.length,
    exposureYuan: formatYuan(sum(loans.map((l) => l.outstandingPrincipalFen))),
    defaultedLossYuan: formatYuan(sum(projection.loans.map((l) => l.defaultedLossFen))),
    recoveryYuan: formatYuan(sum(projection.loans.map((l) => l.recoveryFen))),
    poolShortfallYuan: formatYuan(sum(projection.loans.map((l) => l.poolShortfallFen))),
    parties: parties.map((p) => ({
      role: p.role,
      partyId: p.party,
      partyName: names.get(p.party) ?? '',
      grossBorneYuan: formatYuan(p.grossBorneFen),
      recoveredYuan: formatYuan(p.recoveredFen),
      netLossYuan: formatYuan(p.netLossFen),
      feeIncomeYuan: formatYuan(incomeOf(p.party)),
      netResultYuan: formatYuan(incomeOf(p.party) - p.netLossFen),
    })),
    poolBudgets: poolBudgets.map((b) => ({
      partyId: b.party,
      partyName: names.get(b.party) ?? '',
      budgetYuan: formatYuan(b.budgetFen),
      remainingBeforeYuan: formatYuan(b.amountFen),
      remainingAfterYuan: formatYuan(
        projection.poolBudgetsRemaining.find((r) => r.party === b.party)?.amountFen ?? b.amountFen,
      ),
    })),
    loans: projection.loans.slice(0, LOAN_ROWS_SHOWN).map((l, i) => ({
      caseId: l.loanId,
      caseNumber: caseNumberOf.get(l.loanId) ?? '',
      outstandingPrincipalYuan: formatYuan(loans[i]!.outstandingPrincipalFen),
      defaultedLossYuan: formatYuan(l.defaultedLossFen),
      recoveryYuan: formatYuan(l.recoveryFen),
      poolShortfallYuan: formatYuan(l.poolShortfallFen),
    })),
    scenario: {
      defaultRatePct: formatRatePct(defaultRate),
      recoveryRatePct: formatRatePct(recoveryRate),
      lagMonths: input.lagMonths,
    },
  };
}

/** The guarantee fees and 保证保险 premiums earned on the loans, one line per guarantee or policy. */
async function loadFeeIncomes(
  deps: AppDeps,
  caseIds: readonly string[],
): Promise<{ role: 'guarantor' | 'insurer'; party: string; amountFen: bigint }[]> {
  if (caseIds.length === 0) return [];
  const { guarantees, insurancePolicies } = tables;
  const fees = await deps.db
    .select({ party: guarantees.guarantorId, amountFen: guarantees.feeFen })
    .from(guarantees)
    .where(and(inArray(guarantees.caseId, [...caseIds]), ne(guarantees.state, 'cancelled')))
    .orderBy(guarantees.contractNumber);
  const premiums = await deps.db
    .select({ party: insurancePolicies.insurerId, amountFen: insurancePolicies.premiumFen })
    .from(insurancePolicies)
    .where(
      and(
        inArray(insurancePolicies.caseId, [...caseIds]),
        eq(insurancePolicies.kind, 'pledge_financing_guarantee'),
        ne(insurancePolicies.state, 'cancelled'),
      ),
    )
    .orderBy(insurancePolicies.policyNumber);
  return [
    ...fees.map((f) => ({ role: 'guarantor' as const, ...f })),
    ...premiums.map((p) => ({ role: 'insurer' as const, ...p })),
  ];
}
