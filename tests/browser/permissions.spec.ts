import { expect, test, type APIRequestContext } from '@playwright/test';
import { directMerge, FOLLOW_UPS, JSON_HEADERS, SITE } from './rest';

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

async function signIn(request: APIRequestContext, userId: number) {
  const response = await request.post(`${SITE}/_local/signin`, { data: { userId } });
  expect(response.ok()).toBe(true);
}

async function lakemedel(request: APIRequestContext): Promise<{ item: Item; etag: string }> {
  const filter = encodeURIComponent("PlanPeriodKey eq 'lakemedel|2020-08'");
  const list = await request.get(`${FOLLOW_UPS}/items?$select=Id&$filter=${filter}`, {
    headers: JSON_HEADERS,
  });
  expect(list.ok()).toBe(true);
  const [found] = ((await list.json()) as { value: { Id: number }[] }).value;
  expect(found).toBeDefined();
  const one = await request.get(
    `${FOLLOW_UPS}/items(${String(found?.Id)})?$select=Id,Status,Comment`,
    { headers: JSON_HEADERS },
  );
  expect(one.ok()).toBe(true);
  return { item: (await one.json()) as Item, etag: one.headers().etag ?? '' };
}

test.beforeEach(async ({ request }) => {
  expect((await request.post(`${SITE}/_local/reset`)).ok()).toBe(true);
});

test('a direct REST write to another owner’s follow-up is refused with 403; the owner’s own goes through', async ({
  page,
}) => {
  const change = { Status: 'Arbetet går dåligt', Comment: '<p>Björn skriver över.</p>' };

  await signIn(page.request, BJORN);
  const before = await lakemedel(page.request);
  const refused = await directMerge(page.request, before.item.Id, change);
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
  const after = await lakemedel(page.request);
  expect(after).toEqual(before);

  await signIn(page.request, ANNA);
  const accepted = await directMerge(page.request, before.item.Id, {
    Status: 'Arbetet går bra',
    Comment: '<p>Annas egen text.</p>',
  });
  expect(accepted.status()).toBe(204);
  const saved = await lakemedel(page.request);
  expect(saved.item.Status).toBe('Arbetet går bra');
  expect(saved.item.Comment).toContain('Annas egen text.');
  expect(saved.etag).toBe('"2"');
});
