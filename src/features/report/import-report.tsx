import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useId, useRef, useState } from 'react';
import { statusSymbol, type FollowUp, type PlanKey, type Status } from '../../domain/follow-up';
import {
  PERIOD_KINDS,
  parsePeriodKey,
  periodLabel,
  type Period,
  type PeriodId,
  type PeriodKey,
  type PeriodKind,
} from '../../domain/period';
import type { PeriodAdmin } from '../../domain/ports';
import { planKeyFor } from '../../domain/plan-register';
import {
  importedPeriod,
  proposeImport,
  registerPlans,
  validateImport,
  type ImportIssue,
  type ImportProposal,
  type ImportRow,
  type RegisterPlan,
} from '../../domain/report-import';
import { useI18n } from '../../i18n/i18n';
import type { Messages } from '../../i18n/sv';
import { failureMessage } from '../shared/failure-message';
import { PlainMessageBar } from '../shared/plain-message-bar';
import { sanitizeCommentHtml } from '../shared/sanitize';
import { useServices } from '../shared/services-context';
import { StatusLine } from '../shared/status-line';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    '@media print': { display: 'none' },
  },
  fields: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  table: { borderCollapse: 'collapse', width: '100%' },
  cell: {
    textAlign: 'left',
    verticalAlign: 'top',
    padding: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
  hidden: { display: 'none' },
});

type State =
  | { readonly step: 'idle' }
  | { readonly step: 'reading' }
  | { readonly step: 'refused'; readonly message: string }
  | {
      readonly step: 'preview';
      readonly proposal: ImportProposal;
      readonly register: readonly RegisterPlan[];
    };

type Work =
  | { readonly state: 'idle' }
  | { readonly state: 'working'; readonly done: number; readonly total: number }
  | { readonly state: 'failed'; readonly error: unknown };

/**
 * Importera Bilaga 2 (coordinators): a past report's Word file read in the browser, shown as a
 * preview to correct, then written as a locked period with its follow-ups. The reader (fflate)
 * loads only when a file is chosen.
 */
export default function ImportReport({
  periods,
  admin,
  onImported,
}: {
  periods: readonly Period[];
  admin: PeriodAdmin;
  onImported: (key: PeriodKey, notice: string) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const services = useServices();
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [state, setState] = useState<State>({ step: 'idle' });

  const read = async (file: File) => {
    setState({ step: 'reading' });
    try {
      const [{ readDocx, NotAReportError }, bytes, register] = await Promise.all([
        import('./read-docx'),
        file.arrayBuffer(),
        periods.length > 0
          ? services.followUps.listForPeriods(periods.map((p) => p.key))
          : Promise.resolve([] as FollowUp[]),
      ]);
      let result;
      try {
        result = proposeImport(readDocx(new Uint8Array(bytes)), register);
      } catch (error) {
        if (error instanceof NotAReportError) {
          setState({ step: 'refused', message: t.reportImport.notDocx });
          return;
        }
        throw error;
      }
      if (!result.ok) {
        setState({ step: 'refused', message: t.reportImport.notReport });
        return;
      }
      setState({ step: 'preview', proposal: result.proposal, register });
    } catch (error) {
      setState({
        step: 'refused',
        message: `${t.reportImport.failed} ${failureMessage(error, t)}`,
      });
    }
  };

  return (
    <section className={styles.root} aria-label={t.reportImport.open}>
      <div>
        <Button
          icon={<DocumentArrowUpRegular />}
          disabledFocusable={state.step === 'reading'}
          onClick={() => input.current?.click()}
        >
          {t.reportImport.open}
        </Button>
        <label htmlFor={inputId} className={styles.hidden}>
          {t.reportImport.fileLabel}
        </label>
        <input
          id={inputId}
          ref={input}
          type="file"
          className={styles.hidden}
          tabIndex={-1}
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) void read(file);
          }}
        />
      </div>
      <StatusLine>
        {state.step === 'reading' && <Spinner size="tiny" label={t.reportImport.reading} />}
      </StatusLine>
      {state.step === 'refused' && (
        <PlainMessageBar intent="error" role="alert">
          <MessageBarBody>{state.message}</MessageBarBody>
        </PlainMessageBar>
      )}
      {state.step === 'preview' && (
        <Preview
          key={state.proposal.title}
          proposal={state.proposal}
          register={state.register}
          periods={periods}
          admin={admin}
          onCancel={() => setState({ step: 'idle' })}
          onImported={(key, notice) => {
            setState({ step: 'idle' });
            onImported(key, notice);
          }}
        />
      )}
    </section>
  );
}

