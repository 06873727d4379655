import { describe, expect, it } from 'vitest';
import {
  commentChange,
  commentChangeKind,
  diffWords,
  MAX_DIFF_EDITS,
  MAX_DIFF_TOKENS,
  statusChange,
  tokenizeSentences,
  tokenizeWords,
  type DiffPart,
} from './comment-diff';
import { STATUSES, type Status } from './follow-up';

/** The text each side reads: shared and removed runs give the old text, shared and added the new. */
function sides(parts: readonly DiffPart[]): { before: string; after: string } {
  return {
    before: parts
      .filter((p) => p.kind !== 'added')
      .map((p) => p.text)
      .join(''),
    after: parts
      .filter((p) => p.kind !== 'removed')
      .map((p) => p.text)
      .join(''),
  };
}

/** The shape every diff must have, whatever the input. */
function expectWellFormed(parts: readonly DiffPart[], before: string, after: string): void {
  expect(sides(parts)).toEqual({ before, after });
  for (const [index, part] of parts.entries()) {
    expect(part.text, `part ${index} is empty`).not.toBe('');
    const next = parts[index + 1];
    if (!next) continue;
    // Runs are merged: never two of a kind in a row, and within a change removed comes first.
    expect(next.kind).not.toBe(part.kind);
    expect(part.kind === 'added' && next.kind === 'removed').toBe(false);
  }
}

/** Deterministic pseudo-random numbers (mulberry32), so a failing case can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The length of the longest common subsequence of two token lists (plain DP, small inputs). */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  let row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const next = [0];
    for (const [j, y] of b.entries()) {
      next.push(x === y ? (row[j] ?? 0) + 1 : Math.max(row[j + 1] ?? 0, next[j] ?? 0));
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

/** Drops, inserts and appends tokens at random: what an owner might do to last period's text. */
function edit(tokens: readonly string[], next: () => number, pick: () => string): string[] {
  const edited: string[] = [];
  for (const token of tokens) {
    const roll = next();
    if (roll < 0.15) continue;
    if (roll < 0.3) edited.push(pick());
    edited.push(token);
  }
  if (next() < 0.3) edited.push(pick(), pick());
  return edited;
}

const words = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, i) => `${prefix}${i}`).join(' ');

