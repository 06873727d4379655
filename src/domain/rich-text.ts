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

/** The readable text of an HTML fragment: tags dropped, block ends as spaces, entities decoded. */
export function htmlToPlainText(html: string): string {
  return html
    .replace(/<(br|\/p|\/li|\/div|\/ul|\/ol)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) {
        return String.fromCodePoint(parseInt(name.slice(2), 16));
      }
      if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when the HTML holds no visible text ("<p></p>", "<p><br></p>", ""). */
export function isBlankHtml(html: string): boolean {
  return htmlToPlainText(html) === '';
}
