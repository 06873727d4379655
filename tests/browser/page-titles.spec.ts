import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signIn } from './rest';

/**
 * WCAG 2.4.2: every view, and every open plan, has a title of its own, in the UI's language,
 * kept up to date as the user moves between views, plans and periods.
 */

const ANNA = 11;
const PLAN = 'Övergripande handlingsplan för läkemedel 2020';

async function chooseLanguage(page: Page, current: 'Språk' | 'Language', language: string) {
  await page.getByRole('combobox', { name: current }).click();
  await page.getByRole('option', { name: language }).click();
}

test('each view and each open plan has its own page title, in Swedish and English', async ({
  page,
  site,
}) => {
  await signIn(page.request, site, ANNA);
  await page.goto('/?period=2020-08');
  const nav = page.getByRole('navigation', { name: 'Vyer' });
  await expect(page).toHaveTitle('Handlingsplaner – Delårsrapport augusti 2020 – Planuppföljning');

  await page.getByRole('button', { name: `3. ${PLAN}` }).click();
  await expect(page).toHaveTitle(
    `${PLAN} – Handlingsplaner – Delårsrapport augusti 2020 – Planuppföljning`,
  );
  expect(page.url()).toContain('plan=lakemedel');

  await nav.getByRole('link', { name: 'Översikt', exact: true }).click();
  await expect(page).toHaveTitle('Översikt – Delårsrapport augusti 2020 – Planuppföljning');
  // Another period: the title follows.
  await page.getByRole('combobox', { name: 'Period' }).click();
  await page.getByRole('option', { name: /^Tertialrapport april 2020/ }).click();
  await expect(page).toHaveTitle('Översikt – Tertialrapport april 2020 – Planuppföljning');

  await nav.getByRole('link', { name: 'Bilaga 2', exact: true }).click();
  await expect(page).toHaveTitle(/^Bilaga 2 – .+ – Planuppföljning$/);
  await nav.getByRole('link', { name: 'Hjälp', exact: true }).click();
  await expect(page).toHaveTitle('Hjälp – Planuppföljning');
  await nav.getByRole('link', { name: 'Inställningar', exact: true }).click();
  await expect(page).toHaveTitle('Inställningar – Planuppföljning');
  await page.getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
  await expect(page).toHaveTitle('Tillgänglighetsredogörelse – Planuppföljning');

  await chooseLanguage(page, 'Språk', 'English');
  await expect(page).toHaveTitle('Accessibility statement – Plan follow-up');
  const enNav = page.getByRole('navigation', { name: 'Views' });
  await enNav.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page).toHaveTitle('Settings – Plan follow-up');
  await enNav.getByRole('link', { name: 'Help', exact: true }).click();
  await expect(page).toHaveTitle('Help – Plan follow-up');
  await enNav.getByRole('link', { name: 'Overview', exact: true }).click();
  await expect(page).toHaveTitle(/^Overview – .+ – Plan follow-up$/);
  await enNav.getByRole('link', { name: 'Appendix 2', exact: true }).click();
  await expect(page).toHaveTitle(/^Appendix 2 – .+ – Plan follow-up$/);
  await enNav.getByRole('link', { name: 'Action plans', exact: true }).click();
  await page.getByRole('button', { name: `3. ${PLAN}` }).click();
  // The period chosen in the overview stays: the plan's title, then the view, then the period.
  await expect(page).toHaveTitle(
    `${PLAN} – Action plans – Four-month report April 2020 – Plan follow-up`,
  );
});

test('a plan opened from its address is named in the title at once', async ({ page, site }) => {
  await signIn(page.request, site, ANNA);
  await page.goto('/?period=2020-08&plan=lakemedel');
  await expect(page).toHaveTitle(
    `${PLAN} – Handlingsplaner – Delårsrapport augusti 2020 – Planuppföljning`,
  );
  await page.goto('/?view=overview&period=2020-08');
  await expect(page).toHaveTitle('Översikt – Delårsrapport augusti 2020 – Planuppföljning');
});
