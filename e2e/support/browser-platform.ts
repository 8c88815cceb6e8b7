import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { currentDemoTotpCode, DEMO_PASSWORD, type Clock } from '@ipf/app';
import { loadConfig } from '@ipf/config';
import { startServer } from '../../apps/server/src/start-server.ts';
import type { TestSession } from '../../apps/server/src/testing/create-test-app.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
// IPF_E2E_WEB_DIST: a private build (`vite build --outDir …`), so that a rebuild of apps/web/dist by someone else in
// the same tree cannot pull the web app from under a running browser test.
const webDistDir = process.env['IPF_E2E_WEB_DIST'] ?? join(repoRoot, 'apps/web/dist');
const screenshotDir = join(repoRoot, 'artifacts/screenshots');
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

/**
 * The server's clock: real time plus an offset the test moves forward (to due dates), so the server and the
 * browser test agree on the time one-time codes and business dates are computed for.
 */
export class MovableClock implements Clock {
  private offsetMs: number;
  /** Starts at `startAt` (an ISO instant) running with real time, or at the real time. */
  constructor(startAt?: string) {
    this.offsetMs = startAt === undefined ? 0 : Date.parse(startAt) - Date.now();
  }
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    if (ms < 0) throw new Error('the clock only moves forward');
    this.offsetMs += ms;
  }
  /** To 10:00 Asia/Shanghai of `date` (never back). */
  moveTo(date: string): void {
    this.advance(Math.max(0, Date.parse(`${date}T02:00:00.000Z`) - this.now().getTime()));
  }
}

export interface BrowserPlatformOptions {
  /** Names the temporary data folder. */
  readonly name: string;
  /** The demo seed (one-time codes, demo keys); the configured one by default. */
  readonly demoSeed?: string;
  /** The server's clock, when the test keeps its own. */
  readonly clock?: MovableClock;
}

/** The real server on a fresh PGlite folder with the demo city, and Debian's Chromium driving the web app. */
export interface BrowserPlatform {
  readonly server: Awaited<ReturnType<typeof startServer>>;
  readonly url: string;
  readonly clock: MovableClock;
  /** The server's data folder (removed on close), also a place for downloads. */
  readonly dataDir: string;
  /** A page in the user's own browser (its cookies and localStorage kept), logging in on first use or again. */
  readonly pageOf: (login: string) => Promise<Page>;
  /** A new, logged-out browser in the Chinese UI (the caller closes it). */
  readonly newContext: () => Promise<BrowserContext>;
  /** Logs `login` in on `page` with password and one-time code. */
  readonly signIn: (page: Page, login: string) => Promise<void>;
  /** The user's one-time code for a step not used before (the server's clock moves on to the next step). */
  readonly freshCode: (login: string) => string;
  /** Opens the home page and logs in again there if the session expired (the clock moved on). */
  readonly ensureSignedIn: (page: Page, login: string) => Promise<void>;
  /** Calls `/api…` with the user's browser session (cookie and CSRF token); throws on a non-2xx answer. */
  readonly apiAs: <T>(
    login: string,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: object,
  ) => Promise<T>;
  /** An API session made through `app.inject` (for helpers shared with the HTTP tests). */
  readonly loginAs: (login: string) => Promise<TestSession>;
  readonly close: () => Promise<void>;
}

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

