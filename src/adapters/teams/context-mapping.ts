import type { app } from '@microsoft/teams-js';
import type { HostContext } from '../../domain/ports';

type Theme = NonNullable<HostContext['theme']>;

/** Teams' theme names (`default`, `dark`, `contrast`) as the app's; anything else is light. */
export function themeFromTeams(theme: string | undefined): Theme {
  if (theme === 'dark') return 'dark';
  if (theme === 'contrast') return 'contrast';
  return 'light';
}

/** Teams' locale (`sv-se`, `en-us`, `en-gb`…) as the app's language; others are left to the app. */
export function localeFromTeams(locale: string | undefined): HostContext['locale'] {
  const language = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  if (language === 'sv') return 'sv';
  if (language === 'en') return 'en';
  return undefined;
}

const FRAME_CONTEXTS: ReadonlyArray<HostContext['frameContext']> = [
  'content',
  'settings',
  'remove',
  'sidePanel',
];

function nonEmpty(value: string | undefined | null): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * The parts of Teams' context the app uses: who is signed in, which team, channel and SharePoint
 * site, language and theme, and which tab and sub-entity (deep link) was opened.
 */
export function hostContextFrom(context: app.Context): HostContext {
  const frame = context.page.frameContext as string | undefined;
  const groupId = nonEmpty(context.team?.groupId);
  const channelId = nonEmpty(context.channel?.id);
  const objectId = nonEmpty(context.user?.id);
  const userPrincipalName = nonEmpty(context.user?.userPrincipalName);
  const teamSiteUrl = nonEmpty(context.sharePointSite?.teamSiteUrl);
  const locale = localeFromTeams(context.app.locale);
  const entityId = nonEmpty(context.page.id);
  const subEntityId = nonEmpty(context.page.subPageId);
  const appId = nonEmpty(context.app.appId?.toString());
  return {
    kind: 'teams',
    frameContext: FRAME_CONTEXTS.find((f) => f === frame) ?? 'other',
    ...(objectId || userPrincipalName
      ? {
          user: {
            ...(objectId ? { objectId } : {}),
            ...(userPrincipalName ? { userPrincipalName } : {}),
          },
        }
      : {}),
    ...(groupId && channelId ? { channel: { groupId, channelId } } : {}),
    ...(teamSiteUrl ? { teamSiteUrl: teamSiteUrl.replace(/\/+$/, '') } : {}),
    ...(locale ? { locale } : {}),
    theme: themeFromTeams(context.app.theme),
    ...(entityId ? { entityId } : {}),
    ...(subEntityId ? { subEntityId } : {}),
    ...(appId ? { appId } : {}),
  };
}
