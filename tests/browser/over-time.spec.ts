import { expect, test } from './fixtures';
import { expectNoViolations, openInTheme } from './a11y';

test('Över tid: every plan across the demo periods, from Översikt, in at most two REST calls', async ({
  page,
}) => {
  await openInTheme(page, 'light');
  await page.goto('/');
  await page.getByRole('link', { name: 'Översikt', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Svar', exact: true })).toBeVisible();

  // Every REST call from here on is the view's own.
  const calls: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/_api/')) calls.push(request.url());
  });
  await page.getByRole('link', { name: 'Visa alla planer över tid' }).click();
  const table = page.getByRole('table', { name: 'Planernas status per period' });
  await expect(table).toBeVisible();
  await expect(page).toHaveTitle('Över tid – Planuppföljning');
  expect(page.url()).toContain('view=overtime');
  expect(calls.length, calls.join('\n')).toBeLessThanOrEqual(2);

  // Columns newest first, named by their periods.
  await expect(table.getByRole('columnheader')).toHaveText([
    'Plan',
    'Delårsrapport augusti 2020',
    'Tertialrapport april 2020',
    'Delårsrapport augusti 2017',
  ]);
  const row = table.getByRole('row').filter({
    has: page.getByRole('rowheader', { name: /läkemedel 2020/ }),
  });
  await expect(row).toHaveCount(1);
  // 2017's "Läkemedel 2017" is the same plan under its earlier name.
  await expect(row.getByRole('rowheader')).toContainText(
    'Tidigare: Övergripande handlingsplan Läkemedel 2017',
  );
  const cells = row.getByRole('cell');
  await expect(cells.nth(0)).toHaveText('Inget svar');
  await expect(cells.nth(1)).toContainText('Arbetet går delvis bra');
  await expect(cells.nth(2)).toContainText('Arbetet går delvis bra');

  calls.length = 0;
  await row
    .getByRole('button', {
      name: 'Kommentar: Övergripande handlingsplan för läkemedel 2020, Delårsrapport augusti 2017',
    })
    .click();
  const dialog = page.getByRole('dialog', {
    name: /^Kommentar: .*läkemedel 2020, Delårsrapport augusti 2017$/,
  });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('Hämtar kommentaren…')).toHaveCount(0);
  await expect(dialog).not.toContainText('Ingen kommentar.');
  expect(calls).toHaveLength(1);
  await expectNoViolations(page, 'Över tid, a comment open');
  await dialog.getByRole('button', { name: 'Stäng' }).click();
  await expect(dialog).toBeHidden();

  // Filters: the replaced plans only, then back.
  // (Once the closed dialog has given the page back to assistive technology.)
  await expect.poll(() => table.getByRole('rowheader').count()).toBeGreaterThan(1);
  const all = await table.getByRole('rowheader').count();
  await page.getByRole('checkbox', { name: 'Avslutade' }).check();
  await expect(row).toHaveCount(0);
  const ended = await table.getByRole('rowheader').count();
  expect(ended).toBeGreaterThan(0);
  expect(ended).toBeLessThan(all);
  await expect(page.getByRole('status').filter({ hasText: /^Visar/ })).toHaveText(
    `Visar ${ended} av ${all} planer.`,
  );
  await page.getByRole('checkbox', { name: 'Avslutade' }).uncheck();
  await page.getByRole('combobox', { name: 'Ansvarig' }).click();
  await page.getByRole('option', { name: 'Anna Lindgren' }).click();
  await expect(row).toHaveCount(1);
  expect(await table.getByRole('rowheader').count()).toBeLessThan(all);

  await expectNoViolations(page, 'Över tid');

  // In print: the table, without the app's navigation.
  await page.emulateMedia({ media: 'print' });
  await expect(table).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Vyer' })).toBeHidden();
  await expect(page.getByRole('checkbox', { name: 'Aktiva' })).toBeHidden();

  // A4 landscape (842 × 595 pt) from the view's own @page rule.
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
  expect(box, 'the PDF names its page size').not.toBeNull();
  expect(Math.round(Number(box?.[1]))).toBe(842);
  expect(Math.round(Number(box?.[2]))).toBe(595);
});
