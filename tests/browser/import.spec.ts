import { notAReportDocx, regionReportDocx } from '../fixtures/region-docx';
import { expect, test } from './fixtures';
import { expectNoViolations } from './a11y';
import { signedIn } from './rest';

/**
 * A coordinator imports a past Bilaga 2 from Word: the preview shows every row with its status
 * and plan match, Importera creates the period locked, and its report is there in Bilaga 2.
 */

const KARIN = 7;
const TITLE = 'Bilaga 2: Uppföljning av övergripande handlingsplaner per december 2019';
const MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

test('a coordinator imports a past report from Word and finds it in Bilaga 2', async ({
  browser,
  site,
}) => {
  const karin = await signedIn(browser, site, KARIN, '/?view=report');
  const file = karin.getByLabel('Word-fil med Bilaga 2 (.docx)');

  // Not a report: refused, in Swedish, and nothing is written.
  // The button opens the file chooser, from the keyboard too.
  const button = karin.getByRole('button', { name: 'Importera Bilaga 2' });
  await button.focus();
  const [chooser] = await Promise.all([
    karin.waitForEvent('filechooser'),
    karin.keyboard.press('Enter'),
  ]);
  expect(chooser.isMultiple()).toBe(false);
  await file.setInputFiles({
    name: 'anteckningar.docx',
    mimeType: MIME,
    buffer: Buffer.from(notAReportDocx()),
  });
  await expect(karin.getByRole('alert')).toContainText('Filen ser inte ut som en Bilaga 2');

  await file.setInputFiles({
    name: 'Bilaga 2 2019.docx',
    mimeType: MIME,
    buffer: Buffer.from(regionReportDocx()),
  });
  const preview = karin.getByRole('region', { name: 'Förhandsgranska importen' });
  await expect(preview.getByLabel('År')).toHaveValue('2019');
  const table = preview.getByRole('table', { name: 'Planer i rapporten' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('columnheader', { name: 'Plan i registret' })).toBeVisible();
  const first = table.getByRole('row').nth(1);
  await expect(first).toContainText('Övergripande handlingsplan för läkemedel 2016-2018');
  await expect(first).toContainText('↑ Arbetet går bra');
  await expect(first).toContainText('efter diarienummer');
  await expect(table.getByRole('row').nth(3)).toContainText('Ej längre aktuell.');
  await expect(table.getByRole('row').nth(3)).toContainText('Ny plan');
  await expectNoViolations(karin, 'import preview');
  // The coordinator corrects a status before importing.
  await preview.getByLabel('Status för plan 2').selectOption('partly');
  await expect(table.getByRole('row').nth(2)).toContainText('➔ Arbetet går delvis bra');

  await preview.getByRole('button', { name: 'Importera', exact: true }).click();
  await expect(karin.getByText('Årsbokslut 2019 är importerad och låst.')).toBeVisible();
  await expect(karin.getByRole('combobox', { name: 'Period' })).toHaveText(
    'Årsbokslut 2019 (låst)',
  );
  const report = karin.getByRole('table', { name: TITLE });
  await expect(report.getByRole('row').nth(2)).toContainText('Handlingsplan miljö');
  await expect(report.getByRole('row').nth(2)).toContainText('Arbetet går delvis bra');
  await expect(
    karin.getByText('Sammantaget visar uppföljningen att arbetet går framåt.'),
  ).toBeVisible();

  // Importing the same report again never overwrites the period.
  await file.setInputFiles({
    name: 'Bilaga 2 2019.docx',
    mimeType: MIME,
    buffer: Buffer.from(regionReportDocx()),
  });
  await karin
    .getByRole('region', { name: 'Förhandsgranska importen' })
    .getByRole('button', { name: 'Importera', exact: true })
    .click();
  await expect(karin.getByRole('alert')).toContainText('Årsbokslut 2019 finns redan');
});
