import { readFileSync } from 'node:fs';
import { docxParts, paragraphTexts } from '../fixtures/docx-xml';
import { expect, test } from './fixtures';

const TITLE_2017 = 'Bilaga 2: Uppföljning av övergripande handlingsplaner per augusti 2017';

test('Bilaga 2 is shown for a period and exported to Word in one click', async ({ page }) => {
  const loaded: string[] = [];
  page.on('request', (request) => loaded.push(request.url()));
  await page.goto('/');
  await expect(page.getByRole('switch', { name: 'Mina handlingsplaner' })).toBeVisible();
  // The report and Word code are not part of the owner's first screen.
  expect(loaded.filter((url) => url.includes('/assets/') && /report|docx/i.test(url))).toEqual([]);

  await page.getByRole('link', { name: 'Bilaga 2', exact: true }).click();
  await page.getByRole('combobox', { name: 'Period' }).click();
  await page.getByRole('option', { name: /Delårsrapport augusti 2017/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: TITLE_2017 })).toBeVisible();
  const table = page.getByRole('table', { name: TITLE_2017 });
  await expect(table.getByRole('row')).toHaveCount(17);
  await expect(table.getByRole('row').nth(3)).toContainText(
    'Övergripande handlingsplan Läkemedel 2017',
  );
  await expect(table.getByRole('row').nth(3)).toContainText('Dnr: RS/1957/2016');
  await expect(table.getByRole('row').nth(3)).toContainText('Arbetet går delvis bra');
  await expect(page.getByText(/Sammantaget visar uppföljningen/)).toBeVisible();
  expect(page.url()).toContain('view=report');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exportera till Word' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('Bilaga 2 - Uppföljning handlingsplaner 2017-08.docx');
  await expect(page.getByRole('status').filter({ hasText: 'har laddats ned' })).toBeVisible();
  const parts = docxParts(new Uint8Array(readFileSync(await download.path())));
  expect(parts.document).toContain(TITLE_2017);
  const text = paragraphTexts(parts.document).join('\n');
  const order = [
    'Barnkonventionen',
    'Läkemedel 2017',
    'RS/1957/2016',
    'Regionstabschef 2017-04-10',
  ].map((needle) => text.indexOf(needle));
  expect(order.every((index) => index > 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  expect(parts.headers).toContain('Samordningskansliet');
});

test('the report prints without the app around it', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  await page.goto('/?view=report&period=2020-04');
  const title = page.getByRole('heading', {
    level: 2,
    name: 'Bilaga 2: Avstämning av övergripande handlingsplaner april 2020',
  });
  await expect(title).toBeVisible();
  await page.getByRole('button', { name: 'Skriv ut' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  await page.emulateMedia({ media: 'print' });
  await expect(title).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Planuppföljning' })).toBeHidden();
  await expect(page.getByRole('link', { name: 'Bilaga 2', exact: true })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Exportera till Word' })).toBeHidden();
});
