import { readFileSync } from 'node:fs';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import type { TestSite } from './rest';

/** The local demo team's channel (src/app/create-services.ts LOCAL_CHANNEL): the local Graph knows it. */
export const HARNESS_CHANNEL = {
  groupId: '5f0c4b7e-8a51-4c1d-9b2e-3d6a7f8e9a01',
  channelId: '19:planuppfoljning-demo@thread.tacv2',
};

/**
 * The manifest's `id` of the app under test (invented): the id Teams gives a custom app that a
 * user uploads, and what the test build knows as VITE_TEAMS_APP_ID (playwright.config.ts).
 */
export const HARNESS_APP_ID = '00000000-0000-4000-8000-0000000000aa';

/**
 * The id Teams gives the same app once IT uploads it to the org catalog (invented): "Deep link to
 * an application" (learn.microsoft.com, "App ID for different types of apps") lists the manifest
 * id for a custom app uploaded in Teams, the org catalog id for an app in the org catalog, the
 * store id for a store app. Teams puts the id it knows the app by in the context
 * (teams-js `app.Context.app.appId`: "the unique identifier assigned to the app after deployment").
 */
export const HARNESS_CATALOG_APP_ID = '7d3c2b1a-0000-4000-8000-00000000ca7a';

const HARNESS_PATH = '/__teams-harness__.html';
const HOST_SCRIPT = readFileSync(new URL('./teams-harness/host.js', import.meta.url), 'utf8');

/** The Teams user signed in to the stand-in: the context's user and, with NAA, its account. */
export interface HarnessUser {
  /** Entra object id (context `userObjectId`). */
  readonly oid: string;
  /** User principal name (context `userPrincipalName`; the login hint Teams brokers with). */
  readonly upn: string;
  /** Tenant id (context `tid`). */
  readonly tid: string;
  readonly name?: string;
}

/** The default Teams user (as before these options existed). */
export const HARNESS_USER: HarnessUser = {
  oid: '11111111-2222-4333-8444-555555555555',
  upn: 'anna.lindgren@region.example',
  tid: '99999999-8888-4777-8666-555555555555',
  name: 'Anna Lindgren',
};

/** What the tab's MSAL asked Teams for (one `GetToken` or `GetTokenPopup` of the NAA bridge). */
export interface BrokerRequest {
  /** `GetToken` (silent) or `GetTokenPopup` (interactive: Teams would show its own UI). */
  readonly kind: 'silent' | 'popup';
  /** The nested app's (the tab's) client id, from the request. */
  readonly clientId: string;
  /** The scopes as MSAL sent them (its `scope`, split on spaces). */
  readonly scopes: string[];
  /** The Teams user's UPN. */
  readonly loginHint: string;
  /** A claims challenge (JSON), when MSAL sent one. */
  readonly claims?: string;
  /** The authority MSAL named in the request, if any. */
  readonly authority?: string;
  readonly forceRefresh?: boolean;
  readonly correlationId?: string;
}

/** A successful answer of Entra's token endpoint (what the broker hands Teams). */
export interface EntraTokenResponse {
  readonly token_type: string;
  readonly scope: string;
  readonly expires_in: number;
  readonly access_token: string;
  readonly id_token: string;
  readonly client_info?: string;
}

/** An OAuth error of the token endpoint, as Entra sends it. */
export interface OAuthErrorResponse {
  readonly error: string;
  readonly error_description?: string;
  /** e.g. `consent_required`, `basic_action`. */
  readonly suberror?: string;
  readonly error_codes?: number[];
}

/**
 * The broker's answer: tokens; an OAuth error with its HTTP status (interaction-required
 * errors become MSAL's InteractionRequiredAuthError in the tab, 5xx and temporarily_unavailable a
 * transient ServerError, others a ServerError); or the user closing Teams' own sign-in window
 * (MSAL's user_cancelled). A broker that throws is reported to the tab as a transient error.
 */
export type BrokerAnswer =
  | { readonly ok: true; readonly token: EntraTokenResponse }
  | { readonly ok: false; readonly status: number; readonly error: OAuthErrorResponse }
  | { readonly ok: false; readonly cancelled: true };

export type Broker = (request: BrokerRequest) => Promise<BrokerAnswer>;

export interface NaaOptions {
  /** Gets the tokens Teams would get from Entra for the nested app. */
  readonly broker: Broker;
  /** The account's cloud (`environment`): Entra's `login.microsoftonline.com` unless told. */
  readonly environment?: string;
}

