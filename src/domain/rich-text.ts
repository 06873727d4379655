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
  // The Swedish letters, as older editors wrote them.
  aring: 'å',
  auml: 'ä',
  ouml: 'ö',
  Aring: 'Å',
  Auml: 'Ä',
  Ouml: 'Ö',
  eacute: 'é',
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

/** Decodes the character references of HTML text (named ones the comments use, and numeric). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) {
      return fromCharacterReference(parseInt(name.slice(2), 16));
    }
    if (name.startsWith('#')) return fromCharacterReference(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The readable text of an HTML fragment: tags dropped, block ends as spaces, entities decoded. */
export function htmlToPlainText(html: string): string {
  return decodeEntities(
    html.replace(/<(br|\/p|\/li|\/div|\/ul|\/ol)\b[^>]*>/gi, ' ').replace(/<[^>]*>/g, ''),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when the HTML holds no visible text ("<p></p>", "<p><br></p>", ""). */
export function isBlankHtml(html: string): boolean {
  return htmlToPlainText(html) === '';
}

/** The tags a comment keeps (the sanitizer's allow list), each under one name. */
const KEPT_TAGS: Readonly<Record<string, string>> = {
  p: 'p',
  br: 'br',
  b: 'strong',
  strong: 'strong',
  i: 'em',
  em: 'em',
  u: 'u',
  ul: 'ul',
  ol: 'ol',
  li: 'li',
  a: 'a',
};
/** Elements whose content is never text of the comment (the sanitizer drops them whole). */
const DROPPED_WHOLE =
  /<(script|style|template|iframe|object|noscript|textarea|title|svg|math)\b[\s\S]*?<\/\1\s*>/gi;
const SAFE_HREF = /^(?:https?:|mailto:)/i;
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

const escapeText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Applies `step` until the text stops changing. */
function untilStable(text: string, step: (t: string) => string): string {
  let previous: string;
  let current = text;
  do {
    previous = current;
    current = step(current);
  } while (current !== previous);
  return current;
}

/**
 * One spelling for each comment, to tell whether two are the same: what the editor writes, what
 * the sanitizer makes of it and what SharePoint gives back differ in markup, not in what the
 * reader sees. Kept: the allowed tags (b as strong, i as em), a link's address (a safe one);
 * dropped: every other tag and attribute (target, rel, classes, SharePoint's ExternalClass
 * wrapper), whitespace beyond one space (a no-break space is a space), whitespace at block edges,
 * a line break ending a block, empty marks, paragraphs inside a list item (the editor writes
 * them, SharePoint may not), and empty paragraphs at the start and end. Text is decoded and
 * escaped again, so `&#39;`, `'` and `&apos;` are one. Blank HTML is ''. Pure string work.
 */
export function normalizeCommentHtml(html: string): string {
  const source = html.replace(/<!--[\s\S]*?-->/g, '').replace(DROPPED_WHOLE, '');
  const out: string[] = [];
  // Per open list item: whether it has content yet (a second paragraph in it is a line break).
  const items: boolean[] = [];
  const token = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)|</g;
  for (const match of source.matchAll(token)) {
    const [whole, closing, rawName, attributes, text] = match;
    if (text !== undefined || rawName === undefined) {
      const decoded = decodeEntities(text ?? whole).replace(/[\s\u00a0]+/g, ' ');
      if (decoded.trim() !== '' && items.length > 0) items[items.length - 1] = true;
      out.push(escapeText(decoded));
      continue;
    }
    const name = KEPT_TAGS[rawName.toLowerCase()];
    if (name === undefined) continue;
    if (name === 'li') {
      if (closing) items.pop();
      else items.push(false);
    } else if (name === 'p' && items.length > 0) {
      if (!closing && items[items.length - 1]) out.push('<br>');
      continue;
    }
    if (name === 'br') {
      out.push('<br>');
    } else if (name === 'a' && !closing) {
      const found = HREF.exec(attributes ?? '');
      const href = decodeEntities(found?.[1] ?? found?.[2] ?? found?.[3] ?? '').trim();
      out.push(
        SAFE_HREF.test(href) ? `<a href="${escapeText(href).replace(/"/g, '&quot;')}">` : '<a>',
      );
    } else {
      out.push(closing ? `</${name}>` : `<${name}>`);
    }
  }
  const normal = untilStable(out.join(''), (t) =>
    t
      .replace(/ ?(<\/?(?:p|ul|ol|li|br)>) ?/g, '$1')
      .replace(/(?:<br>)+(<\/(?:p|li)>)/g, '$1')
      .replace(/<(strong|em|u)>( ?)<\/\1>/g, '$2')
      .replace(/<a(?: href="[^"]*")?><\/a>/g, '')
      .replace(/^(?:<p><\/p>)+|(?:<p><\/p>)+$/g, '')
      .replace(/ {2,}/g, ' ')
      .replace(/^ +| +$/g, ''),
  );
  return htmlToPlainText(normal) === '' ? '' : normal;
}

/** True when two comments read the same (see `normalizeCommentHtml`). */
export function sameCommentHtml(a: string, b: string): boolean {
  return normalizeCommentHtml(a) === normalizeCommentHtml(b);
}
