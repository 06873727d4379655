import {
  Button,
  makeStyles,
  MessageBarBody,
  ProgressBar,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { assertNever } from '../../domain/assert-never';
import type { SetupItem, SetupReport, SiteSetup } from '../../domain/ports';
import { useI18n } from '../../i18n/i18n';
import type { Messages } from '../../i18n/sv';
import { failureMessage } from '../shared/failure-message';
import { LoadFailed } from '../shared/load-failed';
import { isForbidden, missingRights, useSetupPanel, type SetupRight } from './use-setup-panel';
import { PlainMessageBar } from '../shared/plain-message-bar';

/** Props of SetupPanel: kept small so that the Teams configuration page can reuse it. */
export interface SetupPanelProps {
  /** The set-up of the site to check (`services.siteSetup(siteUrl)`); keep it stable across renders. */
  readonly setup: SiteSetup;
  /**
   * Called with the report whenever the site is found complete: at once when the first check
   * finds it so, or after set-up has completed it (a configuration page can then allow saving).
   */
  readonly onComplete?: (report: SetupReport) => void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  site: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere', margin: 0 },
  summary: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  status: { margin: 0 },
});

/** What a person reads for one item, e.g. "Index på kolumnen Period i Uppföljningsperioder". */
export function describeItem(item: SetupItem, t: Messages): string {
  const list = item.list ?? '';
  switch (item.kind) {
    case 'list':
      return t.setup.item.list(item.name);
    case 'field':
      return t.setup.item.field(item.name, list);
    case 'index':
      return t.setup.item.index(item.name, list);
    case 'unique':
      return t.setup.item.unique(item.name, list);
    case 'formatter':
      return t.setup.item.formatter(item.name, list);
    case 'row-formatter':
      return t.setup.item.rowFormatter(item.name, list);
    case 'view':
      return t.setup.item.view(item.name, list);
    case 'group':
      return t.setup.item.group(item.name);
    case 'permissions':
      return t.setup.item.permissions(item.name);
    default:
      return assertNever(item.kind);
  }
}

function stateWord(state: SetupItem['state'], t: Messages): string {
  switch (state) {
    case 'missing':
      return t.setup.stateMissing;
    case 'differs':
      return t.setup.stateDiffers;
    case 'present':
      return t.setup.statePresent;
    default:
      return assertNever(state);
  }
}

function rightMessage(right: SetupRight, t: Messages): string {
  switch (right) {
    case 'manage-lists':
      return t.setup.needsManageLists;
    case 'create-groups':
      return t.setup.needsCreateGroups;
    case 'manage-permissions':
      return t.setup.needsManagePermissions;
    default:
      return assertNever(right);
  }
}

/**
 * Checks a SharePoint site for what Planuppföljning needs and creates what is missing: says in
 * words what the check found, offers one button to create it, shows progress (a progress bar and
 * a live "n av m klara" text) and the result; failures in Swedish, a missing right by name.
 */
export function SetupPanel({ setup, onComplete }: SetupPanelProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const { phase, apply, recheck } = useSetupPanel(setup, onComplete);

  if (phase.kind === 'checking') return <Spinner label={t.setup.checking} />;
  if (phase.kind === 'check-failed') {
    return <LoadFailed error={phase.error} onRetry={recheck} what={t.setup.checkFailed} />;
  }

  const report = phase.report;
  const open = report.items.filter((i) => i.state !== 'present');
  const blocked = missingRights(report);
  const applying = phase.kind === 'applying';
  const result = phase.kind === 'ready' ? phase.result : undefined;

  return (
    <section className={styles.root} aria-label={t.setup.panelLabel}>
      <p className={styles.site}>{t.setup.site(report.siteUrl)}</p>
      {report.complete ? (
        <PlainMessageBar intent="success">
          <MessageBarBody>{t.setup.complete(report.items.length)}</MessageBarBody>
        </PlainMessageBar>
      ) : (
        <>
          <p className={styles.summary}>{t.setup.incomplete(open.length, report.items.length)}</p>
          <ul className={styles.list}>
            {open.map((item) => (
              <li key={item.id}>
                {describeItem(item, t)}: {stateWord(item.state, t)}
              </li>
            ))}
          </ul>
        </>
      )}
      {!applying &&
        blocked.map((right) => (
          <PlainMessageBar key={right} intent="warning">
            <MessageBarBody>{rightMessage(right, t)}</MessageBarBody>
          </PlainMessageBar>
        ))}
      {applying && (
        <div className={styles.progress}>
          <ProgressBar
            aria-label={t.setup.progressLabel}
            aria-valuetext={t.setup.progress(phase.done, phase.total)}
            max={Math.max(phase.total, 1)}
            value={phase.done}
            thickness="large"
          />
        </div>
      )}
      {/* One live region for progress and result, so screen readers hear each step and the end. */}
      <p className={styles.status} role="status" aria-live="polite">
        {applying
          ? phase.current
            ? t.setup.progressItem(phase.done, phase.total, describeItem(phase.current, t))
            : t.setup.starting
          : result?.kind === 'done'
            ? result.complete
              ? t.setup.done(result.count)
              : t.setup.notDone
            : ''}
      </p>
      {result?.kind === 'failed' && (
        <PlainMessageBar intent="error" role="alert">
          <MessageBarBody>
            {isForbidden(result.error) && blocked.length > 0
              ? blocked.map((right) => rightMessage(right, t)).join(' ')
              : `${t.setup.applyFailed(result.done)} ${failureMessage(result.error, t)}`}
          </MessageBarBody>
        </PlainMessageBar>
      )}
      <div className={styles.actions}>
        {!report.complete && (
          <Button
            appearance="primary"
            disabledFocusable={applying || blocked.length > 0}
            onClick={apply}
          >
            {t.setup.apply}
          </Button>
        )}
        <Button disabledFocusable={applying} onClick={recheck}>
          {t.setup.recheck}
        </Button>
      </div>
    </section>
  );
}
