import type { Locator, Page } from '@playwright/test';
import { expectNoViolations, expectVisibleFocus, focusIndicator } from './a11y';
import { expect, test } from './fixtures';
import { anotherUserWrites, nearLimitComment, paragraphsComment } from './long-content';
import { directMerge, followUpId, signIn, type TestSite } from './rest';

/**
 * Every journey with the keyboard alone: after the page has loaded, only Tab, Shift+Tab, Enter,
 * Space, arrows, Escape and typing. No clicks. Focus must be visible where it lands, move into
 * dialogs when they open, stay there, and come back to the trigger when they close.
 */

const ANNA = 11;
const KARIN = 7;
const PLAN = /^3\. Övergripande handlingsplan för läkemedel 2020$/;

/** Opens the app at `path` on the test's site, signed in as `userId`. */
async function openAs(page: Page, site: TestSite, userId: number, path: string) {
  await signIn(page.request, site, userId);
  await page.goto(path);
}

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement).catch(() => false);
}

/** Presses Tab (or Shift+Tab) until `target` has focus; fails if it never gets there. */
async function tabTo(page: Page, target: Locator, { back = false, max = 120 } = {}) {
  await expect(target).toBeVisible();
  for (let presses = 0; presses < max; presses += 1) {
    if (await isFocused(target)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

/** Focus is inside `container` (a dialog): Tab and Shift+Tab keep it there. */
async function expectFocusTrapped(page: Page, container: Locator, presses = 12) {
  const inside = () => container.evaluate((el) => el.contains(document.activeElement));
  expect(await inside(), 'focus did not move into the dialog').toBe(true);
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < presses; i += 1) {
      await page.keyboard.press(key);
      expect(await inside(), `${key} ${i + 1} left the dialog`).toBe(true);
    }
  }
}

/** A follow-up of the open period changed by the coordinator, as another client could. */
async function submittedByOwner(page: Page, site: TestSite) {
  const id = await followUpId(page.request, site, 'lakemedel|2020-08');
  const merge = await directMerge(page.request, site, id, {
    Status: 'Arbetet går bra',
    InputState: 'Inskickad',
    Comment: '<p>Klart enligt plan.</p>',
  });
  expect(merge.status()).toBe(204);
}

test('an owner picks a plan, sets the status, writes and submits with the keyboard alone', async ({
  page,
  site,
}) => {
  await openAs(page, site, ANNA, '/');
  const planButton = page.getByRole('button', { name: PLAN });
  await tabTo(page, planButton);
  await expectVisibleFocus(page, planButton);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: PLAN })).toBeVisible();
  expect(page.url()).toContain('plan=lakemedel');

  // Submitting without a status: the message is announced and focus goes to the status.
  const submit = page.getByRole('button', { name: 'Skicka in' });
  await tabTo(page, submit);
  await expectVisibleFocus(page, submit);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Välj en status innan du skickar in.')).toBeVisible();
  const good = page.getByRole('radio', { name: 'Arbetet går bra' });
  await expectVisibleFocus(page, good);

  // Arrows move through the radio group and choose; Space chooses the focused one.
  await page.keyboard.press('ArrowDown');
  const partly = page.getByRole('radio', { name: 'Arbetet går delvis bra' });
  await expect(partly).toBeChecked();
  await page.keyboard.press('ArrowUp');
  await expect(good).toBeFocused();
  await page.keyboard.press('Space');
  await expect(good).toBeChecked();

  // Into the comment, through the editor's toolbar: Ctrl+I for italics, then plain text.
  const comment = page.getByRole('textbox', { name: 'Kommentar' });
  await tabTo(page, comment);
  await expectVisibleFocus(page, comment);
  await page.keyboard.type('Arbetet följer planen. ');
  await page.keyboard.press('Control+i');
  await page.keyboard.type('Kostnaderna följs månadsvis.');
  await expect(comment.locator('em')).toHaveText('Kostnaderna följs månadsvis.');

  // Tab leaves the editor (it does not trap Tab as an indent), on to Skicka in.
  await tabTo(page, submit);
  await page.keyboard.press('Enter');
  const status = page.getByRole('status').filter({ hasText: 'Uppföljningen skickades in' });
  await expect(status).toBeVisible();
  await expect(
    page.getByRole('row', { name: /3\. Övergripande handlingsplan för läkemedel/ }),
  ).toContainText('Inskickad');
});

