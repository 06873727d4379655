// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  EXCEL_TABLE,
  WORD_BULLETS,
  WORD_MAC_BULLETS,
  WORD_NUMBERED,
  WORD_ONLINE_BULLETS,
  WORD_TABLE,
} from '../../../tests/fixtures/word-clipboard';
import { pastedHtmlToComment } from './paste-html';

describe('pastedHtmlToComment: Word', () => {
  it('turns Word’s list paragraphs into a nested bullet list, markers dropped', () => {
    expect(pastedHtmlToComment(WORD_BULLETS)).toBe(
      '<p>Läget i <strong>april</strong>:</p>' +
        '<ul><li><p>Mål 1) Minska väntetiderna</p>' +
        '<ul><li><p>Till <em>högst</em> 30 dagar</p></li></ul></li>' +
        '<li><p>Mål 2) Fler besök i hemmet</p></li></ul>' +
        '<p>Vi följer upp i maj.</p>',
    );
  });

  it('numbers the list Word’s list definition numbers, MsoNormal items included', () => {
    expect(pastedHtmlToComment(WORD_NUMBERED)).toBe(
      '<ol><li><p>Kartlägg flödet</p>' +
        '<ol><li><p>Intervjua personalen</p></li><li><p>Mät väntetiden</p></li></ol></li>' +
        '<li><p>Inför <a href="https://intra.example.se/rutin">den nya rutinen</a></p></li></ol>',
    );
  });

  it('reads the kind of list from the marker when the clipboard has no list definitions', () => {
    const withoutStyle = WORD_NUMBERED.replace(/<style>[\s\S]*<\/style>/, '');
    expect(pastedHtmlToComment(withoutStyle)).toMatch(/^<ol><li><p>Kartlägg flödet<\/p><ol>/);
    expect(pastedHtmlToComment(WORD_BULLETS.replace(/<style>[\s\S]*<\/style>/, ''))).toMatch(
      /^<p>Läget i <strong>april<\/strong>:<\/p><ul><li><p>Mål 1\) Minska väntetiderna<\/p><ul>/,
    );
  });

  it('takes out markers written in real comments (Word for Mac)', () => {
    expect(pastedHtmlToComment(WORD_MAC_BULLETS)).toBe(
      '<ul><li><p>Mål 1) Minska väntetiderna</p></li><li><p>Mål 2) Fler besök i hemmet</p></li></ul>',
    );
  });

  it('leaves no Word markup: no classes, styles, o:p, comments or markers', () => {
    for (const fixture of [WORD_BULLETS, WORD_NUMBERED, WORD_TABLE, WORD_ONLINE_BULLETS]) {
      const html = pastedHtmlToComment(fixture);
      expect(html).not.toMatch(/class=|style=|mso-|o:p|<!--|\[if|·|&nbsp;/i);
      expect(html.match(/<\/?([a-z]+)/g)?.map((t) => t.replace(/[</]/g, ''))).toSatisfy(
        (tags: string[]) =>
          tags.every((t) => ['p', 'ul', 'ol', 'li', 'a', 'strong', 'em'].includes(t)),
      );
    }
  });

  it('gives each table cell a paragraph of its own, row by row', () => {
    expect(pastedHtmlToComment(WORD_TABLE)).toBe(
      '<p>Cell A</p><p>Cell B</p><p>Väntetid</p><p>42 dagar</p>',
    );
    expect(pastedHtmlToComment(EXCEL_TABLE)).toBe(
      '<p>Cell A</p><p>Cell B</p><p>Väntetid</p><p>42</p>',
    );
  });

  it('starts a new list for another Word list, and after a paragraph between', () => {
    const item = (list: string, text: string) =>
      `<p class=MsoListParagraph style='mso-list:${list} level1 lfo1'><span style='mso-list:Ignore'>·</span>${text}</p>`;
    expect(
      pastedHtmlToComment(
        item('l0', 'Ett') + item('l1', 'Två') + '<p class=MsoNormal>Mitt</p>' + item('l1', 'Tre'),
      ),
    ).toBe(
      '<ul><li><p>Ett</p></li></ul><ul><li><p>Två</p></li></ul><p>Mitt</p><ul><li><p>Tre</p></li></ul>',
    );
  });

  it('keeps an unnumbered list paragraph as more text of the item above', () => {
    expect(
      pastedHtmlToComment(
        "<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>1)</span>Mål</p>" +
          '<p class=MsoListParagraphCxSpLast>Mer om målet</p>',
      ),
    ).toBe('<ol><li><p>Mål</p><p>Mer om målet</p></li></ol>');
  });

  it('keeps a selection that starts in a sub list in one list', () => {
    const item = (level: number, marker: string, text: string) =>
      `<p style='mso-list:l0 level${level} lfo1'><span style='mso-list:Ignore'>${marker}</span>${text}</p>`;
    expect(pastedHtmlToComment(item(2, 'o', 'Djup') + item(1, '·', 'Grund'))).toBe(
      '<ul><li><p>Djup</p></li><li><p>Grund</p></li></ul>',
    );
    expect(
      pastedHtmlToComment(item(3, 'o', 'Tre') + item(2, 'o', 'Två') + item(1, '·', 'Ett')),
    ).toBe('<ul><li><p>Tre</p></li><li><p>Två</p></li><li><p>Ett</p></li></ul>');
  });

  it('nests bullets under a numbered item, and a numbered level after bullets starts its own list', () => {
    const item = (level: number, marker: string, text: string) =>
      `<p style='mso-list:l2 level${level} lfo3'><span style='mso-list:Ignore'>${marker}</span>${text}</p>`;
    expect(
      pastedHtmlToComment(item(1, '1.', 'Ett') + item(2, '·', 'Punkt') + item(2, 'a)', 'Bokstav')),
    ).toBe(
      '<ol><li><p>Ett</p><ul><li><p>Punkt</p></li></ul><ol><li><p>Bokstav</p></li></ol></li></ol>',
    );
  });

  it('closes sub lists back to the level of the next item', () => {
    const item = (level: number, marker: string, text: string) =>
      `<p style='mso-list:l0 level${level} lfo1'><span style='mso-list:Ignore'>${marker}</span>${text}</p>`;
    expect(
      pastedHtmlToComment(
        item(1, '·', 'A') + item(2, 'o', 'B') + item(3, '§', 'C') + item(1, '·', 'D'),
      ),
    ).toBe(
      '<ul><li><p>A</p><ul><li><p>B</p><ul><li><p>C</p></li></ul></li></ul></li><li><p>D</p></li></ul>',
    );
  });
});

