/**
 * The selected period and plan live in the page's query string (`?period=2020-08&plan=lakemedel`),
 * so a reload keeps the user where they were and a link can open one plan's form.
 */
export interface Selection {
  readonly period: string | null;
  readonly plan: string | null;
}

export function readSelection(search: string = window.location.search): Selection {
  const params = new URLSearchParams(search);
  return { period: params.get('period'), plan: params.get('plan') };
}

export function writeSelection(selection: Selection): void {
  const url = new URL(window.location.href);
  for (const [name, value] of Object.entries(selection)) {
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  if (url.href !== window.location.href) window.history.replaceState(null, '', url);
}
