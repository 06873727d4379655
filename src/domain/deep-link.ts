import type { FollowUp, PlanKey } from './follow-up';
import { isPeriodKey, type PeriodKey } from './period';

/**
 * Links that open one plan's form for one period: a plain address outside Teams
 * (`<app>?period=2020-08&plan=lakemedel`) and a Teams deep link to the channel tab, whose
 * `context.subEntityId` carries the same two values and reaches the tab as the context's
 * `subEntityId` (page.subPageId).
 */

/** Which form a link opens. */
export interface PlanTarget {
  readonly periodKey: PeriodKey;
  readonly planKey: PlanKey;
}

/** The tab a Teams deep link points to. */
export interface TabLinkBase {
  /** The Teams app id (the manifest's `id`). */
  readonly appId: string;
  /** The tab's entity id, as set by the settings page. */
  readonly entityId: string;
  /** The channel the tab is pinned in. */
  readonly channelId: string;
}

/** Teams' deep-link host; the new Teams client on teams.cloud.microsoft follows these too. */
const TEAMS_LINK_ORIGIN = 'https://teams.microsoft.com';

/**
 * The sub-entity id of a plan's form: `period=2020-08&plan=lakemedel`, the query the plain
 * address uses. Plan keys are kebab-case ASCII, so nothing needs escaping and a host that decodes
 * the value once more changes nothing.
 */
export function subEntityIdFor(target: PlanTarget): string {
  return new URLSearchParams({ period: target.periodKey, plan: target.planKey }).toString();
}

/** Reads a sub-entity id back; anything that is not a period and a plan gives null. */
export function parseSubEntityId(value: string | undefined | null): PlanTarget | null {
  if (!value) return null;
  const params = new URLSearchParams(value);
  const period = params.get('period');
  const plan = params.get('plan');
  if (!period || !isPeriodKey(period) || !plan || !/^[\w.-]{1,200}$/.test(plan)) return null;
  return { periodKey: period, planKey: plan as PlanKey };
}

/**
 * The plain app link to a plan's form: `<appUrl>?period=<key>&plan=<planKey>`, keeping the `site`
 * parameter of `appUrl` (which SharePoint site the app works on) and dropping everything else.
 */
export function planFormLink(appUrl: string, target: Pick<FollowUp, 'periodKey' | 'planKey'>) {
  const url = new URL(appUrl);
  const site = url.searchParams.get('site');
  url.search = '';
  url.hash = '';
  if (site) url.searchParams.set('site', site);
  url.searchParams.set('period', target.periodKey);
  url.searchParams.set('plan', target.planKey);
  return url.href;
}

/**
 * A Teams deep link to the channel tab that opens the plan's form:
 * `https://teams.microsoft.com/l/entity/<appId>/<entityId>?webUrl=…&label=…&context={"subEntityId":…,"channelId":…}`.
 * `webUrl` (the plain link) is where clients that cannot show the tab go instead.
 */
export function teamsPlanLink(
  base: TabLinkBase,
  target: PlanTarget,
  options: { readonly webUrl: string; readonly label?: string },
): string {
  const url = new URL(
    `/l/entity/${encodeURIComponent(base.appId)}/${encodeURIComponent(base.entityId)}`,
    TEAMS_LINK_ORIGIN,
  );
  url.searchParams.set('webUrl', options.webUrl);
  if (options.label) url.searchParams.set('label', options.label);
  url.searchParams.set(
    'context',
    JSON.stringify({ subEntityId: subEntityIdFor(target), channelId: base.channelId }),
  );
  return url.href;
}

/** Reads a Teams tab deep link back (for tests and diagnostics); null when it is not one. */
export function parseTeamsPlanLink(
  link: string,
): (TabLinkBase & { readonly target: PlanTarget; readonly webUrl: string | null }) | null {
  if (!URL.canParse(link)) return null;
  const url = new URL(link);
  const match = /^\/l\/entity\/([^/]+)\/([^/]+)$/.exec(url.pathname);
  if (url.origin !== TEAMS_LINK_ORIGIN || !match?.[1] || !match[2]) return null;
  let context: unknown;
  try {
    context = JSON.parse(url.searchParams.get('context') ?? '');
  } catch {
    return null;
  }
  if (typeof context !== 'object' || context === null) return null;
  const { subEntityId, channelId } = context as Record<string, unknown>;
  const target = parseSubEntityId(typeof subEntityId === 'string' ? subEntityId : null);
  if (!target || typeof channelId !== 'string') return null;
  return {
    appId: decodeURIComponent(match[1]),
    entityId: decodeURIComponent(match[2]),
    channelId,
    target,
    webUrl: url.searchParams.get('webUrl'),
  };
}
