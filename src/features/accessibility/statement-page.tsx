import { renderToStaticMarkup } from 'react-dom/server';
import type { Locale } from '../../domain/period';
import { I18nProvider } from '../../i18n/i18n';
import { en } from '../../i18n/en';
import { sv } from '../../i18n/sv';
import { StatementSections, type StatementContact, type StatementLink } from './statement-content';
import { STATEMENT_PAGES } from './statement-pages';

export { STATEMENT_PAGES } from './statement-pages';

const PlainLink: StatementLink = ({ href, external, children }) =>
  external ? (
    <a href={href} rel="noopener noreferrer">
      {children}
    </a>
  ) : (
    <a href={href}>{children}</a>
  );

// Plain, readable and in rem (it follows the browser's text size); no script, so the app's CSP
// (script-src 'self', inline styles allowed) serves it as it is.
const STYLE = `
body { margin: 0; font-family: "Segoe UI", system-ui, sans-serif; line-height: 1.5; color: #242424; background: #fff; }
header, main { max-width: 45rem; margin-inline: auto; padding: 0 1.25rem; overflow-wrap: anywhere; }
main { padding-bottom: 3rem; }
h1 { font-size: 1.75rem; line-height: 1.25; }
h2 { font-size: 1.25rem; margin-top: 2rem; }
h3 { font-size: 1.0625rem; margin-top: 1.5rem; }
a { color: #4f52b2; text-decoration: underline; }
a:focus-visible { outline: 2px solid currentColor; outline-offset: 2px; }
@media (prefers-color-scheme: dark) { body { color: #f0f0f0; background: #1f1f1f; } a { color: #a7aaf0; } }
`;

/** The whole HTML document of the statement's public page in `locale`. */
export function renderStatementPage(locale: Locale, contact: StatementContact): string {
  const t = locale === 'sv' ? sv : en;
  const other: Locale = locale === 'sv' ? 'en' : 'sv';
  const body = renderToStaticMarkup(
    <I18nProvider locale={locale}>
      <header>
        <p>
          <a href={`./${STATEMENT_PAGES[other]}`} lang={other} hrefLang={other}>
            {t.accessibility.otherLanguage}
          </a>
        </p>
      </header>
      <main>
        <h1>{t.accessibility.pageTitle}</h1>
        <StatementSections contact={contact} level={2} Link={PlainLink} />
      </main>
    </I18nProvider>,
  );
  return [
    '<!doctype html>',
    `<html lang="${locale}">`,
    '<head>',
    '<meta charset="UTF-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1.0" />',
    '<link rel="icon" type="image/svg+xml" href="./favicon.svg" />',
    `<title>${t.accessibility.pageTitle}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    `<body>${body}</body>`,
    '</html>',
    '',
  ].join('\n');
}
