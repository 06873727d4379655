import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  useRestoreFocusTarget,
  Field,
  Input,
  makeStyles,
  MessageBarBody,
  Spinner,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { isStoreFailure } from '../../domain/errors';
import type { FollowUp } from '../../domain/follow-up';
import { periodLabel, type Period, type PeriodKey } from '../../domain/period';
import { validatePeriodChange, validateReopenReason } from '../../domain/period-change';
import type { PeriodLogEntry } from '../../domain/period-log';
import type { PeriodAdmin } from '../../domain/ports';
import { formatDateTime, useI18n } from '../../i18n/i18n';
import type { Messages } from '../../i18n/sv';
import { failureMessage } from '../shared/failure-message';
import { useServices } from '../shared/services-context';
import { PANEL_SURFACE } from '../shared/panel-surface';
import { PlainMessageBar } from '../shared/plain-message-bar';
import { RequiredNote } from '../shared/required-note';
import { useInitialFocus } from '../shared/use-initial-focus';
import { StatusLine } from '../shared/status-line';

// The rich-text editor is heavy and only a coordinator opening it needs it.
const SummaryEditor = lazy(() => import('./summary-editor'));

const useStyles = makeStyles({
  panel: {
    ...PANEL_SURFACE,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    alignItems: 'flex-end',
  },
});

type Work =
  | { readonly step: 'idle' }
  | { readonly step: 'working'; readonly label: string }
  | { readonly step: 'failed'; readonly text: string };

/** The latest lock or reopening in the log, as a sentence. */
function lastStateChange(log: readonly PeriodLogEntry[], t: Messages, locale: 'sv' | 'en') {
  const entry = [...log].reverse().find((e) => e.kind === 'locked' || e.kind === 'reopened');
  if (!entry) return null;
  const at = formatDateTime(entry.at, locale) || entry.at;
  return entry.kind === 'reopened'
    ? t.periodAdmin.lastReopened(entry.by, at, entry.reason)
    : t.periodAdmin.lastLocked(entry.by, at);
}

/**
 * A coordinator's controls for one period: lock it (owners then only read, also in SharePoint) or
 * open it again with a reason, its due date, and the summary and header of the report. After a
 * change the overview loads the periods again (`onDone`), which announces the result.
 */
