import {
  Button,
  Field,
  Input,
  Label,
  makeStyles,
  MessageBarActions,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, useId, useState } from 'react';
import type { LegendPlacement, Period, ReportMetadata } from '../../domain/period';
import { standardIntroduction } from '../../domain/report';
import {
  changedFields,
  INTRODUCTION_MAX_LENGTH,
  isEmptyChange,
  validatePeriodChange,
  type PeriodChangeIssue,
} from '../../domain/period-change';
import type { PeriodAdmin } from '../../domain/ports';
import { isStoreFailure } from '../../domain/errors';
import { useI18n } from '../../i18n/i18n';
import { failureMessage } from '../shared/failure-message';
import { useServices } from '../shared/services-context';
import { PlainMessageBar } from '../shared/plain-message-bar';
import { StatusLine } from '../shared/status-line';

const CommentEditor = lazy(() => import('../owner/comment-editor'));

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  fields: {
    display: 'grid',
    gap: tokens.spacingHorizontalL,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(14rem, 100%), 1fr))',
  },
  hint: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

type Status =
  | { readonly step: 'idle'; readonly text: string }
  | { readonly step: 'saving' }
  | { readonly step: 'conflict' }
  | { readonly step: 'failed'; readonly text: string };

/**
 * The period's summary ("Sammantaget visar…", rich text), the report's introduction (plain text,
 * the standard text shown where the period has none) and where its legend goes, and the report's
 * header: unit, contact person (a line each), date, diary number. Saved on the period item against the version it was opened from;
 * when someone changed the period in between, nothing is written and everything typed stays here
 * until the coordinator reloads the period and saves again.
 */
