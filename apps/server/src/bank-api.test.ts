import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoParties } from '@ipf/app';
import { parseYuan } from '@ipf/domain/money';
import { createTestApp, TEST_DEMO_SEED, type TestApp, type TestSession } from './testing/create-test-app.ts';
import { prepareRegisteredCases, type RegisteredCase } from './testing/registered-case.ts';
import { completeDueDiligence } from './testing/complete-due-diligence.ts';
import { lowRiskFacts } from './testing/low-risk-facts.ts';

type Caller = TestSession | Record<string, string>;
type Case = {
  id: string;
  state: string;
  enterpriseId: string;
  version: number;
  events: { action: string; toState: string; actorRole: string }[];
};
type Loan = {
  outstandingPrincipalYuan: string;
  payable: { totalYuan: string };
  installments: { dueDate: string; status: string }[];
  repayments: { id: string; amountYuan: string }[];
};
/** A media type of the document: one schema example becomes `example`, several become `examples`. */
type MediaType = { example?: unknown; examples?: Record<string, { value: unknown }> };
type OpenApiOperation = {
  tags?: string[];
  security?: Record<string, unknown>[];
  parameters?: { in: string; name: string; description?: string }[];
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, { content?: Record<string, MediaType> }>;
};

/**
 * Issue 6 item 7: a bank's own system with an API token (scoped to the operations it needs) creates a case (a
 * lead: an application is the enterprise's own act, access.md), records the evaluation steps, disburses and posts
 * repayments under an Idempotency-Key, and reads the case's status, timeline and schedule; another bank's token
 * finds nothing, a token without the scope is refused, and the OpenAPI document shows every one of those
 * operations with examples, tags and the bearer scheme.
 */