test('a coordinator sends back and then approves a follow-up with the keyboard alone', async ({
  page,
  site,
}) => {
  await openAs(page, site, KARIN, '/');
  await submittedByOwner(page, site);
  await page.goto('/?period=2020-08&plan=lakemedel');
  const review = page.getByRole('region', { name: 'Granskning' });
  const open = review.getByRole('button', { name: 'Skicka tillbaka…' });
  await tabTo(page, open);
  await expectVisibleFocus(page, open);
  await page.keyboard.press('Enter');
  const reason = review.getByRole('textbox', { name: /Kommentar till ansvariga/ });
  await tabTo(page, reason);
  await page.keyboard.type('Beskriv kostnaderna.');
  await tabTo(page, review.getByRole('button', { name: 'Skicka tillbaka', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Skickad tillbaka' })).toBeVisible();

  // The owner completes it (another client); the coordinator marks it reviewed.
  await submittedByOwner(page, site);
  await page.reload();
  const approve = page
    .getByRole('region', { name: 'Granskning' })
    .getByRole('button', { name: 'Markera som granskad' });
  await tabTo(page, approve);
  await page.keyboard.press('Space');
  await expect(page.getByRole('status').filter({ hasText: 'Markerad som granskad' })).toBeVisible();
});

test('a coordinator reminds: the dialog takes focus, traps it, closes with Escape and gives it back', async ({
  page,
  site,
}) => {
  await openAs(page, site, KARIN, '/?view=overview');
  await expect(page.getByText('0 av 12 besvarade (0 %)')).toBeVisible();
  const remind = page.getByRole('button', { name: 'Påminn' });
  await tabTo(page, remind);
  await expectVisibleFocus(page, remind);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Påminn om Delårsrapport augusti 2020' });
  await expect(dialog).toBeVisible();
  await expectFocusTrapped(page, dialog);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(remind).toBeFocused();

  // Again: untick one owner with Space, read the preview, send.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  const anna = dialog.getByRole('checkbox', { name: 'Anna Lindgren' });
  await tabTo(page, anna);
  await expectVisibleFocus(page, anna);
  await page.keyboard.press('Space');
  await expect(anna).not.toBeChecked();
  const preview = dialog.getByTestId('reminder-preview');
  await expect(preview).not.toContainText('@Anna Lindgren');
  await expect(preview).toContainText('@Björn Ekholm');
  await tabTo(page, dialog.getByRole('button', { name: 'Skicka påminnelse' }));
  await page.keyboard.press('Enter');
  // The live region announces the result; focus, whose button went with the reloaded view, is
  // on that report rather than lost to the page's body.
  const report = page
    .getByRole('status')
    .filter({ hasText: /Påminnelse skickad till \d+ personer\./ });
  await expect(report).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(report).toBeFocused();

  const outbox = page.getByRole('button', { name: 'Visa utkorg' });
  await tabTo(page, outbox);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Utkorg (lokal Graph)' })).toContainText(
    '@Björn Ekholm',
  );
});

test('a coordinator locks and reopens the period with a reason, with the keyboard alone', async ({
  page,
  site,
}) => {
  await openAs(page, site, KARIN, '/?view=overview');
  const controls = page.getByRole('region', { name: 'Periodens läge och rapportuppgifter' });
  await expect(controls).toContainText('Perioden är öppen');
  const lock = controls.getByRole('button', { name: 'Lås perioden' });
  await tabTo(page, lock);
  await page.keyboard.press('Enter');
  const lockDialog = page.getByRole('dialog', { name: 'Lås Delårsrapport augusti 2020?' });
  await expect(lockDialog).toBeVisible();
  // It starts on the choice that changes nothing, not on the one that locks.
  await expect(lockDialog.getByRole('button', { name: 'Avbryt' })).toBeFocused();
  await expectFocusTrapped(page, lockDialog, 6);
  // Escape cancels and focus returns; Enter opens it again.
  await page.keyboard.press('Escape');
  await expect(lockDialog).toBeHidden();
  await expect(lock).toBeFocused();
  await page.keyboard.press('Enter');
  const confirm = lockDialog.getByRole('button', { name: 'Lås perioden' });
  await tabTo(page, confirm);
  await expectVisibleFocus(page, confirm);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Delårsrapport augusti 2020 är låst.')).toBeVisible();

  const reopen = controls.getByRole('button', { name: 'Öppna igen' });
  await tabTo(page, reopen, { back: true });
  await page.keyboard.press('Enter');
  const reopenDialog = page.getByRole('dialog', { name: 'Öppna Delårsrapport augusti 2020 igen?' });
  await expect(reopenDialog).toBeVisible();
  // A reason is required: the error is shown and the reason field can be reached and typed in.
  await tabTo(page, reopenDialog.getByRole('button', { name: 'Öppna perioden igen' }));
  await page.keyboard.press('Enter');
  await expect(reopenDialog).toContainText('Ange varför perioden öppnas igen.');
  const reason = reopenDialog.getByRole('textbox', { name: 'Anledning' });
  await tabTo(page, reason, { back: true });
  await expectVisibleFocus(page, reason);
  await page.keyboard.type('Sen komplettering från HR');
  await tabTo(page, reopenDialog.getByRole('button', { name: 'Öppna perioden igen' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Delårsrapport augusti 2020 är öppen igen.')).toBeVisible();
  await expect(controls).toContainText('Anledning: Sen komplettering från HR');
});

test('a coordinator starts the next period with the keyboard alone', async ({ page, site }) => {
  await openAs(page, site, KARIN, '/?view=overview');
  await expect(page.getByText('0 av 12 besvarade (0 %)')).toBeVisible();
  const start = page.getByRole('button', { name: 'Starta ny period' });
  await tabTo(page, start);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Starta Årsbokslut 2020?' });
  await expect(dialog).toBeVisible();
  // It starts on the choice that changes nothing, not on the one that starts the period.
  await expect(dialog.getByRole('button', { name: 'Avbryt' })).toBeFocused();
  await expectFocusTrapped(page, dialog, 4);
  await tabTo(page, dialog.getByRole('button', { name: 'Starta perioden' }));
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: 'Årsbokslut 2020 är startad' }),
  ).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Period' })).toHaveText(
    'Årsbokslut 2020 (öppen)',
  );
});

test('the report is reached through the navigation links and exported to Word with the keyboard alone', async ({
  page,
  site,
}) => {
  await openAs(page, site, ANNA, '/');
  await expect(page.getByRole('switch', { name: 'Mina handlingsplaner' })).toBeVisible();
  const navigation = page.getByRole('navigation', { name: 'Vyer' });
  const plansLink = navigation.getByRole('link', { name: 'Handlingsplaner', exact: true });
  await expect(plansLink).toHaveAttribute('aria-current', 'page');
  await tabTo(page, plansLink);
  await expectVisibleFocus(page, plansLink);
  // Links, not tabs: Tab moves between them, Enter follows one.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const reportLink = navigation.getByRole('link', { name: 'Bilaga 2', exact: true });
  await expect(reportLink).toBeFocused();
  await expectVisibleFocus(page, reportLink);
  await page.keyboard.press('Enter');
  await expect(reportLink).toHaveAttribute('aria-current', 'page');
  await expect(plansLink).not.toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 2, name: /^Bilaga 2:/ })).toBeVisible();
  expect(new URL(page.url()).searchParams.get('view')).toBe('report');

  const exportButton = page.getByRole('button', { name: 'Exportera till Word' });
  await tabTo(page, exportButton);
  await expectVisibleFocus(page, exportButton);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('Enter'),
  ]);
  expect(download.suggestedFilename()).toMatch(/^Bilaga 2 - Uppföljning handlingsplaner .*\.docx$/);
  await expect(page.getByRole('status').filter({ hasText: 'har laddats ned' })).toBeVisible();
});

