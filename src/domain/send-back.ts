import type { FollowUp, Person } from './follow-up';
import { periodLabel, type Period } from './period';
import { escapeHtml, type ReminderMention } from './reminder';

/**
 * The owner's notice of a send-back: one channel message that @-mentions the plan's owners, with
 * the coordinator's reason and the plan's link, posted through the same messenger as reminders.
 */
export interface SendBackNotice {
  /** The owners told, each once; an owner with no sign-in name cannot be mentioned. */
  readonly recipients: readonly Person[];
  /** Owners Graph cannot find by any key (no user principal name in the site). */
  readonly unreachable: readonly Person[];
  /** The message body (Teams channel message, contentType html); '' when nobody is told. */
  readonly html: string;
  readonly mentions: readonly ReminderMention[];
}

export interface SendBackRequest {
  readonly period: Period;
  readonly followUp: FollowUp;
  /** Why it was sent back, as the coordinator wrote it (plain text). */
  readonly reason: string;
  /** The link that opens the plan's form. */
  readonly link: string;
  /** Who sent it back. */
  readonly by: string;
}

/** Plain text as HTML: escaped, line breaks kept. */
function textToHtml(text: string): string {
  return escapeHtml(text.trim()).replace(/\r?\n/g, '<br>');
}

/** Builds the notice of a send-back: whom it tells, the mentions and the message. */
export function buildSendBackNotice(request: SendBackRequest): SendBackNotice {
  const { followUp } = request;
  const seen = new Set<number>();
  const owners = followUp.owners.filter((o) => !seen.has(o.id) && seen.add(o.id));
  const recipients = owners.filter((o) => o.upn !== '');
  const unreachable = owners.filter((o) => o.upn === '');
  const mentions = recipients.map((person, id) => ({ id, person }));
  if (mentions.length === 0) return { recipients, unreachable, html: '', mentions };
  const tags = mentions.map((m) => `<at id="${m.id}">${escapeHtml(m.person.name)}</at>`).join(', ');
  const plan = `${followUp.sortOrder}. ${escapeHtml(followUp.title)}`;
  const html = [
    `<p>${tags}: ${escapeHtml(request.by)} har skickat tillbaka uppföljningen av <a href="${escapeHtml(request.link)}">${plan}</a> för ${escapeHtml(periodLabel(request.period, 'sv'))} för komplettering.</p>`,
    `<p><strong>Vad som behöver kompletteras:</strong><br>${textToHtml(request.reason)}</p>`,
    `<p>Öppna planen via länken, komplettera och skicka in igen. Tack!</p>`,
  ].join('');
  return { recipients, unreachable, html, mentions };
}