describe('tokenizeWords', () => {
  it('splits words, whitespace runs and punctuation runs', () => {
    expect(tokenizeWords('Arbetet går bra, men...  långsamt!')).toEqual([
      'Arbetet',
      ' ',
      'går',
      ' ',
      'bra',
      ',',
      ' ',
      'men',
      '...',
      '  ',
      'långsamt',
      '!',
    ]);
  });

  it('keeps hyphenated words, apostrophes and numbers together', () => {
    expect(tokenizeWords('IT-säkerhet 2020–2022 plan’s 2021-04')).toEqual([
      'IT-säkerhet',
      ' ',
      '2020',
      '–',
      '2022',
      ' ',
      'plan’s',
      ' ',
      '2021-04',
    ]);
  });

  it('treats Swedish letters and combining marks as word characters', () => {
    expect(tokenizeWords('Åtgärder för Örebro och cafe\u0301')).toEqual([
      'Åtgärder',
      ' ',
      'för',
      ' ',
      'Örebro',
      ' ',
      'och',
      ' ',
      'cafe\u0301',
    ]);
  });

  it('gives nothing for an empty text', () => {
    expect(tokenizeWords('')).toEqual([]);
  });

  it('loses no character, whatever the text', () => {
    const next = random(7);
    const alphabet = ['a', 'ö', ' ', '\n', '.', ',', '-', '’', '😀', '1', '\t', '«'];
    for (let round = 0; round < 200; round++) {
      const text = Array.from(
        { length: Math.floor(next() * 40) },
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join('');
      expect(tokenizeWords(text).join('')).toBe(text);
      expect(tokenizeSentences(text).join('')).toBe(text);
    }
  });
});

describe('tokenizeSentences', () => {
  it('ends a sentence at its end marks or a line break, the whitespace between apart', () => {
    expect(tokenizeSentences('Klart. Pågår! Varför? Ny rad\nSista')).toEqual([
      'Klart.',
      ' ',
      'Pågår!',
      ' ',
      'Varför?',
      ' ',
      'Ny rad',
      '\n',
      'Sista',
    ]);
  });

  it('keeps repeated end marks with their sentence and joins whitespace runs', () => {
    expect(tokenizeSentences('  ... Ja!! \n\n Nej ')).toEqual([
      '  ',
      '...',
      ' ',
      'Ja!!',
      ' \n\n ',
      'Nej',
      ' ',
    ]);
  });
});

describe('diffWords', () => {
  it('gives nothing for two empty texts', () => {
    expect(diffWords('', '')).toEqual([]);
  });

  it('gives one shared run for identical texts', () => {
    expect(diffWords('Arbetet går bra.', 'Arbetet går bra.')).toEqual([
      { kind: 'same', text: 'Arbetet går bra.' },
    ]);
  });

  it('gives all added when there was nothing before, all removed when nothing is left', () => {
    expect(diffWords('', 'Ny text')).toEqual([{ kind: 'added', text: 'Ny text' }]);
    expect(diffWords('Gammal text', '')).toEqual([{ kind: 'removed', text: 'Gammal text' }]);
  });

  it('marks an inserted word with its space', () => {
    expect(diffWords('Arbetet går bra.', 'Arbetet går delvis bra.')).toEqual([
      { kind: 'same', text: 'Arbetet går' },
      { kind: 'added', text: ' delvis' },
      { kind: 'same', text: ' bra.' },
    ]);
  });

  it('marks a deleted word with its space', () => {
    expect(diffWords('Arbetet går delvis bra.', 'Arbetet går bra.')).toEqual([
      { kind: 'same', text: 'Arbetet går' },
      { kind: 'removed', text: ' delvis' },
      { kind: 'same', text: ' bra.' },
    ]);
  });

  it('marks words added at the start or end', () => {
    expect(diffWords('går bra', 'Det går bra nu')).toEqual([
      { kind: 'added', text: 'Det ' },
      { kind: 'same', text: 'går bra' },
      { kind: 'added', text: ' nu' },
    ]);
  });

  it('shows a replaced word as removed, then added', () => {
    expect(diffWords('Arbetet går bra.', 'Arbetet går dåligt.')).toEqual([
      { kind: 'same', text: 'Arbetet går ' },
      { kind: 'removed', text: 'bra' },
      { kind: 'added', text: 'dåligt' },
      { kind: 'same', text: '.' },
    ]);
  });

  it('shows neighbouring replaced words as one change, the space before them shared', () => {
    expect(diffWords('the quick brown fox', 'the slow red fox')).toEqual([
      { kind: 'same', text: 'the ' },
      { kind: 'removed', text: 'quick brown' },
      { kind: 'added', text: 'slow red' },
      { kind: 'same', text: ' fox' },
    ]);
  });

  it('keeps separate changes apart when a word between them is shared', () => {
    expect(diffWords('a b c d e', 'a X c Y e')).toEqual([
      { kind: 'same', text: 'a ' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'X' },
      { kind: 'same', text: ' c ' },
      { kind: 'removed', text: 'd' },
      { kind: 'added', text: 'Y' },
      { kind: 'same', text: ' e' },
    ]);
  });

  it('never marks a lone space as removed or added between word changes', () => {
    const parts = diffWords('ett två tre', 'ett tre fyra');
    expectWellFormed(parts, 'ett två tre', 'ett tre fyra');
    expect(parts.some((p) => p.kind !== 'same' && p.text.trim() === '')).toBe(false);
  });

  it('compares whole words: a changed ending replaces the word', () => {
    expect(diffWords('planen', 'planerna')).toEqual([
      { kind: 'removed', text: 'planen' },
      { kind: 'added', text: 'planerna' },
    ]);
  });

  it('sees punctuation changes', () => {
    expect(diffWords('Klart.', 'Klart!')).toEqual([
      { kind: 'same', text: 'Klart' },
      { kind: 'removed', text: '.' },
      { kind: 'added', text: '!' },
    ]);
  });

  it('finds a moved sentence as one removal and one insertion, ending at the full stop', () => {
    expect(diffWords('Ett. Två. Tre.', 'Två. Tre. Ett.')).toEqual([
      { kind: 'removed', text: 'Ett. ' },
      { kind: 'same', text: 'Två. Tre.' },
      { kind: 'added', text: ' Ett.' },
    ]);
  });

  it('shows a change of whitespace only as such', () => {
    const parts = diffWords('a  b', 'a b');
    expect(parts).toEqual([
      { kind: 'same', text: 'a ' },
      { kind: 'removed', text: ' ' },
      { kind: 'same', text: 'b' },
    ]);
  });

  it('gives well-formed diffs for random edits of mixed text', () => {
    const next = random(42);
    const vocabulary = ['plan', 'mål', 'bra', 'och', 'IT-säkerhet', '.', ',', ' ', ' ', '\n'];
    const pick = () => vocabulary[Math.floor(next() * vocabulary.length)] ?? '';
    for (let round = 0; round < 300; round++) {
      const before = Array.from({ length: Math.floor(next() * 30) }, pick).join('');
      const after = edit(tokenizeWords(before), next, pick).join('');
      expectWellFormed(diffWords(before, after), before, after);
    }
  });

  it('shares as many words as any alignment could (a longest common subsequence)', () => {
    const next = random(4711);
    const vocabulary = ['a', 'b', 'c', 'd', 'e'];
    const pick = () => vocabulary[Math.floor(next() * vocabulary.length)] ?? '';
    const wordsOf = (parts: readonly DiffPart[], kind: DiffPart['kind']) =>
      parts
        .filter((p) => p.kind === kind)
        .flatMap((p) => p.text.split(' '))
        .filter((w) => w !== '');
    for (let round = 0; round < 300; round++) {
      // Words and single spaces only, so each part splits back into exactly its words.
      const a = Array.from({ length: 1 + Math.floor(next() * 25) }, pick);
      const b = edit(a, next, pick);
      const parts = diffWords(a.join(' '), b.join(' '));
      expectWellFormed(parts, a.join(' '), b.join(' '));
      const lcs = lcsLength(a, b);
      expect(wordsOf(parts, 'same')).toHaveLength(lcs);
      expect(wordsOf(parts, 'removed')).toHaveLength(a.length - lcs);
      expect(wordsOf(parts, 'added')).toHaveLength(b.length - lcs);
    }
  });

  it('keeps a word diff for a long text with a small change', () => {
    const before = words(3_000, 'w');
    const after = before.replace('w1500 ', 'w1500 ny ');
    expect(tokenizeWords(before).length).toBeGreaterThan(4_000);
    expect(diffWords(before, after)).toEqual([
      { kind: 'same', text: before.slice(0, before.indexOf(' w1501')) },
      { kind: 'added', text: ' ny' },
      { kind: 'same', text: before.slice(before.indexOf(' w1501')) },
    ]);
  });

  it('keeps a word diff close to the edit bound, and stays quick', () => {
    // Every fifth word replaced: 400 replacements, 800 edits, within MAX_DIFF_EDITS.
    const before = words(2_000, 'w');
    const after = before.replace(/\bw(\d*[05])\b/g, 'z$1');
    const started = performance.now();
    const parts = diffWords(before, after);
    expect(performance.now() - started).toBeLessThan(2_000);
    expectWellFormed(parts, before, after);
    expect(parts.filter((p) => p.kind === 'added')).toHaveLength(400);
    expect(parts).toContainEqual({ kind: 'added', text: 'z1995' });
  });

  it('compares sentences when the changed middle has too many words', () => {
    const body = Array.from({ length: 2_100 }, (_, i) => `m${i} n${i}.`).join(' ');
    expect(tokenizeWords(body).filter((t) => t.trim()).length).toBeGreaterThan(MAX_DIFF_TOKENS);
    expect(diffWords(`Start. ${body} Slut.`, `Början. ${body} Avslut.`)).toEqual([
      { kind: 'removed', text: 'Start.' },
      { kind: 'added', text: 'Början.' },
      { kind: 'same', text: ` ${body} ` },
      { kind: 'removed', text: 'Slut.' },
      { kind: 'added', text: 'Avslut.' },
    ]);
  });

  it('falls back to sentences when too many words changed, and stays quick', () => {
    // Every other sentence rewritten word by word: far more edits than the word diff takes on.
    const sentence = (i: number, prefix: string) => `${words(12, `${prefix}${i}x`)}.`;
    const count = Math.ceil(MAX_DIFF_EDITS / 10);
    const before = Array.from({ length: count }, (_, i) => sentence(i, 'a')).join(' ');
    const after = Array.from({ length: count }, (_, i) => sentence(i, i % 2 ? 'a' : 'b')).join(' ');
    const started = performance.now();
    const parts = diffWords(before, after);
    expect(performance.now() - started).toBeLessThan(2_000);
    expectWellFormed(parts, before, after);
    // Sentence-level: unchanged sentences are shared whole, changed ones replaced whole.
    expect(parts.slice(0, 3)).toEqual([
      { kind: 'removed', text: sentence(0, 'a') },
      { kind: 'added', text: sentence(0, 'b') },
      { kind: 'same', text: ` ${sentence(1, 'a')} ` },
    ]);
  });

  it('replaces the whole middle when even sentences are too many to compare', () => {
    const before = `Start. ${words(20_000, 'a')} slut`;
    const after = `Start. ${words(20_000, 'b')} slut`;
    const started = performance.now();
    const parts = diffWords(before, after);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(parts).toEqual([
      { kind: 'same', text: 'Start. ' },
      { kind: 'removed', text: `${words(20_000, 'a')} slut` },
      { kind: 'added', text: `${words(20_000, 'b')} slut` },
    ]);
  });

  it('handles many short sentences beyond the token limit without giving up on sentences', () => {
    const before = Array.from({ length: 5_000 }, (_, i) => `S${i}.`).join(' ');
    const after = before.replace('S2500.', 'Ändrad.');
    const parts = diffWords(before, after);
    expectWellFormed(parts, before, after);
    expect(parts.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'S2500' },
      { kind: 'added', text: 'Ändrad' },
    ]);
  });
});

