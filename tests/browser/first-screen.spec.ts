import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The page asks for its data before React starts and draws the screen once, with the data
// (src/main.tsx). These tests hold the data back to see what a user sees meanwhile.

/** Holds the follow-ups query back until `release` is called. */
async function holdFollowUps(page: Page) {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_api\/web\/lists\/getByTitle\([^)]*\)\/items\?/, async (route) => {
    await released;
    await route.continue();
  });
  return () => release();
}

test('a slow answer draws the app with a spinner after a second, then the plans', async ({
  page,
}) => {
  const release = await holdFollowUps(page);
  const started = Date.now();
  await page.goto('/');

  await expect(page.getByRole('heading', { level: 1, name: 'Planuppföljning' })).toBeVisible();
  await expect(page.getByText('Laddar…')).toBeVisible();
  expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  await expect(page.getByRole('table', { name: 'Handlingsplaner' })).toHaveCount(0);

  release();
  await expect(page.getByRole('table', { name: 'Handlingsplaner' })).toBeVisible();
  await expect(page.getByText('Laddar…')).toHaveCount(0);
});

test('an answer within the second draws the screen once, with its plans and no spinner', async ({
  page,
}) => {
  // Slower than the screens' code takes to start, well within the second the page waits.
  await page.route(/\/_api\/web\/lists\/getByTitle\([^)]*\)\/items\?/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.continue();
  });
  // Every element the page ever shows, recorded as it enters: a spinner drawn first would be
  // caught even if it was gone again by the time the test looks.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node instanceof HTMLElement) seen.push(node.innerText);
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('/');
  await expect(page.getByRole('table', { name: 'Handlingsplaner' })).toBeVisible();
  const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
  expect(seen.join('\n')).toContain('Handlingsplaner');
  expect(seen.join('\n')).not.toContain('Laddar…');
});
