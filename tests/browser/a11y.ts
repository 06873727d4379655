import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import type { Result } from 'axe-core';
import { PNG } from 'pngjs';

/** The WCAG levels the region must meet (EN 301 549 refers to WCAG 2.1 AA). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

export type ThemeName = 'light' | 'dark' | 'contrast';
export const THEMES: readonly ThemeName[] = ['light', 'dark', 'contrast'];

/** Where the app keeps language and theme (src/features/shell/use-preferences.ts). */
const PREFERENCES_KEY = 'planuppfoljning.preferences';

/**
 * Opens every page of `page` in the given theme, as if chosen in the header's Tema picker (the
 * app reads its preferences from localStorage on start).
 */
export async function openInTheme(page: Page, theme: ThemeName, locale: 'sv' | 'en' = 'sv') {
  await page.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
    PREFERENCES_KEY,
    JSON.stringify({ locale, theme }),
  ] as const);
}

/**
 * Fluent UI's focus manager, Tabster, puts `<i data-tabster-dummy tabindex="0" aria-hidden="true">`
 * around focus groups and trapped dialogs. They exist only to catch Tab and pass focus straight
 * on, so they must be hidden from screen readers: axe's aria-hidden-focus flags them, a known
 * false positive (microsoft/tabster#288, where the maintainer explains the design;
 * microsoft/accessibility-insights-web#7613 and PR #7605, which suppress exactly these nodes for
 * exactly this rule). We drop the same nodes of the same rule and nothing else: any other node
 * that breaks aria-hidden-focus, or a dummy breaking any other rule, still fails.
 */
function isTabsterDummyFalsePositive(ruleId: string, html: string): boolean {
  return ruleId === 'aria-hidden-focus' && /^<i\b[^>]*\bdata-tabster-dummy=/.test(html);
}

/** axe-core's WCAG 2.1 A/AA violations on the page, the one false positive removed. */
export async function axeViolations(page: Page): Promise<Result[]> {
  const { violations } = await new AxeBuilder({ page }).withTags([...WCAG_TAGS]).analyze();
  return violations
    .map((v) => ({
      ...v,
      nodes: v.nodes.filter((n) => !isTabsterDummyFalsePositive(v.id, n.html)),
    }))
    .filter((v) => v.nodes.length > 0);
}

/** One line per rule, then its targets: what a failing test prints. */
export function formatViolations(violations: readonly Result[]): string {
  return violations
    .map((v) => {
      const targets = v.nodes.map(
        (n) => `    ${n.target.join(' ')}\n      ${n.failureSummary ?? ''}`,
      );
      return `${v.id} (${v.impact ?? 'unknown'}): ${v.help}\n  ${v.helpUrl}\n${targets.join('\n')}`;
    })
    .join('\n');
}

/** Fails with every violation's rule id, targets and help URL. */
export async function expectNoViolations(page: Page, label: string) {
  const violations = await axeViolations(page);
  expect(violations, `axe-core on ${label}:\n${formatViolations(violations)}`).toEqual([]);
}

/**
 * Where the focused element shows its focus indicator, or null if nowhere. Fluent draws it as an
 * outline or box shadow, or as a border on an `::after` layer of the element or of its wrapper
 * (inputs, radios, the rich-text box): a layer that is present and not scaled away.
 */
export async function focusIndicator(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el === document.body) return null;
    const opaque = (color: string) => !/^rgba\(.*,\s*0\)$/.test(color) && color !== 'transparent';
    const outlined = (s: CSSStyleDeclaration) =>
      s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && opaque(s.outlineColor);
    const drawn = (s: CSSStyleDeclaration, layer: boolean) => {
      if (outlined(s)) return true;
      if (s.boxShadow !== 'none' && s.boxShadow !== '') return true;
      if (!layer || s.content === 'none' || s.content === '') return false;
      // An ::after underline collapsed to nothing (scaleX(0)) is how Fluent hides it unfocused.
      if (/^matrix\(0,/.test(s.transform)) return false;
      return ['Top', 'Right', 'Bottom', 'Left'].some(
        (side) =>
          parseFloat(s.getPropertyValue(`border-${side.toLowerCase()}-width`)) > 0 &&
          s.getPropertyValue(`border-${side.toLowerCase()}-style`) !== 'none' &&
          opaque(s.getPropertyValue(`border-${side.toLowerCase()}-color`)),
      );
    };
    let node: HTMLElement | null = el;
    // The element itself, or a focus-within outline or layer of its two nearest wrappers (not
    // their shadow: a card's shadow around a field is no focus indicator).
    for (let depth = 0; node && depth < 3; depth += 1, node = node.parentElement) {
      const style = getComputedStyle(node);
      if (depth === 0 && drawn(style, false)) return node.tagName.toLowerCase();
      // Fluent marks a focused link with a double underline in the focus colour.
      if (depth === 0 && node.tagName === 'A' && style.textDecorationStyle === 'double')
        return 'a (double underline)';
      // A wrapper drawing an outline while focus is within it (the rich-text box).
      if (depth > 0 && outlined(style)) return `${node.tagName.toLowerCase()}:focus-within`;
      for (const pseudo of ['::after', '::before']) {
        if (drawn(getComputedStyle(node, pseudo), true))
          return `${node.tagName.toLowerCase()}${pseudo}`;
      }
    }
    return null;
  });
}

/** Asserts that `locator` has focus and that the focus is visible. */
export async function expectVisibleFocus(page: Page, locator: Locator) {
  await expect(locator).toBeFocused();
  // Fluent animates some indicators in (an underline growing from the middle): allow for that.
  await expect
    .poll(() => focusIndicator(page), {
      message: 'no focus indicator on the focused element',
      timeout: 2_000,
    })
    .not.toBeNull();
}

/** An sRGB colour as getComputedStyle gives it, `rgb(r, g, b)` or `rgba(r, g, b, a)`. */
export function parseRgb(color: string): readonly [number, number, number] {
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(color);
  if (!match) throw new Error(`not an rgb() colour: ${color}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** WCAG 2.1's relative luminance of an sRGB colour. */
function luminance([r, g, b]: readonly [number, number, number]): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2.1's contrast ratio of two CSS colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(parseRgb(a)), luminance(parseRgb(b))].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/**
 * How many pixels of two screenshots (PNG) differ by more than `tolerance` in a colour channel:
 * a check that a state is *visible* (a marker drawn, a bar filled), not that it looks a certain
 * way. Pixels of one image outside the other (a size that differs) count as differing.
 */
export function differingPixels(a: Buffer, b: Buffer, tolerance = 48): number {
  const one = PNG.sync.read(a);
  const two = PNG.sync.read(b);
  const width = Math.min(one.width, two.width);
  const height = Math.min(one.height, two.height);
  let differing = one.width * one.height + two.width * two.height - 2 * width * height;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * one.width + x) * 4;
      const j = (y * two.width + x) * 4;
      for (let c = 0; c < 3; c += 1) {
        if (Math.abs(one.data[i + c]! - two.data[j + c]!) > tolerance) {
          differing += 1;
          break;
        }
      }
    }
  }
  return differing;
}