export interface HarnessOptions {
  readonly frameContext?: 'content' | 'settings';
  readonly theme?: 'default' | 'dark' | 'contrast';
  readonly locale?: string;
  /** The tab's address (path and query on the app's origin), on the test's site. */
  readonly tabPath?: string;
  readonly subEntityId?: string;
  /** The signed-in Teams user (default HARNESS_USER). */
  readonly user?: HarnessUser;
  /** The Teams client, in the answer to `initialize` and in the context (default `web`). */
  readonly hostClientType?: 'web' | 'desktop' | 'android' | 'ios';
  /** Teams answers `initialize` this many milliseconds late (a slow Teams). */
  readonly slowInitializeMs?: number;
  /** Teams supports nested app authentication and brokers tokens with this. */
  readonly naa?: NaaOptions;
  /**
   * Teams iOS/Android: the tab is the top-level page (a webview, no frame) and Teams answers
   * through the native bridge teams-js uses there (`window.nativeInterface`). With `naa` it is
   * refused: on mobile Teams gives the NAA bridge itself, which the harness does not.
   */
  readonly frameless?: boolean;
  /**
   * The id Teams knows the app by, in the context's `appId` (default HARNESS_APP_ID, a custom
   * app; HARNESS_CATALOG_APP_ID for an org-catalog app); null: a client whose context has none.
   */
  readonly appId?: string | null;
  /**
   * Opens the tab as Teams does for a deep link to it (`https://teams.microsoft.com/l/entity/
   * <appId>/<entityId>?…&context={"subEntityId":…,"channelId":…}`): the link must name the id
   * Teams knows the app by, the tab's entity id and its channel, else Teams finds no such tab
   * and the harness throws; the tab gets the link's `subEntityId` in its context.
   */
  readonly deepLink?: string;
}

/** The tab's entity id as the settings page saves it (the harness's own copy). */
const TAB_ENTITY_ID = 'planuppfoljning';

/**
 * What a deep link to a channel tab names, read as "Deep link to an application" (learn.
 * microsoft.com, "Deep link to a tab") describes it; throws when Teams could not open this tab.
 */
function subEntityIdFromDeepLink(link: string, appId: string | null): string | undefined {
  const url = new URL(link);
  const match = /^\/l\/entity\/([^/]+)\/([^/]+)$/.exec(url.pathname);
  if (url.hostname !== 'teams.microsoft.com' || !match?.[1] || !match[2])
    throw new Error(`Not a Teams deep link to a tab: ${link}`);
  const [linkAppId, entityId] = [decodeURIComponent(match[1]), decodeURIComponent(match[2])];
  if (appId === null || linkAppId.toLowerCase() !== appId.toLowerCase())
    throw new Error(`Teams knows no app ${linkAppId} here (the app is ${appId ?? 'unknown'})`);
  if (entityId !== TAB_ENTITY_ID) throw new Error(`The app has no tab ${entityId} here`);
  const context = JSON.parse(url.searchParams.get('context') ?? '{}') as Record<string, unknown>;
  if (context.channelId !== HARNESS_CHANNEL.channelId)
    throw new Error(`The tab is not in channel ${String(context.channelId)}`);
  return typeof context.subEntityId === 'string' ? context.subEntityId : undefined;
}

/** A message the tab sent: `data` is the NAA request (JSON) of `nestedAppAuth.execute`. */
export interface HarnessMessage {
  readonly func: string;
  readonly args: unknown[];
  readonly data?: string;
}

export interface TeamsHarness {
  /** The tab: the frame in Teams' page, or (frameless) the page itself. */
  readonly tab: FrameLocator | Page;
  /** The messages the tab sent to "Teams", in order. */
  received(): Promise<HarnessMessage[]>;
  /** Sends an event to the tab as Teams does. */
  send(func: string, args: unknown[]): Promise<void>;
}

/** The broker each page's harness uses now: exposed once per page, it can change per opening. */
const brokers = new WeakMap<Page, { current: Broker }>();

async function registerBroker(page: Page, broker: Broker): Promise<void> {
  const registered = brokers.get(page);
  if (registered) {
    registered.current = broker;
    return;
  }
  const slot = { current: broker };
  brokers.set(page, slot);
  // Only the stand-in (the top frame) may broker, as only Teams can: not the tab in its frame.
  await page.exposeBinding('__teamsHarnessBroker', ({ frame }, request: BrokerRequest) => {
    if (frame !== page.mainFrame()) throw new Error('Only the Teams stand-in may broker tokens');
    return slot.current(request);
  });
}

/**
 * Opens the tab inside the Teams stand-in (tests/browser/teams-harness/host.js), served on the
 * app's own origin by Playwright, in a team whose SharePoint site is the test's local site.
 * teams-js's look-up of Microsoft's valid-domains list is blocked: the tests run without internet
 * and the harness shares the app's origin.
 */
