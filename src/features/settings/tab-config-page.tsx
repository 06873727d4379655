import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { SetupReport, TabConfig } from '../../domain/ports';
import { checkSiteUrl, maySetUp, tabReadiness } from '../../domain/tab-config';
import { useI18n } from '../../i18n/i18n';
import type { Messages } from '../../i18n/sv';
import { failureMessage } from '../shared/failure-message';
import { useServices } from '../shared/services-context';
import { SetupPanel } from './setup-panel';
import { PlainMessageBar } from '../shared/plain-message-bar';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '48rem',
    paddingBlock: tokens.spacingVerticalL,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
  field: { flexGrow: 1, minWidth: '20rem' },
  setup: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBlockStart: tokens.spacingVerticalM,
  },
});

/** Where the check of a site stands. */
type Check =
  | { readonly state: 'idle' }
  | { readonly state: 'invalid'; readonly message: string }
  | { readonly state: 'checking'; readonly url: string }
  | { readonly state: 'ready'; readonly url: string; readonly report?: SetupReport }
  | { readonly state: 'incomplete'; readonly url: string; readonly report: SetupReport }
  | { readonly state: 'no-access'; readonly url: string; readonly reason: 'no-read' | 'no-write' }
  | { readonly state: 'failed'; readonly url: string; readonly message: string };

function problemText(problem: 'empty' | 'not-url' | 'not-https', t: Messages): string {
  if (problem === 'empty') return t.tabConfig.empty;
  if (problem === 'not-https') return t.tabConfig.notHttps;
  return t.tabConfig.notUrl;
}

/**
 * The channel tab's settings page (Teams frameContext `settings`): proposes the team's own
 * SharePoint site, checks that the lists are there and that the user can read and write them,
 * offers set-up where they are missing, and enables Teams' Save only while the checked address
 * is the one in the box. What else set-up would correct, or the user may not inspect (a member
 * cannot read the lists' permissions), does not hold Save back. Save stores the
 * configuration (`pages.config.setConfig`) through the host port.
 *
 * `renderSetup` is the slot for set-up where the lists are missing (the SetupPanel of the
 * settings feature); without it the page lists what is missing.
 */
