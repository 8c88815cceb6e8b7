import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoParties } from '@ipf/app';
import { createTestApp, TEST_DEMO_SEED, type TestApp, type TestSession } from './testing/create-test-app.ts';

interface Expert {
  id: string;
  name: string;
  fields: string[];
  ipcExpertise: string[];
  affiliationOrganisationId: string | null;
  affiliationName: string;
  userId: string | null;
  hasLogin: boolean;
  version: number;
}
interface Review {
  id: string;
  caseId: string;
  state: string;
  seedCommitment: string;
  seed: string | null;
  hashAlgorithm: string;
  excludedCount: number | null;
  outcome: string | null;
  adjustedValueYuan: string | null;
  version: number;
  members: { expertId: string; drawOrder: number; opinionOutcome: string | null }[];
}
interface Verification {
  commitmentMatches: boolean;
  sameExperts: boolean;
  seed: string;
  seedCommitment: string;
  recordedExpertIds: string[];
  recomputedExpertIds: string[];
  excluded: { expertId: string; reasons: string[] }[];
  candidates: { expertId: string }[];
}

/** 专家库与复核认定 over HTTP (issue 7 item 7), on a case that ent001 applied for at bank01's sub-branch. */
describe('expert review 复核认定', () => {
  let t: TestApp;
  let bureau: TestSession;
  let expert1: TestSession;
  let firm1: TestSession;
  let firm2: TestSession;
  let clerk: TestSession;
  let otherBank: TestSession;
  let caseNumber: string | undefined;
  /** A second case of ent001, where nobody is engaged yet. */
  let secondCaseNumber: string;
  let caseId: string;
  let firm1OrgId: string;
  let firm1AdmissionId: string;
  let enterpriseExpertId: string;
  let firstReview: Review;
  const parties = generateDemoParties(TEST_DEMO_SEED);
  const orgOf = (login: string) => parties.users.find((u) => u.login === login)!.organisationId;
  const api = (session: TestSession, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: session.headers, ...(payload === undefined ? {} : { payload }) });
  const ok = async <T>(promise: ReturnType<typeof api>, status = 200): Promise<T> => {
    const res = await promise;
    expect(res.statusCode, res.body).toBe(status);
    return res.json<T>();
  };
  const allExperts = async () =>
    (await ok<{ items: Expert[] }>(api(bureau, 'GET', '/api/experts?pageSize=200&active=true'))).items;
  const openReview = (body: object = {}) =>
    ok<Review>(
      api(bureau, 'POST', '/api/expert-reviews', {
        caseNumber,
        evaluatorOrganisationId: firm1OrgId,
        reportedValueYuan: '5000000.00',
        expertCount: 5,
        ...body,
      }),
      201,
    );
  const draw = (id: string) => ok<Review>(api(bureau, 'POST', `/api/expert-reviews/${id}/draw`, {}));
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

  beforeAll(async () => {
    t = await createTestApp();
    bureau = await t.loginAs('bureau.city');
    expert1 = await t.loginAs('expert1');
    firm1 = await t.loginAs('evaluator1');
    firm2 = await t.loginAs('evaluator2');
    clerk = await t.loginAs('bank01.clerk');
    otherBank = await t.loginAs('bank02.clerk');
    const enterprise = await t.loginAs('ent001');
    const unitId = orgOf('bank01.clerk');
    const products = await ok<{ id: string; code: string }[]>(api(clerk, 'GET', '/api/bank-products'));
    const assets = await ok<{ items: { id: string }[] }>(
      api(enterprise, 'GET', '/api/ip-assets?kind=invention_patent&pageSize=200'),
    );
    for (const asset of assets.items) {
      const check = await ok<{ eligible: boolean }>(
        api(enterprise, 'POST', `/api/ip-assets/${asset.id}/eligibility`, {
          debtMaturityDate: '2027-03-02',
          pledgeeOrganisationId: unitId,
        }),
      );
      if (!check.eligible) continue;
      const applied = await ok<{ id: string; caseNumber: string }>(
        api(enterprise, 'POST', '/api/cases', {
          bankUnitId: unitId,
          productId: products.find((p) => p.code === 'prd-demo-ipdai')!.id,
          amountYuan: '1000000.00',
          termMonths: 12,
          repaymentMethod: 'annuity',
          spreadBps: 50,
          combinedModel: 'pledge_only',
          assetIds: [asset.id],
          consentExpiresOn: '2027-03-01',
        }),
      );
      if (caseNumber === undefined) {
        caseId = applied.id;
        caseNumber = applied.caseNumber;
      } else {
        secondCaseNumber = applied.caseNumber;
        break;
      }
    }
    firm1OrgId = orgOf('evaluator1');
    firm1AdmissionId = (await ok<{ items: { id: string }[] }>(api(firm1, 'GET', '/api/evaluators'))).items[0]!
      .id;
    // An expert who works for the borrowing enterprise itself.
    enterpriseExpertId = (
      await ok<Expert>(
        api(bureau, 'POST', '/api/experts', {
          name: '企业内专家',
          fields: ['新一代信息技术'],
          ipcExpertise: ['G06F'],
          affiliationOrganisationId: orgOf('ent001'),
          affiliationName: '借款企业',
        }),
        201,
      )
    ).id;
  }, 300_000);
  afterAll(async () => t.close());

  it('the demo pool has 30 seeded experts plus the one added; two hold the demo expert logins', async () => {
    const experts = await allExperts();
    expect(experts).toHaveLength(31);
    expect(experts.filter((e) => e.hasLogin)).toHaveLength(2);
  });

  it('publishes the hash of a secret seed before the draw and reveals a seed whose hash is that commitment', async () => {
    const committed = await openReview();
    expect(committed.state).toBe('committed');
    expect(committed.seed).toBeNull();
    expect(committed.seedCommitment).toMatch(/^[0-9a-f]{64}$/);
    firstReview = await draw(committed.id);
    expect(firstReview.state).toBe('drawn');
    expect(firstReview.seedCommitment).toBe(committed.seedCommitment);
    expect(sha256(firstReview.seed!)).toBe(committed.seedCommitment);
    expect(firstReview.members.map((m) => m.drawOrder)).toEqual([1, 2, 3, 4, 5]);
    const again = await api(bureau, 'POST', `/api/expert-reviews/${committed.id}/draw`, {});
    expect(again.json<{ code: string }>().code).toBe('EXPERT_REVIEW_STATE_CONFLICT');
  });

  it('never draws an expert of the evaluator, of the bank (any unit of it) or of the enterprise', async () => {
    const experts = await allExperts();
    const byId = new Map(experts.map((e) => [e.id, e]));
    const conflicted = experts.filter(
      (e) =>
        e.affiliationOrganisationId === firm1OrgId ||
        e.affiliationOrganisationId === orgOf('ent001') ||
        e.affiliationOrganisationId === orgOf('bank01.clerk'),
    );
    expect(conflicted.map((e) => e.id).sort()).toContain(enterpriseExpertId);
    expect(conflicted).toHaveLength(3);
    // Several draws with fresh seeds (each engages its experts on the case): none picks a conflicted expert.
    const drawnIds = new Set<string>(firstReview.members.map((m) => m.expertId));
    for (let i = 0; i < 3; i += 1) {
      const review = await draw((await openReview({ expertCount: 4 })).id);
      for (const m of review.members) drawnIds.add(m.expertId);
      const v = await ok<Verification>(
        api(bureau, 'GET', `/api/expert-reviews/${review.id}/draw-verification`),
      );
      const reasons = new Map(v.excluded.map((e) => [e.expertId, e.reasons]));
      expect(reasons.get(enterpriseExpertId)).toContain('same_org_as_enterprise');
      expect(reasons.get(conflicted.find((e) => e.affiliationOrganisationId === firm1OrgId)!.id)).toContain(
        'same_org_as_evaluator',
      );
      expect(
        reasons.get(conflicted.find((e) => e.affiliationOrganisationId === orgOf('bank01.clerk'))!.id),
      ).toContain('same_org_as_bank');
    }
    for (const c of conflicted) expect(drawnIds.has(c.id), byId.get(c.id)!.name).toBe(false);
  });

  it('excludes the experts already on an open review of the same case', async () => {
    const v = await ok<Verification>(
      api(bureau, 'GET', `/api/expert-reviews/${(await draw((await openReview()).id)).id}/draw-verification`),
    );
    const reasons = new Map(v.excluded.map((e) => [e.expertId, e.reasons]));
    for (const m of firstReview.members) expect(reasons.get(m.expertId)).toContain('already_engaged');
    for (const expertId of v.recordedExpertIds)
      expect(firstReview.members.map((m) => m.expertId)).not.toContain(expertId);
  });

  it("the case's bank re-runs the draw from the published seed and the recorded candidates and gets the same experts", async () => {
    const v = await ok<Verification>(
      api(clerk, 'GET', `/api/expert-reviews/${firstReview.id}/draw-verification`),
    );
    expect(v).toMatchObject({ commitmentMatches: true, sameExperts: true, seed: firstReview.seed });
    expect(v.recordedExpertIds).toEqual(firstReview.members.map((m) => m.expertId));
    // By hand: order the eligible candidates by SHA-256(seed ‖ NUL ‖ expertId) and take the first five.
    const excluded = new Set(v.excluded.map((e) => e.expertId));
    const byHand = v.candidates
      .filter((c) => !excluded.has(c.expertId))
      .map((c) => ({ id: c.expertId, key: sha256(`${v.seed}\u0000${c.expertId}`) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .slice(0, 5)
      .map((c) => c.id);
    expect(byHand).toEqual(v.recordedExpertIds);
    const committed = await openReview();
    const early = await api(clerk, 'GET', `/api/expert-reviews/${committed.id}/draw-verification`);
    expect(early.json<{ code: string }>().code).toBe('EXPERT_REVIEW_STATE_CONFLICT');
  });

  it("shows a draw's conflict set (case, bank, enterprise, evaluator) only to the review's readers: another bank or firm NOT_FOUND, an enterprise FORBIDDEN", async () => {
    const url = `/api/expert-reviews/${firstReview.id}/draw-verification`;
    const byFirm = await ok<Verification & { conflicts: { caseId: string; enterpriseOrgId: string } }>(
      api(firm1, 'GET', url),
    );
    expect(byFirm.conflicts).toMatchObject({ caseId, enterpriseOrgId: orgOf('ent001') });
    expect((await ok<Verification>(api(bureau, 'GET', url))).sameExperts).toBe(true);
    for (const outsider of [otherBank, firm2]) {
      const refused = await api(outsider, 'GET', url);
      expect(refused.statusCode).toBe(404);
      expect(refused.json<{ code: string }>().code).toBe('NOT_FOUND');
      expect(refused.body).not.toContain(orgOf('ent001'));
    }
    const enterprise = await api(await t.loginAs('ent001'), 'GET', url);
    expect(enterprise.statusCode).toBe(403);
    expect(enterprise.json<{ code: string }>().code).toBe('FORBIDDEN');
  });

  it('an expert records their own opinion only; the bureau records the others on their behalf and concludes', async () => {
    // Three experts cover A01K: the expert behind the expert1 login and two added now.
    const experts = await allExperts();
    const session = await ok<{ user: { id: string } }>(api(expert1, 'GET', '/api/auth/session'));
    const own = experts.find((e) => e.userId === session.user.id)!;
    const mine = await ok<Expert>(
      api(bureau, 'PUT', `/api/experts/${own.id}`, {
        name: own.name,
        fields: own.fields,
        ipcExpertise: [...own.ipcExpertise, 'A01K'],
        affiliationOrganisationId: own.affiliationOrganisationId,
        affiliationName: own.affiliationName,
        userId: own.userId,
        version: own.version,
      }),
    );
    expect(mine.ipcExpertise).toContain('A01K');
    for (const name of ['甲专家', '乙专家'])
      await ok(
        api(bureau, 'POST', '/api/experts', {
          name,
          fields: ['农业'],
          ipcExpertise: ['A01K'],
          affiliationName: '华南农业大学',
        }),
        201,
      );
    const review = await draw(
      (
        await openReview({
          caseNumber: secondCaseNumber,
          expertCount: 3,
          requiredIpcPrefixes: ['A01K 67'],
          hashAlgorithm: 'sm3',
        })
      ).id,
    );
    expect(review.hashAlgorithm).toBe('sm3');
    expect(createHash('sm3').update(review.seed!).digest('hex')).toBe(review.seedCommitment);
    expect(review.members.map((m) => m.expertId)).toContain(own.id);
    const others = review.members.filter((m) => m.expertId !== own.id).map((m) => m.expertId);

    // The expert sees the reviews it was drawn for, and no other.
    const listed = await ok<{ items: Review[] }>(api(expert1, 'GET', '/api/expert-reviews?pageSize=100'));
    expect(listed.items.map((r) => r.id)).toContain(review.id);
    for (const r of listed.items) expect(r.members.map((m) => m.expertId)).toContain(own.id);
    const foreign = await api(expert1, 'POST', `/api/expert-reviews/${review.id}/opinions`, {
      expertId: others[0],
      outcome: 'confirmed',
      opinion: '同意',
    });
    expect(foreign.json<{ code: string }>().code).toBe('EXPERT_REVIEW_NOT_A_MEMBER');
    const noValue = await api(expert1, 'POST', `/api/expert-reviews/${review.id}/opinions`, {
      expertId: own.id,
      outcome: 'adjusted',
      opinion: '收益期偏长',
    });
    expect(noValue.json<{ code: string }>().code).toBe('EXPERT_REVIEW_ADJUSTED_VALUE_REQUIRED');
    await ok(
      api(expert1, 'POST', `/api/expert-reviews/${review.id}/opinions`, {
        expertId: own.id,
        outcome: 'adjusted',
        adjustedValueYuan: '4200000.00',
        opinion: '剩余经济寿命取 6 年更合理',
      }),
    );
    const early = await api(bureau, 'POST', `/api/expert-reviews/${review.id}/conclusion`, {
      outcome: 'confirmed',
    });
    expect(early.json<{ code: string; detail: string }>().code).toBe('EXPERT_REVIEW_OPINIONS_MISSING');
    for (const expertId of others)
      await ok(
        api(bureau, 'POST', `/api/expert-reviews/${review.id}/opinions`, {
          expertId,
          outcome: 'adjusted',
          adjustedValueYuan: '4300000.00',
          opinion: '折现率应上调',
        }),
      );
    const against = await api(bureau, 'POST', `/api/expert-reviews/${review.id}/conclusion`, {
      outcome: 'confirmed',
    });
    expect(against.json<{ code: string }>().code).toBe('EXPERT_REVIEW_REASON_REQUIRED');
    const concluded = await ok<Review>(
      api(bureau, 'POST', `/api/expert-reviews/${review.id}/conclusion`, {
        outcome: 'adjusted',
        adjustedValueYuan: '4250000.00',
      }),
    );
    expect(concluded).toMatchObject({
      state: 'concluded',
      outcome: 'adjusted',
      adjustedValueYuan: '4250000.00',
    });
    const late = await api(bureau, 'POST', `/api/expert-reviews/${review.id}/opinions`, {
      expertId: own.id,
      outcome: 'confirmed',
      opinion: '改为确认',
    });
    expect(late.statusCode).toBe(409);

    // The outcome feeds the evaluator's quality score: one adjusted review → 50.00.
    const firm = await ok<{ quality: { reviewCount: number; adjustedCount: number; score: string } }>(
      api(bureau, 'GET', `/api/evaluators/${firm1AdmissionId}`),
    );
    expect(firm.quality).toMatchObject({ reviewCount: 1, adjustedCount: 1, score: '50.00' });
    const audit = await ok<{ items: { action: string }[] }>(
      api(bureau, 'GET', `/api/audit-events?entityType=expert_review&entityId=${review.id}&pageSize=50`),
    );
    expect(audit.items.map((a) => a.action).sort()).toEqual([
      'expert_review.committed',
      'expert_review.concluded',
      'expert_review.drawn',
      'expert_review.opinion_recorded',
      'expert_review.opinion_recorded',
      'expert_review.opinion_recorded',
    ]);
  });

  it('the firm under review and the case’s bank read the reviews; another firm and another bank do not; only the bureau draws', async () => {
    expect((await ok<{ total: number }>(api(firm1, 'GET', '/api/expert-reviews'))).total).toBeGreaterThan(0);
    expect((await ok<{ total: number }>(api(firm2, 'GET', '/api/expert-reviews'))).total).toBe(0);
    expect(
      (await ok<{ total: number }>(api(clerk, 'GET', `/api/expert-reviews?caseId=${caseId}`))).total,
    ).toBeGreaterThan(0);
    expect((await ok<{ total: number }>(api(otherBank, 'GET', '/api/expert-reviews'))).total).toBe(0);
    expect((await api(otherBank, 'GET', `/api/expert-reviews/${firstReview.id}`)).statusCode).toBe(404);
    expect(
      (await api(clerk, 'POST', `/api/expert-reviews/${firstReview.id}/conclusion`, { outcome: 'confirmed' }))
        .statusCode,
    ).toBe(403);
    expect((await api(firm1, 'POST', '/api/expert-reviews', { caseNumber })).statusCode).toBe(403);
  });

  it('refuses a review of a firm that is not admitted', async () => {
    const res = await api(bureau, 'POST', '/api/expert-reviews', {
      caseNumber,
      evaluatorOrganisationId: orgOf('bank01.clerk'),
      reportedValueYuan: '1.00',
      expertCount: 1,
    });
    expect(res.json<{ code: string }>().code).toBe('EVALUATOR_NOT_ADMITTED');
  });
});
