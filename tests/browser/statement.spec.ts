import type { Locator, Page } from '@playwright/test';
import {
  KNOWN_SHORTCOMINGS,
  type KnownShortcoming,
} from '../../src/features/accessibility/known-shortcomings';
import { STATEMENT_PAGES } from '../../src/features/accessibility/statement-pages';
import { en } from '../../src/i18n/en';
import { sv } from '../../src/i18n/sv';
import { expectNoViolations } from './a11y';
import { expect, test } from './fixtures';
import { PROBES } from './shortcoming-probes';

/**
 * The accessibility statement is kept true: every shortcoming it lists still exists in the app
 * (a probe each, shortcoming-probes.ts), every listed one is shown in both languages, and the
 * public page, which needs no sign-in, Teams or SharePoint, says what the app's own page says.
 */

const LIST: readonly KnownShortcoming[] = KNOWN_SHORTCOMINGS;
const HEADINGS = {
  sv: {
    nonCompliance: sv.accessibility.nonComplianceHeading,
    burden: sv.accessibility.burdenHeading,
    outOfScope: sv.accessibility.outOfScopeHeading,
  },
  en: {
    nonCompliance: en.accessibility.nonComplianceHeading,
    burden: en.accessibility.burdenHeading,
    outOfScope: en.accessibility.outOfScopeHeading,
  },
} as const;
const CATEGORY_HEADING = {
  'non-compliance': 'nonCompliance',
  'disproportionate-burden': 'burden',
  'out-of-scope': 'outOfScope',
} as const;

for (const entry of LIST) {
  test(`the statement’s shortcoming “${entry.id}” still exists in the app`, async ({
    page,
    request,
    site,
  }) => {
    await PROBES[entry.id as keyof typeof PROBES]({ page, request, site });
  });
}

/** Each entry is listed under its category's heading, with its text and criteria. */
async function expectEveryEntry(statement: Locator, locale: 'sv' | 'en') {
  for (const entry of LIST) {
    const heading = HEADINGS[locale][CATEGORY_HEADING[entry.category]];
    // The entry's list is among what follows its category's heading, before the next heading.
    const item = statement.locator(
      `xpath=.//*[self::h3 or self::h4][normalize-space()="${heading}"]/following-sibling::ul[1]/li`,
      { hasText: entry.text[locale] },
    );
    await expect(item, `${entry.id} (${locale})`).toHaveCount(1);
    for (const criterion of entry.criteria)
      await expect(item).toContainText(`${criterion.number} ${criterion.name[locale]}`);
  }
}

async function sectionHeadings(scope: Locator): Promise<string[]> {
  return scope.getByRole('heading').allInnerTexts();
}

test('every listed shortcoming is in the app’s statement, in Swedish and in English', async ({
  page,
}) => {
  await page.goto('/?view=tillganglighet');
  const statement = page.getByRole('article', { name: 'Tillgänglighetsredogörelse' });
  await expect(statement).toBeVisible();
  for (const name of [
    'Hur tillgänglig är appen?',
    'Vad kan du göra om du inte kan använda delar av appen?',
    'Rapportera brister i appens tillgänglighet',
    'Tillsyn',
    'Teknisk information om appens tillgänglighet',
    'Innehåll som inte är tillgängligt',
    'Hur vi testat appen',
  ])
    await expect(statement.getByRole('heading', { level: 3, name })).toBeVisible();
  for (const name of Object.values(HEADINGS.sv))
    await expect(statement.getByRole('heading', { level: 4, name })).toBeVisible();
  await expectEveryEntry(statement, 'sv');

  await page.getByRole('combobox', { name: 'Språk' }).click();
  await page.getByRole('option', { name: 'English' }).click();
  const english = page.getByRole('article', { name: 'Accessibility statement' });
  await expect(english).toBeVisible();
  await expectEveryEntry(english, 'en');
});

/** The public page, in a browser context of its own: no sign-in, no site, no Teams. */
async function openPublicPage(page: Page, locale: 'sv' | 'en') {
  const response = await page.goto(`/${STATEMENT_PAGES[locale]}`);
  expect(response?.status()).toBe(200);
  // Served under the app's security headers, and drawn without any script.
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  expect(await page.locator('script').count()).toBe(0);
}

test('the public statement page works without signing in and says what the app says', async ({
  browser,
  page,
}) => {
  const context = await browser.newContext();
  const outside = await context.newPage();
  const violations: string[] = [];
  outside.on('console', (message) => {
    if (message.type() === 'error') violations.push(message.text());
  });
  await openPublicPage(outside, 'sv');
  await expect(outside).toHaveTitle('Tillgänglighetsredogörelse för Planuppföljning');
  expect(await outside.locator('html').getAttribute('lang')).toBe('sv');
  const main = outside.getByRole('main');
  await expect(
    main.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse för Planuppföljning' }),
  ).toBeVisible();
  await expect(
    main.getByRole('heading', { level: 2, name: 'Innehåll som inte är tillgängligt' }),
  ).toBeVisible();
  await expect(
    main.getByRole('heading', { level: 3, name: 'Bristande förenlighet med lagkraven' }),
  ).toBeVisible();
  await expectEveryEntry(main, 'sv');
  await expect(
    main.getByRole('link', { name: 'Anmäl bristande tillgänglighet till Digg' }),
  ).toHaveAttribute('href', 'https://www.digg.se/tdosanmalan');

  // The same sections and the same text as the statement in the app.
  await page.goto('/?view=tillganglighet');
  const inApp = page.getByRole('article', { name: 'Tillgänglighetsredogörelse' });
  await expect(inApp).toBeVisible();
  expect((await sectionHeadings(main)).slice(1)).toEqual((await sectionHeadings(inApp)).slice(1));
  const text = async (scope: Locator) =>
    (await scope.innerText()).split('\n').slice(1).join(' ').replace(/\s+/g, ' ').trim();
  expect(await text(main)).toBe(await text(inApp));

  // And in English, one link away.
  await outside.getByRole('link', { name: 'In English' }).click();
  await expect(outside).toHaveURL(new RegExp(`/${STATEMENT_PAGES.en}$`));
  expect(await outside.locator('html').getAttribute('lang')).toBe('en');
  await expect(
    outside.getByRole('heading', { level: 1, name: 'Accessibility statement for Planuppföljning' }),
  ).toBeVisible();
  await expectEveryEntry(outside.getByRole('main'), 'en');
  await openPublicPage(outside, 'en');
  expect(violations).toEqual([]);
  await context.close();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the public statement page (${scheme} colour scheme): no WCAG 2.1 A/AA violations`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    for (const locale of ['sv', 'en'] as const) {
      await openPublicPage(page, locale);
      await expectNoViolations(page, `${STATEMENT_PAGES[locale]} (${scheme})`);
    }
    await context.close();
  });
}
