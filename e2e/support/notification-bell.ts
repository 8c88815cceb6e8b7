import type { Page } from 'playwright-core';

/** The bell's unread count as the badge shows it (0 when no badge number is shown). */
export async function bellCount(page: Page): Promise<number> {
  const badge = page.getByTestId('notification-count').locator('.ant-scroll-number');
  if ((await badge.count()) === 0) return 0;
  return Number((await badge.first().getAttribute('title')) ?? '0');
}

/** Opens the bell's drawer and returns the notification lines' texts. */
export async function openBell(page: Page): Promise<string[]> {
  await page.getByTestId('notification-bell').click();
  const drawer = page.locator('.ant-drawer-open');
  await drawer.getByTestId('notification-item').first().waitFor({ timeout: 20_000 });
  return drawer.getByTestId('notification-item').allTextContents();
}
