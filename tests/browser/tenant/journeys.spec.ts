import { UPN, expect, restGet, signedInTenant, signInThroughProvider, test } from './tenant';

// The owner's and the coordinator's journeys on the tenant path: every call with the user's own
// token, SharePoint checking both the token's scopes and the user's rights.

const PLAN = /^3\. Övergripande handlingsplan för läkemedel 2020$/;
const NEW_PLAN = 'Handlingsplan för digital vård 2020–2022';

test('an owner signs in, fills in and submits a follow-up; SharePoint holds it', async ({
  page,
  request,
  site,
}) => {
  await page.goto('/');
  await signInThroughProvider(page, UPN.anna);
  await expect(page.getByRole('switch', { name: 'Mina handlingsplaner' })).toBeChecked();
  await page.getByRole('button', { name: PLAN }).click();
  await expect(page.getByRole('heading', { level: 2, name: PLAN })).toBeVisible();
  const comment = page.getByRole('textbox', { name: 'Kommentar' });
  await comment.click();
  await page.keyboard.type('Antibiotikaförskrivningen minskar enligt plan.');
  await page.getByRole('radio', { name: 'Arbetet går bra' }).check();
  await page.getByRole('button', { name: 'Skicka in' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Uppföljningen skickades in' }),
  ).toBeVisible();

  const filter = encodeURIComponent("PlanPeriodKey eq 'lakemedel|2020-08'");
  const body = await restGet(
    request,
    UPN.karin,
    `${site.followUps}/items?$select=Status,InputState,Comment,Editor/Title&$expand=Editor&$filter=${filter}`,
  );
  const [item] = body.value as Array<Record<string, unknown>>;
  expect(item?.Status).toBe('Arbetet går bra');
  expect(item?.InputState).toBe('Inskickad');
  expect(String(item?.Comment)).toContain('Antibiotikaförskrivningen minskar');
  // Written as Anna herself: SharePoint took the person from her token.
  expect((item?.Editor as { Title: string }).Title).toBe('Anna Lindgren');
});

test('a coordinator keeps the register, locks and reopens the period and starts the next', async ({
  browser,
  request,
  site,
}) => {
  const karin = await signedInTenant(browser, site, UPN.karin, '/?view=overview');
  await expect(karin.getByText('0 av 12 besvarade (0 %)')).toBeVisible();

  // The plan register: a new plan with an owner from the people picker.
  const register = karin.getByRole('region', { name: 'Planregister' });
  await register.getByRole('button', { name: 'Visa planregistret' }).click();
  await register.getByRole('button', { name: 'Lägg till plan' }).click();
  const form = register.getByRole('form', { name: 'Ny handlingsplan' });
  await form.getByRole('textbox', { name: 'Titel' }).fill(NEW_PLAN);
  await form.getByRole('textbox', { name: 'Giltighet' }).fill('2020-2022');
  await form.getByRole('combobox', { name: 'Ansvariga' }).pressSequentially('lindg');
  await karin.getByRole('option', { name: /Anna Lindgren/ }).click();
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(karin.getByText(`${NEW_PLAN} är tillagd.`)).toBeVisible();

  // Lock and reopen: item permissions change on every follow-up (Full Control's work).
  const controls = karin.getByRole('region', { name: 'Periodens läge och rapportuppgifter' });
  await controls.getByRole('button', { name: 'Lås perioden' }).click();
  await karin
    .getByRole('dialog', { name: 'Lås Delårsrapport augusti 2020?' })
    .getByRole('button', { name: 'Lås perioden' })
    .click();
  await expect(karin.getByText('Delårsrapport augusti 2020 är låst.')).toBeVisible();
  await controls.getByRole('button', { name: 'Öppna igen' }).click();
  const reopen = karin.getByRole('dialog', { name: 'Öppna Delårsrapport augusti 2020 igen?' });
  await reopen.getByRole('textbox', { name: 'Anledning' }).fill('Sen komplettering');
  await reopen.getByRole('button', { name: 'Öppna perioden igen' }).click();
  await expect(karin.getByText('Delårsrapport augusti 2020 är öppen igen.')).toBeVisible();

  // The next period, with the new plan in it.
  await karin.getByRole('button', { name: 'Starta ny period' }).click();
  const start = karin.getByRole('dialog', { name: 'Starta Årsbokslut 2020?' });
  await start.getByRole('button', { name: 'Starta perioden' }).click();
  await expect(karin.getByRole('combobox', { name: 'Period' })).toHaveText(
    'Årsbokslut 2020 (öppen)',
  );
  const items = await restGet(
    request,
    UPN.karin,
    `${site.followUps}/items?$select=Title&$filter=PeriodKey eq '2020-12'&$top=100`,
  );
  const titles = (items.value as Array<{ Title: string }>).map((i) => i.Title);
  expect(titles.length).toBe(13);
  expect(titles.join('\n')).toContain(NEW_PLAN);
});
