/**
 * The delegated permissions the app asks for, and which of them its first token request names.
 * No imports: the Teams package build (scripts/teams-manifest.ts) reads the same functions to
 * write the manifest's nested-app-auth prefetch, so the two cannot drift apart.
 */

/** The two resources' addresses, as the tenant configuration gives them. */
export interface ScopeConfig {
  readonly siteUrl: string;
  readonly graphUrl: string;
}

/**
 * The delegated permissions the app asks for, per resource (docs/it-admin.md has the table and
 * why): SharePoint's `AllSites.FullControl`, because set-up creates site groups and the
 * coordinator's rollover, lock, reopen and plan changes break and set item permissions, which
 * need Full Control rights (`AllSites.Manage` is the Design level: no Manage Permissions, no
 * Create Groups). One scope for everyone: with admin consent Entra puts every consented
 * permission of a resource into each of its tokens, so asking owners for less would not make
 * their tokens smaller; what an owner can do stays capped by their own SharePoint rights.
 * Graph: channel messages for reminders and reading users' basic profile to @-mention them, and
 * `TeamsActivity.Send` for the reminders' personal activity-feed notifications (the only
 * delegated permission Graph's sendActivityNotification APIs take).
 */
export function scopesFor(config: ScopeConfig): Record<string, string[]> {
  const sharePoint = new URL(config.siteUrl).origin;
  return {
    [sharePoint]: [`${sharePoint}/AllSites.FullControl`],
    [config.graphUrl]: [
      `${config.graphUrl}/ChannelMessage.Send`,
      `${config.graphUrl}/User.ReadBasic.All`,
      `${config.graphUrl}/TeamsActivity.Send`,
    ],
  };
}

/**
 * The resource of the app's first token request, and of its sign-in: SharePoint, whose lists
 * the first screen reads before anything else (Graph is asked only for a reminder or a
 * people search).
 */
export function signInResourceFor(config: Pick<ScopeConfig, 'siteUrl'>): string {
  return new URL(config.siteUrl).origin;
}

/**
 * The scopes of the first token request, in its order: what Teams should prefetch for the tab
 * (`webApplicationInfo.nestedAppAuthInfo[].scopes`, which must match "the proceeding NAA request
 * in the app", as the manifest schema says).
 */
export function firstRequestScopes(config: ScopeConfig): string[] {
  return [...(scopesFor(config)[signInResourceFor(config)] ?? [])];
}
