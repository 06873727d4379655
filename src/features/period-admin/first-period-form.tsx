import {
  Button,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBarBody,
  Option,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { isStoreFailure } from '../../domain/errors';
import {
  firstPeriodDefaults,
  validateFirstPeriod,
  type FirstPeriodDraft,
  type FirstPeriodIssue,
} from '../../domain/first-period';
import { PERIOD_KINDS, periodLabel, type PeriodKey, type PeriodKind } from '../../domain/period';
import type { PeriodAdmin } from '../../domain/ports';
import { useI18n } from '../../i18n/i18n';
import { failureMessage } from '../shared/failure-message';
import { PANEL_SURFACE } from '../shared/panel-surface';
import { PlainMessageBar } from '../shared/plain-message-bar';
import { StatusLine } from '../shared/status-line';

const useStyles = makeStyles({
  panel: {
    ...PANEL_SURFACE,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '40rem',
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    alignItems: 'flex-start',
  },
  year: { maxWidth: '8rem' },
});

/**
 * A new site's first period: the coordinator picks the kind, the year and the due date; the
 * period is created open and empty, and the overview (`onDone`) then shows it with its plan
 * register, where its plans are added.
 */
export default function FirstPeriodForm({
  admin,
  onDone,
}: {
  admin: PeriodAdmin;
  onDone: (key: PeriodKey, report: string) => void;
}) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<FirstPeriodDraft>(() => firstPeriodDefaults(new Date()));
  // Once the coordinator has typed a date, choosing another kind or year leaves it alone.
  const [dateTyped, setDateTyped] = useState(false);
  const [issues, setIssues] = useState<readonly FirstPeriodIssue[]>([]);
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState('');

  const change = (kind: PeriodKind, year: string) => {
    setDraft((d) =>
      dateTyped ? { ...d, kind, year } : firstPeriodDefaults(new Date(), kind, year),
    );
    setIssues([]);
  };
  const issueOf = (field: FirstPeriodIssue['field']) => issues.find((i) => i.field === field);
  const year = issueOf('year');
  const due = issueOf('dueDate');

  const create = async () => {
    setFailure('');
    const found = validateFirstPeriod(draft, []);
    setIssues(found);
    if (found.length > 0) {
      const first = found[0]?.field === 'year' ? 'first-period-year' : 'first-period-due';
      document.getElementById(first)?.focus();
      return;
    }
    setWorking(true);
    try {
      const period = await admin.createFirst(draft);
      onDone(period.key, t.firstPeriod.created(periodLabel(period, locale)));
    } catch (error) {
      setWorking(false);
      setFailure(
        isStoreFailure(error) && error.kind === 'invalid-data'
          ? t.firstPeriod.notFirst
          : `${t.firstPeriod.failed} ${failureMessage(error, t)}`,
      );
    }
  };

  return (
    <section className={styles.panel} aria-labelledby="first-period-heading">
      <h2 id="first-period-heading" className={styles.heading}>
        {t.firstPeriod.heading}
      </h2>
      <Text>{t.firstPeriod.intro}</Text>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
        className={styles.row}
      >
        <Field label={t.firstPeriod.kind}>
          <Dropdown
            value={t.firstPeriod.kinds[draft.kind]}
            selectedOptions={[draft.kind]}
            onOptionSelect={(_, data) =>
              change((data.optionValue as PeriodKind | undefined) ?? draft.kind, draft.year)
            }
          >
            {PERIOD_KINDS.map((kind) => (
              <Option key={kind} value={kind}>
                {t.firstPeriod.kinds[kind]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field
          label={t.firstPeriod.year}
          className={styles.year}
          validationState={year ? 'error' : 'none'}
          validationMessage={year ? t.firstPeriod.yearInvalid : undefined}
        >
          <Input
            id="first-period-year"
            inputMode="numeric"
            value={draft.year}
            onChange={(_, data) => change(draft.kind, data.value)}
          />
        </Field>
        <Field
          label={t.firstPeriod.dueDate}
          validationState={due ? 'error' : 'none'}
          validationMessage={
            due
              ? due.code === 'required'
                ? t.periodAdmin.dateRequired
                : t.periodAdmin.dateInvalid
              : undefined
          }
        >
          <Input
            id="first-period-due"
            type="date"
            value={draft.dueDate}
            onChange={(_, data) => {
              setDateTyped(true);
              setDraft((d) => ({ ...d, dueDate: data.value }));
              setIssues([]);
            }}
          />
        </Field>
        <Button type="submit" appearance="primary" disabledFocusable={working}>
          {t.firstPeriod.create}
        </Button>
      </form>
      <StatusLine>{working && <Spinner size="tiny" label={t.firstPeriod.creating} />}</StatusLine>
      {failure && (
        <PlainMessageBar intent="error" role="alert">
          <MessageBarBody>{failure}</MessageBarBody>
        </PlainMessageBar>
      )}
    </section>
  );
}
