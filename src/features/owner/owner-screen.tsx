import {
  Button,
  makeStyles,
  mergeClasses,
  Spinner,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { inputOf, type FollowUp, type FollowUpInput } from '../../domain/follow-up';
import { periodLabel, type Period, type PeriodKey } from '../../domain/period';
import { ownedBy, sortByPlanOrder, type Viewer } from '../../domain/rules';
import { useI18n } from '../../i18n/i18n';
import { LoadFailed } from '../shared/load-failed';
import { PanelBoundary } from '../shared/panel-boundary';
import { PeriodPicker } from '../shared/period-picker';
import { useServices } from '../shared/services-context';
import { ViewAs } from '../shell/view-as';
import { PlanList } from './plan-list';
import { NoPeriod } from '../shared/no-period';
import { OwnerTodoPanel } from './owner-todo';
import { ownerTodo } from '../../domain/owner-todo';
import { startPeriod } from '../shared/first-screen-data';
import { usePeriodFollowUps, useViewerAndPeriods } from '../shared/use-period-data';
import { readUrlState, writeUrlState } from '../shared/url-state';
import { PANEL_SURFACE } from '../shared/panel-surface';
import { usePageTitleDetail } from '../shell/use-page-title';

// The form (with its sanitizer) and a plan's history load when a plan is opened: the first
// screen is the list.
const FollowUpForm = lazy(() =>
  import('./follow-up-form').then((m) => ({ default: m.FollowUpForm })),
);
const PlanHistory = lazy(() =>
  import('../history/plan-history').then((m) => ({ default: m.PlanHistory })),
);

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
  },
  periodField: { minWidth: 'min(18rem, 100%)' },
  // The list alone takes the width; with a plan open, list and form share it evenly, so plan
  // titles keep to a line or two beside the form.
  layout: {
    display: 'grid',
    gap: tokens.spacingHorizontalXL,
    gridTemplateColumns: 'minmax(0, 1fr)',
    alignItems: 'start',
  },
  split: {
    // In em (1100 and 1101 px at the browser's default 16 px): with larger text the columns give
    // way at a wider window, as they do when the page is zoomed.
    '@media (min-width: 68.8125em)': {
      gridTemplateColumns: 'minmax(20rem, 1fr) minmax(0, 1fr)',
    },
  },
  hideNarrow: { '@media (max-width: 68.75em)': { display: 'none' } },
  hideWide: { '@media (min-width: 68.8125em)': { display: 'none' } },
  panel: {
    ...PANEL_SURFACE,
    minWidth: 0,
    // At 320 px (400 % zoom) every pixel goes to the plans, so the list fits without scrolling.
    '@media (max-width: 30em)': { padding: tokens.spacingHorizontalS },
  },
  listHeading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * Focuses the first heading in `container` once it is there (the form's code may still be
 * loading), unless the user has moved focus on in the meantime.
 */
function focusHeadingWhenShown(container: HTMLElement | null, from: Element | null) {
  if (!container) return;
  const tryFocus = (): boolean => {
    const heading = container.querySelector('h2');
    if (!heading) return false;
    const active = document.activeElement;
    if (active === from || active === document.body || active === null) {
      heading.tabIndex = -1;
      heading.focus();
    }
    return true;
  };
  if (tryFocus()) return;
  const observer = new MutationObserver(() => tryFocus() && observer.disconnect());
  observer.observe(container, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), 10_000);
}

/** Loads the viewer and periods, then shows the screen. */
export function OwnerScreen({ onSessionChanged }: { onSessionChanged: () => void }) {
  const { t } = useI18n();
  const { result, retry } = useViewerAndPeriods();
  if (result.state === 'loading') return <Spinner label={t.loading} />;
  if (result.state === 'failed') {
    return <LoadFailed error={result.error} onRetry={retry} />;
  }
  const { viewer, periods } = result.data;
  const start = startPeriod(periods);
  if (!start) return <NoPeriod viewer={viewer} />;
  return (
    <PeriodScreen
      viewer={viewer}
      periods={periods}
      initialPeriod={start.key}
      onSessionChanged={onSessionChanged}
    />
  );
}

