import { expect, test } from './fixtures';

const TITLE = 'Övergripande handlingsplan för läkemedel 2020';

test('a plan’s history across periods, from the list and from the form, with what changed', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: `Visa historik för ${TITLE}` }).click();
  const heading = page.getByRole('heading', { level: 2, name: `Historik: ${TITLE}` });
  await expect(heading).toBeVisible();

  const periods = page.getByRole('list', { name: /Perioder, senaste först/ }).getByRole('listitem');
  await expect(periods.first()).toContainText('Delårsrapport augusti 2020');
  await expect(periods.first()).toContainText('Inget svar lämnades för perioden.');
  const april = periods.filter({ hasText: 'Tertialrapport april 2020' }).first();
  await expect(april).toContainText('Arbetet går delvis bra');
  await expect(april).toContainText('Inskickad av Anna Lindgren');
  await expect(april).toContainText('Kommentaren ändrad');
  const august2017 = periods.filter({ hasText: 'Delårsrapport augusti 2017' }).first();
  await expect(august2017).toContainText('minskad antibiotika-förskrivning');

  await april.getByRole('button', { name: 'Visa ändringar' }).click();
  await expect(april.getByRole('button', { name: 'Visa ändringar' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(april.locator('ins').first()).toBeVisible();
  await expect(april.locator('del').first()).toBeVisible();

  await page.getByRole('button', { name: 'Stäng historik' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `3. ${TITLE}` })).toBeVisible();
  await page.getByRole('button', { name: 'Visa historik', exact: true }).click();
  await expect(heading).toBeVisible();
});
