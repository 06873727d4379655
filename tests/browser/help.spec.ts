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
  // The rules of the cycle: what counts as answered, the draft report, rollover, ended plans.
  const rules = help.getByRole('list').filter({
    has: page.getByText(/räknas som besvarad först när den är inskickad/),
  });
  await expect(help.getByRole('heading', { name: 'Periodens regler' })).toBeVisible();
  await expect(rules.getByRole('listitem')).toHaveCount(6);
  await expect(rules).toContainText('Avslutet kan ångras');
  await expect(rules).toContainText('den första perioden');
  await expect(rules).toContainText('Inget svar inlämnat');
  await expect(rules).toContainText('två steg fram startas aldrig');
  expect(page.url()).toContain('view=help');

  await page.getByRole('combobox', { name: 'Språk' }).click();
  await page.getByRole('option', { name: 'English' }).click();
  await expect(page.getByRole('article', { name: 'How Planuppföljning works' })).toBeVisible();
});
