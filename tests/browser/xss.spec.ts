import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { directMerge, followUpId, JSON_HEADERS, signIn, type TestSite } from './rest';
import { PAYLOADS, type Payload } from './xss-payloads';

interface Item {
  Id: number;
  Title: string;
  PeriodKey: string;
  SortOrder: number;
}

/** Plants comment HTML straight into SharePoint's list through REST, as another editor could. */
async function plant(
  request: APIRequestContext,
  site: TestSite,
  items: Item[],
): Promise<Map<number, Payload[]>> {
  await signIn(request, site, 7);
  const byItem = new Map<number, Payload[]>();
  PAYLOADS.forEach((payload, i) => {
    const item = items[i % items.length] as Item;
    byItem.set(item.Id, [...(byItem.get(item.Id) ?? []), payload]);
  });
  for (const [id, payloads] of byItem) {
    const response = await directMerge(request, site, id, {
      Comment: payloads.map((p) => p.html).join(''),
    });
    expect(response.status()).toBe(204);
  }
  return byItem;
}

async function listItems(request: APIRequestContext, site: TestSite): Promise<Item[]> {
  const response = await request.get(
    `${site.followUps}/items?$select=Id,Title,PeriodKey,SortOrder&$filter=PeriodKey eq '2020-08' or PeriodKey eq '2020-04'&$top=100`,
    { headers: JSON_HEADERS },
  );
  return ((await response.json()) as { value: Item[] }).value;
}

async function showPlan(page: Page, item: Item) {
  await page.goto(`/?period=${item.PeriodKey}&plan=`);
  await page.getByRole('switch', { name: 'Mina handlingsplaner' }).uncheck();
  await page.getByRole('button', { name: `${item.SortOrder}. ${item.Title}`, exact: true }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: `${item.SortOrder}. ${item.Title}` }),
  ).toBeVisible();
}

test('none of the XSS payloads planted in SharePoint executes, and the text stays readable', async ({
  page,
  request,
  site,
}) => {
  test.setTimeout(180_000);
  const items = await listItems(request, site);
  expect(items).toHaveLength(25);
  const planted = await plant(request, site, items);
  expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);

  const executed: number[] = [];
  const dialogs: string[] = [];
  await page.exposeFunction('__xssHit', (n: number) => executed.push(n));
  await page.addInitScript(() => {
    (window as unknown as { __xss: (n: number) => void }).__xss = (n: number) =>
      (window as unknown as { __xssHit: (n: number) => void }).__xssHit(n);
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  // As a reader every comment is shown as sanitized HTML; as an owner, in the rich-text editor.
  const seen = new Set<number>();
  const ownersPlans = items.filter(
    (i) => i.PeriodKey === '2020-08' && /läkemedel|patientsäkerhet/.test(i.Title),
  );
  expect(ownersPlans).toHaveLength(2);
  for (const [userId, subset] of [
    [20, items],
    [11, ownersPlans],
  ] as const) {
    await signIn(page.request, site, userId);
    for (const item of subset) {
      await showPlan(page, item);
      const form = page.getByRole('region', { name: `${item.SortOrder}. ${item.Title}` });
      for (const payload of planted.get(item.Id) ?? []) {
        await expect(form).toContainText(payload.readable);
        seen.add(payload.n);
      }
      // Some handlers need a pointer or focus to fire: give them both.
      await form.locator('a, div[tabindex], x').evaluateAll((nodes) =>
        nodes.forEach((n) => {
          n.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
          n.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
        }),
      );
      const dangerous = await page.evaluate(() => ({
        elements: document.querySelectorAll(
          'main script, main iframe, main object, main embed, main style, main form, main base, main meta, main link, main svg image, main math',
        ).length,
        badLinks: [...document.querySelectorAll('main a[href]')].filter(
          (a) => !/^(https?:|mailto:)/i.test(a.getAttribute('href') ?? ''),
        ).length,
        handlers: [...document.querySelectorAll('main *')].filter((el) =>
          [...el.attributes].some((attr) => /^on/i.test(attr.name)),
        ).length,
      }));
      expect(dangerous).toEqual({ elements: 0, badLinks: 0, handlers: 0 });
      await expect(page.getByRole('heading', { level: 1, name: 'Planuppföljning' })).toBeVisible();
    }
  }
  await page.waitForTimeout(500);
  expect(seen.size).toBe(PAYLOADS.length);
  expect(executed).toEqual([]);
  expect(dialogs).toEqual([]);
});

test('a comment with a character reference past Unicode still shows on every screen', async ({
  page,
  request,
  site,
}) => {
  // `&#x110000;` is past U+10FFFF: browsers read it as U+FFFD; String.fromCodePoint throws on it.
  await signIn(request, site, 7);
  const id = await followUpId(request, site, 'lakemedel|2020-08');
  const merge = await directMerge(request, site, id, {
    Status: 'Arbetet går bra',
    InputState: 'Inskickad',
    Comment: '<p>Mål &#x110000; och &#xD800; klart &#0; nu</p>',
  });
  expect(merge.status()).toBe(204);
  await signIn(page.request, site, 7);
  const title = /^3\. Övergripande handlingsplan för läkemedel 2020$/;

  await page.goto('/?view=overview');
  await expect(page.getByText('1 av 12 besvarade (8 %)')).toBeVisible();
  await expect(page.getByRole('row', { name: /läkemedel/ }).first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  await page.goto('/?view=report');
  await expect(page.getByText('Mål \ufffd och \ufffd klart \ufffd nu')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  await page.goto('/?period=2020-08&plan=lakemedel');
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await expect(page.getByText('Mål \ufffd och \ufffd klart \ufffd nu')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
