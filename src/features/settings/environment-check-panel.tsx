import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import {
  CheckmarkCircleRegular,
  CircleRegular,
  ErrorCircleRegular,
  SubtractCircleRegular,
  WarningRegular,
} from '@fluentui/react-icons';
import { assertNever } from '../../domain/assert-never';
import {
  CHECK_IDS,
  summarize,
  type CheckResult,
  type CheckState,
} from '../../domain/environment-check';
import type { EnvironmentCheck } from '../../domain/ports';
import { useI18n } from '../../i18n/i18n';
import { resultText, stateText } from './environment-check-text';
import { useEnvironmentCheck } from './use-environment-check';

export interface EnvironmentCheckPanelProps {
  readonly check: EnvironmentCheck;
  readonly siteUrl?: string;
  /** Brings the set-up panel into view (offered when lists are missing and the user may set up). */
  readonly onShowSetup?: () => void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  text: { margin: 0, lineHeight: tokens.lineHeightBase400 },
  site: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'start',
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  icon: { fontSize: '20px', lineHeight: '20px', marginBlockStart: '2px' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  name: { fontWeight: tokens.fontWeightSemibold },
  pass: { color: tokens.colorPaletteGreenForeground1 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  fail: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
  detail: { margin: 0, overflowWrap: 'anywhere' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** The icon of a state: shown beside the state's word, hidden from screen readers. */
function StateIcon({ state }: { readonly state: CheckState }) {
  const styles = useStyles();
  if (state.state === 'waiting') return <CircleRegular className={styles.muted} />;
  if (state.state === 'running') return <Spinner size="extra-tiny" />;
  const result: CheckResult = state.result;
  switch (result.state) {
    case 'pass':
      return <CheckmarkCircleRegular className={styles.pass} />;
    case 'warn':
      return <WarningRegular className={styles.warn} />;
    case 'fail':
      return <ErrorCircleRegular className={styles.fail} />;
    case 'skipped':
      return <SubtractCircleRegular className={styles.muted} />;
    default:
      return assertNever(result);
  }
}

/**
 * "Kontrollera miljön": a button that runs the preflight, one list item per check with its
 * name, its state in words beside an icon, what was found and what IT must do. Each check's
 * start and result are said in a polite live region; the results stay until the next run.
 */
export function EnvironmentCheckPanel({ check, siteUrl, onShowSetup }: EnvironmentCheckPanelProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const { states, phase, last, start } = useEnvironmentCheck(check);

  let announcement = '';
  if (phase === 'done') {
    const results = [...states.values()].flatMap((s) => (s.state === 'done' ? [s.result] : []));
    const sum = summarize(results);
    announcement =
      sum.fail === 0 && sum.warn === 0 && sum.skipped === 0
        ? `${t.preflight.summary(sum.pass, sum.warn, sum.fail, sum.skipped)} ${t.preflight.allGood}`
        : t.preflight.summary(sum.pass, sum.warn, sum.fail, sum.skipped);
  } else if (last) {
    const name = t.preflight.check[last.id];
    announcement =
      last.phase === 'running'
        ? t.preflight.running(name)
        : t.preflight.finished(name, t.preflight.state[last.result.state]);
  }

  return (
    <section className={styles.root} aria-labelledby="preflight-heading">
      <h3 id="preflight-heading" className={styles.heading}>
        {t.preflight.heading}
      </h3>
      <p className={styles.text}>{t.preflight.intro}</p>
      {siteUrl && <p className={styles.site}>{t.preflight.site(siteUrl)}</p>}
      <div className={styles.actions}>
        <Button appearance="primary" disabledFocusable={phase === 'running'} onClick={start}>
          {phase === 'idle' ? t.preflight.run : t.preflight.runAgain}
        </Button>
      </div>
      <p className={styles.text} role="status" aria-live="polite">
        {announcement}
      </p>
      {phase !== 'idle' && (
        <ol className={styles.list} aria-label={t.preflight.resultsLabel}>
          {CHECK_IDS.map((id) => {
            const state = states.get(id) ?? { state: 'waiting' };
            const text = state.state === 'done' ? resultText(id, state.result, t) : null;
            const offerSetup =
              onShowSetup &&
              state.state === 'done' &&
              state.result.state === 'fail' &&
              state.result.problem.kind === 'missing-lists' &&
              state.result.problem.canSetUp;
            return (
              <li key={id} className={styles.item} aria-labelledby={`preflight-${id}`}>
                <span className={styles.icon} aria-hidden="true">
                  <StateIcon state={state} />
                </span>
                <div className={styles.body}>
                  <span id={`preflight-${id}`}>
                    <span className={styles.name}>{t.preflight.check[id]}</span>
                    {': '}
                    <span>{stateText(state, t)}</span>
                  </span>
                  {text && <p className={styles.detail}>{text.detail}</p>}
                  {text?.fix && (
                    <p className={styles.detail}>
                      <span className={styles.name}>{t.preflight.fixLabel}</span> {text.fix}
                    </p>
                  )}
                  {offerSetup && (
                    <div className={styles.actions}>
                      <Button onClick={onShowSetup}>{t.preflight.toSetup}</Button>
                    </div>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
