import { Packer } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoReport, demoSeed, type SeedRow } from '../../../tests/fixtures/demo-report';
import {
  docxParts,
  paragraphsXml,
  paragraphText,
  paragraphTexts,
  runsXml,
  type DocxParts,
} from '../../../tests/fixtures/docx-xml';
import type { ReportModel } from '../../domain/report';
import { buildReportDocument, buildReportDocx, reportFileName } from './build-docx';

async function pack(report: ReportModel): Promise<DocxParts> {
  return docxParts(new Uint8Array(await Packer.toBuffer(buildReportDocument(report))));
}

/** The document's text, one line per paragraph, to find texts split over runs. */
function documentText(parts: DocxParts): string {
  return paragraphTexts(parts.document).join('\n');
}

/** Asserts that the needles occur in this order (each found after the previous one). */
function expectInOrder(haystack: string, needles: readonly string[]): void {
  let from = 0;
  for (const needle of needles) {
    const at = haystack.indexOf(needle, from);
    expect(at, `"${needle}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + needle.length;
  }
}

/** Word's Wingdings arrows, as Word's text extraction gives them (the 2020 seed has them so). */
const STATUS_TEXT = {
  good: '\uF0E9 Arbetet går bra',
  partly: '\uF0E8 Arbetet går delvis bra',
  poor: '\uF0EA Arbetet går dåligt',
} as const;

/** What the status cell of a seed row must say, written from the seed, not the model. */
function expectedStatus(row: SeedRow): string {
  // The seed periods are locked: a past report without a status prints a dash.
  if (row.status === null) return '–';
  if (row.status === 'not-assessed') return row.statusNote;
  return STATUS_TEXT[row.status];
}

/** The end of the comment's last paragraph or item: a distinctive text within one paragraph. */
function commentTail(row: SeedRow): string | null {
  const blocks = row.comment
    .split(/<\/(?:p|li)>/)
    .map((b) =>
      b
        .replace(/<[^>]*>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((b) => b !== '');
  const last = blocks[blocks.length - 1];
  return last ? last.slice(-40) : null;
}

/** Every row's title, diary number, status and comment, in the report's order. */
function rowNeedles(rows: readonly SeedRow[]): string[] {
  return rows.flatMap((row) => [
    `${row.number}. ${row.title}`,
    ...(row.diaryNumber ? [row.diaryNumber] : []),
    expectedStatus(row),
    ...(commentTail(row) ? [commentTail(row) as string] : []),
  ]);
}

/** The paragraph (XML) holding the text. */
function paragraphWith(parts: DocxParts, text: string): string {
  const found = paragraphsXml(parts.document).find((p) => paragraphText(p).includes(text));
  if (!found) throw new Error(`No paragraph with "${text}"`);
  return found;
}

describe('the 2017-08 report from the demo data', () => {
  const seed = demoSeed('2017-08');
  const report = demoReport('2017-08');
  let parts: DocxParts;
  let text: string;
  beforeAll(async () => {
    parts = await pack(report);
    text = documentText(parts);
  });

  it('has every plan of the seed report', () => {
    expect(report.rows).toHaveLength(seed.rows.length);
    expect(report.rows).toHaveLength(16);
  });

  it('prints title, its own introduction, summary, then legend and every row, in order', () => {
    expectInOrder(text, [
      seed.reportTitle,
      'Övergripande handlingsplanen upprättas för sakområden',
      'En uppföljning per augusti har genomförts av de övergripande handlingsplaner eller ' +
        'motsvarande som ingår i regiondirektörens direktiv för verksamhetsplaner 2017.',
      'Sammantaget visar uppföljningen att för de flesta handlingsplaner',
      'flera mål som inte ser ut att inte kunna uppfyllas till årets slut.',
      'Uppföljningen har utgått från följande värden:',
      STATUS_TEXT.good,
      'Alla eller de flesta av målen ser ut att kunna vara uppfyllda till årets slut.',
      STATUS_TEXT.partly,
      'Målen ser delvis ut att kunna vara uppfyllda till årets slut.',
      STATUS_TEXT.poor,
      'Inga eller väldigt få mål ser ut att kunna vara uppfyllda till årets slut.',
      'Plan',
      'Beslut/Dnr',
      'Status',
      'Kommentar',
      ...rowNeedles(seed.rows),
    ]);
    // Not the 2020 report's text, which 2017's report never had.
    expect(text).not.toContain('Handlingsplanerna har olika löptider');
  });

  it('prints the contact a line each in the first page’s header', () => {
    const header = Object.entries(parts.files)
      .filter(([name]) => /word\/header\d*\.xml$/.test(name))
      .map(([, xml]) => xml)
      .find((xml) => xml.includes('Sandra Hedman'));
    expect(header).toBeDefined();
    const lines = paragraphsXml(header ?? '').map(paragraphText);
    expect(lines).toEqual([
      'Samordningskansliet\t2017-09-25',
      'Sandra Hedman\tDnr: RS/780/2017',
      'Tfn: 063-147509',
      'E-post: sandra.hedman@regionjh.se',
    ]);
  });

  it('prints the title as Heading 1', () => {
    expect(paragraphWith(parts, seed.reportTitle)).toContain('<w:pStyle w:val="Heading1"/>');
  });

  it('prints decision and diary number on separate lines of the Beslut/Dnr cell', () => {
    expect(text).toContain('RD 2016-11-16\nDnr:\u00a0RS/1957/2016');
    expect(text).toContain('HSdir 2016-11-28\nCenturi 33786');
  });

  it('keeps the italics of "Kommentar:"', () => {
    const italic = runsXml(parts.document).filter(
      (r) => r.includes('<w:i/>') && r.includes('>Kommentar:</w:t>'),
    );
    expect(italic.length).toBeGreaterThanOrEqual(10);
  });

  it('keeps the bullet list of row 11 as numbered paragraphs', () => {
    const items = [
      'Diagnosoberoende nätverk för kontaktsjuksköterskor',
      'Koordinatorcenter för att frigöra kontaktsjuksköterskornas tid till patientarbete',
      'Diagnosoberoende patient- och närståenderåd är initierat.',
    ];
    for (const item of items) expect(paragraphWith(parts, item)).toContain('<w:numPr>');
    expect(paragraphWith(parts, 'Flera aktiviteter pågår:')).not.toContain('<w:numPr>');
  });

  it('bolds the status, arrow and text', () => {
    const runs = runsXml(parts.document);
    const label = runs.find((r) => r.includes('> Arbetet går delvis bra<'));
    expect(label).toContain('<w:b/>');
    const arrow = runs.find((r) => r.includes('w:char="F0E8"'));
    expect(arrow).toContain('<w:b/>');
    expect(runs.filter((r) => r.includes('>–<'))[0]).toContain('<w:b/>');
  });

  it('prints every arrow as a Wingdings symbol, one design for all three, none in Unicode', () => {
    const symbols = [...parts.document.matchAll(/<w:sym ([^>]*)\/>/g)].map((m) => m[1] ?? '');
    expect(symbols.length).toBeGreaterThan(10);
    for (const symbol of symbols) expect(symbol).toContain('w:font="Wingdings"');
    expect(new Set(symbols.map((s) => /w:char="(\w+)"/.exec(s)?.[1]))).toEqual(
      new Set(['F0E9', 'F0E8', 'F0EA']),
    );
    // The arrows a comment itself contains stay as written; the status cells have none.
    expect(paragraphTexts(parts.document).filter((p) => /^[↑➔↓] Arbetet/.test(p))).toEqual([]);
  });

  it('gives the comment nearly half the table (8 of 17 cm)', () => {
    const grid = /<w:tblGrid>(.*?)<\/w:tblGrid>/gs;
    const tables = [...parts.document.matchAll(grid)].map((m) =>
      [...(m[1] ?? '').matchAll(/w:w="(\d+)"/g)].map((w) => Number(w[1])),
    );
    const main = tables.find((widths) => widths.length === 4);
    expect(main).toBeDefined();
    const [plan = 0, reference = 0, status = 0, comment = 0] = main ?? [];
    const total = plan + reference + status + comment;
    expect(comment / total).toBeGreaterThan(0.45);
    expect(comment).toBeGreaterThan(reference + status);
  });

  it('prints the unit, date and diary number in the page header', () => {
    expect(parts.headers).toContain('Samordningskansliet');
    expect(parts.headers).toContain('2017-09-25');
    expect(parts.headers).toContain('Dnr: RS/780/2017');
  });

  it('prints the contact in the first page’s header only', () => {
    const headers = Object.entries(parts.files).filter(([p]) => /word\/header\d*\.xml$/.test(p));
    expect(headers).toHaveLength(2);
    expect(headers.filter(([, xml]) => xml.includes('Sandra Hedman'))).toHaveLength(1);
    expect(parts.document).toContain('<w:titlePg/>');
  });

  it('numbers the pages "Sida X av Y"', () => {
    expect(parts.footers).toContain('Sida ');
    expect(parts.footers).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(parts.footers).toContain(' av ');
    expect(parts.footers).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
  });

  it('repeats the table’s header row on every page', () => {
    expect(parts.document).toMatch(/<w:trPr>(?:(?!<\/w:trPr>).)*<w:tblHeader\/>/);
    expect(parts.document.match(/<w:tblHeader\/>/g)).toHaveLength(1);
  });

  it('is A4 portrait with 2 cm margins', () => {
    expect(parts.document).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(parts.document).toMatch(
      /<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134"/,
    );
  });

  it('is in Swedish', () => {
    expect(parts.styles).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="sv-SE"\/>/);
  });

  it('names the document with the report’s title', () => {
    expect(parts.files['docProps/core.xml']).toContain(seed.reportTitle);
  });
});

describe('the 2020-04 report from the demo data', () => {
  const seed = demoSeed('2020-04');
  const report = demoReport('2020-04');
  let parts: DocxParts;
  let text: string;
  beforeAll(async () => {
    parts = await pack(report);
    text = documentText(parts);
  });

  it('prints title, introduction, then legend, summary and every row, in order', () => {
    expect(report.rows).toHaveLength(13);
    expectInOrder(text, [
      seed.reportTitle,
      'Handlingsplanerna har olika löptider, från ett till flera år.',
      'Den här rapporten redovisar uppföljning per 30 april.',
      'Uppföljningen har utgått från följande värden:',
      STATUS_TEXT.good,
      STATUS_TEXT.partly,
      STATUS_TEXT.poor,
      'Sammantaget visar rapporten att för de flesta handlingsplaner',
      'Nya handlingsplaner ska under året utarbetas för tillgänglighet och patientsäkerhet.',
      ...rowNeedles(seed.rows),
    ]);
  });

  it('prints the not-assessed plans’ notes as their status', () => {
    expect(text).toContain('Arbete med ny handlingsplan pågår.');
    expect(text).toContain('Finns inte längre för 2020');
  });

  it('links each plan title to its document', () => {
    const linked = seed.rows.filter((r) => r.documentUrl);
    expect(linked).toHaveLength(10);
    for (const row of linked) {
      expect(parts.rels).toContain(`Target="${row.documentUrl}"`);
      const paragraph = paragraphWith(parts, `${row.number}. ${row.title}`);
      const link = /<w:hyperlink\b[^>]*\br:id="([^"]+)"[^>]*>([\s\S]*?)<\/w:hyperlink>/.exec(
        paragraph,
      );
      expect(paragraphText(link?.[2] ?? '')).toBe(row.title);
      const rel = parts.rels
        .match(/<Relationship [^>]*>/g)
        ?.find((r) => r.includes(`Id="${link?.[1]}"`));
      expect(rel).toContain(`Target="${row.documentUrl}"`);
    }
    expect(paragraphWith(parts, '8. Plan för mottagande')).not.toContain('<w:hyperlink');
  });

  it('has no page header, since the report prints no unit, date or diary number', () => {
    expect(parts.headers).toBe('');
    expect(parts.footers).toContain('Sida ');
  });
});

describe('buildReportDocument on edge cases', () => {
  const base = demoReport('2020-04');
  const first = base.rows[0];
  if (!first) throw new Error('The demo report has no rows');

  it('numbers the summary’s list and a comment’s list each from 1', async () => {
    const parts = await pack({
      ...base,
      summary: '<ol><li>sammanfattning ett</li><li>sammanfattning två</li></ol>',
      rows: [{ ...first, comment: '<ol><li>kommentar ett</li></ol>' }],
    });
    const numId = (text: string) =>
      /<w:numId w:val="(\d+)"\/>/.exec(paragraphWith(parts, text))?.[1];
    expect(numId('sammanfattning ett')).toBeDefined();
    expect(numId('sammanfattning två')).toBe(numId('sammanfattning ett'));
    expect(numId('kommentar ett')).toBeDefined();
    expect(numId('kommentar ett')).not.toBe(numId('sammanfattning ett'));
  });

  it('writes a row with no comment, reference or link, and no summary', async () => {
    const parts = await pack({
      ...base,
      summary: '',
      rows: [{ ...first, comment: '', reference: [], documentUrl: null }],
    });
    const text = documentText(parts);
    expect(text).toContain(`1. ${first.title}`);
    expect(text).not.toContain('Sammantaget');
    expect(parts.document).not.toContain('<w:hyperlink');
    // Every cell holds a paragraph, as Word requires.
    expect(parts.document).not.toMatch(/<\/w:tcPr><\/w:tc>/);
  });

  it('escapes markup-like text in titles and notes', async () => {
    const parts = await pack({
      ...base,
      rows: [
        {
          ...first,
          title: 'Plan <b>&</b> "x"',
          status: { status: 'not-assessed', symbol: null, text: 'Ej <i>' },
        },
      ],
    });
    expect(documentText(parts)).toContain('1. Plan <b>&</b> "x"');
    expect(documentText(parts)).toContain('Ej <i>');
  });
});

describe('buildReportDocx', () => {
  it('packs a .docx blob (a zip)', async () => {
    const blob = await buildReportDocx(demoReport('2020-04'));
    expect(blob.size).toBeGreaterThan(5_000);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    expect(docxParts(bytes).document).toContain('Avstämning av övergripande handlingsplaner');
  });
});

describe('reportFileName', () => {
  it.each([
    [{ year: 2017, kind: 'delar' }, 'Bilaga 2 - Uppföljning handlingsplaner 2017-08.docx'],
    [{ year: 2020, kind: 'tertial' }, 'Bilaga 2 - Uppföljning handlingsplaner 2020-04.docx'],
    [{ year: 2020, kind: 'arsbokslut' }, 'Bilaga 2 - Uppföljning handlingsplaner 2020-12.docx'],
  ] as const)('%o → %s', (period, name) => {
    expect(reportFileName(period)).toBe(name);
  });

  it('has no characters that file systems refuse', () => {
    expect(reportFileName({ year: 2017, kind: 'delar' })).not.toMatch(/[\\/:*?"<>|]/);
  });
});

describe('the open period’s report in Word', () => {
  it('says it is a draft at the top and on every page, and prints no unsubmitted answer', async () => {
    const open = demoReport('2020-08');
    const report: ReportModel = {
      ...open,
      rows: open.rows.map((row, i) =>
        i === 0
          ? {
              ...row,
              answered: false,
              status: { status: null, symbol: null, text: 'Inget svar inlämnat' },
            }
          : row,
      ),
    };
    const parts = await pack(report);
    const notice = 'UTKAST: perioden är öppen och rapporten är inte slutlig.';
    expect(paragraphTexts(parts.document)[0]).toContain(notice);
    expect(paragraphTexts(parts.footers).join('\n')).toContain(notice);
    expect(documentText(parts)).toContain('Inget svar inlämnat');
  });

  it('a locked period’s report carries no draft notice', async () => {
    const parts = await pack(demoReport('2020-04'));
    expect(parts.document + parts.footers).not.toContain('UTKAST');
  });
});
