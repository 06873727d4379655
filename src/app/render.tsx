import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigError } from '../features/shell/config-error';
import { App } from './app';
import type { Booted } from './boot';
import { statementContact } from './statement-config';

/** Draws the app (or what is wrong with its configuration) into `root`. */
export function renderApp(root: HTMLElement, booted: Booted): void {
  const reactRoot = createRoot(root);
  if (booted.kind === 'invalid') {
    reactRoot.render(<ConfigError problems={booted.problems} />);
    return;
  }
  reactRoot.render(
    <StrictMode>
      <App
        services={booted.services}
        cache={booted.cache}
        statement={statementContact(import.meta.env)}
      />
    </StrictMode>,
  );
}
