import { describe, expect, it } from 'vitest';
import { htmlToPlainText, isBlankHtml, normalizeCommentHtml, sameCommentHtml } from './rich-text';

describe('htmlToPlainText', () => {
  it('drops tags and keeps words apart at block ends', () => {
    expect(htmlToPlainText('<p><i>Kommentar:</i> Bra.</p><ul><li>Ett</li><li>Två</li></ul>')).toBe(
      'Kommentar: Bra. Ett Två',
    );
  });

  it('decodes named and numeric entities', () => {
    expect(htmlToPlainText('&lt;b&gt; &amp; &#246; &#xE5; &nbsp;x &unknown;')).toBe(
      '<b> & ö å x &unknown;',
    );
  });

  it('handles SharePoint’s ExternalClass wrapper', () => {
    expect(htmlToPlainText('<div class="ExternalClassAB12"><p>Text</p></div>')).toBe('Text');
  });

  it('knows blank editor output', () => {
    expect(isBlankHtml('<p></p>')).toBe(true);
    expect(isBlankHtml('<p><br></p>')).toBe(true);
    expect(isBlankHtml('')).toBe(true);
    expect(isBlankHtml('<p>x</p>')).toBe(false);
  });
});

describe('normalizeCommentHtml and sameCommentHtml', () => {
  it('reads a link the editor wrote and the one SharePoint gives back as the same', () => {
    const editor =
      '<p>Se <a target="_blank" rel="noopener noreferrer nofollow" href="https://example.se/a?b=1&amp;c=2">källan</a></p>';
    const stored =
      '<div class="ExternalClass0A1B"><p>Se <A HREF=\'https://example.se/a?b=1&amp;c=2\'>källan</A></p></div>';
    expect(normalizeCommentHtml(editor)).toBe(
      '<p>Se <a href="https://example.se/a?b=1&amp;c=2">källan</a></p>',
    );
    expect(sameCommentHtml(editor, stored)).toBe(true);
  });

  it('tells links to different addresses apart, and drops an unsafe address', () => {
    expect(
      sameCommentHtml('<p><a href="https://a.se">x</a></p>', '<p><a href="https://b.se">x</a></p>'),
    ).toBe(false);
    expect(normalizeCommentHtml('<p><a href="javascript:alert(1)">x</a></p>')).toBe(
      '<p><a>x</a></p>',
    );
  });

  it('reads list items with and without paragraphs alike, nested lists too', () => {
    const editor = '<ul><li><p>Ett</p><ul><li><p>Två</p></li></ul></li><li><p>Tre</p></li></ul>';
    const plain = '<ul>\n  <li>Ett<ul><li>Två</li></ul></li>\n  <li>Tre</li>\n</ul>';
    expect(normalizeCommentHtml(editor)).toBe(
      '<ul><li>Ett<ul><li>Två</li></ul></li><li>Tre</li></ul>',
    );
    expect(sameCommentHtml(editor, plain)).toBe(true);
    // Two paragraphs in one item are two lines, not one run of text.
    expect(normalizeCommentHtml('<ul><li><p>A</p><p>B</p></li></ul>')).toBe(
      '<ul><li>A<br>B</li></ul>',
    );
    expect(sameCommentHtml('<ul><li>Ett</li></ul>', '<ol><li>Ett</li></ol>')).toBe(false);
  });

  it('spells entities one way: named, numeric and plain characters alike', () => {
    expect(normalizeCommentHtml('<p>&#39;A&apos; &amp; &#x26; &lt;b&gt; &ouml;</p>')).toBe(
      "<p>'A' &amp; &amp; &lt;b&gt; ö</p>",
    );
    expect(sameCommentHtml('<p>Tom &amp; Jerry</p>', '<p>Tom &#38; Jerry</p>')).toBe(true);
    expect(sameCommentHtml('<p>a&nbsp;b</p>', '<p>a b</p>')).toBe(true);
  });

  it('folds whitespace, and drops it at block edges', () => {
    expect(normalizeCommentHtml('  <p>  Ett \n\t två  </p>\n<p> tre</p> ')).toBe(
      '<p>Ett två</p><p>tre</p>',
    );
    expect(sameCommentHtml('<p>Ett två</p>', '<p>Etttvå</p>')).toBe(false);
  });

  it('drops empty paragraphs at the ends, a line break ending a block and empty marks', () => {
    expect(normalizeCommentHtml('<p></p><p>Text<br></p><p><br></p><p></p>')).toBe('<p>Text</p>');
    expect(normalizeCommentHtml('<p>a<strong></strong><em> </em>b</p>')).toBe('<p>a b</p>');
    // An empty paragraph between two is a blank line the owner typed: kept.
    expect(sameCommentHtml('<p>a</p><p></p><p>b</p>', '<p>a</p><p>b</p>')).toBe(false);
  });

  it('reads b and i as strong and em, and keeps marks apart from plain text', () => {
    expect(
      sameCommentHtml(
        '<p><b>fet</b> <i>kursiv</i></p>',
        '<p><strong>fet</strong> <em>kursiv</em></p>',
      ),
    ).toBe(true);
    expect(sameCommentHtml('<p><b>fet</b></p>', '<p>fet</p>')).toBe(false);
  });

  it('drops tags outside the allow list, and what scripts and styles hold', () => {
    expect(
      normalizeCommentHtml(
        '<p><span style="color:red">Röd</span><script>alert(1)</script><img src=x onerror=alert(1)></p><!-- x -->',
      ),
    ).toBe('<p>Röd</p>');
  });

  it('makes blank comments empty', () => {
    for (const blank of [
      '',
      '<p></p>',
      '<p><br></p>',
      '<p> &nbsp; </p>',
      '<div class="ExternalClass1"></div>',
    ]) {
      expect(normalizeCommentHtml(blank)).toBe('');
    }
  });

  it('is idempotent', () => {
    const html =
      '<ul><li><p>A <a href="https://x.se">x</a></p><p>B</p></li></ul><p>&amp;&nbsp;<b>c</b><br></p>';
    const once = normalizeCommentHtml(html);
    expect(normalizeCommentHtml(once)).toBe(once);
  });
});
