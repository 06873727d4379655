import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium';
import { expect, test } from './fixtures';
import { signIn, type TestSite } from './rest';

/**
 * Reflow (WCAG 1.4.10) and resize text (1.4.4): at 320 CSS pixels wide (a 1280 px window at
 * 400 % zoom) and at 640 (200 %), the page does not scroll sideways and no control is cut off
 * or pushed out of view. Data tables may scroll inside their own box, which 1.4.10 allows.
 */

const PLAN = /^3\. Övergripande handlingsplan för läkemedel 2020$/;
const PLAN_ROW = /^3\. Övergripande handlingsplan för läkemedel 2020/;

interface Problem {
  readonly what: string;
  readonly why: string;
}

/** Controls outside the viewport, or whose own content is cut off, and the page's overflow. */
async function reflowProblems(page: Page): Promise<Problem[]> {
  return page.evaluate(() => {
    const problems: { what: string; why: string }[] = [];
    const root = document.documentElement;
    const width = root.clientWidth;
    if (root.scrollWidth > width + 1) {
      // Name the innermost elements that stick out, so a failure says where to look.
      const out = [...document.body.querySelectorAll<HTMLElement>('*')].filter(
        (el) => el.getBoundingClientRect().right > width + 1,
      );
      const innermost = out
        .filter((el) => !out.some((other) => other !== el && el.contains(other)))
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0] ?? ''}`);
      problems.push({
        what: 'page',
        why: `scrolls sideways: ${root.scrollWidth} > ${width} (${innermost.join(', ')})`,
      });
    }
    // Inside a box that scrolls sideways by design (a data table's wrapper): allowed.
    const inScroller = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const overflow = getComputedStyle(p).overflowX;
        if ((overflow === 'auto' || overflow === 'scroll') && p.scrollWidth > p.clientWidth)
          return true;
      }
      return false;
    };
    const controls = document.querySelectorAll<HTMLElement>(
      'button, a[href], input:not([type=radio]):not([type=checkbox]), textarea, [role=combobox], [role=textbox], [role=switch], [role=tab], label',
    );
    for (const el of controls) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || el.closest('[data-tabster-dummy]')) continue;
      if (el.closest('[aria-hidden=true]') || inScroller(el)) continue;
      const name = `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
      if (rect.left < -1 || rect.right > width + 1)
        problems.push({
          what: name,
          why: `outside the viewport: ${Math.round(rect.left)}–${Math.round(rect.right)} of ${width}`,
        });
      const style = getComputedStyle(el);
      if (
        el.tagName === 'BUTTON' &&
        style.overflowX !== 'visible' &&
        el.scrollWidth > el.clientWidth + 1
      )
        problems.push({ what: name, why: `text cut off: ${el.scrollWidth} > ${el.clientWidth}` });
    }
    return problems;
  });
}

async function expectReflows(page: Page, label: string) {
  const problems = await reflowProblems(page);
  expect(problems, `${label}:\n${problems.map((p) => `${p.what}: ${p.why}`).join('\n')}`).toEqual(
    [],
  );
}

for (const width of [320, 640]) {
  test(`at ${width} CSS pixels the owner's list and form reflow without sideways scrolling`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/');
    await expect(page.getByRole('button', { name: PLAN })).toBeVisible();
    await expectReflows(page, `owner list at ${width}px`);

    await page.goto('/?period=2020-08&plan=lakemedel');
    await expect(page.getByRole('heading', { level: 2, name: PLAN })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Kommentar' })).toBeVisible();
    await expectReflows(page, `form at ${width}px`);
    // Every part of the form can be reached and used at this width.
    await page.getByRole('radio', { name: 'Arbetet går bra' }).check();
    await page.getByRole('textbox', { name: 'Kommentar' }).click();
    await page.keyboard.type('Smal skärm.');
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Utkastet sparades' })).toBeVisible();
    await expectReflows(page, `form after saving at ${width}px`);
  });

  test(`at ${width} CSS pixels the overview, report, help, settings and statement reflow`, async ({
    page,
    site,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await signIn(page.request, site, 7);
    for (const [path, ready] of [
      ['/?view=overview', page.getByText(/av 12 besvarade/)],
      ['/?view=report&period=2020-04', page.getByRole('heading', { level: 2, name: /^Bilaga 2/ })],
      ['/?view=help', page.getByRole('article', { name: 'Så fungerar Planuppföljning' })],
      ['/?view=settings', page.getByRole('region', { name: 'Webbplatsens listor' })],
      ['/?view=tillganglighet', page.getByRole('article', { name: 'Tillgänglighetsredogörelse' })],
      // The statement's public page (no sign-in, no app).
      [
        '/tillganglighetsredogorelse.html',
        page.getByRole('heading', {
          level: 1,
          name: 'Tillgänglighetsredogörelse för Planuppföljning',
        }),
      ],
    ] as const) {
      await page.goto(path);
      await expect(ready).toBeVisible();
      await expectReflows(page, `${path} at ${width}px`);
    }
  });
}

test('the check finds a control pushed out of view and a page that scrolls sideways', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto('/?view=help');
  await expect(page.getByRole('article', { name: 'Så fungerar Planuppföljning' })).toBeVisible();
  await page.evaluate(() => {
    const wide = document.createElement('button');
    wide.textContent = 'För bred';
    wide.style.width = '500px';
    document.querySelector('main')?.append(wide);
  });
  const problems = await reflowProblems(page);
  expect(problems.map((p) => p.what)).toEqual(
    expect.arrayContaining(['page', 'button "För bred"']),
  );
});

