import { WaitNotice } from '../features/shell/wait-notice';
import {
  FluentProvider,
  makeStyles,
  Spinner,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  tokens,
  type Theme,
} from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { Services } from '../domain/ports';
import { I18nProvider } from '../i18n/i18n';
import { OwnerScreen } from '../features/owner/owner-screen';
import { Navigation, type View } from '../features/shell/navigation';
import { readUrlState, URL_CHANGED, writeUrlState } from '../features/shared/url-state';
import { DataCacheProvider } from '../features/shared/data-cache-context';
import type { DataCache } from '../features/shared/data-cache';
import { PanelBoundary } from '../features/shared/panel-boundary';
import { ServicesProvider } from '../features/shared/services-context';
import { AppHeader } from '../features/shell/app-header';
import {
  usePreferences,
  type Preferences,
  type ThemeName,
} from '../features/shell/use-preferences';
import type { Locale } from '../domain/period';
import { useHostTheme } from './use-host-theme';
import { AppFooter } from '../features/shell/app-footer';
import type { StatementContact } from '../features/accessibility/accessibility-statement';
import { statementContact } from './statement-config';
import { SkipLink } from '../features/shell/skip-link';
import { PageTitleProvider } from '../features/shell/use-page-title';
import { withRemTextSizes } from '../features/shared/rem-theme';

// The report (and its Word builder) is not part of the owner's first screen.
const ReportScreen = lazy(() => import('../features/report/report-screen'));
const OverviewScreen = lazy(() => import('../features/overview/overview-screen'));
const OverTimeScreen = lazy(() => import('../features/over-time/over-time-screen'));
const HelpScreen = lazy(() => import('../features/help/help-screen'));
const SettingsScreen = lazy(() => import('../features/settings/settings-screen'));
const AccessibilityStatement = lazy(
  () => import('../features/accessibility/accessibility-statement'),
);
// The channel tab's settings page: shown only while Teams adds or edits the tab.
const TabConfigPage = lazy(() => import('../features/settings/tab-config-page'));

const VIEWS: readonly View[] = [
  'plans',
  'overview',
  'overtime',
  'report',
  'help',
  'settings',
  'accessibility',
];

/** The statement's address is Swedish, as linked from the region's other pages. */
const URL_VIEW: Record<View, string | null> = {
  plans: null,
  overview: 'overview',
  overtime: 'overtime',
  report: 'report',
  help: 'help',
  settings: 'settings',
  accessibility: 'tillganglighet',
};

function viewFromUrl(): View {
  const value = readUrlState().view;
  return VIEWS.find((v) => URL_VIEW[v] === value) ?? 'plans';
}

function urlOf(view: View): string {
  const url = new URL(window.location.href);
  const value = URL_VIEW[view];
  if (value) url.searchParams.set('view', value);
  else url.searchParams.delete('view');
  url.searchParams.delete('plan');
  return url.search || '?';
}

/** The main region, where the skip link sends focus. */
const MAIN_ID = 'main-content';

// Text sizes in rem: text follows the font size chosen in the browser, not only its zoom.
const THEMES: Record<ThemeName, Theme> = {
  light: withRemTextSizes(teamsLightTheme),
  dark: withRemTextSizes(teamsDarkTheme),
  contrast: withRemTextSizes(teamsHighContrastTheme),
};

const useStyles = makeStyles({
  background: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground3,
    '@media print': { backgroundColor: 'transparent' },
  },
  page: {
    maxWidth: '90rem',
    marginInline: 'auto',
    paddingInline: tokens.spacingHorizontalL,
    paddingBlockEnd: tokens.spacingVerticalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  // Focused only by the skip link: the outline would frame the whole screen.
  main: { ':focus': { outlineStyle: 'none' } },
});

