import { detectHost } from '../adapters/teams/detect-host';
import { parseSubEntityId } from '../domain/deep-link';
import type { HostPort, Services } from '../domain/ports';
import { DataCache } from '../features/shared/data-cache';
import {
  nextTask,
  preloadFirstScreen,
  type FirstScreenLoad,
} from '../features/shared/first-screen-data';
import { readUrlState, writeUrlState } from '../features/shared/url-state';
import { readConfig, type AppConfig, type ConfigValues } from './config';
import { createServices, localConfig } from './create-services';
import { chooseLocalSiteUrl, chooseSiteUrl, withHost } from './host-services';

/** The build-time values the start reads (`import.meta.env`). */
export type BootEnv = ConfigValues & {
  readonly VITE_TEAMS_APP_ID?: string | undefined;
  /** Vite's base path of the build (`/`, or e.g. `/planuppfoljning/` under APP_BASE_PATH). */
  readonly BASE_URL?: string | undefined;
};

/** What the app starts with: its services and cache, or what is wrong with its configuration. */
export type Booted =
  | {
      readonly kind: 'ready';
      readonly services: Services;
      readonly cache: DataCache;
      /** The first screen's requests (none on the tab's settings page). */
      readonly firstScreen: FirstScreenLoad;
    }
  | {
      readonly kind: 'invalid';
      readonly problems: readonly string[];
      /** Teams, when the page is in it: the app still shows what is wrong, in Swedish. */
      readonly host: HostPort | null;
    };

/**
 * Starts the app without React: finds the host, wires the services and asks for the first
 * screen's data. Nothing configured: the embedded local SharePoint site on this origin. A tenant:
 * its site and MSAL (loaded only then). A half-done configuration: says what is missing and
 * starts nothing.
 *
 * Resolves once the first requests have been handed to the network, so the screens' code, which
 * main.tsx evaluates next, runs while they are under way instead of before they leave.
 */
export async function boot(env: BootEnv): Promise<Booted> {
  const config = readConfig(env);
  // Standalone at once for a plain page; teams-js loads only where Teams may be (detect-host.ts).
  const host = await detectHost();
  if (config.mode === 'invalid') return { kind: 'invalid', problems: config.problems, host };
  // A Teams deep link names the plan and period in its sub-entity id: open that form.
  const target = parseSubEntityId(host?.context.subEntityId);
  if (target) writeUrlState({ view: null, period: target.periodKey, plan: target.planKey });
  let services: Services;
  try {
    services = await servicesFor(config, host, env);
  } catch (error) {
    // Sign-in could not start (MSAL) and the app draws nothing: Teams shows its error page;
    // standalone, the console says why.
    host?.firstScreenFailed('auth', error instanceof Error ? error.message : String(error));
    throw error;
  }
  // Not on the tab's settings page, which shows no data.
  const cache = new DataCache();
  const view = host?.context.frameContext === 'settings' ? 'config' : readUrlState().view;
  if (view === 'config') {
    const none = Promise.resolve();
    return { kind: 'ready', services, cache, firstScreen: { sent: none, settled: none } };
  }
  const firstScreen = preloadFirstScreen(services, cache, view);
  // PnP sends from timers: the batch's parts register from a first one and the batch leaves
  // from a second. Let it leave before anything long runs (boot.test.ts checks that it has).
  await nextTask();
  await nextTask();
  return { kind: 'ready', services, cache, firstScreen };
}

async function servicesFor(
  config: Exclude<AppConfig, { mode: 'invalid' }>,
  host: HostPort | null,
  env: BootEnv,
): Promise<Services> {
  const origin = window.location.origin;
  const hostOptions = { host, appUrl: window.location.href, teamsAppId: env.VITE_TEAMS_APP_ID };
  if (config.mode === 'tenant') {
    const siteUrl = chooseSiteUrl(config.siteUrl, window.location.search);
    const { createTenantServices } = await import('./tenant-services');
    const loginHint = host?.context.user?.userPrincipalName;
    const tenant = await createTenantServices(
      { ...config, siteUrl },
      { origin, basePath: env.BASE_URL ?? '/', ...(loginHint ? { loginHint } : {}) },
    );
    return withHost(tenant, { ...hostOptions, siteUrl });
  }
  const local = localConfig(chooseLocalSiteUrl(origin, window.location.search));
  return withHost(createServices(local), { ...hostOptions, siteUrl: local.siteUrl });
}
