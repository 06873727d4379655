import { StrictMode, useEffect, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { HostPort } from '../domain/ports';
import { ConfigError } from '../features/shell/config-error';
import { App } from './app';
import type { Booted } from './boot';
import { statementContact } from './statement-config';

/**
 * Tells Teams the app has loaded once its first screen is on the page, whatever it shows: the
 * plans, its own spinner while SharePoint is slow, or its own error and retry (docs/teams.md,
 * "Loading indicator").
 */
function ShownToHost({ host, children }: { host: HostPort | null; children: ReactNode }) {
  useEffect(() => host?.firstScreenReady(), [host]);
  return children;
}

/** Draws the app (or what is wrong with its configuration) into `root`. */
export function renderApp(root: HTMLElement, booted: Booted): void {
  const host = booted.kind === 'ready' ? (booted.services.host ?? null) : booted.host;
  const reactRoot = createRoot(root, {
    // An error no boundary catches leaves the page empty: only then does Teams show its own
    // error page (ignored once the app has been shown: only the first notice counts).
    onUncaughtError: (error) => {
      // As React's default does: the page's error event, or the console where there is none.
      if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
      else console.error(error);
      host?.firstScreenFailed('other', error instanceof Error ? error.message : String(error));
    },
  });
  if (booted.kind === 'invalid') {
    reactRoot.render(
      <ShownToHost host={host}>
        <ConfigError problems={booted.problems} />
      </ShownToHost>,
    );
    return;
  }
  reactRoot.render(
    <StrictMode>
      <ShownToHost host={host}>
        <App
          services={booted.services}
          cache={booted.cache}
          statement={statementContact(import.meta.env)}
        />
      </ShownToHost>
    </StrictMode>,
  );
}
