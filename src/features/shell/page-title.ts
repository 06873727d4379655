import type { View } from './navigation';

/** What the open screen adds to the page's title: the plan that is open, the period shown. */
export interface PageTitleDetail {
  readonly plan?: string | null;
  readonly period?: string | null;
}

/** The separator of a title's parts, as in "Översikt – Delårsrapport augusti 2020 – Planuppföljning". */
export const TITLE_SEPARATOR = ' – ';

/**
 * The page's title (WCAG 2.4.2): the most specific part first, so a list of tabs or windows
 * shows what differs. An open plan, then the view, then the period, then the app's name.
 */
export function pageTitle(
  view: View,
  viewNames: Readonly<Record<View, string>>,
  appName: string,
  detail: PageTitleDetail = {},
): string {
  return [detail.plan, viewNames[view], detail.period, appName]
    .map((part) => part?.trim())
    .filter((part): part is string => Boolean(part))
    .join(TITLE_SEPARATOR);
}