function PeriodScreen({
  viewer,
  periods,
  initialPeriod,
  onSessionChanged,
}: {
  viewer: Viewer;
  periods: readonly Period[];
  initialPeriod: PeriodKey;
  onSessionChanged: () => void;
}) {
  const { demoSession, drafts } = useServices();
  const styles = useStyles();
  const { t, locale } = useI18n();
  const [periodKey, setPeriodKey] = useState<PeriodKey>(initialPeriod);
  const [mineOnly, setMineOnly] = useState<boolean | null>(null);
  const [selectedPlan, setSelectedPlan] = useState<string | null>(() => readUrlState().plan);
  // Text typed for plans and not yet saved, kept while the user moves between plans.
  const [unsaved, setUnsaved] = useState<ReadonlyMap<number, FollowUpInput>>(new Map());
  const unsavedIds = useMemo(() => new Set(unsaved.keys()), [unsaved]);
  const formHeading = useRef<HTMLDivElement>(null);
  const [historyOpen, setHistoryOpen] = useState(false);

  const period = periods.find((p) => p.key === periodKey) ?? periods[0];
  const { result, retry, replace } = usePeriodFollowUps(periods, periodKey);
  useEffect(
    () => writeUrlState({ period: periodKey, plan: selectedPlan }),
    [periodKey, selectedPlan],
  );

  const data = result.state === 'ready' ? result.data : null;
  const all = useMemo(() => (data ? sortByPlanOrder(data.current) : []), [data]);
  const mine = useMemo(() => ownedBy(viewer, all), [viewer, all]);
  const showMine = mineOnly ?? (viewer.role !== 'coordinator' && mine.length > 0);
  const shown = showMine ? mine : all;
  const selected = all.find((f) => f.planKey === selectedPlan) ?? null;
  // The to-do spans every open period: the selected one as edited here, the others as loaded.
  const todo = useMemo(
    () => ownerTodo(viewer, periods, data ? [...data.current, ...data.otherOpen] : []),
    [viewer, periods, data],
  );
  // A to-do item of another period opens once that period's plans are in: focus follows then.
  const focusWhenOpened = useRef<Element | null>(null);
  useEffect(() => {
    if (!selected || focusWhenOpened.current === null) return;
    const from = focusWhenOpened.current;
    focusWhenOpened.current = null;
    requestAnimationFrame(() => focusHeadingWhenShown(formHeading.current, from));
  }, [selected]);
  usePageTitleDetail(selected?.title, period && periodLabel(period, locale));

  const rememberInput = useCallback((followUp: FollowUp, input: FollowUpInput) => {
    setUnsaved((map) => new Map(map).set(followUp.itemId, input));
  }, []);

  const onSaved = useCallback(
    (saved: FollowUp) => {
      setUnsaved((map) => {
        const next = new Map(map);
        next.delete(saved.itemId);
        return next;
      });
      replace(saved);
    },
    [replace],
  );

  const open = (followUp: FollowUp, history = false) => {
    setSelectedPlan(followUp.planKey);
    setHistoryOpen(history);
    // Move focus to the form, so keyboard and screen-reader users land where they work.
    const from = document.activeElement;
    requestAnimationFrame(() => focusHeadingWhenShown(formHeading.current, from));
  };

  const openTodo = (followUp: FollowUp) => {
    if (followUp.periodKey === period?.key) {
      open(all.find((f) => f.itemId === followUp.itemId) ?? followUp);
      return;
    }
    focusWhenOpened.current = document.activeElement;
    setHistoryOpen(false);
    setSelectedPlan(followUp.planKey);
    setPeriodKey(followUp.periodKey);
  };

  const backToList = () => {
    const id = selected?.itemId;
    setSelectedPlan(null);
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-plan-button="${id}"]`)?.focus(),
    );
  };

  useEffect(() => {
    const heading = formHeading.current?.querySelector('h2');
    if (heading) heading.tabIndex = -1;
  });

  if (!period) return null;

  return (
    <div className={styles.root}>
      <div className={styles.filters}>
        <PeriodPicker
          periods={periods}
          value={period}
          onChange={setPeriodKey}
          className={styles.periodField}
        />
        <Switch
          label={t.plans.mineOnly}
          checked={showMine}
          onChange={(_, data) => setMineOnly(data.checked)}
        />
        {demoSession && (
          <ViewAs
            demoSession={demoSession}
            viewer={viewer}
            onSwitched={onSessionChanged}
            hasUnsavedChanges={unsaved.size > 0}
            drafts={drafts}
          />
        )}
        {period.dueDate && <Text className={styles.muted}>{t.period.dueDate(period.dueDate)}</Text>}
      </div>

      {result.state === 'loading' && <Spinner label={t.loading} />}
      {result.state === 'failed' && <LoadFailed error={result.error} onRetry={retry} />}
      {data && (
        <OwnerTodoPanel
          todo={todo}
          periods={periods}
          onOpen={openTodo}
          className={selected ? `${styles.panel} ${styles.hideNarrow}` : styles.panel}
        />
      )}
      {data && (
        <div className={mergeClasses(styles.layout, selected ? styles.split : undefined)}>
          <section
            className={selected ? `${styles.panel} ${styles.hideNarrow}` : styles.panel}
            aria-labelledby="plan-list-heading"
          >
            <h2 id="plan-list-heading" className={styles.listHeading}>
              {t.plans.heading}
            </h2>
            <Text className={styles.muted} role="status">
              {t.plans.count(shown.length, all.length)}
            </Text>
            <PanelBoundary>
              {shown.length === 0 ? (
                <Text block>{showMine ? t.plans.noneMine : t.plans.none}</Text>
              ) : (
                <PlanList
                  followUps={shown}
                  selectedId={selected?.itemId ?? null}
                  onSelect={(f) => open(f)}
                  onHistory={(f) => open(f, true)}
                  unsavedIds={unsavedIds}
                />
              )}
            </PanelBoundary>
          </section>
          {selected && (
            <div className={styles.panel} ref={formHeading}>
              <Button
                className={styles.hideWide}
                appearance="subtle"
                icon={<ArrowLeftRegular />}
                onClick={backToList}
              >
                {t.form.backToList}
              </Button>
              {historyOpen ? (
                <PanelBoundary key={`history-${selected.planKey}`}>
                  <Suspense fallback={<Spinner label={t.loading} />}>
                    <PlanHistory
                      planKey={selected.planKey}
                      title={selected.title}
                      periods={periods}
                      onClose={() => open(selected)}
                    />
                  </Suspense>
                </PanelBoundary>
              ) : (
                <PanelBoundary key={selected.itemId}>
                  <Suspense fallback={<Spinner label={t.loading} />}>
                    <FollowUpForm
                      key={selected.itemId}
                      followUp={selected}
                      period={period}
                      previous={data.previousByPlan.get(selected.planKey)}
                      previousPeriod={data.previousPeriod}
                      viewer={viewer}
                      initialInput={unsaved.get(selected.itemId) ?? inputOf(selected)}
                      onInputChange={(input) => rememberInput(selected, input)}
                      onSaved={onSaved}
                      onShowHistory={() => open(selected, true)}
                    />
                  </Suspense>
                </PanelBoundary>
              )}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
