import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { addMonths } from '@ipf/domain/calendar';
import { DomainError } from '@ipf/domain/errors';
import type {
  IpAssetFlag,
  IpAssetKind,
  IpLegalStatus,
  IpTermFacts,
  LicenceKind,
  Pledgee,
} from '@ipf/domain/ip-asset';
import {
  contractItems,
  findRegistrationAuthorityForKind,
  type RegistrationApplication,
  type RegistrationAsset,
  type RegistrationAuthorityId,
  type RegistrationMaterial,
} from '@ipf/domain/registration';
import { tables, type Executor } from '@ipf/db';
import { findExistingPledges } from '../ip-assets/find-existing-pledges.ts';
import type { CaseRow } from '../ledger/case-view.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';

/** What the filer adds to the facts on file: co-owners' written consents and consents after CNIPA's notice. */
export interface RegistrationFilerStatements {
  /** Co-owners (enterprise ids, or `external:<assetId>:<position>` for owners off the platform) who consented. */
  readonly coOwnerConsentPartyIds?: readonly string[];
  readonly consentsAfterNotice?: {
    readonly invalidationRequested?: boolean;
    readonly sameDayDualApplication?: boolean;
  };
  /** Materials supplied outside the platform's records (e.g. with a 补正). */
  readonly materials?: readonly RegistrationMaterial[];
}

/** One application per authority, with the pledgee's organisation and the case assets it covers. */
export interface CaseRegistrationApplication {
  readonly authorityId: RegistrationAuthorityId;
  readonly assetIds: readonly string[];
  readonly pledgorOrganisationId: string;
  readonly pledgeeOrganisationId: string;
  readonly application: RegistrationApplication;
}

/** Off-platform co-owners have no party id: a stable one from their place on the register (as eligibility does). */
const externalOwnerId = (assetId: string, position: number) => `external:${assetId}:${position}`;

/**
 * 质押登记申请 (build the registration applications of a case) from the ledger: the case's assets with their
 * owners, licences and existing pledges, grouped by the authority that registers their kind; the pledgor (the
 * enterprise); the pledgee (the bank unit, or the guarantor under 反担保, `pledgeeKind`); the secured amount (the
 * loan); the debt from the day the contracts were signed for `termMonths`; the materials on file: the application
 * form and the parties' commitment letter (filed online by authenticated organisations), the pledge contract when
 * the case has a current one, a formal valuation report when the value evaluation rests on one, co-owners'
 * consents when stated, prior licence contracts when every licence is disclosed. The platform's pledge contract
 * carries every required item (contract-layout), so `presentItems` lists them all.
 */
