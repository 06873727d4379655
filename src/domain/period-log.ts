/**
 * What happened to a period, kept on the period item as JSON lines so it travels with the period
 * and needs no list of its own: reminders sent, the period locked and reopened (with a reason),
 * follow-ups sent back to their owners.
 */
export type PeriodLogEntry =
  | {
      readonly kind: 'reminder';
      readonly at: string;
      readonly by: string;
      /** Names of the owners the channel message mentioned (empty when it sent none). */
      readonly reminded: readonly string[];
      /** The channel message's id; null when the reminder went out personally only. */
      readonly messageId: string | null;
      /**
       * Personal activity-feed notifications, when they were asked for: the names of those
       * notified and of those Graph refused to notify (absent on channel-only reminders).
       */
      readonly personal?: { readonly sent: readonly string[]; readonly failed: readonly string[] };
    }
  | { readonly kind: 'locked'; readonly at: string; readonly by: string }
  | {
      readonly kind: 'reopened';
      readonly at: string;
      readonly by: string;
      readonly reason: string;
    }
  /** The period was started from `from` (rollover); its follow-ups are being written. */
  | { readonly kind: 'opened'; readonly at: string; readonly by: string; readonly from: string }
  /** Every follow-up of the started period is written and its owners may answer it. */
  | { readonly kind: 'ready'; readonly at: string; readonly by: string; readonly plans: number }
  /**
   * A coordinator sent a plan's follow-up back to its owners, with the reason; `notified` names
   * the owners told in the channel (`messageId` the message), empty when nobody could be told.
   */
  | {
      readonly kind: 'returned';
      readonly at: string;
      readonly by: string;
      /** "3. Övergripande handlingsplan för läkemedel 2020" */
      readonly plan: string;
      readonly reason: string;
      readonly notified: readonly string[];
      readonly messageId: string | null;
    };

const isNames = (value: unknown): boolean =>
  Array.isArray(value) && value.every((n) => typeof n === 'string');

function isPersonal(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return isNames(v.sent) && isNames(v.failed);
}

function isEntry(value: unknown): value is PeriodLogEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (typeof v.at !== 'string' || typeof v.by !== 'string') return false;
  switch (v.kind) {
    case 'reminder':
      return (
        Array.isArray(v.reminded) &&
        v.reminded.every((n) => typeof n === 'string') &&
        (v.messageId === null || typeof v.messageId === 'string') &&
        (v.personal === undefined || isPersonal(v.personal))
      );
    case 'locked':
      return true;
    case 'reopened':
      return typeof v.reason === 'string';
    case 'opened':
      return typeof v.from === 'string';
    case 'ready':
      return typeof v.plans === 'number';
    case 'returned':
      return (
        typeof v.plan === 'string' &&
        typeof v.reason === 'string' &&
        Array.isArray(v.notified) &&
        v.notified.every((n) => typeof n === 'string') &&
        (v.messageId === null || typeof v.messageId === 'string')
      );
    default:
      return false;
  }
}

/** Reads the stored log; lines that are not entries (edited by hand, newer app) are skipped. */
export function parsePeriodLog(text: string): PeriodLogEntry[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .flatMap((line) => {
      try {
        const value: unknown = JSON.parse(line);
        return isEntry(value) ? [value] : [];
      } catch {
        return [];
      }
    });
}

/** The stored text with one more entry. */
export function appendPeriodLog(text: string, entry: PeriodLogEntry): string {
  const trimmed = text.trimEnd();
  return `${trimmed === '' ? '' : `${trimmed}\n`}${JSON.stringify(entry)}`;
}

/**
 * The period a started period was rolled over from, while its start is not finished: the log says
 * it was opened and not yet that it is ready (a rollover that failed part-way, e.g. on one item's
 * permissions). Null for a finished start and for periods the log says nothing of.
 */
export function unfinishedStart(log: readonly PeriodLogEntry[]): string | null {
  const last = [...log].reverse().find((e) => e.kind === 'opened' || e.kind === 'ready');
  return last?.kind === 'opened' ? last.from : null;
}