test('the conflict dialog takes focus on its safe choice and keeps it until a choice is made', async ({
  page,
  request,
  site,
}) => {
  await openAs(page, site, ANNA, '/?period=2020-08&plan=lakemedel');
  await expect(page.getByRole('heading', { level: 2, name: PLAN })).toBeVisible();
  await tabTo(page, page.getByRole('radio', { name: 'Arbetet går bra' }));
  await page.keyboard.press('Space');
  // Meanwhile the coordinator saves (another client).
  await signIn(request, site, KARIN);
  const id = await followUpId(request, site, 'lakemedel|2020-08');
  expect((await directMerge(request, site, id, { Comment: '<p>Deras.</p>' })).status()).toBe(204);
  const save = page.getByRole('button', { name: 'Spara utkast' });
  await tabTo(page, save);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: 'Någon annan har sparat planen' });
  await expect(dialog).toBeVisible();
  const merge = dialog.getByRole('button', { name: 'Slå ihop själv' });
  await expect(merge).toBeFocused();
  await expectFocusTrapped(page, dialog, 6);
  // An alert dialog needs a choice: Escape does not throw the choice away.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();
  await tabTo(page, merge);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  // "Slå ihop själv" means keep editing: focus is in the comment.
  const comment = page.getByRole('textbox', { name: 'Kommentar' });
  await expect(comment).toBeFocused();
  await page.keyboard.type(' Mitt tillägg.');
  await tabTo(page, save);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Utkastet sparades' })).toBeVisible();

  // Another conflict; "Spara min version ändå" gives focus back to the button that saved.
  expect((await directMerge(request, site, id, { Comment: '<p>Deras igen.</p>' })).status()).toBe(
    204,
  );
  await expect(save).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole('button', { name: 'Spara min version ändå' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Utkastet sparades' })).toBeVisible();
  await expect(save).toBeFocused();
});

