import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { isIsoDate } from '@ipf/domain/calendar';
import { assertNoProblems, DomainError, type ProblemDetail } from '@ipf/domain/errors';
import { formatYuan, parseYuan } from '@ipf/domain/money';
import type { Role } from '@ipf/domain/party';
import type { ValuationScenario } from '@ipf/domain/valuation';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { ipAssetVisibility } from '../ip-assets/ip-asset-visibility.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { calculateValuationFigures } from './calculate-valuation-figures.ts';
import { loadValuationAssets } from './load-valuation-assets.ts';
import type { ValuationAssetInput, ValuationKind, ValuationView } from './valuation-input.ts';
import { toValuationDetail, type StoredValuationResults } from './valuation-view.ts';

export interface CreateValuationInput {
  readonly kind: ValuationKind;
  readonly scenario?: ValuationScenario;
  readonly enterpriseId?: string;
  readonly valuationDate: string;
  readonly validUntil: string;
  readonly assets: readonly ValuationAssetInput[];
  readonly pledgeRatioPct: string;
  readonly maxPledgeRatePct: string;
  readonly rangeBandPct?: string;
  readonly reportNumber?: string;
  readonly signedOn?: string;
  readonly valuers?: readonly { readonly name: string; readonly certificateNumber: string }[];
  readonly note?: string;
}

/** Which kinds each role may make: firms sign formal reports, banks evaluate internally, anyone pre-assesses. */
const kindsOf: Partial<Record<Role, readonly ValuationKind[]>> = {
  evaluator: ['formal_report', 'pre_assessment'],
  bank_clerk: ['internal_evaluation', 'pre_assessment'],
  enterprise_user: ['pre_assessment'],
};

/** 资产评估报告须由两名以上资产评估师签名 (《资产评估法》 art. 26). */
const MIN_FORMAL_VALUERS = 2;

/**
 * 新建估值 (a valuation on record): computes every figure from the inputs with the domain's exact functions
 * (each rounded once), scores invention and utility-model patents by GB/T 42748-2023, and stores the inputs
 * verbatim with the results. An evaluation firm values assets of enterprises that granted it a valid consent, a
 * bank its customers' assets, an enterprise its own; an asset outside that is NOT_FOUND.
 */