/** The composition of providers and the first screen. */
export function App({
  services,
  cache,
  statement = statementContact({}),
}: {
  services: Services;
  cache?: DataCache;
  /** Who answers for the accessibility statement (build-time configuration). */
  statement?: StatementContact;
}) {
  const styles = useStyles();
  const [stored, setStored] = usePreferences();
  // In Teams the theme follows Teams (live) and the language starts from Teams' locale.
  const host = services.host;
  const hostTheme = useHostTheme(host);
  const [hostLocale, setHostLocale] = useState<Locale>(() => host?.context.locale ?? 'sv');
  const preferences: Preferences = host
    ? { locale: hostLocale, theme: hostTheme ?? stored.theme }
    : stored;
  const setPreferences = (change: Partial<Preferences>) => {
    if (!host) setStored(change);
    else if (change.locale) setHostLocale(change.locale);
  };
  const settingsPage =
    host?.context.frameContext === 'settings' || readUrlState().view === 'config';
  // Switching the demo user starts the screen afresh, so nothing of the last user lingers.
  const [session, setSession] = useState(0);
  const [view, setView] = useState<View>(viewFromUrl);
  // Opened from the footer link (not the address): focus moves to the statement's heading.
  const [statementOpened, setStatementOpened] = useState(false);
  const show = (next: View) => {
    setView(next);
    writeUrlState({ view: URL_VIEW[next], plan: null });
  };

  // A link that opens an address in place (a plan's form from the overview): show its view.
  useEffect(() => {
    const follow = () => setView(viewFromUrl());
    window.addEventListener(URL_CHANGED, follow);
    return () => window.removeEventListener(URL_CHANGED, follow);
  }, []);

  useEffect(() => {
    document.documentElement.lang = preferences.locale;
  }, [preferences.locale]);

  return (
    <FluentProvider theme={THEMES[preferences.theme]}>
      <I18nProvider locale={preferences.locale}>
        <ServicesProvider services={services}>
          <PageTitleProvider view={settingsPage ? 'settings' : view}>
            {/* Page colour on an inner element: Fluent copies the provider's classes to its
              portal nodes, and a full-height portal node would cover the page. */}
            <div className={styles.background}>
              {settingsPage ? (
                <div className={styles.page}>
                  <Suspense fallback={<Spinner />}>
                    <TabConfigPage />
                  </Suspense>
                </div>
              ) : (
                <div className={styles.page}>
                  <SkipLink target={MAIN_ID} />
                  <AppHeader
                    preferences={preferences}
                    onChange={setPreferences}
                    localMode={services.demoSession !== undefined}
                    themeFromHost={host !== undefined}
                  />
                  <Navigation view={view} onChange={show} hrefOf={urlOf} />
                  <main id={MAIN_ID} tabIndex={-1} className={styles.main}>
                    <WaitNotice />
                    <DataCacheProvider key={session} cache={session === 0 ? cache : undefined}>
                      <PanelBoundary>
                        {view === 'plans' ? (
                          <OwnerScreen
                            key={session}
                            onSessionChanged={() => setSession((n) => n + 1)}
                          />
                        ) : (
                          <Suspense fallback={<Spinner />}>
                            {view === 'overview' ? (
                              <OverviewScreen />
                            ) : view === 'overtime' ? (
                              <OverTimeScreen />
                            ) : view === 'help' ? (
                              <HelpScreen />
                            ) : view === 'settings' ? (
                              <SettingsScreen />
                            ) : view === 'accessibility' ? (
                              <AccessibilityStatement
                                contact={statement}
                                focusOnOpen={statementOpened}
                              />
                            ) : (
                              <ReportScreen />
                            )}
                          </Suspense>
                        )}
                      </PanelBoundary>
                    </DataCacheProvider>
                  </main>
                  <AppFooter
                    href={urlOf('accessibility')}
                    onOpen={() => {
                      setStatementOpened(true);
                      show('accessibility');
                    }}
                  />
                </div>
              )}
            </div>
          </PageTitleProvider>
        </ServicesProvider>
      </I18nProvider>
    </FluentProvider>
  );
}
