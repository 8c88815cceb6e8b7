import { count } from 'drizzle-orm';
import { tables } from '@ipf/db';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { toShanghaiDate } from '../support/shanghai-date.ts';
import { addWhitelistRoundBank } from '../whitelist/add-whitelist-round-bank.ts';
import { createWhitelistRound } from '../whitelist/create-whitelist-round.ts';
import { addYears } from '../whitelist/get-whitelist-programme.ts';
import { joinWhitelistProgramme } from '../whitelist/join-whitelist-programme.ts';
import { openWhitelistRound } from '../whitelist/open-whitelist-round.ts';
import { releaseWhitelistRound } from '../whitelist/release-whitelist-round.ts';
import { loadDemoActors } from './demo-actors.ts';
import { generateDemoParties } from './generate-demo-parties.ts';
import { SeededRandom } from './seeded-random.ts';

/** Share of the demo enterprises that opt in to the whitelist programme. */
const DEMO_OPT_IN_SHARE = 0.6;

/**
 * 演示白名单轮次 (DEMO ONLY, issue 10): about 60 % of the demo enterprises opt in to the programme through the use
 * case (ent001 stays out, so its user can try 加入白名单计划), then the city bureau creates a round (k = 5, quota
 * 3), adds two demo banks' head offices (the first two banks), opens and releases it. Does nothing when a round
 * exists already.
 */
export async function seedDemoWhitelist(deps: AppDeps): Promise<void> {
  const [existing] = await deps.db.select({ n: count() }).from(tables.whitelistRounds);
  if ((existing?.n ?? 0) > 0) return;
  const actors = await loadDemoActors(deps.db, 'demo-seed');
  const bureau = actors.byLogin('bureau.city');
  const parties = generateDemoParties(deps.demoSeed);
  const notJoining = new Set([actors.byLogin('ent001').organisationId]);
  const random = new SeededRandom(`${deps.demoSeed}:whitelist`);
  const expiresOn = addYears(toShanghaiDate(deps.clock.now()), 1);

  for (const enterprise of parties.enterprises) {
    if (notJoining.has(enterprise.organisationId) || !random.chance(DEMO_OPT_IN_SHARE)) continue;
    const actor: Actor = actors.enterpriseIds.has(enterprise.organisationId)
      ? actors.ofEnterprise(enterprise.organisationId)
      : {
          // Enterprises without a demo user opt in through the seed acting for them (demo data only).
          userId: '00000000-0000-0000-0000-000000000000',
          organisationId: enterprise.organisationId,
          organisationKind: 'enterprise',
          organisationPath: `/${enterprise.organisationId}/`,
          district: enterprise.district,
          role: 'enterprise_user',
          requestId: 'demo-seed',
          scopes: null,
        };
    await joinWhitelistProgramme({ expiresOn }, actor, deps);
  }

  const headOffices = parties.organisations.filter((o) => o.kind === 'bank' && o.bankLevel === 'head_office');
  const today = toShanghaiDate(deps.clock.now());
  const round = await createWhitelistRound(
    {
      title: '知识产权质押融资白名单（演示轮次）',
      periodFrom: today,
      periodTo: addYears(today, 1),
      k: 5,
      scorecardQuota: 3,
    },
    bureau,
    deps,
  );
  for (const bank of headOffices.slice(0, 2))
    await addWhitelistRoundBank({ roundId: round.id, bankOrganisationId: bank.id }, bureau, deps);
  await openWhitelistRound({ id: round.id }, bureau, deps);
  await releaseWhitelistRound({ id: round.id }, bureau, deps);
}
