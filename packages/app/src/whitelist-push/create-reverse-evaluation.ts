import { randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq, gte, inArray, isNull, like, lte, ne, or, sql } from 'drizzle-orm';
import { DomainError } from '@ipf/domain/errors';
import { formatYuan } from '@ipf/domain/money';
import { formatIpHealthItem } from '@ipf/domain/valuation';
import { WHITELIST_PROGRAMME_SCOPE } from '@ipf/domain/whitelist-round';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../access/authorize.ts';
import { runInTransaction } from '../support/run-in-transaction.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { getIpHealthCheck } from '../valuation/get-ip-health-check.ts';
import {
  loadReverseEvaluations,
  type ReverseEvaluationReportContent,
  type ReverseEvaluationView,
} from './reverse-evaluation-view.ts';

export interface CreateReverseEvaluationInput {
  /** 统一社会信用代码 of the bank's applicants. */
  readonly usccs: readonly string[];
  readonly note?: string;
}

const IP_FLAGS = ['invalidation_requested', 'ownership_disputed', 'court_preserved'];

/**
 * 反向评估 (reverse evaluation, issue 10 item 6): a bank unit submits its applicants by USCC; for each it must hold
 * a valid consent (授权: granted to its unit or a unit below it, neither revoked nor expired today) — otherwise
 * the whole request is refused with REVERSE_EVALUATION_CONSENT_MISSING naming the first such enterprise (every
 * one in `problems`). The platform then produces, automatically and at once, one citable report per applicant:
 * the latest valuation valid today (value, pledge value, mean indicator score), the IP record (rights in force,
 * valid invention patents, patents granted in three years), the IP health check's risks and risk flags
 * (no valid valuation, no valid invention patent, overdue instalments on the ledger, rights under invalidation,
 * dispute or court preservation, health-check risks). Audited.
 */
export async function createReverseEvaluation(
  input: CreateReverseEvaluationInput,
  actor: Actor,
  deps: AppDeps,
): Promise<ReverseEvaluationView> {
  authorize(actor, 'reverse_evaluation.create');
  const now = deps.clock.now();
  const today = toShanghaiDate(now);
  const usccs = [...new Set(input.usccs.map((u) => u.trim().toUpperCase()))];
  const { enterprises: e, consents: c, organisations: o } = tables;

  const found = await deps.db
    .select({ id: e.organisationId, name: e.name, uscc: e.uscc, district: e.district })
    .from(e)
    .where(inArray(e.uscc, usccs));
  const byUscc = new Map(found.map((f) => [f.uscc, f]));
  const unknown = usccs.map((uscc, index) => ({ uscc, index })).filter((x) => !byUscc.has(x.uscc));
  if (unknown.length > 0)
    throw new DomainError(
      'REVERSE_EVALUATION_ENTERPRISE_UNKNOWN',
      { uscc: unknown[0]!.uscc },
      {
        problems: unknown.map((x) => ({
          code: 'REVERSE_EVALUATION_ENTERPRISE_UNKNOWN',
          field: `usccs[${x.index}]`,
          params: { uscc: x.uscc },
        })),
      },
    );

  const valid = await deps.db
    .selectDistinctOn([c.enterpriseId], {
      id: c.id,
      enterpriseId: c.enterpriseId,
      scope: c.scope,
      expiresOn: c.expiresOn,
    })
    .from(c)
    .innerJoin(o, eq(o.id, c.recipientId))
    .where(
      and(
        inArray(
          c.enterpriseId,
          found.map((f) => f.id),
        ),
        like(o.path, `${actor.organisationPath}%`),
        ne(c.scope, WHITELIST_PROGRAMME_SCOPE),
        isNull(c.revokedAt),
        gte(c.expiresOn, today),
      ),
    )
    .orderBy(c.enterpriseId, desc(c.expiresOn));
  const consentOf = new Map(valid.map((v) => [v.enterpriseId, v]));
  const missing = usccs
    .map((uscc, index) => ({ enterprise: byUscc.get(uscc)!, index }))
    .filter((x) => !consentOf.has(x.enterprise.id));
  if (missing.length > 0)
    throw new DomainError(
      'REVERSE_EVALUATION_CONSENT_MISSING',
      { enterpriseName: missing[0]!.enterprise.name, uscc: missing[0]!.enterprise.uscc },
      {
        problems: missing.map((x) => ({
          code: 'REVERSE_EVALUATION_CONSENT_MISSING',
          field: `usccs[${x.index}]`,
          params: { enterpriseName: x.enterprise.name, uscc: x.enterprise.uscc },
        })),
      },
    );

  // The health check is a use case of its own: the bank reads it through the consent just checked.
  const health = new Map<string, Awaited<ReturnType<typeof getIpHealthCheck>>>();
  for (const f of found) health.set(f.id, await getIpHealthCheck({ enterpriseId: f.id }, actor, deps));

  return runInTransaction(deps, async (tx) => {
    const requestId = randomUUID();
    const stamp = today.replaceAll('-', '');
    const requestNumber = `FXPG-${stamp}-${randomBytes(3).toString('hex').toUpperCase()}`;
    await tx.insert(tables.reverseEvaluationRequests).values({
      id: requestId,
      requestNumber,
      bankUnitId: actor.organisationId,
      requestedByUserId: actor.userId,
      note: input.note ?? null,
      requestedAt: now,
    });
    for (const [index, uscc] of usccs.entries()) {
      const enterprise = byUscc.get(uscc)!;
      const content = await buildReportContent(
        tx,
        enterprise,
        consentOf.get(enterprise.id)!,
        health.get(enterprise.id)!,
        today,
      );
      const id = randomUUID();
      const reportNumber = `${requestNumber}-${String(index + 1).padStart(3, '0')}`;
      await tx.insert(tables.reverseEvaluationReports).values({
        id,
        reportNumber,
        requestId,
        enterpriseId: enterprise.id,
        consentId: content.consent.id,
        asOfDate: today,
        report: content as unknown as Record<string, unknown>,
        generatedAt: now,
      });
    }
    await deps.audit.append(
      tx,
      actor,
      {
        action: 'reverse_evaluation.created',
        entityType: 'reverse_evaluation_request',
        entityId: requestId,
        after: { requestNumber, usccs, consentIds: usccs.map((u) => consentOf.get(byUscc.get(u)!.id)!.id) },
      },
      now,
    );
    const [view] = await loadReverseEvaluations(tx, eq(tables.reverseEvaluationRequests.id, requestId), 1);
    return view!;
  });
}

