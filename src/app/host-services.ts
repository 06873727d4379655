import { followUpListViewUrl } from '../adapters/sharepoint/list-links';
import { planFormLink, teamsPlanLink } from '../domain/deep-link';
import type { HostPort, LinkPort, Services } from '../domain/ports';
import { buildTabConfig, checkSiteUrl, siteFromAddress } from '../domain/tab-config';
import { LOCAL_SITE_PATH } from './create-services';

/**
 * The site a tenant build works on: the tab's configured site (`?site=` in its address, set by
 * the settings page) when it is on the same SharePoint host as the configured one, else the
 * configured site. Another host would need tokens the app is not registered for.
 */
export function chooseSiteUrl(configured: string, search: string): string {
  const wanted = siteFromAddress(search);
  if (!wanted) return configured;
  const checked = checkSiteUrl(wanted);
  if (!checked.ok || new URL(checked.url).host !== new URL(configured).host) return configured;
  return checked.url;
}

/** A local site's path: one `/sites/<name>` segment, as the local SharePoint serves them. */
const LOCAL_SITE_PATH_PATTERN = /^\/sites\/[a-z0-9][a-z0-9-]*$/;

/**
 * The site a local build works on: the one `?site=` names (a path such as `/sites/team-a`, or the
 * full address on this origin), else the demo site. As with the tab in a tenant, only sites of
 * the local SharePoint on this origin: the local session token is for no one else.
 */
export function chooseLocalSiteUrl(origin: string, search: string): string {
  const demo = `${origin}${LOCAL_SITE_PATH}`;
  const wanted = siteFromAddress(search);
  if (!wanted || !URL.canParse(wanted, origin)) return demo;
  const url = new URL(wanted, origin);
  const path = url.pathname.replace(/\/+$/, '');
  if (url.origin !== origin || url.search || url.hash || !LOCAL_SITE_PATH_PATTERN.test(path)) {
    return demo;
  }
  return `${origin}${path}`;
}

/**
 * Links to a plan's form: a Teams deep link to this tab when the app runs in a channel tab and
 * knows the Teams app id (from the context or VITE_TEAMS_APP_ID), with the plain address as its
 * fallback `webUrl`; the plain address otherwise.
 */
export function linksFor(appUrl: string, host: HostPort | null, teamsAppId?: string): LinkPort {
  const context = host?.context;
  const appId = context?.appId ?? (teamsAppId?.trim() || undefined);
  const base =
    appId && context?.entityId && context.channel
      ? { appId, entityId: context.entityId, channelId: context.channel.channelId }
      : null;
  return {
    planForm(target) {
      const webUrl = planFormLink(appUrl, target);
      return base ? teamsPlanLink(base, target, { webUrl, label: target.title }) : webUrl;
    },
  };
}

/**
 * Adds what the host gives to the services: the host itself, the channel from Teams' context,
 * deep links, the site, and the settings page's configuration builder.
 */
export function withHost(
  services: Services,
  options: {
    readonly host: HostPort | null;
    readonly siteUrl: string;
    /** The app's address with its `site` parameter, as links should carry it. */
    readonly appUrl: string;
    readonly teamsAppId?: string | undefined;
  },
): Services {
  const { host, siteUrl, appUrl } = options;
  const channel = host?.context.channel ?? services.channel;
  return {
    ...services,
    siteUrl,
    ...(host ? { host } : {}),
    ...(channel ? { channel } : {}),
    links: linksFor(appUrl, host, options.teamsAppId),
    tabConfig: (site) =>
      buildTabConfig({ appUrl, siteUrl: site, listViewUrl: followUpListViewUrl(site) }),
  };
}
