import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  directMerge,
  followUpId,
  injectFault,
  JSON_HEADERS,
  signedIn,
  type TestSite,
} from './rest';

async function overviewAs(browser: Browser, site: TestSite, userId: number): Promise<Page> {
  const page = await signedIn(browser, site, userId, '/?view=overview');
  await expect(page.getByText('0 av 12 besvarade (0 %)')).toBeVisible();
  return page;
}

async function startPeriod(page: Page) {
  await page.getByRole('button', { name: 'Starta ny period' }).click();
  const dialog = page.getByRole('dialog', { name: 'Starta Årsbokslut 2020?' });
  await expect(dialog).toContainText('12 planer förs över från Delårsrapport augusti 2020');
  // The period is open with nothing submitted: the dialog says so, and that it stays open.
  await expect(dialog).toContainText(
    '12 av 12 planer har inte skickat in. Delårsrapport augusti 2020 är fortfarande öppen',
  );
  await dialog.getByRole('button', { name: 'Starta perioden' }).click();
}

test('a coordinator starts the next period; twice at once creates nothing twice', async ({
  browser,
  request,
  site,
}) => {
  const owner = await overviewAs(browser, site, 11);
  await expect(owner.getByRole('button', { name: 'Starta ny period' })).toHaveCount(0);

  // Two coordinator windows start the same period at the same moment.
  const first = await overviewAs(browser, site, 7);
  const second = await overviewAs(browser, site, 7);
  await Promise.all([startPeriod(first), startPeriod(second)]);

  for (const page of [first, second]) {
    await expect(page.getByRole('combobox', { name: 'Period' })).toHaveText(
      'Årsbokslut 2020 (öppen)',
    );
    await expect(page.getByText('0 av 12 besvarade (0 %)')).toBeVisible();
  }
  const reports = [
    ...(await first.getByRole('status').allTextContents()),
    ...(await second.getByRole('status').allTextContents()),
  ].join(' ');
  expect(reports).toContain('Årsbokslut 2020 är startad');
  // Never two periods ahead: with August still open, no further period can be started.
  await expect(first.getByRole('button', { name: 'Starta ny period' })).toBeDisabled();
  await expect(
    first.getByText(/Delårsrapport augusti 2020 är fortfarande öppen\. Lås den innan/),
  ).toBeVisible();

  const items = await request.get(
    `${site.followUps}/items?$select=PlanKey&$filter=PeriodKey eq '2020-12'&$top=100`,
    { headers: JSON_HEADERS },
  );
  const keys = ((await items.json()) as { value: Array<{ PlanKey: string }> }).value.map(
    (i) => i.PlanKey,
  );
  expect(keys).toHaveLength(12);
  expect(new Set(keys).size).toBe(12);
  expect(keys).not.toContain('battre-liv-aldre');
});

test('a start that failed part-way on permissions is finished from the overview', async ({
  browser,
  request,
  site,
}) => {
  /** How many of the new period's items have permissions of their own (their owners may write). */
  const secured = async () => {
    const items = await request.get(
      `${site.followUps}/items?$select=Id,HasUniqueRoleAssignments&$filter=PeriodKey eq '2020-12'&$top=100`,
      { headers: JSON_HEADERS },
    );
    const { value } = (await items.json()) as {
      value: Array<{ HasUniqueRoleAssignments: boolean }>;
    };
    return value.filter((i) => i.HasUniqueRoleAssignments).length;
  };
  const coordinator = await overviewAs(browser, site, 7);
  // One item's permission change meets a 503 in the middle of the start.
  await injectFault(request, site, {
    status: 503,
    count: 1,
    match: 'breakroleinheritance',
    retryAfterSeconds: 0,
  });
  await startPeriod(coordinator);
  await expect(coordinator.getByText(/Perioden kunde inte startas helt/)).toBeVisible();
  expect(await secured()).toBeLessThan(12);

  // Later, or in another window: the new period is there, unfinished, and says what to do.
  const later = await signedIn(browser, site, 7, '/?view=overview&period=2020-12');
  await expect(later.getByText(/Perioden är inte färdigstartad/)).toBeVisible();
  await later.getByRole('button', { name: 'Slutför perioden' }).click();
  await expect(
    later.getByText(
      'Årsbokslut 2020 är färdigstartad. Alla ansvariga kan skriva i sina uppföljningar.',
    ),
  ).toBeVisible();
  await expect(later.getByText(/Perioden är inte färdigstartad/)).toHaveCount(0);
  expect(await secured()).toBe(12);

  // Anna may now write both her new follow-ups, as SharePoint itself decides.
  const owner = await signedIn(browser, site, 11, '/');
  for (const key of ['lakemedel', 'patientsakerhet']) {
    const id = await followUpId(owner.request, site, `${key}|2020-12`);
    expect((await directMerge(owner.request, site, id, { StatusNote: 'x' })).status()).toBe(204);
  }
});