export function TabConfigPage({
  renderSetup,
}: {
  renderSetup?: (siteUrl: string, onComplete: () => void) => ReactNode;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const services = useServices();
  const { host, siteSetup, siteUrl: configuredSite, tabConfig, periods } = services;
  const [site, setSite] = useState(() => host?.context.teamSiteUrl ?? configuredSite ?? '');
  const localOrigin =
    configuredSite && !configuredSite.startsWith('https:')
      ? new URL(configuredSite).origin
      : undefined;
  /** What the box holds, as a check to start: invalid at once, or a site to inspect. */
  const begin = (value: string): Check => {
    const checked = checkSiteUrl(value, localOrigin);
    return checked.ok
      ? { state: 'checking', url: checked.url }
      : { state: 'invalid', message: problemText(checked.problem, t) };
  };
  // The proposed site is checked at once.
  const [check, setCheck] = useState<Check>(() => (site === '' ? { state: 'idle' } : begin(site)));

  const inspect = useCallback(
    async (url: string) => {
      try {
        if (siteSetup) {
          const report = await siteSetup(url).inspect();
          const readiness = tabReadiness(report.lists);
          setCheck(
            readiness === 'ready'
              ? { state: 'ready', url, report }
              : readiness === 'missing'
                ? { state: 'incomplete', url, report }
                : { state: 'no-access', url, reason: readiness },
          );
        } else if (url === configuredSite) {
          // No set-up here: reading the periods proves the lists are on the configured site.
          await periods.list();
          setCheck({ state: 'ready', url });
        } else {
          setCheck({ state: 'failed', url, message: t.tabConfig.cannotCheck });
        }
      } catch (error) {
        setCheck({
          state: 'failed',
          url,
          message: `${t.tabConfig.failed} ${failureMessage(error, t)}`,
        });
      }
    },
    [configuredSite, periods, siteSetup, t],
  );
  const run = (value: string) => {
    const next = begin(value);
    setCheck(next);
    if (next.state === 'checking') void inspect(next.url);
  };

  const started = useRef(false);
  useEffect(() => {
    if (started.current || check.state !== 'checking') return;
    started.current = true;
    void inspect(check.url);
  }, [check, inspect]);

  const checkedUrl = check.state === 'ready' ? check.url : null;
  const typed = checkSiteUrl(site, localOrigin);
  const valid = checkedUrl !== null && typed.ok && typed.url === checkedUrl;
  const config = useMemo(
    () => (checkedUrl !== null && valid && tabConfig ? tabConfig(checkedUrl) : null),
    [checkedUrl, valid, tabConfig],
  );
  const configRef = useRef<TabConfig | null>(null);
  useEffect(() => {
    configRef.current = config;
    host?.setConfigValid(config !== null);
  }, [host, config]);
  useEffect(() => {
    host?.onConfigSave(() => configRef.current);
  }, [host]);

  const changed =
    check.state !== 'idle' &&
    check.state !== 'invalid' &&
    check.state !== 'checking' &&
    !(typed.ok && typed.url === check.url);

  return (
    <main className={styles.root}>
      <h1 className={styles.heading}>{t.tabConfig.heading}</h1>
      <Text>{t.tabConfig.intro}</Text>
      {!host && (
        <PlainMessageBar intent="info">
          <MessageBarBody>{t.tabConfig.outsideTeams}</MessageBarBody>
        </PlainMessageBar>
      )}
      {/* The app checks the address itself, with Swedish messages (no browser validation). */}
      <form
        noValidate
        className={styles.row}
        onSubmit={(event) => {
          event.preventDefault();
          run(site);
        }}
      >
        <Field
          className={styles.field}
          label={t.tabConfig.siteLabel}
          hint={t.tabConfig.siteHint}
          validationState={check.state === 'invalid' ? 'error' : 'none'}
          validationMessage={check.state === 'invalid' ? check.message : undefined}
        >
          <Input type="url" value={site} onChange={(_, data) => setSite(data.value)} />
        </Field>
        <Button type="submit" appearance="primary" disabled={check.state === 'checking'}>
          {t.tabConfig.check}
        </Button>
      </form>
      <div role="status">
        {check.state === 'checking' && <Spinner size="tiny" label={t.tabConfig.checking} />}
        {changed && <Text>{t.tabConfig.changed}</Text>}
        {!changed && check.state === 'ready' && (
          <PlainMessageBar intent="success">
            <MessageBarBody>{t.tabConfig.ready}</MessageBarBody>
          </PlainMessageBar>
        )}
      </div>
      {!changed && check.state === 'no-access' && (
        <PlainMessageBar intent="warning" role="alert">
          <MessageBarBody>
            {check.reason === 'no-read' ? t.tabConfig.noRead : t.tabConfig.noWrite}
          </MessageBarBody>
        </PlainMessageBar>
      )}
      {!changed &&
        check.state === 'ready' &&
        check.report &&
        !check.report.complete &&
        maySetUp(check.report) &&
        siteSetup && (
          <section className={styles.setup} aria-label={t.tabConfig.canComplete}>
            <Text>{t.tabConfig.canComplete}</Text>
            {renderSetup ? (
              renderSetup(check.url, () => run(check.url))
            ) : (
              <SetupPanelFor url={check.url} onComplete={() => run(check.url)} />
            )}
          </section>
        )}
      {check.state === 'failed' && (
        <PlainMessageBar intent="error" role="alert">
          <MessageBarBody>{check.message}</MessageBarBody>
        </PlainMessageBar>
      )}
      {check.state === 'incomplete' && (
        <section className={styles.setup} aria-label={t.tabConfig.incomplete}>
          <PlainMessageBar intent="warning">
            <MessageBarBody>
              {t.tabConfig.incomplete}{' '}
              {check.report.canManageLists ? t.tabConfig.setupNeeded : t.tabConfig.noManageRights}
            </MessageBarBody>
          </PlainMessageBar>
          {renderSetup ? (
            renderSetup(check.url, () => run(check.url))
          ) : siteSetup ? (
            <SetupPanelFor url={check.url} onComplete={() => run(check.url)} />
          ) : (
            <>
              <Text>
                {t.tabConfig.missingItems(
                  check.report.items.filter((i) => i.state !== 'present').length,
                )}
              </Text>
              <ul>
                {check.report.items
                  .filter((i) => i.state !== 'present')
                  .map((i) => (
                    <li key={i.id}>{i.list ? `${i.list}: ${i.name}` : i.name}</li>
                  ))}
              </ul>
            </>
          )}
        </section>
      )}
    </main>
  );
}

/** The settings feature's set-up panel for one site (the set-up object kept across renders). */
function SetupPanelFor({ url, onComplete }: { url: string; onComplete: () => void }) {
  const { siteSetup } = useServices();
  const setup = useMemo(() => siteSetup?.(url), [siteSetup, url]);
  return setup ? <SetupPanel setup={setup} onComplete={onComplete} /> : null;
}

export default TabConfigPage;