export default function PeriodControls({
  admin,
  period,
  followUps,
  onDone,
}: {
  admin: PeriodAdmin;
  period: Period;
  followUps: readonly FollowUp[];
  /** Called after a change, with the period and a sentence saying what was done. */
  onDone: (key: PeriodKey, report: string) => void;
}) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const { session } = useServices();
  const label = periodLabel(period, locale);
  const [dialog, setDialog] = useState<'lock' | 'reopen' | null>(null);
  const cancelLock = useInitialFocus<HTMLButtonElement>(dialog === 'lock');
  // The dialogs are opened by state, not a DialogTrigger: mark their buttons so that Fluent
  // gives focus back to them when a dialog closes (Escape, Avbryt).
  const restoreFocus = useRestoreFocusTarget();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState(false);
  const [work, setWork] = useState<Work>({ step: 'idle' });
  const [dueDate, setDueDate] = useState(period.dueDate);
  const [dateError, setDateError] = useState('');
  const [dateStatus, setDateStatus] = useState('');
  const [editing, setEditing] = useState(false);
  const busy = work.step === 'working';
  const last = lastStateChange(period.log, t, locale);

  const run = async (workingLabel: string, change: () => Promise<string>) => {
    setWork({ step: 'working', label: workingLabel });
    try {
      const report = await change();
      setWork({ step: 'idle' });
      onDone(period.key, report);
    } catch (error) {
      const text =
        isStoreFailure(error) && error.kind === 'conflict'
          ? t.periodAdmin.conflict
          : `${t.periodAdmin.failed} ${failureMessage(error, t)}`;
      setWork({ step: 'failed', text });
    }
  };

  const lock = () => {
    setDialog(null);
    void run(t.periodAdmin.locking, async () => {
      const by = await session.currentViewer();
      await admin.lock(period, followUps, by);
      return t.periodAdmin.lockDone(label);
    });
  };

  const reopen = () => {
    if (validateReopenReason(reason)) {
      setReasonError(true);
      return;
    }
    setDialog(null);
    void run(t.periodAdmin.reopening, async () => {
      const by = await session.currentViewer();
      await admin.reopen(period, followUps, by, reason);
      return t.periodAdmin.reopenDone(label);
    });
  };

  const saveDate = () => {
    setDateStatus('');
    const issue = validatePeriodChange({ dueDate })[0];
    if (issue) {
      setDateError(
        issue.code === 'required' ? t.periodAdmin.dateRequired : t.periodAdmin.dateInvalid,
      );
      return;
    }
    setDateError('');
    if (dueDate === period.dueDate) {
      setDateStatus(t.periodAdmin.dateUnchanged);
      return;
    }
    void run(t.periodAdmin.savingDate, async () => {
      await admin.updatePeriod(period, { dueDate });
      return t.periodAdmin.dateSaved(dueDate);
    });
  };

  return (
    <section className={styles.panel} aria-labelledby="period-admin-heading">
      <h2 id="period-admin-heading" className={styles.heading}>
        {t.periodAdmin.heading}
      </h2>
      <Text>
        {period.state === 'locked' ? t.periodAdmin.stateLocked : t.periodAdmin.stateOpen}
        {last && ` ${last}`}
      </Text>
      <div className={styles.row}>
        {period.state === 'open' ? (
          <Button {...restoreFocus} disabledFocusable={busy} onClick={() => setDialog('lock')}>
            {t.periodAdmin.lock}
          </Button>
        ) : (
          <Button
            {...restoreFocus}
            disabledFocusable={busy}
            onClick={() => {
              setReason('');
              setReasonError(false);
              setDialog('reopen');
            }}
          >
            {t.periodAdmin.reopen}
          </Button>
        )}
        <Field
          label={t.periodAdmin.dueDate}
          validationState={dateError ? 'error' : 'none'}
          validationMessage={dateError || undefined}
        >
          <Input
            type="date"
            value={dueDate}
            onChange={(_, data) => {
              setDueDate(data.value);
              setDateStatus('');
            }}
          />
        </Field>
        <Button disabledFocusable={busy} onClick={saveDate}>
          {t.periodAdmin.saveDate}
        </Button>
        <Button
          aria-expanded={editing}
          aria-controls="period-summary-editor"
          onClick={() => setEditing((e) => !e)}
        >
          {t.periodAdmin.editSummary}
        </Button>
      </div>

      <StatusLine>
        {work.step === 'working' && <Spinner size="tiny" label={work.label} />}
        {dateStatus}
      </StatusLine>
      {work.step === 'failed' && (
        <PlainMessageBar intent="error" role="alert">
          <MessageBarBody>{work.text}</MessageBarBody>
        </PlainMessageBar>
      )}

      {editing && (
        <Suspense fallback={<Spinner size="tiny" label={t.loading} />}>
          <SummaryEditor
            id="period-summary-editor"
            admin={admin}
            period={period}
            onSaved={(report) => onDone(period.key, report)}
            onClose={() => setEditing(false)}
          />
        </Suspense>
      )}

      <Dialog open={dialog === 'lock'} onOpenChange={(_, data) => !data.open && setDialog(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.periodAdmin.lockTitle(label)}</DialogTitle>
            <DialogContent>{t.periodAdmin.lockText}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={lock}>
                {t.periodAdmin.lockConfirm}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                {/* The dialog starts on the choice that changes nothing. */}
                <Button ref={cancelLock}>{t.periodAdmin.cancel}</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>

      <Dialog open={dialog === 'reopen'} onOpenChange={(_, data) => !data.open && setDialog(null)}>
        <DialogSurface>
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              reopen();
            }}
          >
            <DialogBody>
              <DialogTitle>{t.periodAdmin.reopenTitle(label)}</DialogTitle>
              <DialogContent>
                <Text as="p">{t.periodAdmin.reopenText}</Text>
                <RequiredNote />
                <Field
                  label={t.periodAdmin.reason}
                  required
                  validationState={reasonError ? 'error' : 'none'}
                  validationMessage={reasonError ? t.periodAdmin.reasonRequired : undefined}
                >
                  <Textarea
                    value={reason}
                    resize="vertical"
                    onChange={(_, data) => {
                      setReason(data.value);
                      if (reasonError && !validateReopenReason(data.value)) setReasonError(false);
                    }}
                  />
                </Field>
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" type="submit">
                  {t.periodAdmin.reopenConfirm}
                </Button>
                <DialogTrigger disableButtonEnhancement>
                  <Button>{t.periodAdmin.cancel}</Button>
                </DialogTrigger>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
