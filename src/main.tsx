import './app/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { detectHost } from './adapters/teams/detect-host';
import { App } from './app/app';
import { readConfig } from './app/config';
import { statementContact } from './app/statement-config';
import { createServices, localConfig } from './app/create-services';
import { chooseSiteUrl, withHost } from './app/host-services';
import { parseSubEntityId } from './domain/deep-link';
import type { HostPort, Services } from './domain/ports';
import { DataCache } from './features/shared/data-cache';
import { preloadFirstScreen } from './features/shared/use-period-data';
import { readUrlState, writeUrlState } from './features/shared/url-state';
import { ConfigError } from './features/shell/config-error';

const root = document.getElementById('root');
if (!root) throw new Error('No #root element');
const reactRoot = createRoot(root);

// Nothing configured: the embedded local SharePoint site on this origin. A tenant: its site and
// MSAL (loaded only then). A half-done configuration: say what is missing, start nothing.
const config = readConfig(import.meta.env);

async function services(host: HostPort | null): Promise<Services> {
  const origin = window.location.origin;
  if (config.mode === 'tenant') {
    const siteUrl = chooseSiteUrl(config.siteUrl, window.location.search);
    const { createTenantServices } = await import('./app/tenant-services');
    const tenant = await createTenantServices({ ...config, siteUrl }, origin);
    return withHost(tenant, {
      host,
      siteUrl,
      appUrl: window.location.href,
      teamsAppId: import.meta.env.VITE_TEAMS_APP_ID,
    });
  }
  const local = localConfig(origin);
  return withHost(createServices(local), {
    host,
    siteUrl: local.siteUrl,
    appUrl: window.location.href,
    teamsAppId: import.meta.env.VITE_TEAMS_APP_ID,
  });
}

async function start(): Promise<void> {
  // Standalone at once when nothing frames the page; teams-js loads only inside a frame.
  const host = await detectHost();
  if (config.mode === 'invalid') {
    host?.firstScreenFailed('other', config.problems.join(' '));
    reactRoot.render(<ConfigError problems={config.problems} />);
    return;
  }
  // A Teams deep link names the plan and period in its sub-entity id: open that form.
  const target = parseSubEntityId(host?.context.subEntityId);
  if (target) writeUrlState({ view: null, period: target.periodKey, plan: target.planKey });
  let ready: Services;
  try {
    ready = await services(host);
  } catch (error) {
    // Sign-in could not start (MSAL): Teams shows its error page; standalone, the console says why.
    host?.firstScreenFailed('auth', error instanceof Error ? error.message : String(error));
    throw error;
  }
  // The first screen's data is asked for now, while React and the screen start up (not on the
  // tab's settings page, which shows no data).
  const cache = new DataCache();
  const view = host?.context.frameContext === 'settings' ? 'config' : readUrlState().view;
  if (view !== 'config') preloadFirstScreen(ready, cache, view);
  reactRoot.render(
    <StrictMode>
      <App services={ready} cache={cache} statement={statementContact(import.meta.env)} />
    </StrictMode>,
  );
}

void start();
