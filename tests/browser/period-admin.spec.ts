import { expect, test } from './fixtures';
import { directMerge, followUpId, signedIn } from './rest';

/**
 * A coordinator locks the open period (owners then only read, and SharePoint itself refuses their
 * writes), reopens it with a reason, moves the due date and writes the report's summary.
 */

const KARIN = 7;
const ANNA = 11;
const PLAN = /^3\. Övergripande handlingsplan för läkemedel 2020$/;

test('a coordinator locks and reopens the period, moves the due date and writes the summary', async ({
  browser,
  site,
}) => {
  const karin = await signedIn(browser, site, KARIN, '/?view=overview');
  const controls = karin.getByRole('region', { name: 'Periodens läge och rapportuppgifter' });
  await expect(controls).toContainText('Perioden är öppen');

  // Lock: the dialog says what it means for the owners.
  await controls.getByRole('button', { name: 'Lås perioden' }).click();
  const lockDialog = karin.getByRole('dialog', { name: 'Lås Delårsrapport augusti 2020?' });
  await expect(lockDialog).toContainText('ansvariga inte längre ändra sina uppföljningar');
  await lockDialog.getByRole('button', { name: 'Lås perioden' }).click();
  await expect(karin.getByText('Delårsrapport augusti 2020 är låst.')).toBeVisible();
  await expect(karin.getByRole('combobox', { name: 'Period' })).toHaveText(
    'Delårsrapport augusti 2020 (låst)',
  );
  await expect(controls).toContainText('Låstes av Karin Samordnare');

  // The owner reads, and SharePoint refuses her direct write.
  const anna = await signedIn(browser, site, ANNA, '/');
  await anna.getByRole('button', { name: PLAN }).click();
  await expect(anna.getByRole('heading', { level: 2, name: PLAN })).toBeVisible();
  await expect(anna.getByText('Perioden är låst.', { exact: false }).first()).toBeVisible();
  const id = await followUpId(anna.request, site, 'lakemedel|2020-08');
  const refused = await directMerge(anna.request, site, id, { Comment: '<p>Efter låsning.</p>' });
  expect(refused.status()).toBe(403);

  // Reopen: a reason is required, and it is shown.
  await controls.getByRole('button', { name: 'Öppna igen' }).click();
  const reopenDialog = karin.getByRole('dialog', {
    name: 'Öppna Delårsrapport augusti 2020 igen?',
  });
  await reopenDialog.getByRole('button', { name: 'Öppna perioden igen' }).click();
  await expect(reopenDialog).toContainText('Ange varför perioden öppnas igen.');
  await reopenDialog.getByRole('textbox', { name: 'Anledning' }).fill('Sen komplettering från HR');
  await reopenDialog.getByRole('button', { name: 'Öppna perioden igen' }).click();
  await expect(karin.getByText('Delårsrapport augusti 2020 är öppen igen.')).toBeVisible();
  await expect(controls).toContainText(
    /Öppnades igen av Karin Samordnare .*Anledning: Sen komplettering från HR/,
  );
  const allowed = await directMerge(anna.request, site, id, { Comment: '<p>Efter öppning.</p>' });
  expect(allowed.status()).toBe(204);

  // The due date.
  await controls.getByLabel('Sista svarsdag').fill('2020-09-30');
  await controls.getByRole('button', { name: 'Spara datum' }).click();
  await expect(karin.getByText('Sista svarsdag är nu 30 september 2020.')).toBeVisible();
  await expect(controls.getByLabel('Sista svarsdag')).toHaveValue('2020-09-30');

  // The summary and the report header.
  await controls.getByRole('button', { name: 'Sammanfattning och rapportuppgifter' }).click();
  const editor = controls.getByRole('form', { name: 'Sammanfattning och rapportuppgifter' });
  const summary = editor.getByRole('textbox', { name: 'Sammanfattning' });
  await summary.click();
  await karin.keyboard.type('Sammantaget visar uppföljningen att arbetet går framåt.');
  await editor.getByRole('textbox', { name: 'Rapportdatum' }).fill('25/9');
  await editor.getByRole('button', { name: 'Spara' }).click();
  await expect(editor).toContainText('Ange ett datum som ÅÅÅÅ-MM-DD');
  await editor.getByRole('textbox', { name: 'Rapportdatum' }).fill('2020-09-25');
  await editor.getByRole('textbox', { name: 'Diarienummer' }).fill('RS 2020/123');
  await editor.getByRole('button', { name: 'Spara' }).click();
  await expect(
    karin.getByText('Sammanfattning och rapportuppgifter är sparade.').first(),
  ).toBeVisible();

  await karin.goto(site.app('/?view=report&period=2020-08'));
  const report = karin.getByRole('article');
  await expect(report).toContainText('Sammantaget visar uppföljningen att arbetet går framåt.');
  await expect(report).toContainText('2020-09-25');
  await expect(report).toContainText('RS 2020/123');
});
