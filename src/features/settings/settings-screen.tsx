import { makeStyles, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useRef } from 'react';
import type { Services, SiteSetup } from '../../domain/ports';
import { useI18n } from '../../i18n/i18n';
import { LoadFailed } from '../shared/load-failed';
import { useServices } from '../shared/services-context';
import { useLoad } from '../shared/use-load';
import { EnvironmentCheckPanel } from './environment-check-panel';
import { SetupPanel } from './setup-panel';
import { PANEL_SURFACE } from '../shared/panel-surface';
import { PlainMessageBar } from '../shared/plain-message-bar';

const useStyles = makeStyles({
  root: {
    maxWidth: '60rem',
    ...PANEL_SURFACE,
    padding: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  heading: { margin: 0 },
  intro: { margin: 0, lineHeight: tokens.lineHeightBase400 },
  setup: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  preflight: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBlockStart: tokens.spacingVerticalM,
  },
});

/**
 * Who may use the settings: coordinators, and whoever holds Manage Lists on the site (its owners
 * and admins, who run the first set-up before anyone is in the coordinator group).
 */
async function mayAdminister(services: Services, setup: SiteSetup | undefined): Promise<boolean> {
  // On a site not set up yet the role cannot be read (it comes from the lists' permissions,
  // and there are no lists): whoever may manage lists still gets to set the site up.
  const viewer = await services.session.currentViewer().catch(() => null);
  if (viewer?.role === 'coordinator') return true;
  return setup ? (await setup.inspect()).canManageLists : false;
}

/**
 * "Inställningar": the site's set-up, for coordinators and the site's admins. Others are told why
 * they cannot use it (SharePoint would refuse them anyway: set-up needs Manage Lists).
 */
export default function SettingsScreen() {
  const styles = useStyles();
  const { t } = useI18n();
  const services = useServices();
  // One set-up object for the screen's life: the panel checks again when it changes.
  const setup = useMemo(() => services.siteSetup?.(), [services]);
  const { result, retry } = useLoad('access', () => mayAdminister(services, setup));
  const setupRef = useRef<HTMLDivElement>(null);
  const showSetup = useCallback(() => {
    setupRef.current?.scrollIntoView?.({ block: 'start' });
    setupRef.current?.focus();
  }, []);
  const maySetUp = result.state === 'ready' && result.data;

  let body;
  if (!setup) {
    body = (
      <PlainMessageBar intent="info">
        <MessageBarBody>{t.setup.unavailable}</MessageBarBody>
      </PlainMessageBar>
    );
  } else if (result.state === 'loading') {
    body = <Spinner label={t.loading} />;
  } else if (result.state === 'failed') {
    body = <LoadFailed error={result.error} onRetry={retry} />;
  } else if (!result.data) {
    body = (
      <PlainMessageBar intent="info">
        <MessageBarBody>{t.setup.coordinatorsOnly}</MessageBarBody>
      </PlainMessageBar>
    );
  } else {
    body = <SetupPanel setup={setup} />;
  }

  return (
    <article className={styles.root} aria-labelledby="settings-heading">
      <h2 id="settings-heading" className={styles.heading}>
        {t.setup.heading}
      </h2>
      <p className={styles.intro}>{t.setup.intro}</p>
      <div ref={setupRef} tabIndex={-1} className={styles.setup}>
        {body}
      </div>
      {/* The preflight is for anyone signed in: it says what works with their own rights. */}
      {services.environmentCheck && (
        <div className={styles.preflight}>
          <EnvironmentCheckPanel
            check={services.environmentCheck}
            {...(services.siteUrl ? { siteUrl: services.siteUrl } : {})}
            {...(maySetUp ? { onShowSetup: showSetup } : {})}
          />
        </div>
      )}
    </article>
  );
}
