import type { Page } from '@playwright/test';
import { FRAME_ANCESTORS } from '../../csp.config';
import { expect, test } from './fixtures';

// The production build under `vite preview`, which serves it with the headers of the real host
// (csp.config.ts, docs/hosting.md). The app must work under them without a single violation.

const PLAN = /^3\. Övergripande handlingsplan för läkemedel 2020$/;

interface CspWindow {
  __cspViolations?: string[];
  __inlineScriptRan?: boolean;
}

/** Records CSP violations (event and console) from the first script of every page on. */
async function watchViolations(page: Page): Promise<{ console: string[] }> {
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const w = window as unknown as CspWindow;
      (w.__cspViolations ||= []).push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const console: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) console.push(message.text());
  });
  return { console };
}

function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as CspWindow).__cspViolations ?? []);
}

test('the production build is served with the security headers', async ({ request }) => {
  const response = await request.get('/');
  expect(response.ok()).toBe(true);
  const headers = response.headers();
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self';");
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).toMatch(/frame-ancestors 'self' https:\/\/\*\.cloud\.microsoft /);
  for (const host of FRAME_ANCESTORS) expect(csp).toContain(host);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');

  // The built page has no inline script: only <script src> (its one inline <style> is allowed).
  const html = await response.text();
  expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/[^"]+\.js"><\/script>/);
  for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []) {
    expect(tag).toMatch(/^<script\b[^>]*\bsrc="[^"]+"[^>]*><\/script>$/);
  }

  // The JavaScript files carry the same headers (nosniff: served as JavaScript).
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] ?? '';
  const asset = await request.get(script);
  expect(asset.headers()['content-type']).toMatch(/javascript/);
  expect(asset.headers()['content-security-policy']).toBe(csp);
});

test('the app works under the policy without a violation, and keeps no token in localStorage', async ({
  page,
}) => {
  const seen = await watchViolations(page);
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");

  await expect(page.getByRole('heading', { level: 1, name: 'Planuppföljning' })).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Mina handlingsplaner' })).toBeChecked();
  await expect(page.getByRole('button', { name: PLAN })).toBeVisible();

  // Opening a plan loads the lazy editor chunk; typing uses Tiptap and Griffel's run-time styles.
  await page.getByRole('button', { name: PLAN }).click();
  await expect(page.getByRole('heading', { level: 2, name: PLAN })).toBeVisible();
  const comment = page.getByRole('textbox', { name: 'Kommentar' });
  await expect(comment).toBeVisible();
  await comment.click();
  await page.keyboard.type('Skrivet under CSP.');
  await expect(comment).toContainText('Skrivet under CSP.');
  await page.getByRole('radio', { name: 'Arbetet går bra' }).check();
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Utkastet sparades' })).toBeVisible();

  // The report and the Word export (docx) load and run under the policy as well.
  await page.getByRole('link', { name: 'Bilaga 2', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Exportera till Word' })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exportera till Word' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);

  // Nothing token-like in localStorage: no MSAL cache key, no JWT-shaped value.
  const keys = await page.evaluate(() => Object.keys(window.localStorage));
  expect(keys.filter((key) => /token|msal|access/i.test(key))).toEqual([]);
  const values = await page.evaluate(() =>
    Object.keys(window.localStorage).map((key) => window.localStorage.getItem(key) ?? ''),
  );
  expect(values.filter((value) => /eyJ[\w-]+\.eyJ/.test(value))).toEqual([]);

  expect(await violations(page)).toEqual([]);
  expect(seen.console).toEqual([]);
});

test('an injected inline script does not run and is reported', async ({ page }) => {
  const seen = await watchViolations(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Planuppföljning' })).toBeVisible();

  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineScriptRan = true;';
    document.body.append(script);
    // An inline handler on an image that is sure to fail (an empty data: URL is no image, and
    // img-src may refuse it too): `onerror` fires either way, where `onload` would not.
    const img = document.createElement('img');
    img.setAttribute('onerror', 'window.__inlineScriptRan = true;');
    img.setAttribute('src', 'data:,');
    document.body.append(img);
  });
  await expect
    .poll(async () => (await violations(page)).filter((v) => v.startsWith('script-src')).length)
    .toBeGreaterThanOrEqual(2);
  expect(await page.evaluate(() => (window as unknown as CspWindow).__inlineScriptRan)).toBe(
    undefined,
  );
  expect(await violations(page)).toEqual(
    expect.arrayContaining([expect.stringMatching(/^script-src(-elem)? inline$/)]),
  );
  expect(seen.console.length).toBeGreaterThan(0);
});
