import type { Status } from './follow-up';

type AssessedStatus = Exclude<Status, 'not-assessed'>;

/**
 * The arrows past Bilaga 2 reports mark a status with, as they come out of Word, a PDF or a text
 * extraction. Besides Unicode's own arrows there are the font symbols Word inserts through
 * Insert › Symbol: Word stores them as `<w:sym w:font="Wingdings" w:char="F0E9"/>`, the font's
 * byte moved into Unicode's private use area at U+F000, and text extraction keeps that code point
 * (the 2020 seed's legend reads "\uF0E9 Arbetet går bra" and "\uF0EA Arbetet går dåligt").
 *
 * - Wingdings: 0xE8 rightwards, 0xE9 upwards, 0xEA downwards arrow (U+F0E8–U+F0EA).
 * - Wingdings 3 and Symbol: Symbol's 0xAD upwards, 0xAE rightwards, 0xAF downwards arrow
 *   (U+F0AD–U+F0AF).
 */
/**
 * The Wingdings arrows of one design, as Word stores them (`w:sym w:char`): upwards, rightwards,
 * downwards. The Word export prints its arrows with these, so the three look alike on paper
 * (the Unicode ↑ and ↓ are thin where ➔ is heavy).
 */
export const WINGDINGS_ARROWS: Readonly<Record<AssessedStatus, string>> = {
  good: 'F0E9',
  partly: 'F0E8',
  poor: 'F0EA',
};

const SYMBOLS: ReadonlyMap<string, AssessedStatus> = new Map([
  // Up: the work goes well.
  ...['↑', '⬆', '⇧', '⇑', '🡅', '🠉', '\uF0E9', '\uF0AD'].map((s) => [s, 'good'] as const),
  // Right: partly well (the reports' ➔ and its look-alikes).
  ...['➔', '→', '➜', '➙', '➛', '➝', '➞', '➡', '⇨', '⇒', '⮕', '🡆', '\uF0E8', '\uF0AE'].map(
    (s) => [s, 'partly'] as const,
  ),
  // Down: the work goes badly.
  ...['↓', '⬇', '⇩', '⇓', '🡇', '🠋', '\uF0EA', '\uF0AF'].map((s) => [s, 'poor'] as const),
]);

/** Emoji presentation and text presentation selectors that may follow an arrow. */
const VARIATION_SELECTOR = /^[\uFE0E\uFE0F]/;

/** The status one arrow stands for, or null for anything that is not one of the reports' arrows. */
export function statusFromSymbol(symbol: string): AssessedStatus | null {
  return SYMBOLS.get(symbol.trim().replace(/[\uFE0E\uFE0F]$/, '')) ?? null;
}

/**
 * Reads a status cell that starts with an arrow ("➔", "\uF0EA", "↑ Arbetet går bra"): the status,
 * the arrow as written, and the text after it. Null when the cell does not start with an arrow
 * (a note such as "Ej längre aktuell.", or nothing).
 */
export function readStatusSymbol(
  text: string,
): { readonly status: AssessedStatus; readonly symbol: string; readonly rest: string } | null {
  const trimmed = text.trimStart();
  // One code point: the emoji arrows lie outside the BMP.
  const first = String.fromCodePoint(trimmed.codePointAt(0) ?? 0x20);
  const status = statusFromSymbol(first);
  if (!status) return null;
  const rest = trimmed.slice(first.length).replace(VARIATION_SELECTOR, '').trim();
  return { status, symbol: first, rest };
}
