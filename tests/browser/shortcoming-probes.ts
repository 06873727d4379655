import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { ShortcomingId } from '../../src/features/accessibility/known-shortcomings';
import { directMerge, followUpId, signIn, type TestSite } from './rest';

export interface ProbeContext {
  readonly page: Page;
  readonly request: APIRequestContext;
  readonly site: TestSite;
}

/**
 * One probe per entry of the statement's list of known shortcomings
 * (src/features/accessibility/known-shortcomings.ts), keyed by its id: each checks, in the
 * running app, that what the entry says is still true. The type makes a listed entry without a
 * probe a type error; tests/browser/statement.spec.ts runs every probe, so an entry whose
 * shortcoming has gone (fixed, but still listed) fails.
 */
export const PROBES: Record<ShortcomingId, (context: ProbeContext) => Promise<void>> = {
  // The reminder is not drawn by the app: it is handed to Teams as a channel message (Graph).
  'teams-own-ui': async ({ page, request, site }) => {
    await signIn(page.request, site, 7);
    await page.goto('/?view=overview');
    await page.getByRole('button', { name: 'Påminn' }).click();
    const dialog = page.getByRole('dialog', { name: /^Påminn om / });
    await dialog.getByRole('button', { name: 'Skicka påminnelse' }).click();
    await expect(page.getByText(/^Påminnelse skickad till \d+ personer\.$/)).toBeVisible();
    const outbox = (await (await request.get(`${site.path}/_local/graph/outbox`)).json()) as {
      value: Array<{ body: { contentType: string; content: string } }>;
    };
    expect(outbox.value).toHaveLength(1);
    expect(outbox.value[0]?.body.contentType).toBe('html');
  },

  // A comment is shown as its writer wrote it: an unclear link text stays unclear.
  'user-written-content': async ({ page, request, site }) => {
    await signIn(request, site, 7);
    const id = await followUpId(request, site, 'lakemedel|2020-04');
    const merge = await directMerge(request, site, id, {
      Comment: '<p>Läs mer <a href="https://example.org/plan">här</a>.</p>',
    });
    expect(merge.status()).toBe(204);
    await signIn(page.request, site, 7);
    await page.goto('/?view=report&period=2020-04');
    const report = page.getByRole('article', { name: /^Bilaga 2/ });
    await expect(report.getByRole('link', { name: 'här', exact: true })).toHaveAttribute(
      'href',
      'https://example.org/plan',
    );
  },

  // The plans' names in Bilaga 2 link to documents outside the app (the region's records).
  'linked-plan-documents': async ({ page, site }) => {
    await signIn(page.request, site, 7);
    await page.goto('/?view=report&period=2020-04');
    const report = page.getByRole('article', { name: /^Bilaga 2/ });
    const link = report.getByRole('link', { name: /handlingsplan/i }).first();
    await expect(link).toBeVisible();
    const href = new URL((await link.getAttribute('href')) ?? '', page.url());
    expect(href.origin).not.toBe(new URL(page.url()).origin);
    expect(href.protocol).toBe('https:');
  },
};
