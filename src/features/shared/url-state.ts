/**
 * Where the user is lives in the page's query string (`?view=report&period=2020-08&plan=lakemedel`),
 * so a reload keeps the place and a link opens one screen, period or plan directly.
 */
export interface UrlState {
  readonly view: string | null;
  readonly period: string | null;
  readonly plan: string | null;
}

const NAMES = ['view', 'period', 'plan'] as const;

export function readUrlState(search: string = window.location.search): UrlState {
  const params = new URLSearchParams(search);
  return { view: params.get('view'), period: params.get('period'), plan: params.get('plan') };
}

/** Updates the given parts of the state (null removes one) without adding history entries. */
export function writeUrlState(change: Partial<UrlState>): void {
  const url = new URL(window.location.href);
  for (const name of NAMES) {
    if (!(name in change)) continue;
    const value = change[name];
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  if (url.href !== window.location.href) window.history.replaceState(null, '', url);
}

/** The event by which the app learns that its address changed in place (see openInApp). */
export const URL_CHANGED = 'popstate';

/**
 * Opens an address of the app in place, without a reload or a history entry: the address is
 * replaced and the app (src/app/app.tsx) shows the view it names, e.g. a plan's form
 * (`?period=2020-08&plan=lakemedel`, the address a plan's deep link falls back to).
 */
export function openInApp(href: string): void {
  window.history.replaceState(null, '', href);
  window.dispatchEvent(new PopStateEvent(URL_CHANGED));
}
