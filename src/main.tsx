import './app/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { readConfig } from './app/config';
import { statementContact } from './app/statement-config';
import { createServices, localConfig } from './app/create-services';
import type { Services } from './domain/ports';
import { DataCache } from './features/shared/data-cache';
import { preloadFirstScreen } from './features/shared/use-period-data';
import { readUrlState } from './features/shared/url-state';
import { ConfigError } from './features/shell/config-error';

const root = document.getElementById('root');
if (!root) throw new Error('No #root element');
const reactRoot = createRoot(root);

// Nothing configured: the embedded local SharePoint site on this origin. A tenant: its site and
// MSAL (loaded only then). A half-done configuration: say what is missing, start nothing.
const config = readConfig(import.meta.env);

async function services(): Promise<Services> {
  if (config.mode === 'tenant') {
    const { createTenantServices } = await import('./app/tenant-services');
    return createTenantServices(config, window.location.origin);
  }
  return createServices(localConfig(window.location.origin));
}

if (config.mode === 'invalid') {
  reactRoot.render(<ConfigError problems={config.problems} />);
} else {
  void services().then((ready) => {
    // The first screen's data is asked for now, while React and the screen start up.
    const cache = new DataCache();
    preloadFirstScreen(ready, cache, readUrlState().view);
    reactRoot.render(
      <StrictMode>
        <App services={ready} cache={cache} statement={statementContact(import.meta.env)} />
      </StrictMode>,
    );
  });
}