async function buildReportContent(
  tx: Parameters<Parameters<typeof runInTransaction>[1]>[0],
  enterprise: { id: string; name: string; uscc: string; district: string },
  consent: { id: string; scope: string; expiresOn: string },
  health: Awaited<ReturnType<typeof getIpHealthCheck>>,
  today: string,
): Promise<ReverseEvaluationReportContent> {
  const {
    valuations: v,
    valuationAssets: va,
    ipAssets: a,
    ipAssetOwners: ow,
    loanAccounts: la,
    loanInstallments: li,
  } = tables;
  const [valuation] = await tx
    .select()
    .from(v)
    .where(and(eq(v.enterpriseId, enterprise.id), lte(v.valuationDate, today), gte(v.validUntil, today)))
    .orderBy(desc(v.valuationDate), desc(v.createdAt))
    .limit(1);
  const [score] =
    valuation === undefined
      ? []
      : await tx
          .select({ score: sql<string | null>`round(avg(${va.overallScore}::numeric))::text` })
          .from(va)
          .where(eq(va.valuationId, valuation.id));
  const threeYearsAgo = `${Number(today.slice(0, 4)) - 3}${today.slice(4)}`;
  const inForce = sql`${a.legalStatus} in ('granted', 'registered') and (${a.expiryDate} is null or ${a.expiryDate} >= ${today})`;
  const [ip] = await tx
    .select({
      validInvention:
        sql<number>`count(distinct ${a.id}) filter (where ${a.kind} = 'invention_patent' and ${inForce})`.mapWith(
          Number,
        ),
      granted3y:
        sql<number>`count(distinct ${a.id}) filter (where ${a.kind} like '%patent' and ${a.grantDate} > ${threeYearsAgo} and ${a.grantDate} <= ${today})`.mapWith(
          Number,
        ),
      flagged: sql<number>`count(distinct ${a.id}) filter (where ${a.flags} ?| array[${sql.join(
        IP_FLAGS.map((f) => sql`${f}`),
        sql`, `,
      )}]::text[])`.mapWith(Number),
    })
    .from(ow)
    .innerJoin(a, eq(a.id, ow.assetId))
    .where(eq(ow.enterpriseId, enterprise.id));
  const [overdue] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(li)
    .innerJoin(la, eq(la.id, li.loanAccountId))
    .where(
      and(
        eq(la.enterpriseId, enterprise.id),
        or(eq(li.status, 'overdue'), sql`${li.paidDate} > ${li.dueDate}`),
      ),
    );
  const overdueCount = overdue?.n ?? 0;
  const validInventionPatents = ip?.validInvention ?? 0;
  const riskFlags = [
    ...(valuation === undefined ? ['NO_VALID_VALUATION'] : []),
    ...(validInventionPatents === 0 ? ['NO_VALID_INVENTION_PATENT'] : []),
    ...(overdueCount > 0 ? ['OVERDUE_ON_LEDGER'] : []),
    ...((ip?.flagged ?? 0) > 0 ? ['IP_FLAGGED'] : []),
    ...(health.risks.length > 0 ? ['IP_HEALTH_RISKS'] : []),
  ];
  return {
    enterprise,
    consent,
    valuation:
      valuation === undefined
        ? null
        : {
            id: valuation.id,
            number: valuation.number,
            kind: valuation.kind,
            valuationDate: valuation.valuationDate,
            validUntil: valuation.validUntil,
            evaluationFirmName: valuation.evaluationFirmName,
            method: valuation.method,
            valueYuan: formatYuan(valuation.valueFen),
            pledgeValueYuan: formatYuan(valuation.pledgeValueFen),
            score: score?.score === null || score?.score === undefined ? null : Number(score.score),
          },
    ipRecord: {
      assetCount: health.assetCount,
      inForceCount: health.inForceCount,
      validInventionPatents,
      patentsGrantedLast3y: ip?.granted3y ?? 0,
    },
    healthRisks: health.risks.map((item) => ({
      code: item.code,
      zh: formatIpHealthItem(item, 'zh-CN'),
      en: formatIpHealthItem(item, 'en'),
    })),
    riskFlags,
    overdueCount,
  };
}
