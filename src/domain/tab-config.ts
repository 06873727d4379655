import type { ListAccess, SetupReport, TabConfig } from './ports';

/**
 * The channel tab's configuration: which SharePoint site it works on, and what the settings page
 * saves in Teams. Pure: the app gives it its own address and the list view's.
 */

/** The tab's entity id; deep links to the tab name it. One per app: the site is in contentUrl. */
export const TAB_ENTITY_ID = 'planuppfoljning';

/**
 * The query parameter that marks an address as the tab's inside Teams: the manifest's
 * `configurationUrl` and the `contentUrl` the settings page saves carry it (`teams=1`). A framed
 * page with it waits for Teams however slowly Teams answers (docs/teams.md, "Detection").
 */
export const TEAMS_MARKER_PARAM = 'teams';

/** The tab's name as Teams proposes it. */
export const TAB_DISPLAY_NAME = 'Planuppföljning';

export type SiteUrlProblem = 'empty' | 'not-url' | 'not-https';

/**
 * Checks a SharePoint site address as typed: trimmed, without a trailing slash, query or hash.
 * https is required, except on `allowedHttpOrigin` (the local site on the app's own origin).
 */
export function checkSiteUrl(
  value: string,
  allowedHttpOrigin?: string,
):
  | { readonly ok: true; readonly url: string }
  | { readonly ok: false; readonly problem: SiteUrlProblem } {
  const trimmed = value.trim();
  if (trimmed === '') return { ok: false, problem: 'empty' };
  if (!URL.canParse(trimmed)) return { ok: false, problem: 'not-url' };
  const url = new URL(trimmed);
  if (url.protocol !== 'https:' && url.origin !== allowedHttpOrigin) {
    return { ok: false, problem: url.protocol === 'http:' ? 'not-https' : 'not-url' };
  }
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/** The SharePoint site the tab was configured with (`site` in its address), or null. */
export function siteFromAddress(search: string): string | null {
  const site = new URLSearchParams(search).get('site');
  return site && site.trim() !== '' ? site : null;
}

/**
 * What the settings page saves: the tab shows `<appUrl>?site=<siteUrl>&teams=1` (the marker:
 * TEAMS_MARKER_PARAM); "open in browser" goes to the SharePoint list view.
 */
export function buildTabConfig(options: {
  readonly appUrl: string;
  readonly siteUrl: string;
  readonly listViewUrl: string;
}): TabConfig {
  const content = new URL(options.appUrl);
  content.search = '';
  content.hash = '';
  content.searchParams.set('site', options.siteUrl);
  content.searchParams.set(TEAMS_MARKER_PARAM, '1');
  return {
    entityId: TAB_ENTITY_ID,
    contentUrl: content.href,
    websiteUrl: options.listViewUrl,
    suggestedDisplayName: TAB_DISPLAY_NAME,
  };
}

/**
 * Whether the tab can be saved on a site, from the app's lists there and the user's rights in
 * them: `ready` once every list exists and the user can read and write it, whatever else set-up
 * would correct (views, formatting, the lists' permissions) or the user may not inspect (a
 * member who is not a site owner cannot read the lists' role assignments); `missing` while a
 * list is not there (set-up is offered to those who may); `no-read` / `no-write` when the user
 * lacks View Items / Edit Items on a list.
 */
export type TabReadiness = 'ready' | 'missing' | 'no-read' | 'no-write';

export function tabReadiness(lists: readonly ListAccess[]): TabReadiness {
  if (lists.length === 0 || lists.some((l) => !l.exists)) return 'missing';
  if (lists.some((l) => !l.canRead)) return 'no-read';
  if (lists.some((l) => !l.canWrite)) return 'no-write';
  return 'ready';
}

/**
 * Whether the user holds every right that set-up needs for what it found not present: Manage
 * Lists for lists, fields and views; Create Groups for groups; Manage Permissions for the lists'
 * permissions. Offering set-up to anyone else would only end in SharePoint's refusal.
 */
export function maySetUp(report: SetupReport): boolean {
  return report.items
    .filter((item) => item.state !== 'present')
    .every((item) =>
      item.kind === 'group'
        ? report.canCreateGroups
        : item.kind === 'permissions'
          ? report.canManagePermissions
          : report.canManageLists,
    );
}
