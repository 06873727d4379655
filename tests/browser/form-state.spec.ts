import type { Page } from '@playwright/test';
import { expectNoViolations } from './a11y';
import { expect, test } from './fixtures';
import { anotherUserWrites, nearLimitComment } from './long-content';
import { signIn, type TestSite } from './rest';

/**
 * Issue #17 point 7, in a real editor against the emulated SharePoint: the form tells what is so.
 * The saved state of a comment with a link and a list, the comment limit while typing, and the
 * copy of last period's comment.
 */

const ANNA = 11;

async function openAs(page: Page, site: TestSite, userId: number, path: string) {
  await signIn(page.request, site, userId);
  await page.goto(path);
  await expect(page.getByRole('textbox', { name: 'Kommentar' })).toBeVisible();
}

test('a saved comment with a link, a list and an ampersand reads as saved, and still after a reload', async ({
  page,
  site,
}) => {
  await openAs(page, site, ANNA, '/?period=2020-08&plan=lakemedel');
  const comment = page.getByRole('textbox', { name: 'Kommentar' });
  await comment.click();
  // A link made with the toolbar over the word just typed, and one the editor makes itself.
  await page.keyboard.type('Se källan');
  for (let i = 0; i < 'källan'.length; i += 1) await page.keyboard.press('Shift+ArrowLeft');
  await page.getByRole('button', { name: 'Länk' }).click();
  await page.getByRole('textbox', { name: /^Adress/ }).fill('https://example.se/plan?a=1&b=2');
  await page.keyboard.press('Enter');
  await expect(comment.getByRole('link', { name: 'källan' })).toBeVisible();
  await comment.press('End');
  await page.keyboard.type(' och https://region.se/ & mer  text ');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Punktlista' }).click();
  await page.keyboard.type('En punkt');
  // The form says so, and once the local draft is written the plan's row in the list too.
  await expect(page.getByText('Osparade ändringar').first()).toBeVisible();

  await page.getByRole('button', { name: 'Spara utkast' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Utkastet sparades' })).toBeVisible();
  await expect(page.getByText('Allt är sparat i SharePoint.')).toBeVisible();
  await expect(page.getByText('Osparade ändringar')).toBeHidden();

  await page.reload();
  await expect(comment.getByRole('link', { name: 'källan' })).toBeVisible();
  await expect(page.getByText('Allt är sparat i SharePoint.')).toBeVisible();
  await expect(page.getByText('Osparade ändringar')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Återställ texten' })).toBeHidden();
});

test('a comment over the limit is flagged while typing; a draft saves, Skicka in is refused', async ({
  page,
  request,
  site,
}) => {
  await anotherUserWrites(request, site, nearLimitComment());
  await openAs(page, site, ANNA, '/?period=2020-08&plan=lakemedel');
  const comment = page.getByRole('textbox', { name: 'Kommentar' });
  const over =
    'Kommentaren är längre än 10\u00a0000 tecken. Utkastet går att spara, men korta texten innan du skickar in.';
  await expect(page.getByText(/^9\s8\d\d av 10\s000 tecken$/)).toBeVisible();
  await expect(comment).toHaveAttribute('aria-invalid', 'false');

  await comment.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(` ${'Tillägg. '.repeat(18)}`);

  await expect(page.getByText(/^10\s0\d\d av 10\s000 tecken$/)).toBeVisible();
  await expect(page.getByText(over)).toBeVisible();
  await expect(comment).toHaveAttribute('aria-invalid', 'true');
  await expect(comment).toHaveAccessibleDescription(
    new RegExp(over.replace(/\./g, '\\.').replace(/\u00a0/g, '\\s')),
  );
  await expectNoViolations(page, 'the form with a comment over the limit');

  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Utkastet sparades' })).toBeVisible();

  await page.getByRole('radio', { name: 'Arbetet går bra' }).check();
  await page.getByRole('button', { name: 'Skicka in' }).click();
  await expect(
    page.getByText(
      'Kommentaren får vara högst 10\u00a0000 tecken för att kunna skickas in. Korta den, eller spara den som utkast så länge.',
    ),
  ).toBeVisible();
  await expect(comment).toBeFocused();
  await expect(comment).toContainText('Tillägg.');
});

test('copying last period’s comment asks to replace or append when the comment is written', async ({
  page,
  site,
}) => {
  await openAs(page, site, ANNA, '/?period=2020-08&plan=lakemedel');
  const comment = page.getByRole('textbox', { name: 'Kommentar' });
  const copy = page.getByRole('button', { name: 'Kopiera till kommentaren' });
  await comment.click();
  await page.keyboard.type('Redan skrivet.');

  await copy.click();
  const dialog = page.getByRole('dialog', { name: 'Kommentaren är inte tom' });
  await expect(dialog).toContainText('eller lägga till den efter din text?');
  await expect(dialog.getByRole('button', { name: 'Avbryt' })).toBeFocused();
  await expectNoViolations(page, 'the copy question');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(comment).toHaveText('Redan skrivet.');
  await expect(copy).toBeFocused();

  await copy.click();
  await dialog.getByRole('button', { name: 'Lägg till efter' }).click();
  await expect(comment).toContainText(/^Redan skrivet\..*antibiotikaförskrivning/);
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Föregående kommentar har lagts till efter din text.' }),
  ).toBeVisible();

  await copy.click();
  await dialog.getByRole('button', { name: 'Ersätt' }).click();
  await expect(comment).not.toContainText('Redan skrivet.');
  await expect(comment).toContainText('antibiotikaförskrivning');
  await expect(
    page.getByRole('status').filter({ hasText: 'Föregående kommentar har ersatt din text.' }),
  ).toBeVisible();
});
