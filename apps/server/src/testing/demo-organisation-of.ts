import { generateDemoParties } from '@ipf/app';
import { TEST_DEMO_SEED } from './create-test-app.ts';

/** The demo organisation id of a demo user's organisation. */
export function demoOrganisationOf(login: string): string {
  const user = generateDemoParties(TEST_DEMO_SEED).users.find((u) => u.login === login);
  if (user === undefined) throw new Error(`no demo user ${login}`);
  return user.organisationId;
}