/**
 * A browser whose default font size (Chromium's settings, Utseende → Teckenstorlek) is `size`
 * px instead of 16: Chromium reads it from its profile's Preferences file, so a persistent
 * context on a fresh profile with that file set is what a user with large text has.
 */
async function browserWithFontSize(
  size: number,
  baseURL: string | undefined,
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'planuppfoljning-font-size-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ webkit: { webprefs: { default_font_size: size } } }),
  );
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    ...(baseURL ? { baseURL } : {}),
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The computed font sizes (px) of the owner's screen: the app's body text, its title and a plan's
 * name in the list, then the form's heading and a field label.
 */
async function textSizes(page: Page, site: TestSite): Promise<Record<string, number>> {
  const size = (locator: ReturnType<Page['locator']>) =>
    locator.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  await page.goto(site.app('/'));
  await expect(page.getByRole('button', { name: PLAN })).toBeVisible();
  const list = {
    body: await size(page.locator('.fui-FluentProvider').first()),
    title: await size(page.getByRole('heading', { level: 1, name: 'Planuppföljning' })),
    plan: await size(page.getByRole('button', { name: PLAN })),
  };
  await page.goto(site.app('/?period=2020-08&plan=lakemedel'));
  await expect(page.getByRole('textbox', { name: 'Kommentar' })).toBeVisible();
  return {
    ...list,
    heading: await size(page.getByRole('heading', { level: 2, name: PLAN })),
    label: await size(page.getByText('Kommentar', { exact: true }).first()),
  };
}

test('text follows the browser’s font size: at 32 px instead of 16 it is twice as large, and 1280 px still reflows', async ({
  page,
  site,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const normal = await textSizes(page, site);
  expect(normal.body).toBe(14);

  const large = await browserWithFontSize(32, testInfo.project.use.baseURL);
  try {
    const big = await large.context.newPage();
    const sizes = await textSizes(big, site);
    for (const [what, px] of Object.entries(normal)) {
      expect(sizes[what], `${what}: ${px} px at 16 px`).toBeCloseTo(px * 2, 1);
    }
    // Nothing is lost at the larger text: no sideways scrolling, no control out of view.
    await expectReflows(big, 'form at 1280 px with 32 px text');
    await big.goto(site.app('/'));
    await expect(big.getByRole('button', { name: PLAN })).toBeVisible();
    await expectReflows(big, 'owner list at 1280 px with 32 px text');
    await signIn(big.request, site, 7);
    for (const [path, ready] of [
      ['/?view=overview', big.getByText(/av 12 besvarade/)],
      ['/?view=report&period=2020-04', big.getByRole('heading', { level: 2, name: /^Bilaga 2/ })],
      ['/?view=tillganglighet', big.getByRole('article', { name: 'Tillgänglighetsredogörelse' })],
    ] as const) {
      await big.goto(site.app(path));
      await expect(ready).toBeVisible();
      await expectReflows(big, `${path} at 1280 px with 32 px text`);
    }
  } finally {
    await large.close();
  }
});

/** How many lines an element's text runs to (the line boxes of its longest text node). */
async function lines(locator: ReturnType<Page['locator']>): Promise<number> {
  return locator.evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let longest: Node | null = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if ((node.textContent ?? '').length > (longest?.textContent ?? '').length) longest = node;
    if (!longest) return 0;
    const range = document.createRange();
    range.selectNodeContents(longest);
    return new Set(
      [...range.getClientRects()].filter((r) => r.width > 1).map((r) => Math.round(r.bottom)),
    ).size;
  });
}

async function box(locator: ReturnType<Page['locator']>) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not shown');
  return b;
}

