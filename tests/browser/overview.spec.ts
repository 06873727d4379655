import { expect, test } from './fixtures';
import { signedIn } from './rest';

test('the overview counts answers and statuses, names who is awaited, and shows what changed', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Översikt', exact: true }).click();
  const input = page.getByRole('region', { name: 'Svar', exact: true });
  await expect(input).toContainText('0 av 12 besvarade (0 %)');
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
  await expect(input).toContainText('12 av 12 besvarade (100 %)');
  const status = page.getByRole('region', { name: 'Status', exact: true });
  await expect(status).toContainText('Arbetet går delvis bra9 st');
  await expect(status).toContainText('Arbetet går dåligt2 st');
  await expect(status).toContainText('Bara inskickade svar räknas.');

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

test('the overview counts submitted answers only, compares nothing for an unanswered plan, and links each plan to its form', async ({
  browser,
  site,
}) => {
  // Anna submits läkemedel and keeps a draft of another plan of hers.
  const anna = await signedIn(browser, site, 11, '/?period=2020-08&plan=lakemedel');
  await anna.getByRole('radio', { name: 'Arbetet går bra' }).check();
  await anna.getByRole('button', { name: 'Skicka in' }).click();
  await expect(anna.getByRole('status').filter({ hasText: 'skickades in' })).toBeVisible();
  await anna
    .getByRole('button', { name: /^\d+\. Övergripande handlingsplan för patientsäkerhet/ })
    .click();
  await anna.getByRole('radio', { name: 'Arbetet går dåligt' }).check();
  await anna.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(anna.getByRole('status').filter({ hasText: 'sparades' })).toBeVisible();

  const page = await signedIn(browser, site, 7, '/?view=overview');
  const input = page.getByRole('region', { name: 'Svar', exact: true });
  await expect(input).toContainText('1 av 12 besvarade (8 %)');
  // The draft's "poor" is not an answer: only the submitted "good" counts.
  const status = page.getByRole('region', { name: 'Status', exact: true });
  await expect(status).toContainText('Arbetet går bra1 st');
  await expect(status).toContainText('Arbetet går dåligt0 st');
  await expect(status).toContainText('Bara inskickade svar räknas: 1 utkast räknas inte än.');

  const plans = page.getByRole('table', { name: /Planer och förändring/ });
  // No unanswered plan (all but läkemedel and the draft) says its comment was removed.
  const missing = plans.getByRole('row').filter({ hasText: 'Saknas' });
  await expect(missing.nth(9)).toBeVisible();
  for (const row of await missing.all()) {
    await expect(row).toContainText('Inget svar än – inget att jämföra.');
    await expect(row).not.toContainText('Kommentaren borttagen');
  }
  const unanswered = plans.getByRole('row', {
    name: /7\. Övergripande handlingsplan för tillgänglighet/,
  });
  await expect(unanswered).toContainText('Inget svar än – inget att jämföra.');
  await expect(unanswered.getByRole('button', { name: /Visa ändringar/ })).toHaveCount(0);

  // The plan's name opens its form, on the period shown.
  await plans
    .getByRole('link', { name: '3. Övergripande handlingsplan för läkemedel 2020' })
    .click();
  await expect(
    page.getByRole('heading', {
      level: 2,
      name: '3. Övergripande handlingsplan för läkemedel 2020',
    }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Handlingsplaner', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  expect(new URL(page.url()).searchParams.get('plan')).toBe('lakemedel');
});
