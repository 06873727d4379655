import { describe, expect, it } from 'vitest';
import { htmlToPlainText, isBlankHtml } from './rich-text';

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
