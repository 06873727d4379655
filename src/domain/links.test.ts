import { describe, expect, it } from 'vitest';
import { isHttpUrl, planDocumentHref } from './links';

describe('planDocumentHref', () => {
  it.each([
    ['https://region.example/plan.pdf', 'https://region.example/plan.pdf'],
    ['  http://region.example/plan.docx ', 'http://region.example/plan.docx'],
    ['HTTPS://REGION.EXAMPLE/A', 'HTTPS://REGION.EXAMPLE/A'],
  ])('links %j', (value, href) => {
    expect(planDocumentHref(value)).toBe(href);
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///C:/plan.docx',
    'ms-word:ofe|u|https://region.example/plan.docx',
    'mailto:plan@region.example',
    'vbscript:msgbox(1)',
    '//region.example/plan.pdf',
    'region.example/plan.pdf',
    'https//region.example',
    '',
  ])('does not link %j', (value) => {
    expect(planDocumentHref(value)).toBeNull();
    expect(isHttpUrl(value)).toBe(false);
  });

  it('has nothing to link without a value', () => {
    expect(planDocumentHref(null)).toBeNull();
    expect(planDocumentHref(undefined)).toBeNull();
  });
});