const STATUS_CHOICES: ReadonlyArray<Status | 'none'> = [
  'good',
  'partly',
  'poor',
  'not-assessed',
  'none',
];

function statusText(status: Status | null, note: string, t: Messages): string {
  if (status === null) return t.status.none;
  if (status === 'not-assessed') return note || t.status['not-assessed'];
  return `${statusSymbol(status)} ${t.status[status]}`;
}

function issueText(issue: ImportIssue, t: Messages, plans: ReadonlyMap<string, string>): string {
  switch (issue.code) {
    case 'no-period':
      return t.reportImport.noPeriod;
    case 'period-exists': {
      const id = parsePeriodKey(issue.key);
      return t.reportImport.periodExists(id ? periodLabel(id) : issue.key);
    }
    case 'no-rows':
      return t.reportImport.noRows;
    case 'same-plan-twice':
      return t.reportImport.samePlanTwice(plans.get(issue.planKey) ?? issue.planKey);
    default:
      return '';
  }
}

function Preview({
  proposal,
  register,
  periods,
  admin,
  onCancel,
  onImported,
}: {
  proposal: ImportProposal;
  register: readonly RegisterPlan[];
  periods: readonly Period[];
  admin: PeriodAdmin;
  onCancel: () => void;
  onImported: (key: PeriodKey, notice: string) => void;
}) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const [kind, setKind] = useState<PeriodKind | ''>(proposal.period?.kind ?? '');
  const [year, setYear] = useState(proposal.period ? String(proposal.period.year) : '');
  const [rows, setRows] = useState<readonly ImportRow[]>(proposal.rows);
  const [work, setWork] = useState<Work>({ state: 'idle' });
  const [tried, setTried] = useState(false);
  const plans = registerPlans(register);
  const planTitles = new Map<string, string>(plans.map((p) => [p.planKey, p.title]));
  for (const row of rows)
    if (row.match.kind === 'new') planTitles.set(row.match.planKey, row.title);

  const period: PeriodId | null =
    kind !== '' && /^\d{4}$/.test(year.trim()) ? { kind, year: Number(year.trim()) } : null;
  const issues = validateImport(
    { period, rows },
    periods.map((p) => p.key),
  );

  const change = (index: number, next: Partial<ImportRow>) =>
    setRows((current) => current.map((r, i) => (i === index ? { ...r, ...next } : r)));

  const start = async () => {
    setTried(true);
    if (issues.length > 0 || !period) return;
    const planned = importedPeriod({ ...proposal, rows }, period, register, sanitizeCommentHtml);
    setWork({ state: 'working', done: 0, total: 1 + 2 * planned.followUps.length });
    try {
      const stored = await admin.importPeriod(planned.period, planned.followUps, (done, total) =>
        setWork({ state: 'working', done, total }),
      );
      onImported(stored.key, t.reportImport.imported(periodLabel(stored, locale)));
    } catch (error) {
      setWork({ state: 'failed', error });
    }
  };

  const headingId = useId();
  return (
    <div className={styles.root} role="region" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.reportImport.previewHeading}</h2>
      <Text>{t.reportImport.previewIntro(proposal.title, rows.length)}</Text>
      <div className={styles.fields}>
        <Field label={t.reportImport.kind}>
          <Select value={kind} onChange={(_, data) => setKind(data.value as PeriodKind | '')}>
            <option value="">–</option>
            {PERIOD_KINDS.map((k) => (
              <option key={k} value={k}>
                {t.firstPeriod.kinds[k]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.reportImport.year}>
          <Input value={year} inputMode="numeric" onChange={(_, data) => setYear(data.value)} />
        </Field>
      </div>
      <table className={styles.table}>
        <caption>{t.reportImport.tableCaption}</caption>
        <thead>
          <tr>
            {[
              t.reportImport.columnNumber,
              t.reportImport.columnPlan,
              t.reportImport.columnReference,
              t.reportImport.columnStatus,
              t.reportImport.columnMatch,
              t.reportImport.columnProblems,
            ].map((heading) => (
              <th key={heading} scope="col" className={styles.cell}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              <th scope="row" className={styles.cell}>
                {row.number}
              </th>
              <td className={styles.cell}>{row.title}</td>
              <td className={styles.cell}>
                {[row.decision, row.diaryNumber && `Dnr: ${row.diaryNumber}`]
                  .filter(Boolean)
                  .join(' ')}
              </td>
              <td className={styles.cell}>
                <Text block>{statusText(row.status, row.statusNote, t)}</Text>
                <Select
                  aria-label={t.reportImport.statusFor(row.number)}
                  value={row.status ?? 'none'}
                  onChange={(_, data) => {
                    const status = data.value === 'none' ? null : (data.value as Status);
                    change(index, {
                      status,
                      problems: row.problems.filter((p) => p !== 'no-status' || status === null),
                    });
                  }}
                >
                  {STATUS_CHOICES.map((s) => (
                    <option key={s} value={s}>
                      {s === 'none' ? t.status.none : t.status[s]}
                    </option>
                  ))}
                </Select>
              </td>
              <td className={styles.cell}>
                <Text block>
                  {row.match.kind === 'new'
                    ? t.reportImport.newPlan
                    : `${planTitles.get(row.match.planKey) ?? row.match.planKey} (${t.reportImport.matchedBy[row.match.by]})`}
                </Text>
                <Select
                  aria-label={t.reportImport.matchFor(row.number)}
                  value={row.match.kind === 'new' ? '' : row.match.planKey}
                  onChange={(_, data) => {
                    const original = proposal.rows[index]?.match;
                    const newKey =
                      original?.kind === 'new'
                        ? original.planKey
                        : planKeyFor(row.title, [
                            ...plans.map((p) => p.planKey),
                            ...rows.map((r) => r.match.planKey),
                          ]);
                    change(index, {
                      match:
                        data.value === ''
                          ? { kind: 'new', planKey: newKey }
                          : { kind: 'existing', planKey: data.value as PlanKey, by: 'user' },
                    });
                  }}
                >
                  <option value="">{t.reportImport.newPlan}</option>
                  {plans.map((p) => (
                    <option key={p.planKey} value={p.planKey}>
                      {p.title}
                    </option>
                  ))}
                </Select>
              </td>
              <td className={styles.cell}>
                {row.problems.length === 0
                  ? t.reportImport.noProblems
                  : row.problems.map((p) => t.reportImport.problems[p]).join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {tried && issues.length > 0 && (
        <PlainMessageBar intent="error" role="alert">
          <MessageBarBody>
            {issues.map((issue) => issueText(issue, t, planTitles)).join(' ')}
          </MessageBarBody>
        </PlainMessageBar>
      )}
      {work.state === 'failed' && (
        <PlainMessageBar intent="error" role="alert">
          <MessageBarBody>{`${t.reportImport.failed} ${failureMessage(work.error, t)}`}</MessageBarBody>
        </PlainMessageBar>
      )}
      <StatusLine>
        {work.state === 'working' && (
          <Spinner size="tiny" label={t.reportImport.importing(work.done, work.total)} />
        )}
      </StatusLine>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabledFocusable={work.state === 'working'}
          onClick={() => void start()}
        >
          {t.reportImport.importButton}
        </Button>
        <Button disabledFocusable={work.state === 'working'} onClick={onCancel}>
          {t.reportImport.cancel}
        </Button>
      </div>
    </div>
  );
}
