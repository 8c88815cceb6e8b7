import { DomainError } from '@ipf/domain/errors';
import { deriveDemoTotpSecret, generateTotpCode } from '../crypto/totp.ts';
import { demoLogins } from './generate-demo-parties.ts';

/** The current one-time code of a demo user; refuses (DEMO_USER_UNKNOWN) for any other login. */
export function currentDemoTotpCode(demoSeed: string, login: string, atMs: number): string {
  if (!demoLogins().includes(login)) throw new DomainError('DEMO_USER_UNKNOWN', { login });
  return generateTotpCode(deriveDemoTotpSecret(demoSeed, login), atMs);
}
