import {
  FluentProvider,
  makeStyles,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  tokens,
  type Theme,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Services } from '../domain/ports';
import { I18nProvider } from '../i18n/i18n';
import { OwnerScreen } from '../features/owner/owner-screen';
import { ServicesProvider } from '../features/shared/services-context';
import { AppHeader } from '../features/shell/app-header';
import { usePreferences, type ThemeName } from '../features/shell/use-preferences';

const THEMES: Record<ThemeName, Theme> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

const useStyles = makeStyles({
  background: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground3 },
  page: {
    maxWidth: '90rem',
    marginInline: 'auto',
    paddingInline: tokens.spacingHorizontalL,
    paddingBlockEnd: tokens.spacingVerticalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
});

/** The composition of providers and the first screen. */
export function App({ services }: { services: Services }) {
  const styles = useStyles();
  const [preferences, setPreferences] = usePreferences();
  // Switching the demo user starts the screen afresh, so nothing of the last user lingers.
  const [session, setSession] = useState(0);

  useEffect(() => {
    document.documentElement.lang = preferences.locale;
  }, [preferences.locale]);

  return (
    <FluentProvider theme={THEMES[preferences.theme]}>
      <I18nProvider locale={preferences.locale}>
        <ServicesProvider services={services}>
          {/* Page colour on an inner element: Fluent copies the provider's classes to its
              portal nodes, and a full-height portal node would cover the page. */}
          <div className={styles.background}>
            <div className={styles.page}>
              <AppHeader
                preferences={preferences}
                onChange={setPreferences}
                localMode={services.demoSession !== undefined}
              />
              <main>
                <OwnerScreen key={session} onSessionChanged={() => setSession((n) => n + 1)} />
              </main>
            </div>
          </div>
        </ServicesProvider>
      </I18nProvider>
    </FluentProvider>
  );
}
