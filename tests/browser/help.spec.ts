import { expect, test } from './fixtures';

test('the in-app help describes the owner’s steps and the coordinator’s cycle, in Swedish and English', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Hjälp', exact: true }).click();
  const help = page.getByRole('article', { name: 'Så fungerar Planuppföljning' });
  await expect(
    help.getByRole('heading', { name: 'För dig som är ansvarig för en plan' }),
  ).toBeVisible();
  await expect(help.getByRole('heading', { name: 'För samordnare' })).toBeVisible();
  await expect(help).toContainText('Starta ny period');
  await expect(help).toContainText('Påminn');
  expect(page.url()).toContain('view=help');

  await page.getByRole('combobox', { name: 'Språk' }).click();
  await page.getByRole('option', { name: 'English' }).click();
  await expect(page.getByRole('article', { name: 'How Planuppföljning works' })).toBeVisible();
});
