import { parseTeamsPlanLink } from './deep-link';
import type { Person } from './follow-up';
import { periodLabel, type Period } from './period';
import type { PeriodLogEntry } from './period-log';
import type { Reminder, ReminderPlan } from './reminder';

/**
 * The personal nudge: beside (or instead of) the channel message, each owner with missing input
 * gets a Teams activity-feed notification whose click opens their plan's form in the tab.
 *
 * Graph's bulk `POST /teamwork/sendActivityNotificationToRecipients` sends one notification (one
 * topic, one link) to up to 100 users, so the nudge is one request per plan: its owners are the
 * recipients and the plan's Teams deep link is the topic's `webUrl` (a topic of source `text`
 * needs a `webUrl`, and Teams opens only its own links from the feed). A person owning two plans
 * gets two notifications, as the channel message mentions them twice. The signed-in user is
 * never a recipient: Graph does not deliver a user's notifications to themselves
 * ("Send activity feed notifications to users in Microsoft Teams", FAQ).
 */

/** How the reminder goes out: the channel message, a personal notification each, or both. */
export type ReminderDelivery = 'channel' | 'personal' | 'both';

export const REMINDER_DELIVERIES: readonly ReminderDelivery[] = ['channel', 'personal', 'both'];

export const sendsChannel = (delivery: ReminderDelivery) => delivery !== 'personal';
export const sendsPersonal = (delivery: ReminderDelivery) => delivery !== 'channel';

/** The activity type the manifest declares (`activities.activityTypes[].type`). */
export const INPUT_REMINDER_ACTIVITY = 'inputReminder';

/** Graph's upper limit of recipients in one sendActivityNotificationToRecipients request. */
export const ACTIVITY_RECIPIENT_LIMIT = 100;

/** Teams shows the first 150 characters of a notification's preview text. */
export const PREVIEW_TEXT_LIMIT = 150;

/** One bulk notification: the same topic, link and text for every recipient. */
export interface PersonalNudge {
  readonly plan: ReminderPlan;
  readonly recipients: readonly Person[];
  /** The topic's text: the plan, as the channel message names it. */
  readonly topic: string;
  /** The Teams deep link to the plan's form. */
  readonly webUrl: string;
  readonly previewText: string;
  /** Values of the manifest template's parameters (`{period}`); `actor` is Graph's own. */
  readonly templateParameters: ReadonlyArray<{ readonly name: string; readonly value: string }>;
}

export type NudgePlan =
  | {
      readonly ok: true;
      readonly nudges: readonly PersonalNudge[];
      /** The sender owns a plan being reminded: they get no notification from themselves. */
      readonly senderSkipped: boolean;
    }
  /** The plans' links are not Teams deep links: outside a Teams channel tab. */
  | { readonly ok: false; readonly reason: 'no-teams-link' };

function cut(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/**
 * The notifications for a reminder: one per plan (split at Graph's 100 recipients), the sender
 * left out. Personal notifications need a Teams deep link as each plan's link.
 */
export function planNudges(
  reminder: Reminder,
  period: Period,
  sender: Pick<Person, 'id'>,
): NudgePlan {
  if (reminder.plans.some((p) => parseTeamsPlanLink(p.link) === null)) {
    return { ok: false, reason: 'no-teams-link' };
  }
  const label = periodLabel(period, 'sv');
  const nudges: PersonalNudge[] = [];
  let senderSkipped = false;
  for (const plan of reminder.plans) {
    const recipients = plan.owners.filter((o) => o.id !== sender.id && o.upn !== '');
    if (plan.owners.some((o) => o.id === sender.id)) senderSkipped = true;
    const topic = `${plan.followUp.sortOrder}. ${plan.followUp.title}`;
    const previewText = cut(
      `${topic} saknar ert svar för ${label}. Öppna planen, fyll i status och kommentar och skicka in.`,
      PREVIEW_TEXT_LIMIT,
    );
    for (let start = 0; start < recipients.length; start += ACTIVITY_RECIPIENT_LIMIT) {
      nudges.push({
        plan,
        recipients: recipients.slice(start, start + ACTIVITY_RECIPIENT_LIMIT),
        topic,
        webUrl: plan.link,
        previewText,
        templateParameters: [{ name: 'period', value: label }],
      });
    }
  }
  return { ok: true, nudges, senderSkipped };
}

/** Everyone a nudge plan notifies, each once, in order. */
export function nudgeRecipients(nudges: readonly PersonalNudge[]): Person[] {
  const people = new Map<number, Person>();
  for (const n of nudges) for (const p of n.recipients) if (!people.has(p.id)) people.set(p.id, p);
  return [...people.values()];
}

/** What came of one notification request. */
export type NudgeResult =
  | { readonly nudge: PersonalNudge; readonly ok: true }
  | { readonly nudge: PersonalNudge; readonly ok: false; readonly error: unknown };

/** Per person: notified for every plan, or not for at least one (with the plans that failed). */
export interface PersonalOutcome {
  readonly sent: readonly Person[];
  readonly failed: ReadonlyArray<{
    readonly person: Person;
    readonly plans: readonly string[];
    readonly error: unknown;
  }>;
}

/** Folds the requests' results into who got their notifications and who did not. */
export function personalOutcome(results: readonly NudgeResult[]): PersonalOutcome {
  const order: Person[] = [];
  const failed = new Map<number, { person: Person; plans: string[]; error: unknown }>();
  for (const result of results) {
    for (const person of result.nudge.recipients) {
      if (!order.some((p) => p.id === person.id)) order.push(person);
      if (result.ok) continue;
      const entry = failed.get(person.id) ?? { person, plans: [], error: result.error };
      entry.plans.push(result.nudge.topic);
      failed.set(person.id, entry);
    }
  }
  return {
    sent: order.filter((p) => !failed.has(p.id)),
    failed: order.flatMap((p) => {
      const f = failed.get(p.id);
      return f ? [f] : [];
    }),
  };
}

/**
 * The log entry of a reminder: the channel message (its id and whom it mentioned; null when
 * none went out) and the personal notifications (who got them, who did not). Null when nothing
 * went out at all.
 */
export function reminderLogEntry(input: {
  readonly at: string;
  readonly by: string;
  readonly channel: { readonly messageId: string; readonly reminded: readonly Person[] } | null;
  readonly personal: PersonalOutcome | null;
}): Extract<PeriodLogEntry, { kind: 'reminder' }> | null {
  const sentPersonal = input.personal?.sent.length ?? 0;
  if (!input.channel && sentPersonal === 0) return null;
  return {
    kind: 'reminder',
    at: input.at,
    by: input.by,
    reminded: input.channel ? input.channel.reminded.map((p) => p.name) : [],
    messageId: input.channel?.messageId ?? null,
    ...(input.personal
      ? {
          personal: {
            sent: input.personal.sent.map((p) => p.name),
            failed: input.personal.failed.map((f) => f.person.name),
          },
        }
      : {}),
  };
}
