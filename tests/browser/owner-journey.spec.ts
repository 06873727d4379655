import { expect, test } from './fixtures';
import { openPlan, PLAN, PLAN_ROW, restItem } from './owner-journey';
import { directMerge, signedIn, signIn } from './rest';

test('an owner fills in and submits a follow-up, and it is still there after a reload', async ({
  page,
  request,
  site,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Planuppföljning' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Period' })).toHaveText(
    /Delårsrapport augusti 2020 \(öppen\)/,
  );
  await expect(page.getByRole('switch', { name: 'Mina handlingsplaner' })).toBeChecked();
  await expect(page.getByText('2 av 12 planer')).toBeVisible();

  await openPlan(page, PLAN);
  // Last period's comment stands beside the form for reference.
  const previous = page.getByRole('complementary', { name: /Föregående period/ });
  await expect(previous).toContainText('Tertialrapport april 2020');
  await expect(previous).toContainText('Arbetet går delvis bra');
  await expect(previous).toContainText('minskad antibiotikaförskrivning');

  // Submitting without a status is refused in Swedish, and focus goes to what needs fixing.
  await page.getByRole('button', { name: 'Skicka in' }).click();
  await expect(page.getByText('Välj en status innan du skickar in.')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Arbetet går bra' })).toBeFocused();

  // The comment: a paragraph with an italic label, then a bulleted list.
  const comment = page.getByRole('textbox', { name: 'Kommentar' });
  await comment.click();
  await page.getByRole('button', { name: 'Kursiv' }).click();
  await page.keyboard.type('Kommentar:');
  await page.getByRole('button', { name: 'Kursiv' }).click();
  await page.keyboard.type(' Antibiotikaförskrivningen minskar enligt plan.');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Punktlista' }).click();
  await page.keyboard.type('Ny läkemedelslista införd');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Kostnaderna följs månadsvis');

  await page.getByRole('radio', { name: 'Arbetet går bra' }).check();
  await page.getByRole('button', { name: 'Skicka in' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Uppföljningen skickades in' }),
  ).toBeVisible();

  // The list shows the new status and input state.
  const row = page.getByRole('row', { name: PLAN_ROW });
  await expect(row).toContainText('Arbetet går bra');
  await expect(row).toContainText('Inskickad');

  // SharePoint holds it: choice texts in Swedish, the comment as rich text.
  const item = await restItem(request, site, 'lakemedel');
  expect(item.Status).toBe('Arbetet går bra');
  expect(item.InputState).toBe('Inskickad');
  expect(String(item.Comment)).toContain('<em>Kommentar:</em> Antibiotikaförskrivningen');
  expect(String(item.Comment)).toMatch(/<ul><li><p>Ny läkemedelslista införd<\/p><\/li><li>/);

  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: PLAN })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Arbetet går bra' })).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Kommentar' })).toContainText(
    'Antibiotikaförskrivningen minskar enligt plan.',
  );
  await expect(page.getByRole('textbox', { name: 'Kommentar' }).locator('li')).toHaveText([
    'Ny läkemedelslista införd',
    'Kostnaderna följs månadsvis',
  ]);
  await expect(page.getByRole('row', { name: PLAN_ROW })).toContainText('Inskickad');
});

test('a note is required when the plan is not assessed, and nothing typed is lost', async ({
  page,
  request,
  site,
}) => {
  await page.goto('/');
  await openPlan(page, PLAN);
  await page.getByRole('textbox', { name: 'Kommentar' }).click();
  await page.keyboard.type('Utkast som inte får försvinna.');
  await page.getByRole('radio', { name: 'Ej bedömd' }).check();
  await page.getByRole('button', { name: 'Skicka in' }).click();
  await expect(page.getByText('Skriv en notering när planen inte bedöms.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: /Notering/ })).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Kommentar' })).toContainText(
    'Utkast som inte får försvinna.',
  );

  await page.getByRole('textbox', { name: /Notering/ }).fill('Ska omarbetas');
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Utkastet sparades' })).toBeVisible();
  const item = await restItem(request, site, 'lakemedel');
  expect(item).toMatchObject({
    Status: 'Ej bedömd',
    StatusNote: 'Ska omarbetas',
    InputState: 'Utkast',
  });
});

