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
 * Above this many tokens (words and punctuation runs; whitespace rides along) on a side, once
 * the shared start and end are set aside, the word diff is not tried and the texts are compared
 * sentence by sentence instead. A comment holds at most 10,000 characters, about 2,000 tokens,
 * so this catches data written outside the app, not ordinary comments.
 */
export const MAX_DIFF_TOKENS = 4_000;

/**
 * Most edits the word diff searches for. Myers' algorithm costs time (N+M)·D and, to trace the
 * path back, memory about D² numbers; this keeps both small (some 4 MB). Beyond some 500 changed
 * words a word-level diff is noise to a reader anyway, and the sentence-level diff says more.
 */
export const MAX_DIFF_EDITS = 1_000;

// A word keeps inner hyphens and apostrophes ("IT-säkerhet", "plan’s"); whitespace runs and
// punctuation runs are tokens of their own, so every character lands in exactly one token.
const WORD_TOKENS = /[\p{L}\p{N}\p{M}]+(?:['’-][\p{L}\p{N}\p{M}]+)*|\s+|[^\p{L}\p{N}\p{M}\s]+/gu;

// A sentence runs to its end marks or a line break; the whitespace around it is split off below.
const SENTENCES = /[^.!?\n]+[.!?]*|[.!?]+|\n/gu;
const LEADING_SPACE = /^\s*/u;
const TRAILING_SPACE = /\s*$/u;

/** Splits text into words, whitespace runs and punctuation runs; joined they give the text. */
export function tokenizeWords(text: string): string[] {
  return text.match(WORD_TOKENS) ?? [];
}

/** Splits text into sentences and the whitespace runs between them; joined they give the text. */
export function tokenizeSentences(text: string): string[] {
  const tokens: string[] = [];
  const pushSpace = (space: string) => {
    if (space === '') return;
    const last = tokens.at(-1);
    if (last !== undefined && last.trim() === '') tokens[tokens.length - 1] = last + space;
    else tokens.push(space);
  };
  for (const match of text.match(SENTENCES) ?? []) {
    const leading = LEADING_SPACE.exec(match)?.[0] ?? '';
    const content = match.slice(leading.length).replace(TRAILING_SPACE, '');
    pushSpace(leading);
    if (content) tokens.push(content);
    pushSpace(match.slice(leading.length + content.length));
  }
  return tokens;
}

/**
 * The word-level difference between two texts, as runs in reading order: shared text, and for
 * each change the removed words before the added ones. Joining the 'same' and 'removed' runs
 * gives `before`; joining 'same' and 'added' gives `after`. Words and punctuation are compared;
 * whitespace travels with the word after it, so matching spaces never stand in for matching
 * words.
 *
 * Long or thoroughly rewritten texts fall back to a coarser diff, sentence by sentence (plain
 * text has no paragraphs left), and in the last resort to "all removed, all added" between the
 * shared start and end: see MAX_DIFF_TOKENS and MAX_DIFF_EDITS. The work is bounded either way.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  if (before === after) return before === '' ? [] : [{ kind: 'same', text: before }];
  const byWord = diffPieces(pieces(tokenizeWords(before)), pieces(tokenizeWords(after)), true);
  if (byWord) return byWord;
  const sentencesBefore = pieces(tokenizeSentences(before));
  const sentencesAfter = pieces(tokenizeSentences(after));
  return (
    diffPieces(sentencesBefore, sentencesAfter, true) ??
    // Cannot be null: without a search there is no bound to exceed.
    diffPieces(sentencesBefore, sentencesAfter, false) ??
    []
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
  const kind = kindOfChange(before, after);
  switch (kind) {
    case 'none':
      return { kind, parts: [] };
    case 'new':
      return { kind, parts: [{ kind: 'added', text: after }] };
    case 'removed':
      return { kind, parts: [{ kind: 'removed', text: before }] };
    case 'unchanged':
      return { kind, parts: [{ kind: 'same', text: after }] };
    case 'changed':
      return { kind, parts: diffWords(before, after) };
    default:
      return assertNever(kind);
  }
}

/**
 * Just the kind of commentChange, without the word diff: cheap enough for every row of a list.
 */
export function commentChangeKind(
  previousHtml: string | null,
  currentHtml: string,
): CommentChangeKind {
  return kindOfChange(
    previousHtml === null ? '' : htmlToPlainText(previousHtml),
    htmlToPlainText(currentHtml),
  );
}

function kindOfChange(before: string, after: string): CommentChangeKind {
  if (before === '' && after === '') return 'none';
  if (before === '') return 'new';
  if (after === '') return 'removed';
  return before === after ? 'unchanged' : 'changed';
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

/** A token that counts (word, punctuation, sentence) with the whitespace in front of it. */
interface Piece {
  readonly space: string;
  readonly token: string;
}

/** The tokens that count, each with the whitespace before it, and the whitespace at the end. */
interface Pieces {
  readonly items: readonly Piece[];
  readonly trailing: string;
}

function pieces(tokens: readonly string[]): Pieces {
  const items: Piece[] = [];
  let space = '';
  for (const token of tokens) {
    if (token.trim() === '') space += token;
    else {
      items.push({ space, token });
      space = '';
    }
  }
  return { items, trailing: space };
}

type Op = { readonly kind: DiffKind; readonly text: string };

/**
 * Diffs two texts' pieces, or returns null when that would cost more than the bounds allow.
 * The shared start and end are set aside first (linear, and most edits touch a small middle).
 * Without `search`, the middle is simply taken as replaced.
 */
function diffPieces(a: Pieces, b: Pieces, search: boolean): DiffPart[] | null {
  const tokensA = a.items.map((p) => p.token);
  const tokensB = b.items.map((p) => p.token);
  const { start, endA, endB } = sharedEnds(tokensA, tokensB);
  const middleA = tokensA.slice(start, endA);
  const middleB = tokensB.slice(start, endB);
  let middle: Step[] | null;
  if (!search) {
    middle = [
      ...middleA.map((_, i): Step => ({ kind: 'removed', i: start + i })),
      ...middleB.map((_, j): Step => ({ kind: 'added', j: start + j })),
    ];
  } else if (middleA.length > MAX_DIFF_TOKENS || middleB.length > MAX_DIFF_TOKENS) {
    return null;
  } else {
    middle = myers(middleA, middleB, MAX_DIFF_EDITS)?.map((step) => shift(step, start)) ?? null;
    if (middle === null) return null;
  }
  const steps: Step[] = [
    ...tokensA.slice(0, start).map((_, i): Step => ({ kind: 'same', i, j: i })),
    ...middle,
    ...tokensA.slice(endA).map((_, i): Step => ({ kind: 'same', i: endA + i, j: endB + i })),
  ];

  const ops: Op[] = [];
  const pieceA = (i: number) => a.items[i] ?? { space: '', token: '' };
  const pieceB = (j: number) => b.items[j] ?? { space: '', token: '' };
  const pushSpaces = (before: string, after: string) => {
    if (before === after) ops.push({ kind: 'same', text: before });
    else ops.push({ kind: 'removed', text: before }, { kind: 'added', text: after });
  };
  for (const step of steps) {
    switch (step.kind) {
      case 'same':
        pushSpaces(pieceA(step.i).space, pieceB(step.j).space);
        ops.push({ kind: 'same', text: pieceA(step.i).token });
        break;
      case 'removed':
        ops.push({ kind: 'removed', text: pieceA(step.i).space + pieceA(step.i).token });
        break;
      case 'added':
        ops.push({ kind: 'added', text: pieceB(step.j).space + pieceB(step.j).token });
        break;
      default:
        assertNever(step);
    }
  }
  pushSpaces(a.trailing, b.trailing);
  return toParts(slide(ops.filter((op) => op.text !== '')));
}

type Step =
  | { readonly kind: 'same'; readonly i: number; readonly j: number }
  | { readonly kind: 'removed'; readonly i: number }
  | { readonly kind: 'added'; readonly j: number };

function shift(step: Step, by: number): Step {
  switch (step.kind) {
    case 'same':
      return { kind: 'same', i: step.i + by, j: step.j + by };
    case 'removed':
      return { kind: 'removed', i: step.i + by };
    case 'added':
      return { kind: 'added', j: step.j + by };
    default:
      return assertNever(step);
  }
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
function myers(a: readonly string[], b: readonly string[], maxEdits: number): Step[] | null {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(n + m, maxEdits);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  // trace[d] holds v for diagonals −(d+1)…d+1 as it stood before round d.
  const trace: Int32Array[] = [];
  const at = (row: Int32Array, d: number, k: number): number => row[k + d + 1] ?? 0;
  const furthest = (k: number): number => v[offset + k] ?? 0;

  let found = -1;
  for (let d = 0; d <= limit && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && furthest(k - 1) < furthest(k + 1));
      let x = down ? furthest(k + 1) : furthest(k - 1) + 1;
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

  const reversed: Step[] = [];
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
      reversed.push({ kind: 'same', i: x, j: y });
    }
    if (d > 0) {
      reversed.push(down ? { kind: 'added', j: previousY } : { kind: 'removed', i: previousX });
    }
    x = previousX;
    y = previousY;
  }
  return reversed.reverse();
}

/**
 * Where an insertion or deletion could sit in several places ("Två. Tre[. Ett]." or "Två.
 * Tre.[ Ett.]"), moves it as far on as it goes, so it ends where a word or sentence ends and
 * equal inputs always give the same runs.
 */
function slide(ops: readonly Op[]): Op[] {
  const out = [...ops];
  let start = 0;
  while (start < out.length) {
    const kind = out[start]?.kind;
    if (kind === undefined || kind === 'same') {
      start++;
      continue;
    }
    let end = start;
    while (out[end]?.kind === kind) end++;
    // Only a lone insertion or deletion moves (a replacement stays whole), and only past a shared
    // op equal to its first op, which then comes first: both texts read the same as before.
    const alone = start === 0 || out[start - 1]?.kind === 'same';
    while (alone && out[end]?.kind === 'same' && out[end]?.text === out[start]?.text) {
      const first = out[start];
      const shared = out[end];
      if (!first || !shared) break;
      out.splice(end, 1);
      out.splice(start, 1);
      out.splice(start, 0, shared);
      out.splice(end, 0, first);
      start++;
      end++;
    }
    start = end;
  }
  return out;
}

/**
 * Turns ops into runs a reader can follow: consecutive edits become one change (removed text,
 * then added), and whitespace that both sides of a replacement start with is shared, so "the
 * quick brown fox" to "the slow red fox" strikes "quick brown", not " quick brown".
 */
function toParts(ops: readonly Op[]): DiffPart[] {
  const parts: DiffPart[] = [];
  const push = (kind: DiffKind, text: string) => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last?.kind === kind) parts[parts.length - 1] = { kind, text: last.text + text };
    else parts.push({ kind, text });
  };
  let removed = '';
  let added = '';
  const flush = () => {
    const shared = removed && added ? commonLeadingSpace(removed, added) : '';
    push('same', shared);
    push('removed', removed.slice(shared.length));
    push('added', added.slice(shared.length));
    removed = '';
    added = '';
  };
  for (const op of ops) {
    switch (op.kind) {
      case 'same':
        flush();
        push('same', op.text);
        break;
      case 'removed':
        removed += op.text;
        break;
      case 'added':
        added += op.text;
        break;
      default:
        assertNever(op.kind);
    }
  }
  flush();
  return parts;
}

function commonLeadingSpace(a: string, b: string): string {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) {
    if ((a[length] ?? '').trim() !== '') break;
    length++;
  }
  return a.slice(0, length);
}
