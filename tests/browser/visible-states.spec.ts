import type { Locator, Page } from '@playwright/test';
import { contrastRatio, differingPixels, openInTheme, THEMES, type ThemeName } from './a11y';
import { expect, test } from './fixtures';
import { directMerge, JSON_HEADERS, signIn, type TestSite } from './rest';

/**
 * What axe-core cannot see: that a state is drawn at all, and drawn strongly enough. In the app's
 * three themes and in Windows' contrast themes (`forced-colors: active`, where the browser
 * replaces colours, drops box shadows and paints backgrounds with the system's Canvas), a state
 * must still show: the selected plan row, a pressed toolbar button, the overview's answer bar.
 * Screenshots are compared for *visibility* (enough pixels differ between two states), never
 * against a stored image.
 */

const ANNA = 11;
const KARIN = 7;
const PLAN = /^3\. Övergripande handlingsplan för läkemedel 2020$/;

type Mode = ThemeName | 'forced colors';
const MODES: readonly Mode[] = [...THEMES, 'forced colors'];

/** Opens the app in a theme, or (light theme underneath) with Windows' forced colours. */
async function openIn(page: Page, site: TestSite, mode: Mode, user: number, path: string) {
  if (mode === 'forced colors') {
    await openInTheme(page, 'light');
    await page.emulateMedia({ forcedColors: 'active' });
  } else {
    await openInTheme(page, mode);
  }
  await signIn(page.request, site, user);
  await page.goto(path);
}

/** A strip `width` px wide at the inline start of `locator`, as a PNG. */
async function startStrip(page: Page, locator: Locator, width: number): Promise<Buffer> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${String(locator)} is not drawn`);
  return page.screenshot({ clip: { x: box.x, y: box.y, width, height: box.height } });
}

for (const theme of THEMES) {
  test(`the comment editor's edge has at least 3:1 contrast against the page and its own background (${theme})`, async ({
    page,
    site,
  }) => {
    await openIn(page, site, theme, ANNA, '/?period=2020-08&plan=lakemedel');
    const comment = page.getByRole('textbox', { name: 'Kommentar' });
    await expect(comment).toBeVisible();
    const colours = await comment.evaluate((editor) => {
      const opaque = (c: string) => c !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(c);
      // The editor's frame: its nearest wrapper with a border drawn on every side.
      let frame: HTMLElement | null = editor.parentElement;
      while (frame) {
        const s = getComputedStyle(frame);
        const sides = ['top', 'right', 'bottom', 'left'];
        if (
          sides.every(
            (side) =>
              parseFloat(s.getPropertyValue(`border-${side}-width`)) > 0 &&
              s.getPropertyValue(`border-${side}-style`) !== 'none',
          )
        )
          break;
        frame = frame.parentElement;
      }
      if (!frame) throw new Error('the editor has no frame');
      const backgroundOf = (from: Element | null) => {
        for (let node = from; node; node = node.parentElement) {
          const bg = getComputedStyle(node).backgroundColor;
          if (opaque(bg)) return bg;
        }
        return 'rgb(255, 255, 255)';
      };
      return {
        border: getComputedStyle(frame).borderTopColor,
        outside: backgroundOf(frame.parentElement),
        inside: backgroundOf(editor),
      };
    });
    const against = {
      outside: contrastRatio(colours.border, colours.outside),
      inside: contrastRatio(colours.border, colours.inside),
    };
    const report = `${JSON.stringify(colours)} ${JSON.stringify(against)}`;
    expect(against.outside, report).toBeGreaterThanOrEqual(3);
    expect(against.inside, report).toBeGreaterThanOrEqual(3);
  });
}

for (const mode of MODES) {
  test.describe(`visible states (${mode})`, () => {
    test('the selected plan row is marked where an unselected row is not', async ({
      page,
      site,
    }) => {
      await openIn(page, site, mode, ANNA, '/?period=2020-08&plan=lakemedel');
      await expect(page.getByRole('heading', { level: 2, name: PLAN })).toBeVisible();
      const table = page.getByRole('table', { name: 'Handlingsplaner' });
      const selected = table.getByRole('row').filter({
        has: page.getByRole('button', { name: PLAN }),
      });
      await expect(selected.getByRole('button', { name: PLAN })).toHaveAttribute(
        'aria-current',
        'true',
      );
      const other = table
        .getByRole('row')
        .filter({ has: page.locator('[data-plan-button]:not([aria-current])') })
        .first();
      await page.mouse.move(0, 0);
      // The marker sits at the row's start, where an unselected row shows only its background.
      const marked = await startStrip(page, selected, 6);
      const plain = await startStrip(page, other, 6);
      const rowHeight = (await selected.boundingBox())?.height ?? 0;
      expect(differingPixels(marked, plain)).toBeGreaterThanOrEqual(rowHeight * 2);
    });

    test('a pressed toolbar button looks different from the same button not pressed', async ({
      page,
      site,
    }) => {
      await openIn(page, site, mode, ANNA, '/?period=2020-08&plan=lakemedel');
      const comment = page.getByRole('textbox', { name: 'Kommentar' });
      await comment.click();
      await page.keyboard.press('Control+End');
      const bold = page.getByRole('button', { name: 'Fetstil' });
      await expect(bold).toHaveAttribute('aria-pressed', 'false');
      // No hover, and the focus stays in the text: only the pressed state changes.
      await page.mouse.move(0, 0);
      const before = await bold.screenshot();
      await page.keyboard.press('Control+b');
      await expect(bold).toHaveAttribute('aria-pressed', 'true');
      await expect(comment).toBeFocused();
      const after = await bold.screenshot();
      const box = await bold.boundingBox();
      const area = (box?.width ?? 0) * (box?.height ?? 0);
      // At least a tenth of the button changes: a fill, or a frame and a bar, not a pixel or two.
      expect(differingPixels(before, after)).toBeGreaterThanOrEqual(area / 10);
    });

    test('the overview’s answer bar draws what has been answered', async ({
      page,
      request,
      site,
    }) => {
      await openIn(page, site, mode, KARIN, '/?view=overview');
      const answers = page.getByRole('region', { name: 'Svar' });
      await expect(page.getByText('0 av 12 besvarade (0 %)')).toBeVisible();
      const bar = answers.locator('[aria-hidden="true"]').first();
      await page.mouse.move(0, 0);
      const none = await bar.screenshot();

      // Half of the plans are submitted (another client), and the page is loaded again.
      await signIn(request, site, KARIN);
      const list = await request.get(
        `${site.followUps}/items?$select=Id&$filter=${encodeURIComponent("PeriodKey eq '2020-08'")}`,
        { headers: JSON_HEADERS },
      );
      const items = ((await list.json()) as { value: { Id: number }[] }).value;
      expect(items).toHaveLength(12);
      for (const { Id } of items.slice(0, 6)) {
        const merge = await directMerge(request, site, Id, {
          Status: 'Arbetet går bra',
          InputState: 'Inskickad',
        });
        expect(merge.status()).toBe(204);
      }
      await page.reload();
      await expect(page.getByText('6 av 12 besvarade (50 %)')).toBeVisible();
      await page.mouse.move(0, 0);
      const half = await bar.screenshot();
      const box = await bar.boundingBox();
      const area = (box?.width ?? 0) * (box?.height ?? 0);
      // The submitted half is drawn: about half of the bar differs, at least a third of it.
      expect(differingPixels(none, half)).toBeGreaterThanOrEqual(area / 3);
    });
  });
}
