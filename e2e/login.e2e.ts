import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@ipf/app';
import { settle, shot, startBrowserPlatform, type BrowserPlatform } from './support/browser-platform.ts';

/**
 * Log-in with the second factor in zh-CN and in English (issue 2 item 12): the real server on a fresh PGlite
 * folder with demo data, the built web app, Debian's Chromium (the shared harness). Screenshots go to
 * artifacts/screenshots/.
 */

let platform: BrowserPlatform;
/** The first demo bank clerk the server seeded (a sub-branch customer manager). */
let clerk: { login: string; password: string; displayName: string };

/** A code that is certainly wrong now (each digit shifted by one). */
function wrongCode(code: string): string {
  return [...code].map((digit) => String((Number(digit) + 1) % 10)).join('');
}

beforeAll(async () => {
  platform = await startBrowserPlatform({ name: 'login' });
  const demoClerk = platform.server.demoUsers.find((u) => u.role === 'bank_clerk');
  if (demoClerk === undefined) throw new Error('The demo seed has no bank clerk.');
  clerk = { login: demoClerk.login, password: DEMO_PASSWORD, displayName: demoClerk.displayName };
}, 600_000);

afterAll(async () => {
  await platform?.close();
});

describe('log-in with a second factor (demo bank clerk)', () => {
  const cases = [
    {
      language: 'zh-CN',
      loginTitle: '账号登录',
      codeTitle: '动态口令验证',
      wrongCodeText: '动态口令',
      menuEnterprises: '客户企业',
      menuOrganisations: '机构管理',
      logout: '退出登录',
    },
    {
      language: 'en',
      loginTitle: 'Log in',
      codeTitle: 'One-time code',
      wrongCodeText: 'code',
      menuEnterprises: 'Customer enterprises',
      menuOrganisations: 'Organisations',
      logout: 'Log out',
    },
  ] as const;

  for (const c of cases) {
    it(`logs in with password and one-time code, in ${c.language}, and sees the bank's menu`, async () => {
      const context: BrowserContext = await platform.newContext();
      const page = await context.newPage();
      const acceptLanguages = new Set<string>();
      page.on('request', (request) => {
        if (new URL(request.url()).pathname.startsWith('/api/'))
          acceptLanguages.add(request.headers()['accept-language'] ?? '');
      });

      try {
        await page.goto(`${platform.url}/`);
        // Signed out: any page leads to the log-in form, in Chinese by default.
        await page.waitForURL('**/login');
        await page.getByRole('heading', { name: '账号登录' }).waitFor();

        if (c.language === 'en') {
          await page.getByText('English', { exact: true }).click();
          await page.getByRole('heading', { name: 'Log in' }).waitFor();
          await page.reload();
          // The choice survives a reload (localStorage ipf.lang).
          await page.getByRole('heading', { name: c.loginTitle }).waitFor();
          expect(await page.evaluate(() => localStorage.getItem('ipf.lang'))).toBe('en');
          expect(await page.getAttribute('html', 'lang')).toBe('en');
        }
        await shot(page, `01-login-${c.language}`);
        acceptLanguages.clear();

        await page.locator('#credentials_login').fill(clerk.login);
        await page.locator('#credentials_password').fill(clerk.password);
        await page.locator('form[id="credentials"] button[type="submit"]').click();

        await page.getByRole('heading', { name: c.codeTitle }).waitFor();
        const code = platform.freshCode(clerk.login);
        await page.locator('#second-factor_code').fill(wrongCode(code));
        await page.locator('form[id="second-factor"] button[type="submit"]').click();
        const alert = page.getByRole('alert').first();
        await alert.waitFor();
        expect(await alert.textContent()).toContain(c.wrongCodeText);
        await shot(page, `02-second-factor-wrong-code-${c.language}`);

        await page.locator('#second-factor_code').fill(platform.freshCode(clerk.login));
        await page.locator('form[id="second-factor"] button[type="submit"]').click();
        await page.waitForURL((url) => url.pathname === '/');
        await page.getByTestId('user-menu').waitFor();
        expect(await page.getByTestId('user-menu').textContent()).toContain(clerk.displayName);
        await settle(page);
        await shot(page, `03-home-${c.language}`);

        const menu = page.locator('.ant-layout-sider .ant-menu');
        expect(await menu.getByText(c.menuEnterprises, { exact: true }).count()).toBe(1);
        // A bank clerk administers nothing: no organisation or user pages.
        expect(await menu.getByText(c.menuOrganisations, { exact: true }).count()).toBe(0);

        await menu.getByText(c.menuEnterprises, { exact: true }).click();
        await page.waitForURL('**/enterprises');
        await page.locator('.ant-table-tbody tr').first().waitFor();
        await settle(page);
        await shot(page, `04-enterprises-${c.language}`);

        const firstEnterprise = page.locator('.ant-table-tbody a[href^="/enterprises/"]').first();
        if ((await firstEnterprise.count()) > 0) {
          await firstEnterprise.click();
          await page.waitForURL('**/enterprises/*');
          await page.locator('.ant-descriptions').first().waitFor();
          await settle(page);
          await shot(page, `05-enterprise-detail-${c.language}`);
        }

        // Every API call carried the UI language.
        expect([...acceptLanguages]).toEqual([c.language]);

        await page.getByTestId('user-menu').click();
        await page.getByText(c.logout, { exact: true }).click();
        await page.waitForURL('**/login');
      } catch (error) {
        await shot(page, `failure-${c.language}`);
        throw error;
      } finally {
        await context.close();
      }
    });
  }
});