export async function createValuation(
  input: CreateValuationInput,
  actor: Actor,
  deps: AppDeps,
): Promise<ValuationView> {
  const scope = authorize(actor, 'valuation.create');
  if (!(kindsOf[actor.role] ?? []).includes(input.kind))
    throw new DomainError('VALUATION_KIND_NOT_ALLOWED', { kind: input.kind });
  const now = deps.clock.now();
  const today = toShanghaiDate(now);

  const problems: ProblemDetail[] = [];
  if (!isIsoDate(input.valuationDate) || input.valuationDate > today)
    problems.push({ code: 'VALIDATION_FAILED', field: 'valuationDate', params: { count: 1 } });
  if (input.validUntil <= input.valuationDate)
    problems.push({
      code: 'VALUATION_VALIDITY_INVALID',
      field: 'validUntil',
      params: { validUntil: input.validUntil, valuationDate: input.valuationDate },
    });
  if (input.kind === 'formal_report') {
    const valuers = input.valuers ?? [];
    if (
      (input.reportNumber ?? '').trim() === '' ||
      input.signedOn === undefined ||
      valuers.length < MIN_FORMAL_VALUERS ||
      valuers.some((v) => v.name.trim() === '' || v.certificateNumber.trim() === '')
    )
      problems.push({ code: 'VALUATION_FORMAL_REPORT_INCOMPLETE', field: 'valuers' });
  }
  const seen = new Set<string>();
  input.assets.forEach((a, index) => {
    if (seen.has(a.assetId))
      problems.push({
        code: 'VALUATION_ASSET_DUPLICATE',
        field: `assets[${index}].assetId`,
        params: { assetId: a.assetId },
      });
    seen.add(a.assetId);
  });
  assertNoProblems(problems);

  return runInTransaction(deps, async (tx) => {
    const loaded = await loadValuationAssets(
      tx,
      input.assets.map((a) => a.assetId),
      ipAssetVisibility(actor, scope, today),
    );
    if (loaded.size !== seen.size) throw new DomainError('NOT_FOUND');
    const first = loaded.get(input.assets[0]!.assetId)!;
    const enterpriseId =
      actor.role === 'enterprise_user'
        ? actor.organisationId
        : (input.enterpriseId ?? first.ownerEnterpriseIds[0]);
    const mismatch = input.assets.find(
      (a) => enterpriseId === undefined || !loaded.get(a.assetId)!.ownerEnterpriseIds.includes(enterpriseId),
    );
    if (mismatch !== undefined || enterpriseId === undefined)
      throw new DomainError('VALUATION_ASSETS_OWNER_MISMATCH', { assetId: mismatch?.assetId ?? '-' });

    const figures = calculateValuationFigures(
      {
        valuationDate: input.valuationDate,
        scenario: input.scenario ?? 'financing',
        pledgeRatioPct: input.pledgeRatioPct,
        maxPledgeRatePct: input.maxPledgeRatePct,
        ...(input.rangeBandPct === undefined ? {} : { rangeBandPct: input.rangeBandPct }),
      },
      input.assets,
      new Map([...loaded].map(([id, v]) => [id, v.asset])),
    );

    const [organisation] = await tx
      .select({ nameZh: tables.organisations.nameZh })
      .from(tables.organisations)
      .where(eq(tables.organisations.id, actor.organisationId));
    const id = randomUUID();
    const number = `GZ-${input.valuationDate.replaceAll('-', '')}-${id.slice(0, 8).toUpperCase()}`;
    const results: StoredValuationResults = {
      assets: figures.assets,
      licencesYuan: formatYuan(figures.licencesFen),
      pledgeRatioPct: input.pledgeRatioPct,
      maxPledgeRatePct: input.maxPledgeRatePct,
      rangeBasis: figures.rangeBasis,
    };
    const inputs = {
      scenario: input.scenario ?? 'financing',
      valuationDate: input.valuationDate,
      validUntil: input.validUntil,
      pledgeRatioPct: input.pledgeRatioPct,
      maxPledgeRatePct: input.maxPledgeRatePct,
      ...(input.rangeBandPct === undefined ? {} : { rangeBandPct: input.rangeBandPct }),
      assets: input.assets,
    };
    await tx.insert(tables.valuations).values({
      id,
      number,
      kind: input.kind,
      scenario: input.scenario ?? 'financing',
      organisationId: actor.organisationId,
      createdByUserId: actor.userId,
      enterpriseId,
      valuationDate: input.valuationDate,
      validUntil: input.validUntil,
      evaluationFirmName: input.kind === 'formal_report' ? (organisation?.nameZh ?? null) : null,
      reportNumber: input.kind === 'formal_report' ? input.reportNumber!.trim() : null,
      signedOn: input.kind === 'formal_report' ? input.signedOn! : null,
      valuers: (input.valuers ?? []).map((v) => ({
        name: v.name.trim(),
        certificateNumber: v.certificateNumber.trim(),
      })),
      method: figures.method,
      inputs: JSON.parse(JSON.stringify(inputs)) as Record<string, unknown>,
      results: results as unknown as Record<string, unknown>,
      valueFen: figures.valueFen,
      lowFen: figures.lowFen,
      highFen: figures.highFen,
      pledgeValueFen: figures.pledgeValueFen,
      maxLoanFen: figures.maxLoanFen,
      note: input.note?.trim() || null,
      createdAt: now,
    });
    for (const [position, result] of figures.assets.entries()) {
      await tx.insert(tables.valuationAssets).values({
        valuationId: id,
        assetId: result.assetId,
        position,
        valueFen: parseYuan(result.valueYuan),
        overallScore: result.score?.overallScore ?? null,
      });
    }
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'valuation.created',
        entityType: 'valuation',
        entityId: id,
        after: {
          number,
          kind: input.kind,
          enterpriseId,
          assetIds: input.assets.map((a) => a.assetId),
          valuationDate: input.valuationDate,
          validUntil: input.validUntil,
          valueFen: figures.valueFen.toString(),
          pledgeValueFen: figures.pledgeValueFen.toString(),
        },
      },
      now,
    );
    const [row] = await tx.select().from(tables.valuations).where(eq(tables.valuations.id, id));
    return toValuationDetail(tx, row!, today);
  });
}
