import { expect, test } from './fixtures';
import { signedIn } from './rest';

/**
 * A coordinator keeps the plan register of the open period: adds a plan with an owner found with
 * the people picker, moves it, retires another plan, marks a third replaced by the new one from the
 * next period, and the next period leaves the retired and the replaced plan out.
 */

const KARIN = 7;
const ANNA = 11;
const NEW_PLAN = 'Handlingsplan för digital vård 2020–2022';
const RETIRED = 'Övergripande handlingsplan för läkemedel 2020';
const REPLACED = 'Övergripande handlingsplan miljö 2020';

test('a coordinator adds, moves and retires plans; the next period follows the register', async ({
  browser,
  site,
}) => {
  const karin = await signedIn(browser, site, KARIN, '/?view=overview');
  const register = karin.getByRole('region', { name: 'Planregister' });
  await register.getByRole('button', { name: 'Visa planregistret' }).click();
  await register.getByRole('button', { name: 'Lägg till plan' }).click();

  const form = register.getByRole('form', { name: 'Ny handlingsplan' });
  await form.getByRole('textbox', { name: 'Titel' }).fill(NEW_PLAN);
  await form.getByRole('textbox', { name: 'Giltighet' }).fill('2020-2022');
  await form.getByRole('textbox', { name: 'Plandokument (länk)' }).fill('ftp://fel');
  await form.getByRole('button', { name: 'Spara' }).click();

  // Swedish messages, and what was typed stays.
  await expect(form.getByText('Välj minst en ansvarig.')).toBeVisible();
  await expect(form.getByText('Ange en länk som börjar med http:// eller https://.')).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Titel' })).toHaveValue(NEW_PLAN);
  await form
    .getByRole('textbox', { name: 'Plandokument (länk)' })
    .fill('https://docs.example/d.pdf');

  // The people picker searches the site's users as one types; the keyboard chooses.
  const owners = form.getByRole('combobox', { name: 'Ansvariga' });
  await owners.pressSequentially('lindg');
  await expect(karin.getByRole('option', { name: /Anna Lindgren/ })).toBeVisible();
  await expect(karin.getByRole('option')).toHaveCount(1);
  await owners.press('Enter');
  await expect(form.getByText('Anna Lindgren')).toBeVisible();
  await form.getByRole('button', { name: 'Spara' }).click();

  await expect(karin.getByText(`${NEW_PLAN} är tillagd.`)).toBeVisible();
  const row = karin.getByRole('rowheader', { name: new RegExp(`^\\d+\\. ${NEW_PLAN}$`) });
  await expect(row).toBeVisible();
  const before = Number(/^(\d+)\./.exec((await row.textContent()) ?? '')?.[1]);

  // Move it up one place.
  await register.getByRole('button', { name: `Flytta upp: ${NEW_PLAN}` }).click();
  await expect(karin.getByText(`${NEW_PLAN} är flyttad till plats`)).toBeVisible();
  await expect(karin.getByRole('rowheader', { name: `${before - 1}. ${NEW_PLAN}` })).toBeVisible();

  // The owner sees it among her plans.
  const anna = await signedIn(browser, site, ANNA, '/');
  await expect(anna.getByRole('switch', { name: 'Mina handlingsplaner' })).toBeChecked();
  await expect(
    anna.getByRole('button', { name: new RegExp(`^${before - 1}\\. ${NEW_PLAN}$`) }),
  ).toBeVisible();

  // Retire another plan from this period: it stays here, marked, but the next one leaves it out.
  await register.getByRole('button', { name: `Avsluta eller ersätt: ${RETIRED}` }).click();
  const dialog = karin.getByRole('dialog', { name: `Avsluta eller ersätt ${RETIRED}` });
  await expect(dialog.getByRole('radio', { name: 'Planen avslutas' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /^Delårsrapport augusti 2020/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await expect(
    karin.getByText(`${RETIRED} avslutas från och med Delårsrapport augusti 2020.`),
  ).toBeVisible();

  // Mark a third plan replaced by the new one, from the next period: a replacement is required.
  await register.getByRole('button', { name: `Avsluta eller ersätt: ${REPLACED}` }).click();
  const replace = karin.getByRole('dialog', { name: `Avsluta eller ersätt ${REPLACED}` });
  await replace.getByRole('radio', { name: 'Planen ersätts av en annan plan' }).check();
  await replace.getByRole('radio', { name: /^Årsbokslut 2020/ }).check();
  await replace.getByRole('button', { name: 'Spara' }).click();
  await expect(replace.getByText('Välj planen som ersätter den här.')).toBeVisible();
  await replace.getByRole('combobox', { name: 'Ersätts av' }).selectOption({ label: NEW_PLAN });
  await replace.getByRole('button', { name: 'Spara' }).click();
  await expect(
    karin.getByText(`${REPLACED} ersätts av ${NEW_PLAN} från och med Årsbokslut 2020.`),
  ).toBeVisible();
  await expect(register.getByText(`Ersätts av ${NEW_PLAN} från Årsbokslut 2020`)).toBeVisible();

  await karin.getByRole('button', { name: 'Starta ny period' }).click();
  const start = karin.getByRole('dialog', { name: 'Starta Årsbokslut 2020?' });
  await start.getByRole('button', { name: 'Starta perioden' }).click();
  await expect(karin.getByRole('combobox', { name: 'Period' })).toHaveText(
    'Årsbokslut 2020 (öppen)',
  );
  await expect(karin.getByRole('rowheader', { name: new RegExp(NEW_PLAN) })).toBeVisible();
  await expect(karin.getByRole('rowheader', { name: new RegExp(RETIRED) })).toHaveCount(0);
  await expect(karin.getByRole('rowheader', { name: new RegExp(REPLACED) })).toHaveCount(0);
});

test('a coordinator undoes an ending: the plan is active again and the next period carries it', async ({
  browser,
  site,
}) => {
  const karin = await signedIn(browser, site, KARIN, '/?view=overview');
  const register = karin.getByRole('region', { name: 'Planregister' });
  await register.getByRole('button', { name: 'Visa planregistret' }).click();
  await register.getByRole('button', { name: `Avsluta eller ersätt: ${RETIRED}` }).click();
  const dialog = karin.getByRole('dialog', { name: `Avsluta eller ersätt ${RETIRED}` });
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await expect(
    karin.getByText(`${RETIRED} avslutas från och med Delårsrapport augusti 2020.`),
  ).toBeVisible();

  await register.getByRole('button', { name: `Ångra avslut: ${RETIRED}` }).click();
  const undo = karin.getByRole('dialog', { name: `Ångra avslutet av ${RETIRED}?` });
  await expect(undo).toContainText('Planen blir aktiv igen');
  await undo.getByRole('button', { name: 'Ångra avslut' }).click();
  await expect(
    karin.getByText(`Avslutet av ${RETIRED} är ångrat: planen är aktiv igen.`),
  ).toBeVisible();
  await expect(
    register.getByRole('button', { name: `Avsluta eller ersätt: ${RETIRED}` }),
  ).toBeVisible();

  await karin.getByRole('button', { name: 'Starta ny period' }).click();
  const start = karin.getByRole('dialog', { name: 'Starta Årsbokslut 2020?' });
  await start.getByRole('button', { name: 'Starta perioden' }).click();
  await expect(karin.getByRole('combobox', { name: 'Period' })).toHaveText(
    'Årsbokslut 2020 (öppen)',
  );
  await expect(karin.getByRole('rowheader', { name: new RegExp(RETIRED) })).toBeVisible();
});