export async function openInTeams(
  page: Page,
  site: Pick<TestSite, 'app' | 'path'> & { readonly url?: string },
  options: HarnessOptions = {},
): Promise<TeamsHarness> {
  const user = options.user ?? HARNESS_USER;
  const frameless = options.frameless ?? false;
  if (frameless && options.naa) throw new Error('The harness has no frameless NAA bridge');
  const hostClientType = options.hostClientType ?? (frameless ? 'android' : 'web');
  const appId = options.appId === undefined ? HARNESS_APP_ID : options.appId;
  const subEntityId = options.deepLink
    ? subEntityIdFromDeepLink(options.deepLink, appId)
    : options.subEntityId;
  if (options.naa) await registerBroker(page, options.naa.broker);
  await page.route('https://res.cdn.office.net/**', (route) => route.abort());
  /** What host.js works from; the team's site is on the app's origin unless it has its own. */
  const harnessConfig = (appOrigin: string) => ({
    frameContext: options.frameContext ?? 'content',
    tabUrl: site.app(options.tabPath),
    hostClientType,
    slowInitializeMs: options.slowInitializeMs ?? 0,
    user,
    naa: options.naa
      ? {
          environment: options.naa.environment ?? 'login.microsoftonline.com',
          sdkName: 'planuppfoljning-teams-harness',
          sdkVersion: '1.0.0',
        }
      : null,
    context: {
      frameContext: options.frameContext ?? 'content',
      hostName: 'Teams',
      hostClientType,
      locale: options.locale ?? 'sv-se',
      theme: options.theme ?? 'default',
      entityId: options.frameContext === 'settings' ? undefined : TAB_ENTITY_ID,
      subEntityId,
      ...(appId === null ? {} : { appId }),
      userObjectId: user.oid,
      userPrincipalName: user.upn,
      tid: user.tid,
      teamId: '19:demo-team@thread.tacv2',
      teamName: 'Samordningskansliet',
      groupId: HARNESS_CHANNEL.groupId,
      channelId: HARNESS_CHANNEL.channelId,
      channelName: 'Planuppföljning',
      // The team's site: a local site on the app's origin, or a tenant's site on its own.
      teamSiteUrl: site.url ?? `${appOrigin}${site.path}`,
    },
  });
  if (frameless) return openFrameless(page, site.app(options.tabPath), harnessConfig);
  await page.route(`**${HARNESS_PATH}*`, async (route) => {
    const config = harnessConfig(new URL(route.request().url()).origin);
    await route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Teams (test)</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%}</style></head>
<body><iframe id="tab" title="Planuppföljning"></iframe>
<script type="application/json" id="harness-config">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>
<script>${HOST_SCRIPT}</script></body></html>`,
    });
  });
  await page.goto(HARNESS_PATH);
  return harnessOf(page, page.frameLocator('#tab'));
}

/**
 * Teams mobile: host.js is injected into the tab's own top-level page before its scripts run, as
 * the native client injects its bridge, and the tab is opened there. The last opening of a page
 * holds its bridge.
 */
async function openFrameless(
  page: Page,
  tabUrl: string,
  harnessConfig: (appOrigin: string) => object,
): Promise<TeamsHarness> {
  // The app's origin: where the test's relative addresses go.
  const config = harnessConfig(new URL(tabUrl, test.info().project.use.baseURL).origin);
  await page.addInitScript({
    content: `window.__teamsHarnessFramelessConfig = ${JSON.stringify(config)};\n${HOST_SCRIPT}`,
  });
  await page.goto(tabUrl);
  return harnessOf(page, page);
}

/** The test's handle on the stand-in: the tab, what it sent, and events to send it. */
function harnessOf(page: Page, tab: FrameLocator | Page): TeamsHarness {
  return {
    tab,
    received: () =>
      page.evaluate(
        () =>
          (
            window as unknown as {
              __teamsHarness: { received: HarnessMessage[] };
            }
          ).__teamsHarness.received,
      ),
    send: (func, args) =>
      page.evaluate(
        ([f, a]) =>
          (
            window as unknown as { __teamsHarness: { send(f: string, a: unknown[]): void } }
          ).__teamsHarness.send(f as string, a as unknown[]),
        [func, args] as const,
      ),
  };
}

/** Waits until the tab has sent a message with this function name; returns its arguments. */
export async function waitForMessage(harness: TeamsHarness, func: string): Promise<unknown[]> {
  let found: unknown[] | undefined;
  await expect
    .poll(
      async () => {
        found = (await harness.received()).findLast((m) => m.func === func)?.args;
        return found !== undefined;
      },
      { message: `the tab sends ${func}` },
    )
    .toBe(true);
  return found ?? [];
}
