import { createContext, useContext, type ReactNode } from 'react';
import type { Locale } from '../domain/period';
import { en } from './en';
import { sv, type Messages } from './sv';

const MESSAGES: Record<Locale, Messages> = { sv, en };

const I18nContext = createContext<{ locale: Locale; t: Messages }>({ locale: 'sv', t: sv });

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <I18nContext.Provider value={{ locale, t: MESSAGES[locale] }}>{children}</I18nContext.Provider>
  );
}

/** The messages of the current language, and the language itself. */
export function useI18n(): { locale: Locale; t: Messages } {
  return useContext(I18nContext);
}

export { formatDate, formatDateTime, formatNumber, formatTime } from '../domain/format';
