import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { View } from './navigation';
import { pageTitle, type PageTitleDetail } from './page-title';

const SetDetail = createContext<(detail: PageTitleDetail) => void>(() => undefined);

/**
 * Keeps `document.title` naming the view and what the open screen reports (plan, period), in
 * the UI's language (WCAG 2.4.2).
 */
export function PageTitleProvider({ view, children }: { view: View; children: ReactNode }) {
  const { t } = useI18n();
  const [detail, setDetail] = useState<PageTitleDetail>({});
  const title = pageTitle(
    view,
    {
      plans: t.nav.plans,
      overview: t.nav.overview,
      overtime: t.nav.overTime,
      report: t.nav.report,
      help: t.nav.help,
      settings: t.nav.setup,
      accessibility: t.nav.statement,
    },
    t.appTitle,
    detail,
  );
  useEffect(() => {
    document.title = title;
  }, [title]);
  return <SetDetail.Provider value={setDetail}>{children}</SetDetail.Provider>;
}

/** A screen names the plan it shows and its period in the page's title while it is shown. */
export function usePageTitleDetail(plan: string | null | undefined, period?: string | null) {
  const set = useContext(SetDetail);
  useEffect(() => {
    set({ plan, period });
    return () => set({});
  }, [set, plan, period]);
}
