import './app/zod-jitless';
import { boot } from './app/boot';

const root = document.getElementById('root');
if (!root) throw new Error('No #root element');

/** How long after the start the screens wait for their data before they draw spinners. */
const FIRST_DRAW_WAIT_MS = 1_000;

const drawAnyway = new Promise((resolve) => setTimeout(resolve, FIRST_DRAW_WAIT_MS));
const waited = (promise: Promise<unknown>) => Promise.race([promise, drawAnyway]);

// This entry holds only what asks for the first screen's data (config, host, SharePoint adapters;
// no React), so those requests leave first. The screens' code (React, Fluent, the app) is fetched
// beside it (modulepreload links, vite.config.ts) and evaluated once the last request has left,
// while the answer is on its way; the screen is then drawn once, with its data, unless that takes
// long.
void boot(import.meta.env).then(async (booted) => {
  if (booted.kind === 'ready') await waited(booted.firstScreen.sent);
  const { renderApp } = await import('./app/render').catch((error: unknown) => {
    // The screens' code could not be fetched (offline, a replaced build): nothing can be drawn,
    // so Teams shows its own error page.
    const host = booted.kind === 'ready' ? booted.services.host : booted.host;
    host?.firstScreenFailed('other', error instanceof Error ? error.message : String(error));
    throw error;
  });
  if (booted.kind === 'ready') await waited(booted.firstScreen.settled);
  // For the bench (docs/benchmarks.md): when drawing starts, beside when the table is there.
  performance.mark('planuppfoljning:draw');
  renderApp(root, booted);
});
