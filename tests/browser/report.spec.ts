import { readFileSync } from 'node:fs';
import { docxParts, paragraphTexts } from '../fixtures/docx-xml';
import { expect, test } from './fixtures';
import { directMerge, followUpId, signIn } from './rest';

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
  // The 2017 report's own text: its introduction, the summary before the legend, the contact a
  // line each.
  const page2017 = await page.getByRole('article', { name: TITLE_2017 }).innerText();
  const at = (needle: string) => page2017.indexOf(needle);
  expect(page2017).not.toContain('Handlingsplanerna har olika löptider');
  expect(at('En uppföljning per augusti har genomförts')).toBeGreaterThan(0);
  expect(at('En uppföljning per augusti har genomförts')).toBeLessThan(at('Sammantaget visar'));
  expect(at('Sammantaget visar')).toBeLessThan(at('Uppföljningen har utgått från följande värden'));
  expect(page2017).toContain('Sandra Hedman\nTfn: 063-147509\nE-post: sandra.hedman@regionjh.se');

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

test('the open period’s Bilaga 2 is marked as a draft and shows no unsubmitted answer', async ({
  page,
  request,
  site,
}) => {
  await signIn(request, site, 7);
  const draft = await followUpId(request, site, 'lakemedel|2020-08');
  const sent = await followUpId(request, site, 'patientsakerhet|2020-08');
  for (const [id, fields] of [
    [
      draft,
      { Status: 'Arbetet går dåligt', InputState: 'Utkast', Comment: '<p>Halvskrivet utkast</p>' },
    ],
    [
      sent,
      { Status: 'Arbetet går bra', InputState: 'Inskickad', Comment: '<p>Inskickat svar</p>' },
    ],
  ] as const) {
    expect((await directMerge(request, site, id, fields)).status()).toBe(204);
  }
  await signIn(page.request, site, 7);
  await page.goto('/?view=report&period=2020-08');
  await expect(page.getByRole('note')).toHaveText(
    'UTKAST: perioden är öppen och rapporten är inte slutlig. Den visar bara inskickade svar.',
  );
  const table = page.getByRole('table', { name: /per augusti 2020/ });
  await expect(table.getByRole('row', { name: /läkemedel/i })).toContainText('Inget svar inlämnat');
  await expect(table).not.toContainText('Halvskrivet');
  await expect(table).not.toContainText('Arbetet går dåligt');
  await expect(table.getByRole('row', { name: /patientsäkerhet/i })).toContainText(
    'Inskickat svar',
  );

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exportera till Word' }).click(),
  ]);
  const parts = docxParts(new Uint8Array(readFileSync(await download.path())));
  const text = paragraphTexts(parts.document).join('\n');
  expect(text).toContain('UTKAST: perioden är öppen');
  expect(text).not.toContain('Halvskrivet');
  expect(text).toContain('Inskickat svar');
});