describe('commentChange', () => {
  it('is none when neither period has text', () => {
    expect(commentChange('', '')).toEqual({ kind: 'none', parts: [] });
    expect(commentChange('<p></p>', '<p><br></p>')).toEqual({ kind: 'none', parts: [] });
    expect(commentChange(null, '')).toEqual({ kind: 'none', parts: [] });
  });

  it('is new when there was no text before, or no earlier follow-up at all', () => {
    expect(commentChange('<p></p>', '<p>Ny text</p>')).toEqual({
      kind: 'new',
      parts: [{ kind: 'added', text: 'Ny text' }],
    });
    expect(commentChange(null, '<p>Ny text</p>').kind).toBe('new');
  });

  it('is removed when the text is gone', () => {
    expect(commentChange('<p>Gammal</p>', '')).toEqual({
      kind: 'removed',
      parts: [{ kind: 'removed', text: 'Gammal' }],
    });
  });

  it('is unchanged when the text is the same, whatever the markup', () => {
    expect(commentChange('<p>Arbetet går bra.</p>', '<p>Arbetet går bra.</p>')).toEqual({
      kind: 'unchanged',
      parts: [{ kind: 'same', text: 'Arbetet går bra.' }],
    });
    // Copied on, then only formatted or re-wrapped: still the same words.
    expect(
      commentChange('<p>Arbetet&nbsp;går <b>bra</b>.</p>', '<div>Arbetet  går bra.</div>').kind,
    ).toBe('unchanged');
  });

  it('is changed, with the word diff of the readable text, when the text differs', () => {
    expect(
      commentChange('<p>Arbetet går bra.</p>', '<p>Arbetet går <em>delvis</em> bra.</p>'),
    ).toEqual({
      kind: 'changed',
      parts: [
        { kind: 'same', text: 'Arbetet går' },
        { kind: 'added', text: ' delvis' },
        { kind: 'same', text: ' bra.' },
      ],
    });
  });

  it('diffs across paragraphs and list items as running text', () => {
    const change = commentChange(
      '<p>Mål ett.</p><ul><li>Klart</li></ul>',
      '<p>Mål ett.</p><ul><li>Pågår</li></ul>',
    );
    expect(change).toEqual({
      kind: 'changed',
      parts: [
        { kind: 'same', text: 'Mål ett. ' },
        { kind: 'removed', text: 'Klart' },
        { kind: 'added', text: 'Pågår' },
      ],
    });
  });

  it('decodes entities, so an escaped character is not a change', () => {
    expect(commentChange('<p>A &amp; B</p>', '<p>A & B</p>').kind).toBe('unchanged');
  });
});

