import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { directMerge, followUpId, JSON_HEADERS, signIn, type TestSite } from './rest';

/**
 * Permissions are enforced by (the emulated) SharePoint, not only hidden in the UI: a direct REST
 * write to another owner's follow-up is refused with SharePoint's 403, while the owner's own
 * write goes through.
 */

const ANNA = 11;
const BJORN = 12;

interface Item {
  Id: number;
  Status: string | null;
  Comment: string | null;
}

async function lakemedel(
  request: APIRequestContext,
  site: TestSite,
): Promise<{ item: Item; etag: string }> {
  const id = await followUpId(request, site, 'lakemedel|2020-08');
  const one = await request.get(`${site.followUps}/items(${id})?$select=Id,Status,Comment`, {
    headers: JSON_HEADERS,
  });
  expect(one.ok()).toBe(true);
  return { item: (await one.json()) as Item, etag: one.headers().etag ?? '' };
}

test('a direct REST write to another owner’s follow-up is refused with 403; the owner’s own goes through', async ({
  page,
  site,
}) => {
  const change = { Status: 'Arbetet går dåligt', Comment: '<p>Björn skriver över.</p>' };

  await signIn(page.request, site, BJORN);
  const before = await lakemedel(page.request, site);
  const refused = await directMerge(page.request, site, before.item.Id, change);
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toEqual({
    'odata.error': {
      code: '-2147024891, System.UnauthorizedAccessException',
      message: {
        lang: 'en-US',
        value:
          'Access denied. You do not have permission to perform this action or access this resource.',
      },
    },
  });
  const after = await lakemedel(page.request, site);
  expect(after).toEqual(before);

  await signIn(page.request, site, ANNA);
  const accepted = await directMerge(page.request, site, before.item.Id, {
    Status: 'Arbetet går bra',
    Comment: '<p>Annas egen text.</p>',
  });
  expect(accepted.status()).toBe(204);
  const saved = await lakemedel(page.request, site);
  expect(saved.item.Status).toBe('Arbetet går bra');
  expect(saved.item.Comment).toContain('Annas egen text.');
  expect(saved.etag).toBe('"2"');
});
