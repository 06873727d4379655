import { createRequire } from 'node:module';
import type * as PdfJs from 'pdfjs-dist';
import { expect, test } from './fixtures';
import { signIn } from './rest';

/**
 * Bilaga 2 on paper, through Chromium's own PDF output: A4 with margins, the page header and
 * "Sida X av Y" in the margins, and no more pages than the Word file needs give or take one
 * (Word: 5 for each seed period; the print view took 12 and 8 before).
 */

interface PdfText {
  readonly pages: number;
  /** Each page's text, lines joined by a space. */
  readonly text: readonly string[];
}

async function readPdf(data: Buffer): Promise<PdfText> {
  // pdf.js's Node build (a dev dependency; the app never loads it).
  const pdfjs: typeof PdfJs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const fonts = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(data),
    standardFontDataUrl: `${fonts.replace(/package\.json$/, '')}standard_fonts/`,
  }).promise;
  const text: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    text.push(
      content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : ''))
        .join('')
        .replace(/\s+/g, ' '),
    );
  }
  return { pages: doc.numPages, text };
}

/**
 * Text with a line break after a hyphen, dash or slash undone ("2020-\n2021" is "2020-2021",
 * "operation/\nåtgärder" is "operation/åtgärder"): lines may break there.
 */
function joined(text: string): string {
  return text.replace(/\u00a0/g, ' ').replace(/([-–/]) +/g, '$1');
}

/** Words without the punctuation around them. */
function words(text: string): string[] {
  return joined(text)
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}

for (const [period, most, header] of [
  ['2020-04', 7, null],
  ['2017-08', 6, 'Dnr: RS/780/2017'],
] as const) {
  test(`Bilaga 2 for ${period} prints on at most ${most} A4 pages, no word or diary number broken, a page header and "Sida X av Y" on each`, async ({
    page,
    site,
  }) => {
    await signIn(page.request, site, 7);
    await page.goto(`/?view=report&period=${period}`);
    const report = page.getByRole('article', { name: /^Bilaga 2/ });
    const table = report.getByRole('table', { name: /^Bilaga 2/ });
    await expect(table.getByRole('row').nth(1)).toBeVisible();
    const titles = await table.getByRole('rowheader').allInnerTexts();
    const references = (await table.locator('tbody td:nth-child(2) div').allInnerTexts()).filter(
      (line) => !/ /.test(line.replace(/\u00a0/g, '_')),
    );
    const onPage = new Set(words(await report.innerText()));

    const pdf = await readPdf(await page.pdf({ preferCSSPageSize: true }));
    // The count itself, for the notes (the JSON reporter and the trace show it).
    test.info().annotations.push({ type: 'pages', description: `${period}: ${pdf.pages}` });

    expect(pdf.pages).toBeLessThanOrEqual(most);
    expect(pdf.pages).toBeGreaterThan(1);
    const all = joined(pdf.text.join(' '));
    // Every plan title and every one-token reference ("Dnr: RS/1957/2016") is found whole.
    for (const title of titles) expect(all).toContain(joined(title.replace(/\s+/g, ' ').trim()));
    expect(references.length).toBeGreaterThan(5);
    for (const line of references) expect(all).toContain(line.replace(/\u00a0/g, ' '));
    // No word is broken inside: every word on paper is a word of the page (or of the margins).
    pdf.text.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain(`Sida ${i + 1} av ${pdf.pages}`);
      // The report's date and diary number, where it has them, head every page.
      if (header) expect(text, `page ${i + 1}`).toContain(header);
    });
    const margins = new Set(['Sida', 'av', ...Array.from({ length: 20 }, (_, n) => String(n + 1))]);
    const broken = words(all).filter((w) => !onPage.has(w) && !margins.has(w));
    expect(broken).toEqual([]);
  });
}

test('the check finds a word broken inside', async ({ page, site }) => {
  await signIn(page.request, site, 7);
  await page.goto('/?view=report&period=2020-04');
  const report = page.getByRole('article', { name: /^Bilaga 2/ });
  await expect(report.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  const onPage = new Set(words(await report.innerText()));
  // A narrow box that must break a long word anywhere.
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Riskbedömningsprojektet';
    p.style.cssText = 'width: 12mm; overflow-wrap: anywhere; font-size: 14pt';
    document.querySelector('article')?.prepend(p);
  });
  const pdf = await readPdf(await page.pdf({ preferCSSPageSize: true }));
  const broken = words(pdf.text.join(' ')).filter((w) => !onPage.has(w));
  expect(broken.length).toBeGreaterThan(1);
  expect(broken.join('')).toContain('Riskbedömningsprojektet'.slice(0, 6));
});