describe('commentChangeKind', () => {
  it('agrees with commentChange without computing the diff', () => {
    const comments = [null, '', '<p></p>', '<p>Ett</p>', '<p><b>Ett</b></p>', '<p>Två</p>'];
    for (const before of comments) {
      for (const after of comments) {
        if (after === null) continue;
        expect(commentChangeKind(before, after)).toBe(commentChange(before, after).kind);
      }
    }
  });
});

describe('statusChange', () => {
  it.each<[Status, Status, 'better' | 'worse' | 'same']>([
    ['poor', 'partly', 'better'],
    ['poor', 'good', 'better'],
    ['partly', 'good', 'better'],
    ['good', 'partly', 'worse'],
    ['good', 'poor', 'worse'],
    ['partly', 'poor', 'worse'],
    ['good', 'good', 'same'],
    ['partly', 'partly', 'same'],
    ['poor', 'poor', 'same'],
  ])('%s → %s is %s', (from, to, direction) => {
    expect(statusChange(from, to)).toEqual({ from, to, direction });
  });

  it('is unknown whenever a side is not assessed or has no status', () => {
    const sides: Array<Status | null> = [...STATUSES, null];
    for (const from of sides) {
      for (const to of sides) {
        const offScale = (s: Status | null) => s === null || s === 'not-assessed';
        if (!offScale(from) && !offScale(to)) continue;
        expect(statusChange(from, to)).toEqual({ from, to, direction: 'unknown' });
      }
    }
  });
});