test('a save over someone else’s newer save is refused with a clear message, keeping the text', async ({
  page,
  request,
  site,
}) => {
  await page.goto('/');
  await openPlan(page, PLAN);
  await page.getByRole('radio', { name: 'Arbetet går delvis bra' }).check();
  await page.getByRole('textbox', { name: 'Kommentar' }).click();
  await page.keyboard.type('Min text som inte får skrivas över.');

  // Meanwhile a coordinator changes the item (directly through SharePoint's REST API).
  const { Id } = await restItem(request, site, 'lakemedel');
  await signIn(request, site, 7);
  const merge = await directMerge(request, site, Number(Id), {
    Comment: '<p>Samordnarens ändring.</p>',
    Status: 'Arbetet går dåligt',
  });
  expect(merge.status()).toBe(204);

  await page.getByRole('button', { name: 'Spara utkast' }).click();
  const alert = page.getByRole('alertdialog', { name: 'Någon annan har sparat planen' });
  await expect(alert).toContainText('Ingenting har skrivits över');
  await expect(alert).toContainText('Karin Samordnare');
  await expect(alert.getByRole('region', { name: 'Deras version' })).toContainText(
    'Samordnarens ändring.',
  );
  await expect(alert.getByRole('region', { name: 'Din version' })).toContainText(
    'Min text som inte får skrivas över.',
  );
  // SharePoint still holds the coordinator's version.
  expect((await restItem(request, site, 'lakemedel')).Comment).toContain('Samordnarens ändring.');

  // The owner chooses to keep their own version, knowingly.
  await page.getByRole('button', { name: 'Spara min version ändå' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Utkastet sparades' })).toBeVisible();
  expect((await restItem(request, site, 'lakemedel')).Comment).toContain(
    'Min text som inte får skrivas över.',
  );
});

test('other people’s plans and locked periods are read-only; Visa som switches user', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Visa som' }).click();
  await page.getByRole('option', { name: 'Björn Ekholm' }).click();
  await expect(page.getByRole('combobox', { name: 'Visa som' })).toHaveText('Björn Ekholm');
  // The screen starts afresh for the new user: wait for Björn's own plans before filtering.
  await expect(
    page.getByRole('button', { name: /^7\. Övergripande handlingsplan för tillgänglighet/ }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: PLAN })).toHaveCount(0);
  await page.getByRole('switch', { name: 'Mina handlingsplaner' }).uncheck();
  await openPlan(page, PLAN);
  await expect(page.getByText('Du är inte ansvarig för den här planen')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Status' })).toContainText('Ingen status');
  await expect(page.getByRole('radio')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Skicka in' })).toHaveCount(0);

  await page.getByRole('combobox', { name: 'Period' }).click();
  await page.getByRole('option', { name: /Tertialrapport april 2020/ }).click();
  await page
    .getByRole('button', { name: /^7\. Övergripande handlingsplan för tillgänglighet/ })
    .click();
  await expect(page.getByText('Perioden är låst.')).toBeVisible();
  const status = page.getByRole('group', { name: 'Status' });
  await expect(status).toContainText('Ej bedömd');
  await expect(status).toContainText('Notering: Arbete med ny handlingsplan pågår.');
  await expect(page.getByRole('textbox')).toHaveCount(0);
});

test('the app speaks English when asked and remembers it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Språk' }).click();
  await page.getByRole('option', { name: 'English' }).click();
  await expect(page.getByRole('switch', { name: 'My action plans' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Plan follow-up' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('once a new period opens, a follow-up still missing in the older open one is on the owner’s to-do', async ({
  browser,
  site,
}) => {
  // Karin starts Årsbokslut 2020 while Delårsrapport augusti 2020 is still open.
  const karin = await signedIn(browser, site, 7, '/?view=overview');
  await karin.getByRole('button', { name: 'Starta ny period' }).click();
  await karin
    .getByRole('dialog', { name: 'Starta Årsbokslut 2020?' })
    .getByRole('button', { name: 'Starta perioden' })
    .click();
  await expect(karin.getByRole('combobox', { name: 'Period' })).toHaveText(
    'Årsbokslut 2020 (öppen)',
  );

  const anna = await signedIn(browser, site, 11, '/');
  await expect(anna.getByRole('combobox', { name: 'Period' })).toHaveText(
    /Årsbokslut 2020 \(öppen\)/,
  );
  const todo = anna.getByRole('region', { name: 'Att göra' });
  await expect(todo).toContainText(/Du har kvar \d+ av \d+ uppföljningar att skicka in\./);
  const older = todo.getByRole('button', {
    name: 'Övergripande handlingsplan för läkemedel 2020 – Delårsrapport augusti 2020',
  });
  await older.click();
  await expect(anna.getByRole('combobox', { name: 'Period' })).toHaveText(
    /Delårsrapport augusti 2020 \(öppen\)/,
  );
  await expect(anna.getByRole('heading', { level: 2, name: PLAN })).toBeVisible();
  await expect(anna.getByRole('heading', { level: 2, name: PLAN })).toBeFocused();
});
