import {
  localSessionTokenProvider,
  type ScopeProbe,
  type TokenProvider,
} from '../adapters/auth/token-provider';
import { createDraftStore } from '../adapters/browser/indexeddb-draft-store';
import {
  GRAPH_RESOURCE,
  GraphMessenger,
  LocalGraphOutbox,
} from '../adapters/graph/graph-messenger';
import { LocalDemoSession } from '../adapters/local/demo-session';
import {
  SharePointFollowUpRepository,
  SharePointPeriodRepository,
  SharePointSession,
  SharePointStartup,
} from '../adapters/sharepoint/sharepoint-repositories';
import { SharePointPeriodAdmin } from '../adapters/sharepoint/period-admin';
import { SharePointPlanRegister } from '../adapters/sharepoint/plan-register';
import { createSpClient, FetchWithWaits } from '../adapters/sharepoint/sp-client';
import { WaitBoard } from '../adapters/http/wait-board';
import { SharePointEnvironmentCheck } from '../adapters/preflight/environment-check';
import type { ChannelRef, ReportFiles, Services, SiteSetup } from '../domain/ports';

/** Where the local demo site lives on the app's own origin (others: `?site=`, host-services.ts). */
export const LOCAL_SITE_PATH = '/sites/planuppfoljning';

export interface ServiceConfig {
  readonly siteUrl: string;
  readonly tokens: TokenProvider;
  /** True on the embedded local site: enables "Visa som". */
  readonly local: boolean;
  /** Microsoft Graph's origin in a tenant (`https://graph.microsoft.com` unless configured). */
  readonly graphUrl?: string;
  /** Tokens per permission for "Kontrollera miljön" (MSAL in a tenant; none in local mode). */
  readonly probe?: ScopeProbe;
}

/**
 * The delegated permissions "Kontrollera miljön" asks a token for, one by one: those the app
 * requests (tenant-services.ts `scopesFor`) and the activity feed's TeamsActivity.Send.
 */
export function preflightConsents(siteUrl: string, graphUrl: string) {
  const sharePoint = new URL(siteUrl).origin;
  const graph = (name: string) => ({
    scope: `${graphUrl}/${name}`,
    permission: { name, resource: 'Microsoft Graph' },
  });
  return {
    sharePoint: {
      scope: `${sharePoint}/AllSites.FullControl`,
      permission: { name: 'AllSites.FullControl', resource: 'SharePoint' },
    },
    users: graph('User.ReadBasic.All'),
    channel: graph('ChannelMessage.Send'),
    activity: graph('TeamsActivity.Send'),
  };
}

/**
 * The demo team's channel in local mode (the local Graph, src/local-site/graph.ts LOCAL_TEAM,
 * knows only this one). In Teams the channel comes from the tab's context.
 */
export const LOCAL_CHANNEL: ChannelRef = {
  groupId: '5f0c4b7e-8a51-4c1d-9b2e-3d6a7f8e9a01',
  channelId: '19:planuppfoljning-demo@thread.tacv2',
};

/** The local default: an emulated site on this origin, no tokens, demo users. */
export function localConfig(siteUrl: string): ServiceConfig {
  return { siteUrl, tokens: localSessionTokenProvider(new URL(siteUrl).origin), local: true };
}

/**
 * A SiteSetup whose adapter (and PnP's fields and views modules) loads on first use: set-up is
 * rare, so it stays out of the first screen's bundle.
 */
function lazySiteSetup(load: () => Promise<SiteSetup>): SiteSetup {
  let loaded: Promise<SiteSetup> | undefined;
  const setup = () => (loaded ??= load());
  return {
    inspect: async () => (await setup()).inspect(),
    apply: async (onProgress) => (await setup()).apply(onProgress),
  };
}

/** Report files whose adapter (and PnP's files and folders modules) loads on the first save. */
function lazyReportFiles(load: () => Promise<ReportFiles>): ReportFiles {
  let loaded: Promise<ReportFiles> | undefined;
  return {
    save: async (name, content) => (await (loaded ??= load())).save(name, content),
  };
}

/**
 * Wires the adapters to the ports. The same SharePoint code serves the local site and a real
 * tenant; only the site URL and the token provider differ.
 */
export function createServices(config: ServiceConfig): Services {
  // One board for every wait SharePoint or Graph asks for: the shell shows them with a countdown.
  const waits = new WaitBoard();
  const sp = createSpClient(config.siteUrl, config.tokens, FetchWithWaits(waits));
  const drafts = createDraftStore();
  const graphBase = config.local
    ? `${config.siteUrl}/_local/graph/v1.0`
    : `${config.graphUrl ?? GRAPH_RESOURCE}/v1.0`;
  const graphResource = config.local ? GRAPH_RESOURCE : (config.graphUrl ?? GRAPH_RESOURCE);
  const graph = new GraphMessenger({
    baseUrl: graphBase,
    resource: graphResource,
    tokens: config.tokens,
    waits,
  });
  const consents = preflightConsents(config.siteUrl, config.graphUrl ?? GRAPH_RESOURCE);
  const { probe } = config;
  return {
    periods: new SharePointPeriodRepository(sp),
    followUps: new SharePointFollowUpRepository(sp),
    session: new SharePointSession(sp),
    startup: new SharePointStartup(sp),
    periodAdmin: new SharePointPeriodAdmin(sp),
    planRegister: new SharePointPlanRegister(sp),
    siteSetup: (siteUrl = config.siteUrl) =>
      lazySiteSetup(async () => {
        const { SharePointSiteSetup } = await import('../adapters/sharepoint/site-setup');
        const client =
          siteUrl === config.siteUrl
            ? sp
            : createSpClient(siteUrl, config.tokens, FetchWithWaits(waits));
        return new SharePointSiteSetup(client, siteUrl);
      }),
    reportFiles: lazyReportFiles(async () => {
      const { SharePointReportFiles } = await import('../adapters/sharepoint/report-files');
      return new SharePointReportFiles(sp);
    }),
    ...(drafts ? { drafts } : {}),
    ...(config.local ? { demoSession: new LocalDemoSession(config.siteUrl) } : {}),
    // Graph: Microsoft's in a tenant; in local mode the local emulation beside the site.
    messenger: graph,
    notifier: graph,
    waits,
    // The preflight's user look-up takes a token for User.ReadBasic.All alone, so that a
    // permission missing for channel messages does not hide whether look-ups work.
    environmentCheck: new SharePointEnvironmentCheck({
      sp,
      users: probe
        ? new GraphMessenger({
            baseUrl: graphBase,
            resource: graphResource,
            tokens: { getAccessToken: () => probe.tokenFor(consents.users.scope) },
            waits,
          })
        : graph,
      ...(probe ? { probe } : {}),
      consents,
    }),
    ...(config.local
      ? { channel: LOCAL_CHANNEL, outbox: new LocalGraphOutbox(config.siteUrl) }
      : {}),
  };
}
