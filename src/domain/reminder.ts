import { formatDate } from './format';
import { isFollowedUp, type FollowUp, type Person } from './follow-up';
import { periodLabel, type Period } from './period';
import { sortByPlanOrder } from './rules';

/**
 * The coordinator's reminder: one channel message that @-mentions every owner whose input is
 * missing, with each plan's link and the due date. Teams wants `<at id="n">Name</at>` in the
 * HTML body and a `mentions` entry with the same id for each tag; ids run 0, 1, 2… in the order
 * the tags appear, and a person owning two plans is mentioned twice (once per plan).
 */

/** One `<at id="n">` tag of the message and whom it names. */
export interface ReminderMention {
  readonly id: number;
  readonly person: Person;
}

/** A plan the message names, with the owners mentioned for it. */
export interface ReminderPlan {
  readonly followUp: FollowUp;
  readonly owners: readonly Person[];
  readonly link: string;
}

export interface Reminder {
  /** Everyone reminded, each once, in order of first mention. */
  readonly recipients: readonly Person[];
  readonly plans: readonly ReminderPlan[];
  /** The message body (Teams channel message, contentType html). */
  readonly html: string;
  readonly mentions: readonly ReminderMention[];
}

export interface ReminderRequest {
  readonly period: Period;
  /** The period's follow-ups; submitted ones are never reminded. */
  readonly followUps: readonly FollowUp[];
  /** Remind only these owners (site user ids); undefined = every owner who owes input. */
  readonly selectedOwnerIds?: ReadonlySet<number> | readonly number[];
  /** The link that opens a plan's form. */
  readonly link: (followUp: FollowUp) => string;
}

/** Escapes text for HTML content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Owners who still owe input for the period (not submitted), each once, by name. */
export function owingOwners(followUps: readonly FollowUp[]): Person[] {
  const owners = new Map<number, Person>();
  for (const f of followUps) {
    if (f.inputState === 'submitted' || !isFollowedUp(f)) continue;
    for (const owner of f.owners) if (!owners.has(owner.id)) owners.set(owner.id, owner);
  }
  return [...owners.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

/** The plain app link to a plan's form (kept here for the reminder's callers). */
export { planFormLink } from './deep-link';

/** Builds the reminder message: greeting, due date, plans with links and mentioned owners. */
export function buildReminder(request: ReminderRequest): Reminder {
  const selected =
    request.selectedOwnerIds === undefined ? null : new Set<number>(request.selectedOwnerIds);
  const mentions: ReminderMention[] = [];
  const recipients = new Map<number, Person>();
  const plans: ReminderPlan[] = [];
  const items: string[] = [];
  const awaiting = sortByPlanOrder(
    request.followUps.filter(
      (f) => f.periodKey === request.period.key && f.inputState !== 'submitted' && isFollowedUp(f),
    ),
  );
  for (const followUp of awaiting) {
    const owners = followUp.owners.filter((o) => selected === null || selected.has(o.id));
    if (owners.length === 0) continue;
    const link = request.link(followUp);
    const tags = owners.map((person) => {
      const id = mentions.length;
      mentions.push({ id, person });
      if (!recipients.has(person.id)) recipients.set(person.id, person);
      return `<at id="${id}">${escapeHtml(person.name)}</at>`;
    });
    plans.push({ followUp, owners, link });
    items.push(
      `<li><a href="${escapeHtml(link)}">${followUp.sortOrder}. ${escapeHtml(followUp.title)}</a> – ${tags.join(', ')}</li>`,
    );
  }
  const label = escapeHtml(periodLabel(request.period, 'sv'));
  const due = request.period.dueDate
    ? ` senast <strong>${escapeHtml(formatDate(request.period.dueDate, 'sv'))}</strong>`
    : '';
  const html =
    items.length === 0
      ? ''
      : [
          `<p>Hej! Påminnelse om uppföljningen av handlingsplanerna för ${label}: lämna ert svar${due}.</p>`,
          `<p>Följande planer saknar svar:</p>`,
          `<ul>${items.join('')}</ul>`,
          `<p>Öppna planen via länken, fyll i status och kommentar och skicka in. Tack!</p>`,
        ].join('');
  return { recipients: [...recipients.values()], plans, html, mentions };
}
