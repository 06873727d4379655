// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromCharacterReference, htmlToPlainText } from './rich-text';

/**
 * A comment may hold any numeric character reference (pasted, or written over REST): the text the
 * app reads from it must be what a browser reads (jsdom's HTML parser, parse5, follows the HTML
 * standard) and reading it must never throw. `&#x110000;` once made every screen showing the
 * comment fail (String.fromCodePoint threw a RangeError).
 */
function browserText(html: string): string {
  const div = document.createElement('div');
  div.innerHTML = html;
  return (div.textContent ?? '').replace(/\s+/g, ' ').trim();
}

const codePoint = fc.oneof(
  fc.integer({ min: 0, max: 0x10ffff }),
  fc.integer({ min: 0x80, max: 0x9f }),
  fc.integer({ min: 0xd800, max: 0xdfff }),
  fc.integer({ min: 0x110000, max: 0x7fffffff }),
  fc.constantFrom(0, 0x10ffff, 0x110000, 0xd7ff, 0xe000, 0xfffd, 0xffff, 0x1f600),
);
// Whitespace and controls collapse differently in a DOM's textContent than in a trimmed string;
// leave out what `\s` or the HTML parser's newline normalisation would change for reasons other
// than the reference itself.
const comparable = (code: number) =>
  !(code === 0x0d || (code <= 0x20 && /\s/.test(String.fromCodePoint(code))) || code === 0x85);

describe('numeric character references in comments', () => {
  it('decode as a browser decodes them, hex and decimal, and never throw', () => {
    fc.assert(
      fc.property(codePoint, fc.boolean(), fc.string({ maxLength: 5 }), (code, hex, around) => {
        const reference = hex ? `&#x${code.toString(16)};` : `&#${code};`;
        const safeAround = around.replace(/[<&>\s]/g, 'a');
        const html = `<p>${safeAround}${reference}${safeAround}</p>`;
        const text = htmlToPlainText(html);
        if (comparable(code) && !/\s/.test(fromCharacterReference(code))) {
          expect(text).toBe(browserText(html));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['&#x110000;', '\ufffd'],
    ['&#1114112;', '\ufffd'],
    ['&#xD800;', '\ufffd'],
    ['&#0;', '\ufffd'],
    ['&#99999999999999999999;', '\ufffd'],
    ['&#x80;', '€'],
    ['&#150;', '–'],
    ['&#x1F600;', '😀'],
  ])('%s reads as %j', (reference, text) => {
    expect(htmlToPlainText(`<p>Mål ${reference} klart</p>`)).toBe(`Mål ${text} klart`);
  });
});