export default function SummaryEditor({
  id,
  admin,
  period,
  onSaved,
  onClose,
}: {
  id: string;
  admin: PeriodAdmin;
  period: Period;
  /** Called after a save with a sentence saying so. */
  onSaved: (report: string) => void;
  onClose: () => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const { periods } = useServices();
  const ids = { label: useId(), hint: useId(), error: useId(), heading: useId() };
  // The version the text is written against; a reload replaces it and keeps the text.
  const [base, setBase] = useState(period);
  const [summary, setSummary] = useState(period.summary);
  // The standard text stands in the box until the coordinator writes their own.
  const standard = standardIntroduction(period);
  const [introduction, setIntroduction] = useState(period.introduction.trim() || standard);
  const [legendPlacement, setLegendPlacement] = useState<LegendPlacement>(period.legendPlacement);
  const [report, setReport] = useState<ReportMetadata>(period.report);
  const [issues, setIssues] = useState<readonly PeriodChangeIssue[]>([]);
  const [status, setStatus] = useState<Status>({ step: 'idle', text: '' });
  const [reloading, setReloading] = useState(false);
  const dateIssue = issues.find((i) => i.field === 'reportDate');
  const summaryIssue = issues.find((i) => i.field === 'summary');
  const introductionIssue = issues.find((i) => i.field === 'introduction');

  const field = (key: keyof ReportMetadata) => (_: unknown, data: { value: string }) =>
    setReport((r) => ({ ...r, [key]: data.value }));

  const save = async () => {
    const change = changedFields(base, {
      dueDate: base.dueDate,
      summary,
      // The standard text, untouched, is stored as none, so it keeps following the period.
      introduction: introduction.trim() === standard ? '' : introduction,
      legendPlacement,
      report,
    });
    const found = validatePeriodChange(change);
    setIssues(found);
    if (found.length > 0) {
      setStatus({ step: 'idle', text: t.periodAdmin.fixErrors });
      return;
    }
    if (isEmptyChange(change)) {
      setStatus({ step: 'idle', text: t.periodAdmin.nothingChanged });
      return;
    }
    setStatus({ step: 'saving' });
    try {
      await admin.updatePeriod(base, change);
      setStatus({ step: 'idle', text: t.periodAdmin.saved });
      onSaved(t.periodAdmin.saved);
    } catch (error) {
      setStatus(
        isStoreFailure(error) && error.kind === 'conflict'
          ? { step: 'conflict' }
          : { step: 'failed', text: failureMessage(error, t) },
      );
    }
  };

  const reload = async () => {
    setReloading(true);
    try {
      const fresh = (await periods.list()).find((p) => p.key === base.key);
      if (fresh) setBase(fresh);
      setStatus({ step: 'idle', text: t.periodAdmin.reloaded });
    } catch (error) {
      setStatus({ step: 'failed', text: failureMessage(error, t) });
    } finally {
      setReloading(false);
    }
  };

  return (
    <form
      id={id}
      className={styles.root}
      aria-labelledby={ids.heading}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3 id={ids.heading} className={styles.heading}>
        {t.periodAdmin.summaryHeading}
      </h3>
      <div>
        <Label id={ids.label}>{t.periodAdmin.summary}</Label>
        <Text id={ids.hint} className={styles.hint} block>
          {t.periodAdmin.summaryHint}
        </Text>
        <Suspense fallback={<Spinner size="tiny" label={t.loading} />}>
          <CommentEditor
            value={summary}
            onChange={setSummary}
            labelId={ids.label}
            describedBy={[ids.hint, summaryIssue && ids.error].filter(Boolean).join(' ')}
            invalid={summaryIssue !== undefined}
          />
        </Suspense>
        {summaryIssue && (
          <Text id={ids.error} className={styles.error} block>
            {t.periodAdmin.summaryTooLong}
          </Text>
        )}
      </div>
      <Field
        label={t.periodAdmin.introduction}
        hint={t.periodAdmin.introductionHint}
        validationState={introductionIssue ? 'error' : 'none'}
        validationMessage={
          introductionIssue ? t.periodAdmin.introductionTooLong(INTRODUCTION_MAX_LENGTH) : undefined
        }
      >
        <Textarea
          value={introduction}
          resize="vertical"
          rows={5}
          onChange={(_, data) => setIntroduction(data.value)}
        />
      </Field>
      <Field label={t.periodAdmin.legendPlacement}>
        <RadioGroup
          layout="horizontal"
          value={legendPlacement}
          onChange={(_, data) => setLegendPlacement(data.value as LegendPlacement)}
        >
          <Radio value="before-summary" label={t.periodAdmin.legendBefore} />
          <Radio value="after-summary" label={t.periodAdmin.legendAfter} />
        </RadioGroup>
      </Field>
      <div className={styles.fields}>
        <Field label={t.periodAdmin.unit}>
          <Input value={report.unit} onChange={field('unit')} />
        </Field>
        <Field label={t.periodAdmin.contact} hint={t.periodAdmin.contactHint}>
          <Textarea value={report.contact} resize="vertical" rows={3} onChange={field('contact')} />
        </Field>
        <Field
          label={t.periodAdmin.reportDate}
          hint={t.periodAdmin.reportDateHint}
          validationState={dateIssue ? 'error' : 'none'}
          validationMessage={dateIssue ? t.periodAdmin.dateInvalid : undefined}
        >
          <Input value={report.date} inputMode="numeric" onChange={field('date')} />
        </Field>
        <Field label={t.periodAdmin.diaryNumber}>
          <Input value={report.diaryNumber} onChange={field('diaryNumber')} />
        </Field>
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabledFocusable={status.step === 'saving'}>
          {t.periodAdmin.save}
        </Button>
        <Button onClick={onClose}>{t.periodAdmin.close}</Button>
      </div>
      <StatusLine>
        {status.step === 'saving' && <Spinner size="tiny" label={t.periodAdmin.saving} />}
        {status.step === 'idle' && status.text}
      </StatusLine>
      {status.step === 'conflict' && (
        <PlainMessageBar intent="warning" role="alert">
          <MessageBarBody>{t.periodAdmin.conflict}</MessageBarBody>
          <MessageBarActions>
            <Button disabledFocusable={reloading} onClick={() => void reload()}>
              {t.periodAdmin.reload}
            </Button>
          </MessageBarActions>
        </PlainMessageBar>
      )}
      {status.step === 'failed' && (
        <PlainMessageBar intent="error" role="alert">
          <MessageBarBody>{status.text}</MessageBarBody>
        </PlainMessageBar>
      )}
    </form>
  );
}
