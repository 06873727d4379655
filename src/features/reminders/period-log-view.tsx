import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { assertNever } from '../../domain/assert-never';
import type { PeriodLogEntry } from '../../domain/period-log';
import { formatDateTime, useI18n } from '../../i18n/i18n';
import type { Locale } from '../../domain/period';
import type { Messages } from '../../i18n/sv';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/** One log entry as a sentence. */
export function logEntryText(entry: PeriodLogEntry, t: Messages, locale: Locale): string {
  // The stored text when it is not a date.
  const at = formatDateTime(entry.at, locale) || entry.at;
  switch (entry.kind) {
    case 'reminder': {
      const sent = entry.personal?.sent.join(', ') ?? '';
      const failed = entry.personal?.failed.join(', ') ?? '';
      if (entry.messageId === null) {
        const failedPart = failed === '' ? '' : `; ${t.nudge.logPersonal('', failed)}`;
        return `${t.nudge.logPersonalOnly(sent, entry.by, at)}${failedPart}`;
      }
      const base = t.reminders.logReminder(entry.reminded.join(', '), entry.by, at);
      return entry.personal ? `${base}; ${t.nudge.logPersonal(sent, failed)}` : base;
    }
    case 'locked':
      return t.reminders.logLocked(entry.by, at);
    case 'reopened':
      return t.reminders.logReopened(entry.by, at, entry.reason);
    case 'opened':
      return t.reminders.logOpened(entry.by, at);
    case 'ready':
      return t.reminders.logReady(entry.by, at, entry.plans);
    case 'returned':
      return t.reminders.logReturned(
        entry.plan,
        entry.by,
        at,
        entry.reason,
        entry.notified.join(', '),
      );
    default:
      return assertNever(entry);
  }
}

/** The period's log (reminders, locks, reopenings, send-backs), newest first. */
export function PeriodLogView({ log }: { log: readonly PeriodLogEntry[] }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  if (log.length === 0) return <Text>{t.reminders.logEmpty}</Text>;
  return (
    <ul className={styles.list}>
      {[...log].reverse().map((entry, i) => (
        <li key={`${entry.at}-${i}`}>{logEntryText(entry, t, locale)}</li>
      ))}
    </ul>
  );
}
