import { chromium, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium';
import { expect, test } from './fixtures';

const PLAN = /^3\. Övergripande handlingsplan för läkemedel 2020$/;
const KEPT = 'Ändringarna finns bara på den här enheten tills du sparar.';

async function openPlan(page: Page) {
  await page.getByRole('button', { name: PLAN }).click();
  await expect(page.getByRole('heading', { level: 2, name: PLAN })).toBeVisible();
}

async function typeComment(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Kommentar' }).click();
  await page.keyboard.type(text);
}

test.beforeEach(({ page }) => {
  // Leaving with unsaved text asks first (beforeunload); these tests mean to leave.
  page.on('dialog', (dialog) => void dialog.accept());
});

test('text typed but not saved is offered back after a reload, and gone once saved', async ({
  page,
}) => {
  await page.goto('/');
  await openPlan(page);
  await page.getByRole('radio', { name: 'Arbetet går delvis bra' }).check();
  await typeComment(page, 'Skrivet före en krasch.');
  await expect(page.getByText(KEPT)).toBeVisible();

  await page.reload();
  await expect(page.getByText(/bara är sparad på den här enheten/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Kommentar' })).not.toContainText('krasch');
  await page.getByRole('button', { name: 'Återställ texten' }).click();
  await expect(page.getByRole('textbox', { name: 'Kommentar' })).toContainText(
    'Skrivet före en krasch.',
  );
  await expect(page.getByRole('radio', { name: 'Arbetet går delvis bra' })).toBeChecked();

  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Utkastet sparades' })).toBeVisible();
  await expect(page.getByText('Allt är sparat i SharePoint.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Kommentar' })).toContainText(
    'Skrivet före en krasch.',
  );
  await expect(page.getByText(/bara är sparad på den här enheten/)).toHaveCount(0);
});

test('a save without network keeps the text and offers to save when the network is back', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await openPlan(page);
  await page.getByRole('radio', { name: 'Arbetet går bra' }).check();
  await typeComment(page, 'Skrivet på tåget.');
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(page.getByRole('alert')).toContainText('Det går inte att nå SharePoint');
  await expect(page.getByRole('textbox', { name: 'Kommentar' })).toContainText('Skrivet på tåget.');

  await context.setOffline(false);
  await expect(page.getByRole('alert')).toContainText('Anslutningen är tillbaka');
  await page.getByRole('button', { name: 'Spara nu' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Utkastet sparades' })).toBeVisible();
});

test('switching user clears the leaving user’s drafts from this device', async ({ page }) => {
  await page.goto('/');
  await openPlan(page);
  await typeComment(page, 'Annas privata utkast.');
  await expect(page.getByText(KEPT)).toBeVisible();

  for (const name of ['Björn Ekholm', 'Anna Lindgren']) {
    await page.getByRole('combobox', { name: 'Visa som' }).click();
    await page.getByRole('option', { name }).click();
    await expect(page.getByRole('combobox', { name: 'Visa som' })).toHaveText(name);
  }
  await page.getByRole('switch', { name: 'Mina handlingsplaner' }).waitFor();
  await page.goto('/?period=2020-08&plan=lakemedel');
  await expect(page.getByRole('heading', { level: 2, name: PLAN })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Kommentar' })).toBeVisible();
  await expect(page.getByText(/bara är sparad på den här enheten/)).toHaveCount(0);
});

/** Debian's Chromium started by hand on `profile`, so that the test can kill its process. */
async function startChromium(profile: string) {
  const child = spawn(
    CHROMIUM_PATH,
    [...CHROMIUM_ARGS, '--headless', `--user-data-dir=${profile}`, '--remote-debugging-port=0'],
    // Its own process group, so that killing it kills every Chromium process at once.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stderr.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', () => reject(new Error(`Chromium ended before it listened: ${seen}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  if (!context) throw new Error('Chromium has no default context');
  /** Ends every process of this Chromium at once, as a crash or a power cut would. */
  const kill = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGKILL');
    await exited;
  };
  return { browser, context, kill };
}

test('text typed 100 ms before the browser is killed is offered back when it starts again', async ({
  site,
  baseURL,
}) => {
  const profile = mkdtempSync(join(tmpdir(), 'planuppfoljning-crash-'));
  const address = new URL(site.app('/'), baseURL).toString();
  const first = await startChromium(profile);
  try {
    const page = await first.context.newPage();
    await page.goto(address);
    await openPlan(page);
    await typeComment(page, 'Skrivet strax före kraschen.');
    await page.waitForTimeout(100);
  } finally {
    // No pagehide, no unload: the process is gone, as in a crash or a power cut.
    await first.kill();
  }
  const second = await startChromium(profile);
  try {
    const page = await second.context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(address);
    await openPlan(page);
    await expect(page.getByText(/bara är sparad på den här enheten/)).toBeVisible();
    await page.getByRole('button', { name: 'Återställ texten' }).click();
    await expect(page.getByRole('textbox', { name: 'Kommentar' })).toContainText(
      'Skrivet strax före kraschen.',
    );
  } finally {
    await second.kill();
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  }
});
