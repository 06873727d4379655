/**
 * Text-level helpers for comment HTML. Pure string work (the domain has no DOM); sanitizing is
 * done by the UI with DOMPurify, never here.
 */

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/**
 * What a browser makes of a numeric character reference (the HTML standard's "numeric character
 * reference end state"): zero, a surrogate or anything past U+10FFFF becomes U+FFFD, and 0x80–0x9F
 * are read as Windows-1252, as browsers read them. Never throws, whatever the number.
 */
export function fromCharacterReference(code: number): string {
  if (!Number.isFinite(code) || code === 0 || code > 0x10ffff) return '\ufffd';
  if (code >= 0xd800 && code <= 0xdfff) return '\ufffd';
  const windows1252 = WINDOWS_1252[code];
  return String.fromCodePoint(windows1252 ?? code);
}

/** The HTML standard's table for references to 0x80–0x9F (those it does not list stay as they are). */
const WINDOWS_1252: Readonly<Record<number, number>> = {
  0x80: 0x20ac,
  0x82: 0x201a,
  0x83: 0x0192,
  0x84: 0x201e,
  0x85: 0x2026,
  0x86: 0x2020,
  0x87: 0x2021,
  0x88: 0x02c6,
  0x89: 0x2030,
  0x8a: 0x0160,
  0x8b: 0x2039,
  0x8c: 0x0152,
  0x8e: 0x017d,
  0x91: 0x2018,
  0x92: 0x2019,
  0x93: 0x201c,
  0x94: 0x201d,
  0x95: 0x2022,
  0x96: 0x2013,
  0x97: 0x2014,
  0x98: 0x02dc,
  0x99: 0x2122,
  0x9a: 0x0161,
  0x9b: 0x203a,
  0x9c: 0x0153,
  0x9e: 0x017e,
  0x9f: 0x0178,
};

/** The readable text of an HTML fragment: tags dropped, block ends as spaces, entities decoded. */
export function htmlToPlainText(html: string): string {
  return html
    .replace(/<(br|\/p|\/li|\/div|\/ul|\/ol)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) {
        return fromCharacterReference(parseInt(name.slice(2), 16));
      }
      if (name.startsWith('#')) return fromCharacterReference(parseInt(name.slice(1), 10));
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when the HTML holds no visible text ("<p></p>", "<p><br></p>", ""). */
export function isBlankHtml(html: string): boolean {
  return htmlToPlainText(html) === '';
}