export async function buildRegistrationApplications(
  tx: Executor,
  input: {
    readonly row: CaseRow;
    readonly assetIds?: readonly string[];
    readonly filingDate: string;
    readonly applicationIdOf: (authorityId: RegistrationAuthorityId) => string;
    readonly statements: RegistrationFilerStatements;
    readonly correction?: RegistrationApplication['correction'];
    /** The registration being corrected: its own lock is not an existing pledge. */
    readonly excludeRegistrationIds?: readonly string[];
  },
): Promise<CaseRegistrationApplication[]> {
  const { row, filingDate, statements } = input;
  const { caseAssets, ipAssets, ipAssetOwners, ipAssetLicences, enterprises } = tables;
  const assetRows = await tx
    .select({ asset: ipAssets })
    .from(caseAssets)
    .innerJoin(ipAssets, eq(ipAssets.id, caseAssets.assetId))
    .where(
      and(
        eq(caseAssets.caseId, row.id),
        ...(input.assetIds === undefined ? [] : [inArray(caseAssets.assetId, [...input.assetIds])]),
      ),
    )
    .orderBy(asc(caseAssets.position));
  if (assetRows.length === 0) throw new DomainError('REGISTRATION_CASE_HAS_NO_ASSETS');
  const ids = assetRows.map((a) => a.asset.id);
  // One query at a time: a transaction is one connection.
  const owners = await tx
    .select()
    .from(ipAssetOwners)
    .where(inArray(ipAssetOwners.assetId, ids))
    .orderBy(asc(ipAssetOwners.position));
  const licences = await tx.select().from(ipAssetLicences).where(inArray(ipAssetLicences.assetId, ids));
  const [pledgorRow] = await tx
    .select({ id: enterprises.organisationId, name: enterprises.name })
    .from(enterprises)
    .where(eq(enterprises.organisationId, row.enterpriseId));
  const pledgeeRow = await pledgeeOf(tx, row);
  const documents = await tx
    .select({ id: tables.caseDocuments.id })
    .from(tables.caseDocuments)
    .where(
      and(
        eq(tables.caseDocuments.caseId, row.id),
        eq(tables.caseDocuments.kind, 'pledge_contract'),
        eq(tables.caseDocuments.superseded, false),
      ),
    );
  const valuations = await tx
    .select({ basis: tables.caseEvaluations.valueBasis })
    .from(tables.caseEvaluations)
    .where(and(eq(tables.caseEvaluations.caseId, row.id), eq(tables.caseEvaluations.step, 'value')))
    .orderBy(desc(tables.caseEvaluations.recordedAt))
    .limit(1);
  const contracted = await tx
    .select({ occurredAt: tables.caseEvents.occurredAt })
    .from(tables.caseEvents)
    .where(and(eq(tables.caseEvents.caseId, row.id), eq(tables.caseEvents.toState, 'contracted')))
    .orderBy(desc(tables.caseEvents.occurredAt))
    .limit(1);
  if (pledgorRow === undefined) throw new DomainError('NOT_FOUND');

  const debtStartDate = contracted[0] === undefined ? filingDate : toShanghaiDate(contracted[0].occurredAt);
  const debtMaturityDate = addMonths(debtStartDate, row.termMonths ?? 0);
  const formalValuation = valuations[0]?.basis === 'formal_report';

  const entries: RegistrationAsset[] = [];
  for (const { asset: a } of assetRows) {
    entries.push(
      await (async (): Promise<RegistrationAsset> => {
        const own = owners.filter((o) => o.assetId === a.id);
        const existingPledges = (await findExistingPledges(tx, a.id)).filter(
          (p) => !(input.excludeRegistrationIds ?? []).includes(p.pledgeId),
        );
        return {
          asset: {
            assetId: a.id,
            kind: a.kind as IpAssetKind,
            number: a.number,
            title: a.title,
            ipcClasses: a.ipcClasses,
            grantDate: a.grantDate,
            term: a.termFacts as unknown as IpTermFacts,
            legalStatus: a.legalStatus as IpLegalStatus,
            flags: a.flags as IpAssetFlag[],
            owners: own.map((o) => ({
              partyId: o.enterpriseId ?? externalOwnerId(a.id, o.position),
              name: o.name,
              shareBps: o.shareBps,
            })),
            annualFeePaidThrough: a.annualFeePaidThrough,
            similarMarkAssetIds: a.similarMarkAssetIds,
            sameDayDualApplication: a.sameDayDualApplication,
            licences: licences
              .filter((l) => l.assetId === a.id)
              .map((l) => ({
                licenceId: l.id,
                licenseeName: l.licenseeName,
                kind: l.kind as LicenceKind,
                startDate: l.startDate,
                endDate: l.endDate,
                disclosedToPledgee: l.disclosedToPledgee,
              })),
          },
          existingPledges,
          coOwnerConsentPartyIds: statements.coOwnerConsentPartyIds ?? [],
        };
      })(),
    );
  }

  const groups = new Map<RegistrationAuthorityId, RegistrationAsset[]>();
  for (const entry of entries) {
    const authority = findRegistrationAuthorityForKind(entry.asset.kind);
    if (authority === null)
      throw new DomainError('REGISTRATION_AUTHORITY_UNAVAILABLE', { kind: entry.asset.kind });
    groups.set(authority.authorityId, [...(groups.get(authority.authorityId) ?? []), entry]);
  }

  return [...groups.entries()].map(([authorityId, assets]) => {
    const materials = new Set<RegistrationMaterial>(['application_form', 'identity_or_commitment_letter']);
    if (documents.length > 0) materials.add('pledge_contract');
    if (formalValuation) materials.add('valuation_report');
    const coOwned = assets.filter((a) => a.asset.owners.length > 1);
    const consents = new Set(statements.coOwnerConsentPartyIds ?? []);
    if (
      coOwned.length > 0 &&
      coOwned.every((a) =>
        a.asset.owners.every((o) => o.partyId === pledgorRow.id || consents.has(o.partyId)),
      )
    )
      materials.add('co_owner_consents');
    if (assets.every((a) => a.asset.licences.every((l) => l.disclosedToPledgee)))
      materials.add('prior_licence_contracts');
    for (const m of statements.materials ?? []) materials.add(m);
    const application: RegistrationApplication = {
      applicationId: input.applicationIdOf(authorityId),
      pledgor: { partyId: pledgorRow.id, name: pledgorRow.name },
      pledgee: pledgeeRow.pledgee,
      assets,
      consentsAfterNotice: {
        invalidationRequested: statements.consentsAfterNotice?.invalidationRequested ?? false,
        sameDayDualApplication: statements.consentsAfterNotice?.sameDayDualApplication ?? false,
      },
      contract: {
        securedAmountFen: row.amountFen ?? 0n,
        debtStartDate,
        debtMaturityDate,
        presentItems: contractItems,
        violatesMandatoryLaw: false,
      },
      materials: [...materials].sort(),
      viaAgent: false,
      valuationReportDeclared: formalValuation,
      filingDate,
      ...(input.correction === undefined ? {} : { correction: input.correction }),
    };
    return {
      authorityId,
      assetIds: assets.map((a) => a.asset.assetId),
      pledgorOrganisationId: pledgorRow.id,
      pledgeeOrganisationId: pledgeeRow.organisationId,
      application,
    };
  });
}

/** 质权人 (pledgee): the bank unit, or under 反担保 the guarantor taking part in the case. */
async function pledgeeOf(tx: Executor, row: CaseRow): Promise<{ organisationId: string; pledgee: Pledgee }> {
  const { organisations, caseParticipants } = tables;
  const organisationId =
    row.pledgeeKind === 'guarantor'
      ? (
          await tx
            .select({ id: caseParticipants.organisationId })
            .from(caseParticipants)
            .where(and(eq(caseParticipants.caseId, row.id), eq(caseParticipants.role, 'guarantor')))
        )[0]?.id
      : row.bankUnitId;
  if (organisationId === undefined) throw new DomainError('NOT_FOUND');
  const [org] = await tx
    .select({ id: organisations.id, nameZh: organisations.nameZh })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (org === undefined) throw new DomainError('NOT_FOUND');
  return {
    organisationId,
    pledgee: {
      partyId: org.id,
      name: org.nameZh,
      kind: row.pledgeeKind === 'guarantor' ? 'guarantor' : 'bank',
    },
  };
}
