import { expect, test } from './fixtures';

test('the overview counts answers and statuses, names who is awaited, and shows what changed', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Översikt', exact: true }).click();
  const input = page.getByRole('region', { name: 'Svar', exact: true });
  await expect(input).toContainText('0 av 12 planer har skickat in.');
  const awaited = page.getByRole('region', { name: 'Väntar på svar' });
  await expect(awaited).toContainText('Sista svarsdag 14 september 2020');
  await expect(awaited.getByRole('listitem').filter({ hasText: 'Anna Lindgren' })).toContainText(
    'läkemedel 2020',
  );

  await page.getByRole('combobox', { name: 'Visa' }).click();
  await page.getByRole('option', { name: 'Inskickad' }).click();
  await expect(page.getByText('Inga planer att visa med det här urvalet.')).toBeVisible();

  await page.getByRole('combobox', { name: 'Period' }).click();
  await page.getByRole('option', { name: /Tertialrapport april 2020/ }).click();
  // 13 plans, one of them ended in that period (Bättre liv för äldre): it counts no more.
  await expect(input).toContainText('12 av 12 planer har skickat in.');
  const status = page.getByRole('region', { name: 'Status', exact: true });
  await expect(status).toContainText('Arbetet går delvis bra9 st');
  await expect(status).toContainText('Arbetet går dåligt2 st');

  const plans = page.getByRole('table', { name: /Planer och förändring/ });
  const tillganglighet = plans.getByRole('row', {
    name: /7\. Övergripande handlingsplan för tillgänglighet/,
  });
  await expect(tillganglighet).toContainText(/Från ↓\s?Arbetet går dåligt till –\s?Ej bedömd/);
  const lakemedel = plans.getByRole('row', {
    name: /3\. Övergripande handlingsplan för läkemedel/,
  });
  await expect(lakemedel).toContainText('Kommentaren ändrad');
  await lakemedel.getByRole('button', { name: 'Visa ändringar' }).click();
  await expect(lakemedel.getByRole('group', { name: /Ändringar i kommentaren/ })).toBeVisible();
  await expect(lakemedel.locator('ins').first()).toBeVisible();
});
