import { useCallback, useState } from 'react';
import type { Locale } from '../../domain/period';

export type ThemeName = 'light' | 'dark' | 'contrast';

export interface Preferences {
  readonly locale: Locale;
  readonly theme: ThemeName;
}

const KEY = 'planuppfoljning.preferences';
const DEFAULTS: Preferences = { locale: 'sv', theme: 'light' };

function read(): Preferences {
  try {
    const raw: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return DEFAULTS;
    const { locale, theme } = raw as Record<string, unknown>;
    return {
      locale: locale === 'en' ? 'en' : 'sv',
      theme: theme === 'dark' || theme === 'contrast' ? theme : 'light',
    };
  } catch {
    return DEFAULTS;
  }
}

/** Language and theme chosen in the app (no personal data; kept in localStorage). */
export function usePreferences(): [Preferences, (change: Partial<Preferences>) => void] {
  const [preferences, setPreferences] = useState<Preferences>(read);
  const update = useCallback((change: Partial<Preferences>) => {
    setPreferences((previous) => {
      const next = { ...previous, ...change };
      try {
        window.localStorage.setItem(KEY, JSON.stringify(next));
      } catch {
        // Storage may be blocked (private mode, policy): the choice then lasts for the session.
      }
      return next;
    });
  }, []);
  return [preferences, update];
}