test('at 375 px Bilaga 2 shows each plan as a card: its cells one under the other, each named, still a table to a screen reader', async ({
  page,
  site,
}) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page.request, site, 7);
  await page.goto('/?view=report&period=2020-04');
  const table = page.getByRole('table', { name: /^Bilaga 2/ });
  const row = table.getByRole('row', { name: /^3\. Övergripande handlingsplan för läkemedel/ });
  await expect(row).toBeVisible();
  // Each of the row's cells takes the card's width, not a quarter of it.
  const rowBox = await box(row);
  const cells = row.getByRole('cell');
  await expect(cells).toHaveCount(3);
  for (const cell of await cells.all()) {
    expect((await box(cell)).width).toBeGreaterThan(rowBox.width * 0.9);
  }
  expect((await box(row.getByRole('rowheader'))).width).toBeGreaterThan(rowBox.width * 0.9);
  // Each cell says what it holds, since the header row is out of sight.
  await expect(row.getByText('Kommentar', { exact: true })).toBeVisible();
  await expect(row.getByText('Beslut/Dnr', { exact: true })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Kommentar' })).toBeAttached();
  // The plan's title no longer runs a word or two per line.
  expect(await lines(row.getByRole('rowheader'))).toBeLessThanOrEqual(3);
});

for (const width of [1400, 1920]) {
  test(`at ${width} px the list alone takes the width, titles keep to a few lines beside the form, and badges stay in the list`, async ({
    page,
    site,
  }) => {
    await page.setViewportSize({ width, height: 1000 });
    // The owner submits; the coordinator marks it reviewed: the plan carries two badges.
    await signIn(page.request, site, 11);
    await page.goto('/?period=2020-08&plan=lakemedel');
    await page.getByRole('radio', { name: 'Arbetet går bra' }).check();
    await page.getByRole('button', { name: 'Skicka in' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'skickades in' })).toBeVisible();
    await signIn(page.request, site, 7);
    await page.goto('/?period=2020-08');
    const list = page.getByRole('region', { name: 'Handlingsplaner' });
    await expect(list.getByRole('button', { name: PLAN })).toBeVisible();
    const main = await box(page.getByRole('main'));
    expect((await box(list)).width).toBeGreaterThan(main.width * 0.85);
    // With the whole width, a title of up to 80 characters is one line (it ran to four).
    for (const title of await list.locator('[data-plan-button]').all()) {
      const text = await title.innerText();
      if (text.length <= 80) expect(await lines(title), text).toBe(1);
    }

    await list.getByRole('button', { name: PLAN }).click();
    await page
      .getByRole('region', { name: 'Granskning' })
      .getByRole('button', { name: 'Markera som granskad' })
      .click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Markerad som granskad' }),
    ).toBeVisible();
    const submitted = list.getByRole('row', { name: PLAN_ROW });
    const listBox = await box(list);
    const badge = await box(submitted.getByText('Granskad', { exact: true }));
    expect(badge.x + badge.width).toBeLessThanOrEqual(listBox.x + listBox.width);
    expect(
      await list.evaluate((el) => el.scrollWidth <= el.clientWidth + 1),
      'the list does not overflow its card',
    ).toBe(true);

    // Beside the form, such a title keeps to three lines at most.
    for (const title of await list.locator('[data-plan-button]').all()) {
      const text = await title.innerText();
      if (text.length <= 80) expect(await lines(title), text).toBeLessThanOrEqual(3);
    }
  });
}

/** The top of every shown heading and button on the page, in page coordinates, in order. */
async function positions(page: Page): Promise<number[]> {
  return page.locator('h2, h3, button').evaluateAll((els) =>
    els
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.height > 0)
      .map((r) => Math.round(r.top + window.scrollY)),
  );
}

test('a confirmation or a spinner never pushes the page down: the owner saves, the coordinator sets the due date', async ({
  page,
  site,
}) => {
  await signIn(page.request, site, 11);
  await page.goto('/?period=2020-08&plan=lakemedel');
  await page.getByRole('radio', { name: 'Arbetet går bra' }).check();
  const before = await positions(page);
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Utkastet sparades' })).toBeVisible();
  // (Polled: the view may redraw from fresh data a moment after the confirmation.)
  await expect.poll(() => positions(page), { message: 'after saving a draft' }).toEqual(before);

  await signIn(page.request, site, 7);
  await page.goto('/?view=overview');
  const controls = page.getByRole('region', { name: 'Periodens läge och rapportuppgifter' });
  await controls.getByLabel('Sista svarsdag').fill('2020-09-30');
  const beforeDate = await positions(page);
  await controls.getByRole('button', { name: 'Spara datum' }).click();
  await expect(page.getByText('Sista svarsdag är nu 30 september 2020.')).toBeVisible();
  await expect
    .poll(() => positions(page), { message: 'after saving the due date' })
    .toEqual(beforeDate);
});
