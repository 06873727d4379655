import { expect, test } from './fixtures';
import { signedIn } from './rest';

/**
 * The app's journeys with the directory's awkward cases (the demo directory,
 * src/demo/directory-demo.ts): an owner whose mail is an alias of his UPN, an owner without a
 * mailbox, a coordinator who holds the role only through an Entra security group, and a person
 * the site has never seen.
 */

const KARIN = 7;
const GRETA = 17;
const DAVID_OBJECT_ID = '7e0e8c94-8e2e-47f4-a4e0-d5a47311fe4e';
const GRETA_OBJECT_ID = 'a47a459e-a550-460c-a22f-5b2e31f2c6a4';
const SOFIA = 'sofia.berg@region.example';
const OLOF = 'olof.persson@region.example';

interface RecordedMessage {
  mentions: Array<{ mentionText: string; mentioned: { user: { id: string } } }>;
}

test('reminding every missing owner @-mentions the alias owner and the one without a mailbox', async ({
  browser,
  request,
  site,
}) => {
  const page = await signedIn(browser, site, KARIN, '/?view=overview');
  await expect(page.getByText('0 av 12 besvarade (0 %)')).toBeVisible();
  await page.getByRole('button', { name: 'Påminn' }).click();
  const dialog = page.getByRole('dialog', { name: 'Påminn om Delårsrapport augusti 2020' });
  await expect(dialog.getByRole('checkbox', { name: 'David Åström' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Greta Nyström' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Skicka påminnelse' }).click();
  await expect(page.getByText('Påminnelse skickad till 7 personer.')).toBeVisible();

  const outbox = (await (await request.get(`${site.path}/_local/graph/outbox`)).json()) as {
    value: RecordedMessage[];
  };
  const mentioned = outbox.value.flatMap((m) =>
    m.mentions.map((x) => [x.mentionText, x.mentioned.user.id]),
  );
  // Graph finds people by object id or UPN, never by an alias: both are named by object id.
  expect(mentioned).toContainEqual(['David Åström', DAVID_OBJECT_ID]);
  expect(mentioned).toContainEqual(['Greta Nyström', GRETA_OBJECT_ID]);
});

test('an owner without a mailbox opens the period and her plan', async ({ browser, site }) => {
  const greta = await signedIn(browser, site, GRETA, '/');
  await expect(greta.getByRole('switch', { name: 'Mina handlingsplaner' })).toBeChecked();
  const plan = greta.getByRole('button', { name: /^4\. Övergripande handlingsplan miljö 2020$/ });
  await plan.click();
  await expect(
    greta.getByRole('heading', { level: 2, name: /Övergripande handlingsplan miljö 2020/ }),
  ).toBeVisible();
  await expect(greta.getByRole('radiogroup', { name: /Status/ })).toBeVisible();
});

test('a coordinator through an Entra group, never seen by the site, locks the period', async ({
  browser,
  site,
}) => {
  const sofia = await signedIn(browser, site, SOFIA, '/?view=overview');
  const controls = sofia.getByRole('region', { name: 'Periodens läge och rapportuppgifter' });
  await controls.getByRole('button', { name: 'Lås perioden' }).click();
  const lock = sofia.getByRole('dialog', { name: 'Lås Delårsrapport augusti 2020?' });
  await lock.getByRole('button', { name: 'Lås perioden' }).click();
  await expect(sofia.getByText('Delårsrapport augusti 2020 är låst.')).toBeVisible();
  await expect(controls).toContainText('Låstes av Sofia Berg');
});

test('a coordinator picks a person the site has never seen as the owner of a new plan', async ({
  browser,
  site,
}) => {
  const title = 'Handlingsplan för nära vård 2021–2023';
  const karin = await signedIn(browser, site, KARIN, '/?view=overview');
  const register = karin.getByRole('region', { name: 'Planregister' });
  await register.getByRole('button', { name: 'Visa planregistret' }).click();
  await register.getByRole('button', { name: 'Lägg till plan' }).click();
  const form = register.getByRole('form', { name: 'Ny handlingsplan' });
  await form.getByRole('textbox', { name: 'Titel' }).fill(title);
  await form.getByRole('textbox', { name: 'Giltighet' }).fill('2021-2023');
  const owners = form.getByRole('combobox', { name: 'Ansvariga' });
  await owners.pressSequentially('Olof');
  await expect(karin.getByRole('option', { name: /Olof Persson/ })).toBeVisible();
  await owners.press('Enter');
  await expect(form.getByText('Olof Persson')).toBeVisible();
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(karin.getByText(`${title} är tillagd.`)).toBeVisible();

  // Olof signs in for the first time and finds the plan among his own, writable.
  const olof = await signedIn(browser, site, OLOF, '/');
  await expect(olof.getByRole('switch', { name: 'Mina handlingsplaner' })).toBeChecked();
  await olof.getByRole('button', { name: new RegExp(`^\\d+\\. ${title}$`) }).click();
  await expect(olof.getByRole('button', { name: 'Skicka in' })).toBeEnabled();
});
