import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentDemoTotpCode, DEMO_PASSWORD } from '@ipf/app';
import { loadConfig } from '@ipf/config';
import { startServer } from '../apps/server/src/start-server.ts';

/**
 * Log-in with the second factor in zh-CN and in English (issue 2 item 12): the real server on a fresh PGlite
 * folder with demo data, the built web app, Debian's Chromium. Screenshots go to artifacts/screenshots/.
 */

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const webDistDir = join(repoRoot, 'apps/web/dist');
const screenshotDir = join(repoRoot, 'artifacts/screenshots');
/** The seed the server derives demo TOTP secrets from (IPF_DEMO_SEED, default 'shenzhen-ip-pledge-demo'). */
const demoSeed = loadConfig().demoSeed;

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let dataDir: string;
/** The first demo bank clerk the server seeded (a sub-branch customer manager). */
let clerk: { login: string; password: string; displayName: string };

/** The last TOTP step whose code was submitted: the server accepts each step once (no replay). */
let lastUsedStep = -1;

/**
 * The clerk's current code, from a step not used before (the server refuses a replayed code), waiting for the
 * next 30-s step when this one is used up or about to expire.
 */
async function freshCode(): Promise<string> {
  for (;;) {
    const step = Math.floor(Date.now() / 30_000);
    const intoStepMs = Date.now() % 30_000;
    if (step > lastUsedStep && intoStepMs <= 25_000) {
      lastUsedStep = step;
      return currentDemoTotpCode(demoSeed, clerk.login, Date.now());
    }
    await sleep(30_000 - intoStepMs + 500);
  }
}

/** A code that is certainly wrong now (each digit shifted by one). */
function wrongCode(code: string): string {
  return [...code].map((digit) => String((Number(digit) + 1) % 10)).join('');
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: false });
}

/** Waits until no antd spinner or skeleton is on the page, so screenshots show data, not placeholders. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton-active').length === 0,
  );
}

beforeAll(async () => {
  if (!existsSync(join(webDistDir, 'index.html'))) {
    throw new Error('apps/web/dist is missing: run `npm run build:web` first (npm run test:e2e does).');
  }
  await mkdir(screenshotDir, { recursive: true });
  dataDir = await mkdtemp(join(tmpdir(), 'ipf-e2e-'));
  server = await startServer({
    port: await findFreePort(),
    host: '127.0.0.1',
    dataDir,
    // Always a throwaway PGlite folder, even when DATABASE_URL is set for the PostgreSQL run of the suite.
    databaseUrl: null,
    seedDemo: true,
    webDistDir,
    logLevel: 'warn',
  });
  const demoClerk = server.demoUsers.find((u) => u.role === 'bank_clerk');
  if (demoClerk === undefined) throw new Error('The demo seed has no bank clerk.');
  clerk = { login: demoClerk.login, password: DEMO_PASSWORD, displayName: demoClerk.displayName };
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
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
      const context: BrowserContext = await browser.newContext({
        viewport: { width: 1440, height: 900 },
        locale: 'zh-CN',
      });
      const page = await context.newPage();
      const acceptLanguages = new Set<string>();
      page.on('request', (request) => {
        if (new URL(request.url()).pathname.startsWith('/api/'))
          acceptLanguages.add(request.headers()['accept-language'] ?? '');
      });

      try {
        await page.goto(`${server.url}/`);
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
        const code = await freshCode();
        await page.locator('#second-factor_code').fill(wrongCode(code));
        await page.locator('form[id="second-factor"] button[type="submit"]').click();
        const alert = page.getByRole('alert').first();
        await alert.waitFor();
        expect(await alert.textContent()).toContain(c.wrongCodeText);
        await shot(page, `02-second-factor-wrong-code-${c.language}`);

        await page.locator('#second-factor_code').fill(await freshCode());
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
