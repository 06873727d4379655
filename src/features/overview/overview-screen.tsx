import {
  Badge,
  Button,
  Dropdown,
  Field,
  Link,
  makeStyles,
  Option,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { TableScroll } from '../shared/table-scroll';
import { Fragment, lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { commentChange } from '../../domain/comment-diff';
import { planFormLink } from '../../domain/deep-link';
import { INPUT_STATES, STATUSES, statusSymbol, type FollowUp } from '../../domain/follow-up';
import { periodLabel, type Period, type PeriodKey } from '../../domain/period';
import type { Viewer } from '../../domain/rules';
import {
  filterFollowUps,
  overviewChange,
  periodOverview,
  type OverviewFilter,
} from '../../domain/period-overview';
import { formatPercent } from '../../domain/format';
import { useI18n } from '../../i18n/i18n';
import { ChangeSummary } from '../history/change-summary';
import { CommentDiffView } from '../history/comment-diff-view';
import { useDataCache } from '../shared/data-cache-context';
import { startPeriod, VIEWER_AND_PERIODS } from '../shared/first-screen-data';
import { usePeriodFollowUps, useViewerAndPeriods } from '../shared/use-period-data';
import { LoadFailed } from '../shared/load-failed';
import { PeriodPicker } from '../shared/period-picker';
import { useServices } from '../shared/services-context';
import { StatusLabel } from '../shared/status-label';
import { RolloverButton } from './rollover-button';
import { FinishStart } from './finish-start';
import { unfinishedStart } from '../../domain/period-log';
import { PeriodLogView } from '../reminders/period-log-view';
import { openInApp, writeUrlState } from '../shared/url-state';
import { PANEL_SURFACE } from '../shared/panel-surface';
import { usePageTitleDetail } from '../shell/use-page-title';
import { UserText, UserTextIn } from '../shared/user-text';
import { NoPeriod } from '../shared/no-period';
import { StatusLine } from '../shared/status-line';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    alignItems: 'flex-end',
  },
  picker: { minWidth: 'min(18rem, 100%)' },
  panel: {
    ...PANEL_SURFACE,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  columns: {
    display: 'grid',
    gap: tokens.spacingHorizontalL,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(20rem, 100%), 1fr))',
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  // The bar shows the answered share in every theme: in Teams' high-contrast theme every palette
  // background is white, so the missing part stays the empty track there (RedBackground2 is
  // black in it), and drafts are striped. Windows' contrast themes (forced colours) would paint
  // every background with Canvas: the bar keeps its own drawing there, in system colours.
  bar: {
    display: 'flex',
    height: '0.75rem',
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '@media (forced-colors: active)': {
      forcedColorAdjust: 'none',
      backgroundColor: 'Canvas',
      border: `${tokens.strokeWidthThin} solid CanvasText`,
    },
  },
  counts: {
    display: 'grid',
    gridTemplateColumns: 'max-content max-content',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    '& dd': { margin: 0, fontWeight: tokens.fontWeightSemibold },
  },
  submitted: {
    backgroundColor: tokens.colorPaletteGreenBackground3,
    '@media (forced-colors: active)': { backgroundColor: 'CanvasText' },
  },
  draft: {
    backgroundImage: `repeating-linear-gradient(135deg, ${tokens.colorPaletteMarigoldBackground3} 0 0.25rem, transparent 0.25rem 0.5rem)`,
    '@media (forced-colors: active)': {
      backgroundImage:
        'repeating-linear-gradient(135deg, CanvasText 0 0.25rem, Canvas 0.25rem 0.5rem)',
    },
  },
  missing: {
    backgroundColor: tokens.colorPaletteRedBackground2,
    '@media (forced-colors: active)': { backgroundColor: 'Canvas' },
  },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    '& th, & td': {
      textAlign: 'start',
      verticalAlign: 'top',
      padding: tokens.spacingHorizontalS,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
  },
  muted: { color: tokens.colorNeutralForeground3 },
  nowrap: { whiteSpace: 'nowrap' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

// Loaded when a coordinator looks at an open period (with its Graph preview and dialog).
const ReminderPanel = lazy(() => import('../reminders/reminder-panel'));

// Coordinators only: lock/reopen, due date, summary and report header.
const PeriodControls = lazy(() => import('../period-admin/period-controls'));

// Coordinators only, on an open period: add, edit, reorder and retire plans.
const PlanRegisterPanel = lazy(() => import('../plan-register/plan-register'));

// A new site only: the coordinator creates the first period.
const FirstPeriodForm = lazy(() => import('../period-admin/first-period-form'));

/** The address of the view "Över tid" (every plan across the periods). */
function overTimeLink(href: string): string {
  const url = new URL(href);
  url.searchParams.set('view', 'overtime');
  url.searchParams.delete('plan');
  return url.search;
}

const INPUT_COLOUR = { submitted: 'submitted', draft: 'draft', missing: 'missing' } as const;

/** For a period: how many have answered, by status and input; who is awaited; what changed. */
export default function OverviewScreen() {
  const { t } = useI18n();
  const { periodAdmin } = useServices();
  const [epoch, setEpoch] = useState(0);
  const [notice, setNotice] = useState('');
  const cache = useDataCache();
  const loaded = useViewerAndPeriods(epoch);
  const noticeRef = useRef<HTMLDivElement>(null);
  const ready = loaded.result.state === 'ready';
  // An action (reminder, rollover, lock) reloads the view, and the button that had focus is
  // gone with it: focus then goes to the report of what happened, not to the page's body.
  useEffect(() => {
    if (!ready || !notice) return;
    const active = document.activeElement;
    if (active === null || active === document.body) noticeRef.current?.focus();
  }, [ready, notice]);
  // The live region stays in the page while the view reloads, so its report is announced.
  const status = (
    <StatusLine tabIndex={-1} ref={noticeRef}>
      {notice && <Text>{notice}</Text>}
    </StatusLine>
  );
  if (loaded.result.state === 'loading')
    return (
      <>
        {status}
        <Spinner label={t.loading} />
      </>
    );
  if (loaded.result.state === 'failed') {
    return (
      <>
        {status}
        <LoadFailed error={loaded.result.error} onRetry={loaded.retry} />
      </>
    );
  }
  const { periods: list, viewer } = loaded.result.data;
  const start = startPeriod(list);
  const onPeriodsChanged = (key: PeriodKey, report: string) => {
    // A period was created or changed: load the periods again (for every screen) and show it.
    cache?.invalidate(VIEWER_AND_PERIODS);
    writeUrlState({ period: key, plan: null });
    setNotice(report);
    setEpoch((n) => n + 1);
  };
  if (!start) {
    return (
      <>
        {status}
        {viewer.role === 'coordinator' && periodAdmin ? (
          <Suspense fallback={<Spinner label={t.loading} />}>
            <FirstPeriodForm admin={periodAdmin} onDone={onPeriodsChanged} />
          </Suspense>
        ) : (
          <NoPeriod viewer={viewer} />
        )}
      </>
    );
  }
  return (
    <>
      {status}
      <PeriodOverviewView
        key={epoch}
        periods={list}
        initial={start.key}
        canAdminister={viewer.role === 'coordinator'}
        viewer={viewer}
        onPeriodsChanged={onPeriodsChanged}
      />
    </>
  );
}

function PeriodOverviewView({
  periods,
  initial,
  canAdminister,
  viewer,
  onPeriodsChanged,
}: {
  periods: readonly Period[];
  initial: PeriodKey;
  canAdminister: boolean;
  viewer?: Viewer;
  onPeriodsChanged: (key: PeriodKey, report: string) => void;
}) {
  const { periodAdmin, messenger, planRegister } = useServices();
  const styles = useStyles();
  const { t, locale } = useI18n();
  const [key, setKey] = useState(initial);
  const [filter, setFilter] = useState<OverviewFilter>('all');
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const period = periods.find((p) => p.key === key) ?? periods[0];
  usePageTitleDetail(null, period && periodLabel(period, locale));
  // The period and the one before it, in one request.
  const { result, retry } = usePeriodFollowUps(periods, key);
  const data = result.state === 'ready' ? result.data : null;
  const overview = useMemo(() => (data ? periodOverview(data.current) : null), [data]);
  const shown = useMemo(() => (data ? filterFollowUps(data.current, filter) : []), [data, filter]);

  const filters: ReadonlyArray<{ value: OverviewFilter; label: string }> = [
    { value: 'all', label: t.overview.all },
    ...INPUT_STATES.map((s) => ({ value: s, label: t.inputState[s] })),
  ];
  const toggle = (f: FollowUp) =>
    setExpanded((set) => {
      const next = new Set(set);
      if (next.has(f.itemId)) next.delete(f.itemId);
      else next.add(f.itemId);
      return next;
    });

  if (!period) return null;
  return (
    <div className={styles.root}>
      <div className={styles.toolbar}>
        {/* Fluent's Link: the theme's link colour (a bare <a> keeps the browser's blue, 1.75:1 on dark). */}
        <Link
          href={overTimeLink(window.location.href)}
          onClick={(event) => {
            if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
            event.preventDefault();
            openInApp(overTimeLink(window.location.href));
          }}
        >
          {t.overTime.open}
        </Link>
        <PeriodPicker
          periods={periods}
          value={period}
          className={styles.picker}
          onChange={(next) => {
            setKey(next);
            setExpanded(new Set());
            writeUrlState({ period: next, plan: null });
          }}
        />
        <Field label={t.overview.filter}>
          <Dropdown
            value={filters.find((f) => f.value === filter)?.label}
            selectedOptions={[filter]}
            onOptionSelect={(_, d) =>
              setFilter((d.optionValue as OverviewFilter | undefined) ?? 'all')
            }
          >
            {filters.map((f) => (
              <Option key={f.value} value={f.value}>
                {f.label}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {period.dueDate && <Text className={styles.muted}>{t.period.dueDate(period.dueDate)}</Text>}
        {canAdminister && viewer && periodAdmin && data && period.key === periods[0]?.key && (
          <RolloverButton
            admin={periodAdmin}
            from={period}
            periods={periods}
            followUps={data.current}
            viewer={viewer}
            onDone={onPeriodsChanged}
          />
        )}
        {canAdminister && viewer && messenger && data && period.state === 'open' && (
          <Suspense fallback={null}>
            <ReminderPanel
              key={period.key}
              period={period}
              followUps={data.current}
              viewer={viewer}
              onSent={(report) => onPeriodsChanged(period.key, report)}
            />
          </Suspense>
        )}
      </div>
      {canAdminister && viewer && periodAdmin && unfinishedStart(period.log) !== null && (
        <FinishStart
          key={`${period.key}-${period.version}`}
          admin={periodAdmin}
          period={period}
          periods={periods}
          viewer={viewer}
          onDone={onPeriodsChanged}
        />
      )}
      {canAdminister && periodAdmin && data && (
        <Suspense fallback={null}>
          <PeriodControls
            key={`${period.key}-${period.version}`}
            admin={periodAdmin}
            period={period}
            followUps={data.current}
            onDone={onPeriodsChanged}
          />
        </Suspense>
      )}

      {canAdminister && planRegister && data && period.state === 'open' && (
        <Suspense fallback={null}>
          <PlanRegisterPanel
            key={period.key}
            register={planRegister}
            period={period}
            periods={periods}
            followUps={data.current}
            onDone={onPeriodsChanged}
          />
        </Suspense>
      )}

      {result.state === 'loading' && <Spinner label={t.loading} />}
      {result.state === 'failed' && <LoadFailed error={result.error} onRetry={retry} />}

      {overview && data && (
        <>
          <div className={styles.columns}>
            <section className={styles.panel} aria-labelledby="overview-input">
              <h2 id="overview-input" className={styles.heading}>
                {t.overview.byInput}
              </h2>
              <Text weight="semibold">
                {t.overview.answered(
                  overview.answered,
                  overview.total,
                  overview.answeredPercent === null
                    ? null
                    : formatPercent(overview.answeredPercent, locale),
                )}
              </Text>
              {/* The bar repeats the counts below it for the eye; the list is the information. */}
              <div className={styles.bar} aria-hidden="true">
                {(['submitted', 'draft', 'missing'] as const).map((s) => (
                  <div
                    key={s}
                    className={styles[INPUT_COLOUR[s]]}
                    style={{
                      width: `${overview.total ? (100 * overview.byInput[s]) / overview.total : 0}%`,
                    }}
                  />
                ))}
              </div>
              <dl className={styles.counts}>
                {INPUT_STATES.map((s) => (
                  <Fragment key={s}>
                    <dt>{t.inputState[s]}</dt>
                    <dd>{t.overview.count(overview.byInput[s])}</dd>
                  </Fragment>
                ))}
              </dl>
            </section>
            <section className={styles.panel} aria-labelledby="overview-status">
              <h2 id="overview-status" className={styles.heading}>
                {t.overview.byStatus}
              </h2>
              <dl className={styles.counts}>
                {STATUSES.map((s) => (
                  <Fragment key={s}>
                    <dt>
                      <span aria-hidden="true">{statusSymbol(s)} </span>
                      {t.status[s]}
                    </dt>
                    <dd>{t.overview.count(overview.byStatus[s])}</dd>
                  </Fragment>
                ))}
                {overview.byStatus.none > 0 && (
                  <>
                    <dt>{t.status.none}</dt>
                    <dd>{t.overview.count(overview.byStatus.none)}</dd>
                  </>
                )}
              </dl>
              <Text size={200} className={styles.muted}>
                {t.overview.statusOnlySubmitted(overview.byInput.draft)}
              </Text>
            </section>
            <section className={styles.panel} aria-labelledby="overview-awaiting">
              <h2 id="overview-awaiting" className={styles.heading}>
                {t.overview.awaitingHeading}
              </h2>
              {period.dueDate && <Text>{t.period.dueDate(period.dueDate)}</Text>}
              {overview.owing.length === 0 ? (
                <Text>{t.overview.awaitingNone}</Text>
              ) : (
                <ul className={styles.list}>
                  {overview.owing.map(({ owner, plans }) => (
                    <li key={owner.id}>
                      <strong>{owner.name}</strong>{' '}
                      <UserTextIn
                        template={t.overview.owesFor}
                        text={plans.map((p) => `${p.sortOrder}. ${p.title}`).join('; ')}
                      />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>

          <section className={styles.panel} aria-labelledby="overview-log">
            <h2 id="overview-log" className={styles.heading}>
              {t.reminders.logHeading}
            </h2>
            <PeriodLogView log={period.log} />
          </section>

          <section className={styles.panel} aria-labelledby="overview-plans">
            <h2 id="overview-plans" className={styles.heading}>
              {t.overview.plansHeading}
            </h2>
            {shown.length === 0 ? (
              <Text>{t.overview.noneShown}</Text>
            ) : (
              <TableScroll labelledBy="overview-plans">
                <table className={styles.table} aria-labelledby="overview-plans">
                  <thead>
                    <tr>
                      <th scope="col">{t.overview.columnPlan}</th>
                      <th scope="col">{t.overview.columnOwners}</th>
                      <th scope="col">{t.overview.columnStatus}</th>
                      <th scope="col">{t.overview.columnInput}</th>
                      <th scope="col">{t.overview.columnChange}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((f) => {
                      const previous = data.previousByPlan.get(f.planKey);
                      const change = overviewChange(f, previous);
                      const open = expanded.has(f.itemId);
                      const diffId = `overview-diff-${f.itemId}`;
                      // The plan's form: the address a reminder's link falls back to.
                      const href = planFormLink(window.location.href, f);
                      return (
                        <tr key={f.itemId}>
                          <th scope="row">
                            <Link
                              href={href}
                              onClick={(event) => {
                                // A plain click opens the form in place; new tab/window follow the address.
                                if (
                                  event.ctrlKey ||
                                  event.metaKey ||
                                  event.shiftKey ||
                                  event.altKey ||
                                  event.button !== 0
                                )
                                  return;
                                event.preventDefault();
                                openInApp(href);
                              }}
                            >
                              {f.sortOrder}. <UserText>{f.title}</UserText>
                            </Link>
                          </th>
                          <td>{f.owners.map((o) => o.name).join(', ') || t.plans.noOwners}</td>
                          <td className={styles.nowrap}>
                            <StatusLabel status={f.status} />
                          </td>
                          <td>
                            <Badge
                              appearance="tint"
                              color={
                                f.inputState === 'submitted'
                                  ? 'success'
                                  : f.inputState === 'draft'
                                    ? 'warning'
                                    : 'danger'
                              }
                            >
                              {t.inputState[f.inputState]}
                            </Badge>
                          </td>
                          <td>
                            <ChangeSummary current={f} previous={previous} />
                            {change.kind === 'compared' && change.diffable && (
                              <>
                                {' '}
                                <Button
                                  size="small"
                                  appearance="subtle"
                                  aria-expanded={open}
                                  aria-controls={diffId}
                                  // Twelve "Visa ändringar" alike: the name says whose (WCAG 2.4.6).
                                  aria-label={t.overview.showDiffFor(`${f.sortOrder}. ${f.title}`)}
                                  onClick={() => toggle(f)}
                                >
                                  {t.overview.showDiff}
                                </Button>
                                {open && (
                                  <CommentDiffView
                                    id={diffId}
                                    label={t.history.changesPrevious}
                                    parts={commentChange(change.previousComment, f.comment).parts}
                                  />
                                )}
                              </>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </section>
        </>
      )}
    </div>
  );
}
