import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roleCodes } from '../party/index.ts';
import { applyCaseAction, type CaseActionInput } from './apply-case-action.ts';
import { caseActionCodes, type CaseActorRole } from './case-actions.ts';
import { caseStateCodes, isTerminalCaseState, type CaseState } from './case-states.ts';
import { caseTransitions, findCaseTransition } from './case-transitions.ts';
import { ledgerErrors } from './ledger-errors.ts';

const actorRoles: readonly CaseActorRole[] = [...roleCodes, 'system'];

/** Facts under which every guard holds, so that only the table decides (the pledgee side follows the actor). */
function satisfiedFacts(
  state: CaseState,
  action: CaseActionInput['action'],
  actorRole: CaseActorRole,
): CaseActionInput {
  const model = action === 'accept_insurance' ? 'plus_insurance' : 'plus_guarantee';
  return {
    state,
    action,
    actorRole,
    actorUserId: 'u-actor',
    preparedByUserIds: ['u-clerk'],
    declineReasonCode: 'risk_score_too_low',
    approverAuthorityLevel: 3,
    requiredApprovalLevel: 2,
    creditCommitteeRequired: true,
    creditCommitteeOutcome: 'approved',
    combinedModel: model,
    guaranteeAccepted: true,
    insuranceAccepted: true,
    contractPrepared: true,
    pledgeeKind: actorRole === 'guarantor_user' || action === 'sign_counter_guarantee' ? 'guarantor' : 'bank',
    counterGuaranteeSigned: true,
    disbursementRequiresRegistration: false,
    fullyRepaid: true,
  };
}

describe('case state × action × role table (generated from the committed data)', () => {
  const triples = caseStateCodes.flatMap((state) =>
    caseActionCodes.flatMap((action) => actorRoles.map((role) => ({ state, action, role }))),
  );

  it(`covers all ${caseStateCodes.length} × ${caseActionCodes.length} × ${actorRoles.length} triples`, () => {
    expect(triples).toHaveLength(21 * caseActionCodes.length * actorRoles.length);
  });

  it("allows exactly the triples with a row, leads to the row's state, and refuses the rest with the right code", () => {
    let allowedCount = 0;
    for (const { state, action, role } of triples) {
      const row = findCaseTransition(state, action);
      const result = applyCaseAction(satisfiedFacts(state, action, role));
      if (row === null) {
        expect(result, `${state}/${action}/${role}`).toMatchObject({
          allowed: false,
          problems: [{ code: 'CASE_ACTION_NOT_ALLOWED_IN_STATE' }],
        });
      } else if (!row.roles.includes(role)) {
        expect(result, `${state}/${action}/${role}`).toMatchObject({
          allowed: false,
          problems: [{ code: 'CASE_ROLE_NOT_ALLOWED' }],
        });
      } else {
        expect(result, `${state}/${action}/${role}`).toEqual({
          allowed: true,
          from: state,
          to: row.to,
          transition: row,
        });
        allowedCount += 1;
      }
    }
    expect(allowedCount).toBe(caseTransitions.reduce((n, t) => n + t.roles.length, 0));
  });

  it('lists each (state, action) pair at most once, so the table is a function', () => {
    const keys = caseTransitions.map((t) => `${t.from}/${t.action}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives bureaus, regulators, evaluators, experts, pool and platform administrators no action (read-only on bank work)', () => {
    const readOnly: CaseActorRole[] = [
      'district_bureau',
      'city_bureau',
      'regulator',
      'evaluator',
      'expert',
      'pool_admin',
      'platform_admin',
    ];
    expect(caseTransitions.filter((t) => t.roles.some((r) => readOnly.includes(r)))).toEqual([]);
  });

  it('lets no action leave a terminal state (declined, withdrawn, closed, written_off, recovered)', () => {
    const terminal = caseStateCodes.filter(isTerminalCaseState);
    expect(terminal).toEqual(['declined', 'withdrawn', 'closed', 'written_off', 'recovered']);
    expect(caseTransitions.filter((t) => isTerminalCaseState(t.from))).toEqual([]);
  });

  it('reaches every state from lead, and every state but lead from applied', () => {
    const reachable = (start: CaseState): Set<CaseState> => {
      const seen = new Set<CaseState>([start]);
      const queue = [start];
      for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
        for (const t of caseTransitions.filter((row) => row.from === s && !seen.has(row.to))) {
          seen.add(t.to);
          queue.push(t.to);
        }
      }
      return seen;
    };
    expect([...reachable('lead')].sort()).toEqual([...caseStateCodes].sort());
    expect([...reachable('applied')].sort()).toEqual(caseStateCodes.filter((s) => s !== 'lead').sort());
  });

  it('leads every non-terminal state to a terminal one', () => {
    for (const state of caseStateCodes.filter((s) => !isTerminalCaseState(s))) {
      const seen = new Set<CaseState>([state]);
      const queue: CaseState[] = [state];
      for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
        for (const t of caseTransitions.filter((row) => row.from === s && !seen.has(row.to))) {
          seen.add(t.to);
          queue.push(t.to);
        }
      }
      expect([...seen].some(isTerminalCaseState), state).toBe(true);
    }
  });

  it('has a zh-CN and an en text for every code applyCaseAction can return', () => {
    const codes = [
      'CASE_ACTION_NOT_ALLOWED_IN_STATE',
      'CASE_ROLE_NOT_ALLOWED',
      'CASE_PREPARER_UNKNOWN',
      'MAKER_CHECKER_VIOLATION',
      'DECLINE_REASON_REQUIRED',
      'DECLINE_REASON_UNKNOWN',
      'APPROVAL_AUTHORITY_INSUFFICIENT',
      'CREDIT_COMMITTEE_APPROVAL_REQUIRED',
      'GUARANTEE_NOT_ACCEPTED',
      'INSURANCE_NOT_ACCEPTED',
      'CASE_HAS_NO_GUARANTEE',
      'CASE_HAS_NO_INSURANCE',
      'CONTRACT_NOT_PREPARED',
      'COUNTER_GUARANTEE_NOT_APPLICABLE',
      'COUNTER_GUARANTEE_NOT_SIGNED',
      'PLEDGEE_SIDE_MISMATCH',
      'DISBURSEMENT_AWAITS_REGISTRATION',
      'CASE_NOT_FULLY_REPAID',
    ];
    for (const code of codes) expect(Object.keys(ledgerErrors)).toContain(code);
  });

  it('property: a refused action returns problems and never a next state; an allowed one returns a state of the table', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...caseStateCodes),
        fc.constantFrom(...caseActionCodes),
        fc.constantFrom(...actorRoles),
        fc.record({
          fullyRepaid: fc.boolean(),
          contractPrepared: fc.boolean(),
          guaranteeAccepted: fc.boolean(),
          counterGuaranteeSigned: fc.boolean(),
        }),
        (state, action, role, flags) => {
          const result = applyCaseAction({ ...satisfiedFacts(state, action, role), ...flags });
          if (result.allowed) expect(caseTransitions).toContain(result.transition);
          else expect(result.problems.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
