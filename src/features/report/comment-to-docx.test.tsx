import { describe, expect, it } from 'vitest';
import {
  paragraphParts,
  paragraphsXml,
  paragraphText,
  paragraphTexts,
  runsXml,
} from '../../../tests/fixtures/docx-xml';
import { commentToDocx, createCommentConverter } from './comment-to-docx';

/** Converts and packs a comment; returns the document's paragraphs and parts. */
async function convert(html: string) {
  const parts = await paragraphParts(commentToDocx(html));
  const paragraphs = paragraphsXml(parts.document).filter((p) => paragraphText(p) !== '');
  return { parts, paragraphs, texts: paragraphs.map(paragraphText) };
}

/** The run whose text is exactly `text`. */
function runWith(xml: string, text: string): string {
  const run = runsXml(xml).find((r) => r.includes(`>${text}</w:t>`));
  if (!run) throw new Error(`No run "${text}" in ${xml}`);
  return run;
}

describe('commentToDocx', () => {
  it.each(['', '   ', '<p></p>', '<p> </p><p><br></p>', '<div class="ExternalClass1"></div>'])(
    'gives no paragraphs for a blank comment %j',
    (html) => {
      expect(commentToDocx(html)).toEqual([]);
    },
  );

  it('makes a paragraph of text without tags', async () => {
    expect((await convert('Bara text')).texts).toEqual(['Bara text']);
  });

  it('keeps paragraphs apart and collapses white space as HTML does', async () => {
    const { texts } = await convert('<p>  Ett \n  två  </p>\n<p>tre&nbsp;fyra</p>');
    expect(texts).toEqual(['Ett två', 'tre\u00a0fyra']);
  });

  it('keeps nested emphasis: bold, italics and underline, alone and together', async () => {
    const { paragraphs } = await convert(
      '<p><b>fet <i>fet kursiv</i></b> <em>kursiv</em> <u>under <strong>fet</strong></u></p>',
    );
    const [p] = paragraphs;
    expect(p).toBeDefined();
    const xml = p ?? '';
    expect(runWith(xml, 'fet ')).toContain('<w:b/>');
    expect(runWith(xml, 'fet ')).not.toContain('<w:i/>');
    expect(runWith(xml, 'fet kursiv')).toMatch(/<w:b\/>[\s\S]*<w:i\/>/);
    expect(runWith(xml, 'kursiv')).toContain('<w:i/>');
    expect(runWith(xml, 'kursiv')).not.toContain('<w:b/>');
    expect(runWith(xml, 'under ')).toContain('<w:u w:val="single"/>');
    expect(runWith(xml, 'fet')).toMatch(/<w:b\/>[\s\S]*<w:u w:val="single"\/>/);
    expect(paragraphText(xml)).toBe('fet fet kursiv kursiv under fet');
  });

  it('turns <br> into a line break inside the paragraph', async () => {
    const { paragraphs, texts } = await convert('<p>rad ett<br>rad två</p>');
    expect(texts).toEqual(['rad ettrad två']);
    expect(paragraphs[0]).toMatch(/rad ett<\/w:t>[\s\S]*<w:br\/>[\s\S]*rad två/);
  });

  it('makes bullet list items numbered paragraphs with a bullet level, links kept', async () => {
    const { paragraphs, texts, parts } = await convert(
      '<p>Aktiviteter:</p><ul><li>Se <a href="https://example.test/plan.pdf">planen</a> nu</li>' +
        '<li>Två</li></ul><p>Efter</p>',
    );
    expect(texts).toEqual(['Aktiviteter:', 'Se planen nu', 'Två', 'Efter']);
    expect(paragraphs[0]).not.toContain('<w:numPr>');
    expect(paragraphs[1]).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/>/);
    expect(paragraphs[2]).toContain('<w:numPr>');
    expect(paragraphs[3]).not.toContain('<w:numPr>');
    expect(parts.numbering).toMatch(/<w:numFmt w:val="bullet"\/><w:lvlText w:val="•"\/>/);
    const link = /<w:hyperlink\b[^>]*\br:id="([^"]+)"[^>]*>([\s\S]*?)<\/w:hyperlink>/.exec(
      paragraphs[1] ?? '',
    );
    expect(paragraphText(link?.[2] ?? '')).toBe('planen');
    expect(link?.[2]).toContain('<w:rStyle w:val="Hyperlink"/>');
    const rel = parts.rels
      .match(/<Relationship [^>]*>/g)
      ?.find((r) => r.includes(`"${link?.[1]}"`));
    expect(rel).toContain('Target="https://example.test/plan.pdf"');
    expect(rel).toContain('TargetMode="External"');
  });

  it('numbers ordered lists as decimals, each list from 1 (its own numbering instance)', async () => {
    const { paragraphs, parts } = await convert(
      '<ol><li>a</li><li>b</li></ol><p>mellan</p><ol><li>c</li></ol>',
    );
    const numId = (p: string | undefined) => /<w:numId w:val="(\d+)"\/>/.exec(p ?? '')?.[1];
    expect(numId(paragraphs[0])).toBeDefined();
    expect(numId(paragraphs[0])).toBe(numId(paragraphs[1]));
    expect(numId(paragraphs[3])).not.toBe(numId(paragraphs[0]));
    expect(parts.numbering).toMatch(/<w:numFmt w:val="decimal"\/><w:lvlText w:val="%1."\/>/);
  });

  it('indents nested lists one level deeper', async () => {
    const { paragraphs, texts } = await convert(
      '<ul><li>yttre<ul><li>inre</li></ul></li><li>yttre igen</li></ul>',
    );
    expect(texts).toEqual(['yttre', 'inre', 'yttre igen']);
    expect(paragraphs[0]).toContain('<w:ilvl w:val="0"/>');
    expect(paragraphs[1]).toContain('<w:ilvl w:val="1"/>');
    expect(paragraphs[2]).toContain('<w:ilvl w:val="0"/>');
  });

  it('gives a list item’s second paragraph the item’s indent but no bullet', async () => {
    const { paragraphs } = await convert('<ul><li><p>först</p><p>sedan</p></li></ul>');
    expect(paragraphs[0]).toContain('<w:numPr>');
    expect(paragraphs[1]).not.toContain('<w:numPr>');
    expect(paragraphs[1]).toMatch(/<w:ind w:left="360"\/>/);
  });

  it('links mailto addresses', async () => {
    const { parts } = await convert('<p><a href="mailto:a@example.test">mejla</a></p>');
    expect(parts.document).toContain('<w:hyperlink');
    expect(parts.rels).toContain('Target="mailto:a@example.test"');
  });

  it.each([
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    '/relative/path',
    '',
  ])('drops the link %j but keeps its text', async (href) => {
    const { parts, texts } = await convert(`<p>Före <a href="${href}">klicka</a> efter</p>`);
    expect(texts).toEqual(['Före klicka efter']);
    expect(parts.document).not.toContain('<w:hyperlink');
    expect(parts.rels.toLowerCase()).not.toMatch(/javascript|data:|vbscript|relative/);
  });

  it('reads SharePoint’s ExternalClass wrapper as a plain block', async () => {
    const { texts } = await convert(
      '<div class="ExternalClass0A1B2C3D"><p><i>Kommentar:</i> Ett</p><p>Två</p></div>',
    );
    expect(texts).toEqual(['Kommentar: Ett', 'Två']);
  });

  it('keeps the text of unknown tags and drops scripts and styles', async () => {
    const { texts, parts } = await convert(
      '<p>A <span style="color:red">B</span> <font face="x">C</font><sup>2</sup></p>' +
        '<h2>Rubrik</h2><table><tr><td>cell</td><td>två</td></tr></table>' +
        '<script>alert(1)</script><style>p{}</style><img src="x" onerror="alert(1)">',
    );
    expect(texts).toEqual(['A B C2', 'Rubrik', 'cell', 'två']);
    expect(parts.document).not.toContain('alert');
  });

  it('survives deeply nested tags (untrusted input) and keeps their text', async () => {
    const depth = 1_000;
    const html = `<p>${'<b>'.repeat(depth)}djupt${'</b>'.repeat(depth)} slut</p>`;
    const { texts } = await convert(html);
    expect(texts).toEqual(['djupt slut']);
  });

  it('keeps lists deeper than Word’s nine levels at the deepest level', async () => {
    const html = `${'<ul><li>n'.repeat(12)}${'</li></ul>'.repeat(12)}`;
    const { paragraphs } = await convert(html);
    expect(paragraphs).toHaveLength(12);
    expect(paragraphs[11]).toContain('<w:ilvl w:val="8"/>');
  });

  it('escapes text that looks like markup', async () => {
    const { texts } = await convert('<p>&lt;b&gt;inte fet&lt;/b&gt; &amp; "citat"</p>');
    expect(texts).toEqual(['<b>inte fet</b> & "citat"']);
  });

  it('uses the given paragraph style and spacing', async () => {
    const { paragraphs } = await (async () => {
      const parts = await paragraphParts(
        commentToDocx('<p>x</p>', { style: 'ReportTableText', spacingAfter: 20 }),
      );
      return { paragraphs: paragraphsXml(parts.document) };
    })();
    expect(paragraphs[0]).toContain('<w:pStyle w:val="ReportTableText"/>');
    expect(paragraphs[0]).toContain('<w:spacing w:after="20"/>');
  });

  it('uses an injected parser (for node, where there is no DOMParser)', () => {
    let calls = 0;
    const parser = {
      parseFromString(source: string, type: 'text/html') {
        calls += 1;
        return new DOMParser().parseFromString(source, type);
      },
    };
    const convertWith = createCommentConverter({ parser });
    expect(convertWith('<p>a</p>')).toHaveLength(1);
    expect(convertWith('<p>b</p><p>c</p>')).toHaveLength(2);
    expect(calls).toBe(2);
  });

  it('converts the whole comment vocabulary without losing text', async () => {
    const html =
      '<p><i>Kommentar:</i> Inledning.</p><p>Flera aktiviteter pågår:</p>' +
      '<ul><li>Ett</li><li><b>Två</b> med <a href="https://x.test/">länk</a></li></ul>' +
      '<ol><li>Första</li></ol><p>Slut<br>rad</p>';
    const { parts } = await convert(html);
    expect(paragraphTexts(parts.document).filter((t) => t !== '')).toEqual([
      'Kommentar: Inledning.',
      'Flera aktiviteter pågår:',
      'Ett',
      'Två med länk',
      'Första',
      'Slutrad',
    ]);
  });
});