test('the accessibility statement is reached from the footer link with the keyboard', async ({
  page,
  site,
}) => {
  await openAs(page, site, ANNA, '/');
  await expect(page.getByRole('switch', { name: 'Mina handlingsplaner' })).toBeVisible();
  const link = page
    .getByRole('contentinfo')
    .getByRole('link', { name: 'Tillgänglighetsredogörelse' });
  await tabTo(page, link, { back: true });
  await expectVisibleFocus(page, link);
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 2, name: 'Tillgänglighetsredogörelse' });
  await expect(heading).toBeFocused();
  expect(page.url()).toContain('view=tillganglighet');
});

test('the focus check fails on an element whose focus is not drawn', async ({ page }) => {
  await page.goto('/?view=help');
  await expect(page.getByRole('article', { name: 'Så fungerar Planuppföljning' })).toBeVisible();
  await page.evaluate(() => {
    const bare = document.createElement('button');
    bare.textContent = 'Utan fokusmarkering';
    bare.style.outline = 'none';
    bare.style.border = 'none';
    bare.style.boxShadow = 'none';
    document.querySelector('main')?.append(bare);
  });
  const bare = page.getByRole('button', { name: 'Utan fokusmarkering' });
  await tabTo(page, bare);
  expect(await focusIndicator(page)).toBeNull();
  await expect(expectVisibleFocus(page, bare)).rejects.toThrow(/no focus indicator/);
});

