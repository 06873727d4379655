import { isStoreFailure } from '../../domain/errors';
import type { FollowUp, Person } from '../../domain/follow-up';
import type { Period } from '../../domain/period';
import type { ChannelMessenger, ChannelRef, DirectoryUser } from '../../domain/ports';
import { buildSendBackNotice } from '../../domain/send-back';
import type { Messages } from '../../i18n/sv';
import { failureMessage } from '../shared/failure-message';

/** Whom a send-back reached outside the app, and what the coordinator must be told if not all. */
export interface SendBackNotified {
  readonly notified: readonly Person[];
  readonly messageId: string | null;
  /** Who was not told and why, in a sentence; null when every owner was told. */
  readonly warning: string | null;
}

/** Why the message could not go, as reminders tell it (reminder-panel.tsx sendFailure). */
function why(error: unknown, t: Messages, phase: 'lookup' | 'send'): string {
  if (isStoreFailure(error)) {
    if (error.kind === 'forbidden' || error.kind === 'unauthorized') return t.review.whyForbidden;
    if (error.kind === 'not-found' && phase === 'send') return t.review.whyChannelNotFound;
  }
  return t.review.whyFailed(failureMessage(error, t));
}

/**
 * Tells a sent-back follow-up's owners in the channel: one message @-mentioning them, with the
 * reason and the plan's link, through the reminders' messenger. Never throws: the send-back
 * stands whatever happens here, and the result says whom the message reached. Owners the
 * directory does not know (or who have no sign-in name) are left out of it and named in the
 * warning; when nobody can be mentioned, nothing is sent.
 */
export async function notifySendBack(options: {
  readonly messenger: ChannelMessenger | undefined;
  readonly channel: ChannelRef | undefined;
  readonly period: Period;
  readonly followUp: FollowUp;
  readonly reason: string;
  readonly link: string;
  readonly by: string;
  readonly t: Messages;
}): Promise<SendBackNotified> {
  const { messenger, channel, t } = options;
  const nobody = (reason: string): SendBackNotified => ({
    notified: [],
    messageId: null,
    warning: t.review.notNotified(reason),
  });
  if (!messenger) return nobody(t.review.whyNoMessenger);
  if (!channel) return nobody(t.review.whyNoChannel);
  const first = buildSendBackNotice(options);
  if (first.recipients.length === 0) return nobody(t.review.whyNoOwners);

  let users: Map<string, DirectoryUser>;
  try {
    // By user principal name: Graph finds no one by e-mail, which often differs from it.
    users = await messenger.resolveUsers(first.recipients.map((p) => p.upn));
  } catch (error) {
    return nobody(why(error, t, 'lookup'));
  }
  const unknown = first.recipients.filter((p) => !users.has(p.upn));
  const found = first.recipients.filter((p) => users.has(p.upn));
  if (found.length === 0) {
    return nobody(t.review.whyUnknownUsers(unknown.map((p) => p.name).join(', ')));
  }
  // The message names only the owners found, with mention ids running 0, 1, 2… among them.
  const notice = buildSendBackNotice({
    ...options,
    followUp: { ...options.followUp, owners: found },
  });
  let messageId: string;
  try {
    ({ messageId } = await messenger.send(channel, {
      html: notice.html,
      mentions: notice.mentions.map((m) => {
        const user = users.get(m.person.upn);
        if (!user) throw new Error(`unresolved ${m.person.upn}`);
        return { id: m.id, mentionText: m.person.name, user };
      }),
    }));
  } catch (error) {
    return nobody(why(error, t, 'send'));
  }
  const untold = [...first.unreachable, ...unknown];
  return {
    notified: found,
    messageId,
    warning:
      untold.length === 0 ? null : t.review.partlyNotified(untold.map((p) => p.name).join(', ')),
  };
}
