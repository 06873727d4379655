import type { Locale } from '../../domain/period';

/**
 * The statement's public pages, one per language, at the root of the static site beside
 * index.html (rendered at build time by vite.config.ts from statement-page.tsx): readable
 * without signing in, without Teams and without SharePoint, as Digg asks of an app's statement.
 * The manifest's app details and the configuration-error screen link to them.
 */
export const STATEMENT_PAGES: Readonly<Record<Locale, string>> = {
  sv: 'tillganglighetsredogorelse.html',
  en: 'accessibility-statement.html',
};

/** The address of a public statement page under the app's base path (`/` or `/planer/`). */
export function statementPageUrl(locale: Locale, base: string = import.meta.env.BASE_URL): string {
  return `${base.endsWith('/') ? base : `${base}/`}${STATEMENT_PAGES[locale]}`;
}