export async function startBrowserPlatform(options: BrowserPlatformOptions): Promise<BrowserPlatform> {
  if (!existsSync(join(webDistDir, 'index.html'))) {
    throw new Error('apps/web/dist is missing: run `npm run build:web` first (npm run test:e2e does).');
  }
  await mkdir(screenshotDir, { recursive: true });
  const demoSeed = options.demoSeed ?? loadConfig().demoSeed;
  // The server reads its demo seed from the configuration.
  if (options.demoSeed !== undefined) process.env['IPF_DEMO_SEED'] = options.demoSeed;
  const clock = options.clock ?? new MovableClock();
  const dataDir = await mkdtemp(join(tmpdir(), `ipf-e2e-${options.name}-`));
  const server = await startServer({
    port: await findFreePort(),
    host: '127.0.0.1',
    dataDir,
    databaseUrl: null,
    seedDemo: true,
    demoLedgerCases: 0,
    webDistDir,
    logLevel: 'warn',
    clock,
  });
  const browser: Browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  const browsers = new Map<string, BrowserContext>();

  // The server accepts each TOTP step once per user (no replay): instead of waiting, move its clock on.
  const lastUsedStep = new Map<string, number>();
  function freshCode(login: string): string {
    const nowMs = clock.now().getTime();
    const last = lastUsedStep.get(login) ?? -1;
    if (Math.floor(nowMs / 30_000) <= last || nowMs % 30_000 > 25_000) {
      const next = Math.max(Math.floor(nowMs / 30_000), last) + 1;
      clock.advance(next * 30_000 + 1_000 - nowMs);
    }
    const at = clock.now().getTime();
    lastUsedStep.set(login, Math.floor(at / 30_000));
    return currentDemoTotpCode(demoSeed, login, at);
  }

  async function signIn(page: Page, login: string): Promise<void> {
    await page.goto(`${server.url}/login`);
    await page.getByRole('heading', { name: '账号登录' }).waitFor();
    await page.locator('#credentials_login').fill(login);
    await page.locator('#credentials_password').fill(DEMO_PASSWORD);
    await page.locator('form[id="credentials"] button[type="submit"]').click();
    await page.locator('#second-factor_code').fill(freshCode(login));
    await page.locator('form[id="second-factor"] button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByTestId('user-menu').waitFor();
  }

  const newContext = () => browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });

  async function pageOf(login: string): Promise<Page> {
    const known = browsers.get(login);
    const context = known ?? (await newContext());
    browsers.set(login, context);
    const page = await context.newPage();
    if (known === undefined) await signIn(page, login);
    else await ensureSignedIn(page, login);
    return page;
  }

  async function ensureSignedIn(page: Page, login: string): Promise<void> {
    await page.goto(`${server.url}/`);
    const loginHeading = page.getByRole('heading', { name: '账号登录' });
    await page.getByTestId('user-menu').or(loginHeading).first().waitFor();
    if (await loginHeading.isVisible()) await signIn(page, login);
  }

  async function apiAs<T>(
    login: string,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: object,
  ): Promise<T> {
    type Session = { status: string; csrfToken: string };
    const sessionOf = async (c: BrowserContext) => {
      const res = await c.request.get(`${server.url}/api/auth/session`);
      return res.ok() ? ((await res.json()) as Session) : null;
    };
    let context = browsers.get(login);
    let session = context === undefined ? null : await sessionOf(context);
    if (context === undefined || session?.status !== 'authenticated') {
      const page = await pageOf(login);
      context = page.context();
      await page.close();
      session = await sessionOf(context);
    }
    const res = await context.request.fetch(`${server.url}/api${path}`, {
      method,
      headers: { 'x-csrf-token': session?.csrfToken ?? '' },
      ...(body === undefined ? {} : { data: body }),
    });
    if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  }

  async function loginAs(login: string): Promise<TestSession> {
    const first = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login, password: DEMO_PASSWORD },
    });
    if (first.statusCode !== 200) throw new Error(`login ${login}: ${first.statusCode} ${first.body}`);
    const pending = first.cookies.find((c) => c.name === 'ipf_session')!.value;
    const second = await server.app.inject({
      method: 'POST',
      url: '/api/auth/second-factor',
      payload: { code: freshCode(login) },
      headers: {
        cookie: `ipf_session=${pending}`,
        'x-csrf-token': first.json<{ csrfToken: string }>().csrfToken,
      },
    });
    if (second.statusCode !== 200)
      throw new Error(`second factor ${login}: ${second.statusCode} ${second.body}`);
    const cookie = `ipf_session=${second.cookies.find((c) => c.name === 'ipf_session')!.value}`;
    const { csrfToken } = second.json<{ csrfToken: string }>();
    return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
  }

  return {
    server,
    url: server.url,
    clock,
    dataDir,
    pageOf,
    newContext,
    signIn,
    freshCode,
    ensureSignedIn,
    apiAs,
    loginAs,
    async close() {
      for (const context of browsers.values()) await context.close();
      await browser.close();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until no antd spinner or skeleton is on the page. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton-active').length === 0,
  );
}

/** Keeps a full-page screenshot under artifacts/screenshots/. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}