describe('pastedHtmlToComment: Word for the web and other HTML', () => {
  it('joins Word for the web’s one-item lists into one list, nested by data-aria-level', () => {
    expect(pastedHtmlToComment(WORD_ONLINE_BULLETS)).toBe(
      '<p>Läget i april:</p>' +
        '<ul><li><p><strong>Mål 1)</strong> Minska väntetiderna</p>' +
        '<ul><li><p>Till högst 30 dagar</p></li></ul></li>' +
        '<li><p>Mål 2) Fler besök i hemmet</p></li></ul>',
    );
  });

  it('keeps real nested lists as they are', () => {
    expect(
      pastedHtmlToComment('<ul><li>Ett<ol><li>Ett a</li></ol></li><li><b>Två</b></li></ul>'),
    ).toBe(
      '<ul><li><p>Ett</p><ol><li><p>Ett a</p></li></ol></li><li><p><strong>Två</strong></p></li></ul>',
    );
  });

  it('makes paragraphs of divs, headings and loose text, and drops what is not text', () => {
    expect(
      pastedHtmlToComment(
        '<meta charset="utf-8"><h2>Rubrik</h2><div>Rad <span style="font-style:italic">ett</span><br>rad två</div>Lös text<style>p{}</style><img src="x.png">',
      ),
    ).toBe('<p>Rubrik</p><p>Rad <em>ett</em><br>rad två</p><p>Lös text</p>');
  });

  it('reads Google Docs’ <b style="font-weight:normal"> wrapper as not bold', () => {
    expect(
      pastedHtmlToComment(
        '<b style="font-weight:normal;" id="docs-internal-guid-1"><p dir="ltr"><span style="font-weight:700">Mål</span> 1</p></b>',
      ),
    ).toBe('<p><strong>Mål</strong> 1</p>');
  });

  it('escapes text and keeps links for the sanitizer to judge', () => {
    expect(
      pastedHtmlToComment('<p>1 &lt; 2 &amp; <a href="https://a.se/?x=1&amp;y=2">länk</a></p>'),
    ).toBe('<p>1 &lt; 2 &amp; <a href="https://a.se/?x=1&amp;y=2">länk</a></p>');
  });

  it('gives nothing for HTML with no text', () => {
    expect(pastedHtmlToComment('<p class=MsoNormal><o:p>&nbsp;</o:p></p>')).toBe('');
    expect(pastedHtmlToComment('')).toBe('');
  });
});