describe("the API for banks' own systems (API tokens with scopes)", () => {
  let t: TestApp;
  let registered: RegisteredCase;
  let enterprise: TestSession;
  const systemToken: Record<string, string> = {};
  const readOnlyToken: Record<string, string> = {};
  const otherBankToken: Record<string, string> = {};
  const parties = generateDemoParties(TEST_DEMO_SEED);
  const bankUnit = parties.organisations.find((o) => o.nameZh === '银湾银行深圳南山科技支行')!;

  const api = (caller: Caller, method: 'GET' | 'POST', url: string, payload?: object, headers = {}) =>
    t.app.inject({
      method,
      url,
      headers: { ...('csrfToken' in caller ? (caller as TestSession).headers : caller), ...headers },
      ...(payload === undefined ? {} : { payload }),
    });
  async function createToken(login: string, scopes: string[]): Promise<Record<string, string>> {
    const session = await t.loginAs(login);
    const created = await api(session, 'POST', '/api/api-tokens', { name: '信贷系统对接', scopes });
    expect(created.statusCode, created.body).toBe(201);
    return { authorization: `Bearer ${created.json<{ token: string }>().token}` };
  }

  beforeAll(async () => {
    t = await createTestApp();
    const cases = await prepareRegisteredCases(t);
    registered = await cases.registeredCase();
    enterprise = registered.enterprise;
    Object.assign(
      systemToken,
      await createToken('bank01.clerk', [
        'case.create_lead',
        'case.read',
        'case.evaluate',
        'loan.disburse',
        'loan.repay',
        'loan.read',
      ]),
    );
    Object.assign(readOnlyToken, await createToken('bank01.clerk', ['case.read', 'loan.read']));
    Object.assign(otherBankToken, await createToken('bank02.clerk', ['case.read', 'loan.read']));
  }, 180_000);
  afterAll(async () => t.close());

  it('creates a lead for its customer and records the evaluation steps once the enterprise applied', async () => {
    const { enterpriseId } = (await api(systemToken, 'GET', `/api/cases/${registered.caseId}`)).json<Case>();
    const lead = await api(systemToken, 'POST', '/api/cases/leads', {
      enterpriseId,
      bankUnitId: bankUnit.id,
      source: 'outreach',
      note: '走访获客',
    });
    expect(lead.statusCode, lead.body).toBe(200);
    expect(lead.json<Case>()).toMatchObject({ state: 'lead', enterpriseId });
    const leadId = lead.json<Case>().id;

    // Applying is the enterprise's own act; it applies on the bank's lead.
    const headOffice = parties.organisations.find((o) => o.nameZh === '银湾银行')!;
    const assets = (await api(enterprise, 'GET', '/api/ip-assets?pageSize=200')).json<{
      items: { id: string }[];
    }>();
    let assetId = '';
    for (const asset of assets.items) {
      const check = await api(enterprise, 'POST', `/api/ip-assets/${asset.id}/eligibility`, {
        debtMaturityDate: '2027-03-02',
        pledgeeOrganisationId: bankUnit.id,
      });
      if (asset.id !== registered.assetId && check.json<{ eligible: boolean }>().eligible) {
        assetId = asset.id;
        break;
      }
    }
    expect(assetId).not.toBe('');
    const products = (await api(enterprise, 'GET', `/api/bank-products?bankId=${headOffice.id}`)).json<
      { id: string; code: string }[]
    >();
    const applied = await api(enterprise, 'POST', '/api/cases', {
      bankUnitId: bankUnit.id,
      productId: products.find((p) => p.code === 'prd-demo-ipdai')!.id,
      amountYuan: '500000.00',
      termMonths: 12,
      repaymentMethod: 'annuity',
      spreadBps: 50,
      combinedModel: 'pledge_only',
      assetIds: [assetId],
      consentExpiresOn: '2027-03-01',
      leadCaseId: leadId,
    });
    expect(applied.statusCode, applied.body).toBe(200);
    const caseId = applied.json<Case>().id;

    const checklist = await api(
      systemToken,
      'POST',
      `/api/cases/${caseId}/due-diligence`,
      completeDueDiligence,
    );
    expect(checklist.statusCode, checklist.body).toBe(200);
    const risk = await api(systemToken, 'POST', `/api/cases/${caseId}/risk-evaluation`, {
      facts: lowRiskFacts,
    });
    expect(risk.statusCode, risk.body).toBe(200);
    expect(risk.json<Case>().state).toBe('risk_evaluated');
    const events = (await api(systemToken, 'GET', `/api/cases/${caseId}`)).json<Case>().events;
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['apply', 'record_risk_evaluation']));
    expect(events.find((e) => e.action === 'record_risk_evaluation')!.actorRole).toBe('bank_clerk');
  }, 60_000);

  it('disburses and posts a repayment twice with one key: the money moves once; status, timeline and schedule read back', async () => {
    const url = `/api/cases/${registered.caseId}`;
    const disbursed = await api(systemToken, 'POST', `${url}/disbursement`, {}, { 'idempotency-key': 'd-1' });
    expect(disbursed.statusCode, disbursed.body).toBe(200);
    const loan = disbursed.json<Loan>();
    t.clock.advance(Date.parse(`${loan.installments[0]!.dueDate}T02:00:00.000Z`) - t.clock.now().getTime());
    const due = (await api(systemToken, 'GET', `${url}/loan`)).json<Loan>().payable.totalYuan;
    const body = { kind: 'regular', amountYuan: due };
    const first = await api(systemToken, 'POST', `${url}/repayments`, body, { 'idempotency-key': 'r-0001' });
    expect(first.statusCode, first.body).toBe(200);
    const second = await api(systemToken, 'POST', `${url}/repayments`, body, { 'idempotency-key': 'r-0001' });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());

    const after = (await api(systemToken, 'GET', `${url}/loan`)).json<Loan>();
    expect(after.repayments).toHaveLength(1);
    expect(parseYuan(after.outstandingPrincipalYuan)).toBe(
      parseYuan(loan.outstandingPrincipalYuan) -
        parseYuan(first.json<{ repayment: { principalYuan: string } }>().repayment.principalYuan),
    );
    expect(after.installments[0]!.status).toBe('paid');
    const status = (await api(readOnlyToken, 'GET', url)).json<Case>();
    expect(status.state).toBe('repaying');
    expect(status.events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['record_registration', 'disburse', 'start_repayment']),
    );
  }, 60_000);

  it("another bank's token finds nothing (404); a token without the scope is refused (403)", async () => {
    const url = `/api/cases/${registered.caseId}`;
    expect((await api(otherBankToken, 'GET', url)).statusCode).toBe(404);
    expect((await api(otherBankToken, 'GET', `${url}/loan`)).statusCode).toBe(404);
    const refused = await api(
      readOnlyToken,
      'POST',
      `${url}/repayments`,
      { kind: 'regular', amountYuan: '1.00' },
      { 'idempotency-key': 'r-0002' },
    );
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ code: string }>().code).toBe('API_TOKEN_SCOPE_MISSING');
    expect((await api(readOnlyToken, 'POST', '/api/cases/leads', {})).statusCode).toBe(403);
  });

  it('documents every bank API operation in OpenAPI with request and response examples, tags and the bearer scheme', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    const doc = res.json<{
      paths: Record<string, Record<string, OpenApiOperation>>;
      components: { securitySchemes: Record<string, { type: string; scheme?: string }> };
      security?: Record<string, unknown>[];
    }>();
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const firstExample = (content: Record<string, MediaType> = {}) => {
      const media = content['application/json'];
      return media?.example ?? Object.values(media?.examples ?? {})[0]?.value;
    };
    const operations: [string, string, boolean][] = [
      ['/api/cases/leads', 'post', true],
      ['/api/cases/{id}/due-diligence', 'post', true],
      ['/api/cases/{id}/due-diligence', 'get', false],
      ['/api/cases/{id}/risk-evaluation', 'post', true],
      ['/api/cases/{id}/value-evaluation', 'post', true],
      ['/api/cases/{id}/credit-rating', 'post', true],
      ['/api/cases/{id}', 'get', false],
      ['/api/cases/{id}/disbursement', 'post', true],
      ['/api/cases/{id}/repayments', 'post', true],
      ['/api/cases/{id}/loan', 'get', false],
      ['/api/cases/{id}/loan/extensions', 'post', true],
      ['/api/cases/{id}/loan/renewals', 'post', true],
    ];
    for (const [path, method, hasBody] of operations) {
      const operation = doc.paths[path]?.[method];
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(operation!.tags?.length, `${method} ${path} tags`).toBeGreaterThan(0);
      const security = operation!.security ?? doc.security ?? [];
      expect(
        security.some((s) => 'bearer' in s),
        `${method} ${path} bearer`,
      ).toBe(true);
      if (hasBody)
        expect(firstExample(operation!.requestBody?.content), `${method} ${path} body example`).toBeDefined();
      expect(
        firstExample(operation!.responses['200']?.content),
        `${method} ${path} answer example`,
      ).toBeDefined();
    }
    // The money POSTs document the Idempotency-Key header.
    for (const path of [
      '/api/cases/{id}/repayments',
      '/api/cases/{id}/disbursement',
      '/api/cases/{id}/loan/extensions',
    ])
      expect(doc.paths[path]!.post!.parameters).toEqual(
        expect.arrayContaining([expect.objectContaining({ in: 'header', name: 'idempotency-key' })]),
      );
    // The repayment example is the regular payment the route accepts.
    expect(firstExample(doc.paths['/api/cases/{id}/repayments']!.post!.requestBody?.content)).toEqual({
      kind: 'regular',
      amountYuan: '85291.67',
    });
  });
});
