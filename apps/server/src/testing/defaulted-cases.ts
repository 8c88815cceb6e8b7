import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { createUser, systemActor, type Actor } from '@ipf/app';
import { tables } from '@ipf/db';
import type { OrganisationKind } from '@ipf/domain/party';
import type { TestApp, TestSession } from './create-test-app.ts';
import { prepareRegisteredCases } from './registered-case.ts';

/** The day the defaulted cases are non-performing: first instalment (2026-04-02) 92 days past due. */
export const DEFAULT_DATE = '2026-07-03';

export interface DefaultedCases {
  readonly caseIds: string[];
  /** Sessions logged in on the default date (earlier sessions expired while the clock moved). */
  login(login: string): Promise<TestSession>;
}

/**
 * 不良案件 (non-performing cases) for the claims tests, through the real use cases: `count` cases of 1,000,000.00
 * over 12 months are registered and disbursed on 2026-03-02 (the disbursement files each loan into its pool and
 * fixes its agreement), nothing is repaid, the clock moves to 2026-07-03 and the daily job classifies them 次级
 * (non-performing).
 */
export async function prepareDefaultedCases(t: TestApp, count: number): Promise<DefaultedCases> {
  const factory = await prepareRegisteredCases(t);
  const caseIds: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const registered = await factory.registeredCase();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${registered.caseId}/disbursement`,
      headers: factory.clerk.headers,
      payload: {},
    });
    if (res.statusCode !== 200) throw new Error(`disbursement: ${res.statusCode} ${res.body}`);
    caseIds.push(registered.caseId);
  }
  t.clock.advance(Date.parse(`${DEFAULT_DATE}T02:00:00.000Z`) - t.clock.now().getTime());
  const admin = await t.loginAs('admin');
  const run = await t.app.inject({
    method: 'POST',
    url: '/api/servicing/daily-runs',
    headers: admin.headers,
    payload: { businessDate: DEFAULT_DATE },
  });
  if (run.statusCode !== 200) throw new Error(`daily run: ${run.statusCode} ${run.body}`);
  return { caseIds, login: (login) => t.loginAs(login) };
}

/**
 * A second user of a payer's organisation (the demo has one per guarantor, insurer and pool) as an actor, for the
 * checker side of maker-checker: created through the real use case, then acting through the use cases directly
 * (a new user would first have to enrol a second factor to use the HTTP API).
 */
export async function createPayerChecker(
  t: TestApp,
  organisationId: string,
  role: 'guarantor_user' | 'insurer_user' | 'pool_admin',
): Promise<Actor> {
  const login = `checker-${randomUUID().slice(0, 8)}`;
  const user = await createUser(
    { login, displayName: '复核人', password: 'Checker@2026pass!', organisationId, role },
    systemActor('test'),
    t.deps,
  );
  const [org] = await t.deps.db
    .select()
    .from(tables.organisations)
    .where(eq(tables.organisations.id, organisationId));
  return {
    userId: user.id,
    organisationId,
    organisationKind: org!.kind as OrganisationKind,
    organisationPath: org!.path,
    district: org!.district,
    role,
    requestId: 'test-checker',
    scopes: null,
  };
}

/**
 * 分险协议修订 (an amended agreement, version n + 1) for a case: the tests' way to give a defaulted pledge-only case a
 * guarantor and the city re-guarantee fund on top of the pool layer its disbursement fixed (the plus_guarantee
 * origination that records them at disbursement is covered by the risk-sharing setup tests).
 */
export async function amendAgreement(
  t: TestApp,
  caseId: string,
  layers: {
    readonly lossBase: 'principal' | 'principal_and_interest';
    readonly guarantor?: { party: string; shareBps: bigint; capFen?: bigint };
    readonly reGuarantor?: { party: string; shareBps: bigint };
  },
): Promise<void> {
  const { riskSharingAgreements } = tables;
  const [current] = await t.deps.db
    .select()
    .from(riskSharingAgreements)
    .where(eq(riskSharingAgreements.caseId, caseId))
    .orderBy(desc(riskSharingAgreements.version))
    .limit(1);
  if (current === undefined) throw new Error(`case ${caseId} has no agreement to amend`);
  const id = randomUUID();
  const layer = (l: { party: string; shareBps: bigint; capFen?: bigint }): tables.StoredRiskLayer => ({
    party: l.party,
    shareBps: l.shareBps.toString(),
    ...(l.capFen === undefined ? {} : { capFen: l.capFen.toString() }),
  });
  await t.deps.db.insert(riskSharingAgreements).values({
    ...current,
    id,
    version: current.version + 1,
    lossBase: layers.lossBase,
    agreement: {
      ...current.agreement,
      agreementId: id,
      lossBase: layers.lossBase,
      ...(layers.guarantor === undefined ? {} : { guarantor: layer(layers.guarantor) }),
      ...(layers.reGuarantor === undefined ? {} : { reGuarantor: layer(layers.reGuarantor) }),
    },
    createdAt: t.clock.now(),
  });
}