test('the theme is chosen in the header with the keyboard, and high contrast passes axe-core', async ({
  page,
  site,
}) => {
  await openAs(page, site, ANNA, '/?period=2020-08&plan=lakemedel');
  await expect(page.getByRole('heading', { level: 2, name: PLAN })).toBeVisible();
  const theme = page.getByRole('combobox', { name: 'Tema' });
  await tabTo(page, theme);
  await expectVisibleFocus(page, theme);
  // Alt+ArrowDown opens the list, arrows move, Enter chooses, and focus stays on the picker.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('listbox')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(theme).toHaveText('Hög kontrast');
  await expect(theme).toBeFocused();
  await expectNoViolations(page, 'form after choosing high contrast with the keyboard');
});

test('an owner reads a plan’s history and its diff with the keyboard, and focus follows', async ({
  page,
  site,
}) => {
  const title = 'Övergripande handlingsplan för läkemedel 2020';
  await openAs(page, site, ANNA, '/');
  const open = page.getByRole('button', { name: `Visa historik för ${title}` });
  await tabTo(page, open);
  await expectVisibleFocus(page, open);
  await page.keyboard.press('Enter');
  // Focus lands on the history's heading, where reading starts.
  await expect(page.getByRole('heading', { level: 2, name: `Historik: ${title}` })).toBeFocused();
  const april = page
    .getByRole('list', { name: /Perioder, senaste först/ })
    .getByRole('listitem')
    .filter({ hasText: 'Tertialrapport april 2020' })
    .first();
  const diff = april.getByRole('button', { name: 'Visa ändringar' });
  await tabTo(page, diff);
  await page.keyboard.press('Enter');
  await expect(diff).toHaveAttribute('aria-expanded', 'true');
  await expect(april.locator('ins').first()).toBeVisible();
  const close = page.getByRole('button', { name: 'Stäng historik' });
  await tabTo(page, close, { back: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: `Historik: ${title}` })).toHaveCount(0);
  // Closing the history opens the plan's form, and focus goes to its heading.
  await expect(page.getByRole('heading', { level: 2, name: PLAN })).toBeFocused();
});

