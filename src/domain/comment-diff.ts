import { assertNever } from './assert-never';
import type { Status } from './follow-up';
import { htmlToPlainText } from './rich-text';

/**
 * What changed between two periods' follow-ups of a plan: the status (better, worse…) and the
 * comment, word by word. Pure string work, so the history view and later the lists can share it.
 */

export type DiffKind = 'same' | 'added' | 'removed';

/** A run of text that both versions share, or that only the newer (added) or older has. */
export interface DiffPart {
  readonly kind: DiffKind;
  readonly text: string;
}

/**
 * Above this many tokens on a side (after the shared start and end are set aside), the word
 * diff is not tried: the texts are compared sentence by sentence instead. A comment holds at
 * most 10,000 characters (about 3,500 tokens), so this only catches data written outside the app.
 */
export const MAX_DIFF_TOKENS = 4_000;

/**
 * Most edits the word diff searches for. Myers' algorithm costs time (N+M)·D and, to trace the
 * path back, memory about D²; this keeps both small (about 4 MB). Beyond some 500 changed words
 * a word-level diff is noise to a reader anyway, and the sentence-level diff says more.
 */
export const MAX_DIFF_EDITS = 1_000;

// A word keeps inner hyphens and apostrophes ("IT-säkerhet", "plan’s"); whitespace runs and
// punctuation runs are tokens of their own, so every character lands in exactly one token.
const WORD_TOKENS = /[\p{L}\p{N}\p{M}]+(?:['’-][\p{L}\p{N}\p{M}]+)*|\s+|[^\p{L}\p{N}\p{M}\s]+/gu;

// A sentence runs to its end mark or line break and takes the whitespace after it along.
const SENTENCE_TOKENS = /[^.!?\n]+[.!?\n]*\s*|[.!?\n]+\s*/gu;

/** Splits text into words, whitespace runs and punctuation runs; joined they give the text. */
export function tokenizeWords(text: string): string[] {
  return text.match(WORD_TOKENS) ?? [];
}

/** Splits text into sentences (with the whitespace after each); joined they give the text. */
export function tokenizeSentences(text: string): string[] {
  return text.match(SENTENCE_TOKENS) ?? [];
}

/**
 * The word-level difference between two texts, as runs in reading order: shared text, and for
 * each change the removed words before the added ones. Joining the 'same' and 'removed' runs
 * gives `before`; joining 'same' and 'added' gives `after`.
 *
 * Long or thoroughly rewritten texts fall back to a coarser diff, sentence by sentence (plain
 * text has no paragraphs left), and in the last resort to "all removed, all added" around the
 * shared start and end: see MAX_DIFF_TOKENS and MAX_DIFF_EDITS. The work is bounded either way.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  if (before === after) return before === '' ? [] : [{ kind: 'same', text: before }];
  return (
    diffTokens(tokenizeWords(before), tokenizeWords(after)) ??
    diffTokens(tokenizeSentences(before), tokenizeSentences(after)) ??
    wholesale(tokenizeSentences(before), tokenizeSentences(after))
  );
}

export type CommentChangeKind = 'new' | 'unchanged' | 'changed' | 'removed' | 'none';

/** How a comment changed since the period before, with the word diff of its text. */
export interface CommentChange {
  /**
   * 'none': no text either time; 'new': text now and none before; 'removed': the reverse;
   * 'unchanged': the same text, which usually means it was copied on without an update;
   * 'changed': the text differs.
   */
  readonly kind: CommentChangeKind;
  readonly parts: readonly DiffPart[];
}

/**
 * Compares two comments by their readable text. Formatting is left out on purpose: a comment
 * that only gained bold or a list still says the same, and counts as unchanged.
 * `previousHtml` is null when there is no earlier follow-up to compare with.
 */
export function commentChange(previousHtml: string | null, currentHtml: string): CommentChange {
  const before = previousHtml === null ? '' : htmlToPlainText(previousHtml);
  const after = htmlToPlainText(currentHtml);
  if (before === '' && after === '') return { kind: 'none', parts: [] };
  if (before === '') return { kind: 'new', parts: [{ kind: 'added', text: after }] };
  if (after === '') return { kind: 'removed', parts: [{ kind: 'removed', text: before }] };
  if (before === after) return { kind: 'unchanged', parts: [{ kind: 'same', text: after }] };
  return { kind: 'changed', parts: diffWords(before, after) };
}

export type StatusDirection = 'better' | 'worse' | 'same' | 'unknown';

/** A status then and now, and whether that is a step up or down. */
export interface StatusChange {
  readonly from: Status | null;
  readonly to: Status | null;
  /** 'unknown' whenever either side has no assessed status (not assessed, or none given). */
  readonly direction: StatusDirection;
}

/** Compares two statuses: good is better than partly, which is better than poor. */
export function statusChange(previous: Status | null, current: Status | null): StatusChange {
  const from = previous === null ? null : rank(previous);
  const to = current === null ? null : rank(current);
  const direction: StatusDirection =
    from === null || to === null ? 'unknown' : to > from ? 'better' : to < from ? 'worse' : 'same';
  return { from: previous, to: current, direction };
}

/** A status's place on the scale; null for "not assessed", which is off the scale. */
function rank(status: Status): number | null {
  switch (status) {
    case 'good':
      return 3;
    case 'partly':
      return 2;
    case 'poor':
      return 1;
    case 'not-assessed':
      return null;
    default:
      return assertNever(status);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* The diff                                                                                    */
/* ------------------------------------------------------------------------------------------ */

type Op = { readonly kind: DiffKind; readonly token: string };

/**
 * Diffs two token lists, or returns null when that would cost more than the bounds allow. The
 * shared start and end are set aside first (linear, and most edits touch a small middle).
 */
function diffTokens(a: readonly string[], b: readonly string[]): DiffPart[] | null {
  const { start, endA, endB } = sharedEnds(a, b);
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  if (middleA.length > MAX_DIFF_TOKENS || middleB.length > MAX_DIFF_TOKENS) return null;
  const middle = myers(middleA, middleB, MAX_DIFF_EDITS);
  if (middle === null) return null;
  const ops: Op[] = [
    ...a.slice(0, start).map((token): Op => ({ kind: 'same', token })),
    ...middle,
    ...a.slice(endA).map((token): Op => ({ kind: 'same', token })),
  ];
  return toParts(ops);
}

/** The last resort: everything between the shared start and end was replaced. */
function wholesale(a: readonly string[], b: readonly string[]): DiffPart[] {
  const { start, endA, endB } = sharedEnds(a, b);
  return toParts([
    ...a.slice(0, start).map((token): Op => ({ kind: 'same', token })),
    ...a.slice(start, endA).map((token): Op => ({ kind: 'removed', token })),
    ...b.slice(start, endB).map((token): Op => ({ kind: 'added', token })),
    ...a.slice(endA).map((token): Op => ({ kind: 'same', token })),
  ]);
}

/** How many tokens both lists start with, and where their shared ending begins in each. */
function sharedEnds(
  a: readonly string[],
  b: readonly string[],
): { start: number; endA: number; endB: number } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { start, endA, endB };
}

/**
 * Myers' O((N+M)·D) shortest edit script, or null when it needs more than `maxEdits` edits.
 * Each round's furthest-reaching x per diagonal is kept (only diagonals −d…d, so memory is about
 * D²) to walk the path back from the end.
 */
function myers(a: readonly string[], b: readonly string[], maxEdits: number): Op[] | null {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(n + m, maxEdits);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  // trace[d] holds v for diagonals −(d+1)…d+1 as it stood before round d.
  const trace: Int32Array[] = [];
  const at = (row: Int32Array, d: number, k: number): number => row[k + d + 1] ?? 0;

  let found = -1;
  for (let d = 0; d <= limit && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
      let x = down ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return null;

  const reversed: Op[] = [];
  let x = n;
  let y = m;
  for (let d = found; d >= 0; d--) {
    const row = trace[d];
    if (!row) break;
    const k = x - y;
    const down = k === -d || (k !== d && at(row, d, k - 1) < at(row, d, k + 1));
    const previousK = down ? k + 1 : k - 1;
    const previousX = at(row, d, previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      x--;
      y--;
      reversed.push({ kind: 'same', token: a[x] ?? '' });
    }
    if (d > 0) {
      if (down) reversed.push({ kind: 'added', token: b[previousY] ?? '' });
      else reversed.push({ kind: 'removed', token: a[previousX] ?? '' });
    }
    x = previousX;
    y = previousY;
  }
  return reversed.reverse();
}

type Segment =
  | { readonly type: 'same'; readonly text: string }
  | { readonly type: 'change'; readonly removed: string; readonly added: string };

const WHITESPACE_ONLY = /^\s+$/u;

/**
 * Turns token edits into runs a reader can follow: consecutive edits become one change (removed
 * words, then added ones), and a lone whitespace run between two replacements joins them, so
 * "quick brown" replaced by "slow red" reads as one change instead of two around a shared space.
 */
function toParts(ops: readonly Op[]): DiffPart[] {
  const joined: Segment[] = [];
  for (const segment of group(ops)) {
    const gap = joined.at(-1);
    const before = joined.at(-2);
    if (
      segment.type === 'change' &&
      gap?.type === 'same' &&
      WHITESPACE_ONLY.test(gap.text) &&
      before?.type === 'change' &&
      // Only between two replacements: next to a pure insertion or deletion the space would
      // end up struck out or inserted on its own, which reads worse than leaving it shared.
      before.removed !== '' &&
      before.added !== '' &&
      segment.removed !== '' &&
      segment.added !== ''
    ) {
      joined.splice(-2, 2, {
        type: 'change',
        removed: before.removed + gap.text + segment.removed,
        added: before.added + gap.text + segment.added,
      });
    } else {
      joined.push(segment);
    }
  }

  const parts: DiffPart[] = [];
  for (const segment of joined) {
    if (segment.type === 'same') {
      parts.push({ kind: 'same', text: segment.text });
      continue;
    }
    if (segment.removed) parts.push({ kind: 'removed', text: segment.removed });
    if (segment.added) parts.push({ kind: 'added', text: segment.added });
  }
  return parts;
}

/** Runs of shared tokens, and runs of edits with their removed and added tokens apart. */
function group(ops: readonly Op[]): Segment[] {
  const segments: Segment[] = [];
  let same = '';
  let removed = '';
  let added = '';
  const flushChange = () => {
    if (removed || added) segments.push({ type: 'change', removed, added });
    removed = '';
    added = '';
  };
  for (const op of ops) {
    switch (op.kind) {
      case 'same':
        flushChange();
        same += op.token;
        break;
      case 'removed':
      case 'added':
        if (same) segments.push({ type: 'same', text: same });
        same = '';
        if (op.kind === 'removed') removed += op.token;
        else added += op.token;
        break;
      default:
        assertNever(op.kind);
    }
  }
  flushChange();
  if (same) segments.push({ type: 'same', text: same });
  return segments;
}