test('a coordinator adds a plan with the people picker and writes the summary, keyboard only', async ({
  page,
  site,
}) => {
  const title = 'Handlingsplan för digital vård 2020–2022';
  await openAs(page, site, KARIN, '/?view=overview');
  const register = page.getByRole('region', { name: 'Planregister' });
  await tabTo(page, register.getByRole('button', { name: 'Visa planregistret' }));
  await page.keyboard.press('Enter');
  await tabTo(page, register.getByRole('button', { name: 'Lägg till plan' }));
  await page.keyboard.press('Enter');
  const form = register.getByRole('form', { name: 'Ny handlingsplan' });
  await tabTo(page, form.getByRole('textbox', { name: 'Titel' }));
  await page.keyboard.type(title);
  await tabTo(page, form.getByRole('textbox', { name: 'Giltighet' }));
  await page.keyboard.type('2020-2022');
  const owners = form.getByRole('combobox', { name: 'Ansvariga' });
  await tabTo(page, owners);
  await expectVisibleFocus(page, owners);
  await page.keyboard.type('lindg');
  await expect(page.getByRole('option', { name: /Anna Lindgren/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(form.getByText('Anna Lindgren')).toBeVisible();
  await tabTo(page, form.getByRole('button', { name: 'Spara' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText(`${title} är tillagd.`)).toBeVisible();

  const controls = page.getByRole('region', { name: 'Periodens läge och rapportuppgifter' });
  await tabTo(page, controls.getByRole('button', { name: 'Sammanfattning och rapportuppgifter' }), {
    back: true,
  });
  await page.keyboard.press('Enter');
  const editor = controls.getByRole('form', { name: 'Sammanfattning och rapportuppgifter' });
  const summary = editor.getByRole('textbox', { name: 'Sammanfattning' });
  await tabTo(page, summary);
  await expectVisibleFocus(page, summary);
  await page.keyboard.type('Sammantaget går arbetet framåt.');
  await tabTo(page, editor.getByRole('button', { name: 'Spara' }));
  await page.keyboard.press('Enter');
  await expect(
    page.getByText('Sammanfattning och rapportuppgifter är sparade.').first(),
  ).toBeVisible();
});

test('the skip link is the first Tab stop, shows itself on focus and takes focus to the main region', async ({
  page,
  site,
}) => {
  await openAs(page, site, ANNA, '/');
  await expect(page.getByRole('switch', { name: 'Mina handlingsplaner' })).toBeVisible();
  const skip = page.getByRole('link', { name: 'Hoppa till innehållet' });
  // Out of sight until it has focus.
  await expect(skip).not.toBeInViewport();
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await expectVisibleFocus(page, skip);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  // The next Tab is inside the main region, past the header and the navigation.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Period' })).toBeFocused();
  expect(new URL(page.url()).hash).toBe('');

  await page.getByRole('combobox', { name: 'Språk' }).click();
  await page.getByRole('option', { name: 'English' }).click();
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeAttached();
});

test('a long version of theirs in the conflict dialog is reached with Tab and read with the arrow and page keys', async ({
  page,
  request,
  site,
}) => {
  await openAs(page, site, ANNA, '/?period=2020-08&plan=lakemedel');
  await expect(page.getByRole('heading', { level: 2, name: PLAN })).toBeVisible();
  await tabTo(page, page.getByRole('radio', { name: 'Arbetet går bra' }));
  await page.keyboard.press('Space');
  // Meanwhile the coordinator saves 40 paragraphs (another client).
  await anotherUserWrites(request, site, paragraphsComment(40));
  await tabTo(page, page.getByRole('button', { name: 'Spara utkast' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: 'Någon annan har sparat planen' });
  await expect(dialog).toBeVisible();
  // The safe choice still has focus first.
  await expect(dialog.getByRole('button', { name: 'Slå ihop själv' })).toBeFocused();

  // Their version is a box of its own that takes focus, named, with its focus drawn.
  const theirs = dialog.getByRole('region', { name: 'Deras version' });
  await tabTo(page, theirs);
  await expectVisibleFocus(page, theirs);
  const scrollTop = () => theirs.evaluate((el) => el.scrollTop);
  const last = theirs.getByText(/^Stycke 40:/);
  expect(await scrollTop()).toBe(0);
  await expect(last).not.toBeInViewport();
  await page.keyboard.press('PageDown');
  await expect.poll(scrollTop).toBeGreaterThan(0);
  const afterPage = await scrollTop();
  await page.keyboard.press('ArrowDown');
  await expect.poll(scrollTop).toBeGreaterThan(afterPage);
  await page.keyboard.press('End');
  await expect(last).toBeInViewport();
  await expect(theirs).toBeFocused();

  // Read to the end, the user takes their version.
  await tabTo(page, dialog.getByRole('button', { name: 'Använd deras version' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Kommentar' })).toContainText('Stycke 40:');
});

test('a comment near the limit is read to its end and left with the keyboard', async ({
  page,
  request,
  site,
}) => {
  await anotherUserWrites(request, site, nearLimitComment());
  await openAs(page, site, ANNA, '/?period=2020-08&plan=lakemedel');
  const comment = page.getByRole('textbox', { name: 'Kommentar' });
  await expect(page.getByText(/^9\s8\d\d av 10\s000 tecken$/)).toBeVisible();
  await tabTo(page, comment);
  await expectVisibleFocus(page, comment);
  // The editor scrolls inside its own box to the caret at the end.
  await page.keyboard.press('Control+End');
  await expect(comment.getByText(/^Del 50\./)).toBeInViewport();
  expect(await comment.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  // Tab leaves it, on to the form's buttons.
  await page.keyboard.press('Tab');
  await expect(comment).not.toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Spara utkast' }));
});

test('in a bullet list Tab and Shift+Tab leave the comment unchanged; Ctrl+] / Ctrl+[ and the toolbar indent', async ({
  page,
  site,
}) => {
  await openAs(page, site, ANNA, '/?period=2020-08&plan=lakemedel');
  const comment = page.getByRole('textbox', { name: 'Kommentar' });
  const toolbar = page.getByRole('toolbar', { name: 'Textformat' });
  await tabTo(page, comment);
  // The editor tells which keys do what.
  await expect(comment).toHaveAccessibleDescription(/Tab.*Ctrl\+\].*Ctrl\+\[/);
  // "- " starts a bullet list.
  await page.keyboard.type('- Ett');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Två');
  await expect(comment.locator('ul > li')).toHaveCount(2);
  const html = await comment.innerHTML();

  // Tab, in the list's second item, leaves the editor and indents nothing.
  await page.keyboard.press('Tab');
  await expect(comment).not.toBeFocused();
  expect(await comment.innerHTML()).toBe(html);
  // Shift+Tab comes back, and once more goes on to the toolbar, outdenting nothing.
  await page.keyboard.press('Shift+Tab');
  await expect(comment).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(comment).not.toBeFocused();
  expect(await toolbar.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  expect(await comment.innerHTML()).toBe(html);

  // Ctrl+] indents the second item under the first, Ctrl+[ brings it back.
  await page.keyboard.press('Tab');
  await expect(comment).toBeFocused();
  // To the last item (Ctrl+End goes to the empty paragraph the editor keeps after a list). Each
  // move is waited for: on a loaded machine the editor may take the next key before the caret
  // has moved.
  const caretIn = () =>
    page.evaluate(() => {
      const node = window.getSelection()?.anchorNode;
      const element = node instanceof Element ? node : node?.parentElement;
      return element?.closest('li')?.textContent ?? element?.closest('p')?.textContent ?? null;
    });
  await page.keyboard.press('Control+End');
  await expect.poll(caretIn).not.toBe('Två');
  await page.keyboard.press('ArrowUp');
  await expect.poll(caretIn).toBe('Två');
  // Under load ProseMirror may not yet have taken the caret move when the key arrives (CI saw
  // Ctrl+] pass by): press again only while nothing is indented, so it never indents twice.
  await expect(async () => {
    if ((await comment.locator('li li').count()) === 0) await page.keyboard.press('Control+]');
    await expect(comment.locator('li li')).toHaveText('Två', { timeout: 1_000 });
  }).toPass();
  await page.keyboard.press('Control+[');
  await expect(comment.locator('li li')).toHaveCount(0);
  await expect(comment.locator('ul > li')).toHaveCount(2);

  // The toolbar's "Öka indrag" does the same, and focus goes back to the text.
  await page.keyboard.press('Shift+Tab');
  const indent = toolbar.getByRole('button', { name: 'Öka indrag' });
  for (let i = 0; i < 8 && !(await isFocused(indent)); i += 1) {
    await page.keyboard.press('ArrowRight');
  }
  await expectVisibleFocus(page, indent);
  await page.keyboard.press('Enter');
  await expect(comment.locator('li li')).toHaveText('Två');
  await expect(comment).toBeFocused();
});

test('a reminder too long for its preview box is scrolled with the keyboard', async ({
  page,
  site,
}) => {
  // A phone's width: the message of eleven mentions and links outgrows the 18rem box.
  await page.setViewportSize({ width: 360, height: 740 });
  await openAs(page, site, KARIN, '/?view=overview');
  await tabTo(page, page.getByRole('button', { name: 'Påminn' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Påminn om Delårsrapport augusti 2020' });
  const preview = dialog.getByRole('region', { name: 'Förhandsvisning' });
  await expect(preview).toContainText('@Anna Lindgren');
  const overflows = await preview.evaluate((el) => el.scrollHeight > el.clientHeight);
  expect(overflows, 'the preview should need scrolling at this width').toBe(true);
  await tabTo(page, preview);
  await expectVisibleFocus(page, preview);
  await page.keyboard.press('PageDown');
  await expect.poll(() => preview.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
});
