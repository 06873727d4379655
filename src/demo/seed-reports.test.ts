import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { readStatusSymbol } from '../domain/status-symbols';
import { SEED_2017_08, SEED_2020_04, SEED_REPORTS } from './seed-reports';
import type { SeedReport, SeedRow } from './seed-types';

const ALLOWED_TAGS = new Set(['p', 'i', 'b', 'ul', 'li', 'a', 'br']);

/**
 * Checks that `html` is well-formed and uses only the allowed tags (no DOM in node: a regex
 * tokenizer and a tag stack). Returns the problems found, [] when fine.
 */
function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const tagPattern = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^<>]*)?)\s*(\/?)>/g;
  let last = 0;
  const checkText = (text: string): void => {
    if (/[<>]/.test(text)) problems.push(`stray < or > in text: ${JSON.stringify(text)}`);
    const amp = text.match(/&(?!(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);)/);
    if (amp) problems.push(`unescaped & in text: ${JSON.stringify(text)}`);
    const parent = stack[stack.length - 1];
    if (parent === 'ul' && text.trim() !== '') {
      problems.push(`text directly inside <ul>: ${JSON.stringify(text)}`);
    }
  };
  for (const match of html.matchAll(tagPattern)) {
    checkText(html.slice(last, match.index));
    last = match.index + match[0].length;
    const [, closing, rawName = '', attributes = '', selfClosing] = match;
    const name = rawName.toLowerCase();
    if (!ALLOWED_TAGS.has(name)) {
      problems.push(`tag not allowed: <${name}>`);
      continue;
    }
    const attrs = attributes.trim();
    if (closing) {
      if (attrs) problems.push(`attributes on closing tag </${name}>`);
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? '(nothing)'}>`);
      continue;
    }
    if (name === 'a') {
      if (!/^href="[^"<>]+"$/.test(attrs)) problems.push(`<a> needs exactly href: ${attrs}`);
    } else if (attrs) {
      problems.push(`attributes not allowed on <${name}>: ${attrs}`);
    }
    if (name === 'li' && stack[stack.length - 1] !== 'ul') problems.push('<li> outside <ul>');
    if (name === 'br') continue;
    if (selfClosing) {
      problems.push(`self-closing <${name}/>`);
      continue;
    }
    stack.push(name);
  }
  checkText(html.slice(last));
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`);
  return problems;
}

const allRows = (): { report: SeedReport; row: SeedRow }[] =>
  SEED_REPORTS.flatMap((report) => report.rows.map((row) => ({ report, row })));

const row = (report: SeedReport, number: number): SeedRow => {
  const found = report.rows.find((r) => r.number === number);
  if (!found) throw new Error(`no row ${number} in ${report.periodKey}`);
  return found;
};

describe('htmlProblems (the checker itself)', () => {
  it('accepts the allowed subset', () => {
    expect(
      htmlProblems(
        '<p><i>Kommentar:</i> a &amp; b<br>c</p><ul><li><a href="https://x.se/">x</a></li></ul>',
      ),
    ).toEqual([]);
  });

  it('rejects bad markup', () => {
    expect(htmlProblems('<p>open')).not.toEqual([]);
    expect(htmlProblems('<p><i>x</p></i>')).not.toEqual([]);
    expect(htmlProblems('<div>x</div>')).not.toEqual([]);
    expect(htmlProblems('<p style="x">x</p>')).not.toEqual([]);
    expect(htmlProblems('<a onclick="x">x</a>')).not.toEqual([]);
    expect(htmlProblems('<p>a & b</p>')).not.toEqual([]);
    expect(htmlProblems('<p>a < b</p>')).not.toEqual([]);
    expect(htmlProblems('<ul>x<li>y</li></ul>')).not.toEqual([]);
    expect(htmlProblems('<li>y</li>')).not.toEqual([]);
  });
});

describe('seed reports', () => {
  it('lists both reports in order', () => {
    expect(SEED_REPORTS.map((r) => r.periodKey)).toEqual(['2017-08', '2020-04']);
    expect(SEED_REPORTS).toEqual([SEED_2017_08, SEED_2020_04]);
  });

  it('has 16 rows in 2017-08 and 13 in 2020-04, numbered 1..n in order', () => {
    expect(SEED_2017_08.rows).toHaveLength(16);
    expect(SEED_2020_04.rows).toHaveLength(13);
    for (const report of SEED_REPORTS) {
      expect(report.rows.map((r) => r.number)).toEqual(report.rows.map((_, i) => i + 1));
    }
  });

  it('has unique kebab-case planKeys within a report, stable across reports', () => {
    for (const report of SEED_REPORTS) {
      const keys = report.rows.map((r) => r.planKey);
      expect(new Set(keys).size).toBe(keys.length);
      for (const key of keys) expect(key).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
    const keys2017 = new Set(SEED_2017_08.rows.map((r) => r.planKey));
    const new2020 = SEED_2020_04.rows.map((r) => r.planKey).filter((k) => !keys2017.has(k));
    expect(new2020).toEqual(['jamstalld-jamlik']);
  });

  it('writes every comment and summary as well-formed HTML of the allowed tags', () => {
    for (const { report, row: r } of allRows()) {
      expect(htmlProblems(r.comment), `${report.periodKey} row ${r.number}`).toEqual([]);
      if (r.comment !== '') expect(r.comment).toMatch(/^<(p|ul)>[\s\S]*<\/(p|ul)>$/);
    }
    for (const report of SEED_REPORTS) {
      expect(htmlProblems(report.summary), report.periodKey).toEqual([]);
      expect(report.summary).toMatch(/^<p>Sammantaget visar [\s\S]*<\/p>$/);
    }
  });

  it('leaves no page-header debris or raw extraction text in comments', () => {
    for (const { report, row: r } of allRows()) {
      const where = `${report.periodKey} row ${r.number}`;
      expect(r.comment, where).not.toContain('Dnr: RS/780/2017');
      expect(r.comment, where).not.toContain('Ärende\tBeslut');
      expect(r.comment, where).not.toContain('Beslut/Dnr');
      expect(r.comment, where).not.toMatch(/(^|>|\n)\s*2017-09-25\s*(<|\n|$)/);
      expect(r.comment, where).not.toMatch(/[\t\n]/);
      expect(r.comment, where).not.toMatch(/ {2}/);
      expect(r.comment, where).not.toContain('•');
      expect(r.comment, where).not.toContain('https://diariet');
      expect(r.comment, where).not.toMatch(/<p>\s|\s<\/p>/);
    }
  });

  it('keeps titles clean and validity consistent with the title', () => {
    for (const { report, row: r } of allRows()) {
      const where = `${report.periodKey} row ${r.number}`;
      expect(r.title, where).not.toMatch(/^\d+\./);
      expect(r.title, where).toBe(r.title.trim().replace(/\s+/g, ' '));
      expect(r.validity, where).toMatch(/^(?:\d{4}(?:–\d{4})?)?$/);
      for (const year of r.validity.split('–').filter(Boolean)) {
        expect(r.title, where).toContain(year);
      }
      expect(r.diaryNumber, where).not.toMatch(/^Dnr/);
    }
  });

  it('keeps status, source and note consistent', () => {
    for (const { report, row: r } of allRows()) {
      const where = `${report.periodKey} row ${r.number}`;
      if (r.statusSource === 'none') expect(r.status, where).toBeNull();
      else expect(r.status, where).not.toBeNull();
      if (r.statusSource === 'note') {
        expect(r.status, where).toBe('not-assessed');
        expect(r.statusNote, where).not.toBe('');
      } else {
        expect(r.statusNote, where).toBe('');
      }
      if (r.statusSource === 'none' || r.statusSource === 'summary') {
        expect(r.dataNote, where).toBeTruthy();
      }
    }
  });

  it('has document links only in 2020, all distinct diariet URLs', () => {
    expect(SEED_2017_08.rows.every((r) => r.documentUrl === undefined)).toBe(true);
    const urls = SEED_2020_04.rows.flatMap((r) => (r.documentUrl ? [r.documentUrl] : []));
    expect(urls).toHaveLength(10);
    expect(new Set(urls).size).toBe(urls.length);
    for (const url of urls) {
      expect(url).toMatch(
        /^https:\/\/diariet\.regionjh\.se\/diariet\/files\/[0-9a-f-]{36}\.(pdf|docx)$/,
      );
    }
    expect(SEED_2020_04.rows.filter((r) => !r.documentUrl).map((r) => r.number)).toEqual([
      7, 8, 11,
    ]);
  });

  it('has the report header data as printed', () => {
    expect(SEED_2017_08.reportTitle).toBe(
      'Bilaga 2: Uppföljning av övergripande handlingsplaner per augusti 2017',
    );
    expect(SEED_2017_08.report).toEqual({
      unit: 'Samordningskansliet',
      contact: 'Sandra Hedman\nTfn: 063-147509\nE-post: sandra.hedman@regionjh.se',
      date: '2017-09-25',
      diaryNumber: 'RS/780/2017',
    });
    expect(SEED_2020_04.reportTitle).toBe(
      'Bilaga 2: Avstämning av övergripande handlingsplaner april 2020',
    );
    expect(SEED_2020_04.report).toEqual({ unit: '', contact: '', date: '', diaryNumber: '' });
    expect(SEED_2017_08.summary).toMatch(/inte kunna uppfyllas till årets slut\.<\/p>$/);
    expect(SEED_2020_04.summary).toMatch(/för tillgänglighet och patientsäkerhet\.<\/p>$/);
  });
});

describe('spot checks, 2017-08', () => {
  it('row 3', () => {
    expect(row(SEED_2017_08, 3)).toMatchObject({
      planKey: 'lakemedel',
      title: 'Övergripande handlingsplan Läkemedel 2017',
      validity: '2017',
      decision: 'RD 2016-11-16',
      diaryNumber: 'RS/1957/2016',
      status: 'partly',
      statusSource: 'symbol',
      statusNote: '',
    });
    expect(row(SEED_2017_08, 3).comment).toMatch(
      /^<p><i>Kommentar:<\/i> Flera av aktiviteterna är påbörjade/,
    );
  });

  it('rows 1 and 2: lost symbols', () => {
    expect(row(SEED_2017_08, 1)).toMatchObject({ status: null, statusSource: 'none' });
    expect(row(SEED_2017_08, 1).title).toBe(
      'Övergripande handlingsplan för Barnkonventionen och de nationella minoriteterna 2016-2018',
    );
    expect(row(SEED_2017_08, 2)).toMatchObject({ status: 'poor', statusSource: 'summary' });
    expect(row(SEED_2017_08, 2).comment).toContain(
      'Åtgärder för att förbättra tillgängligheten pågår i enlighet med aktiviteterna i ' +
        'handlingsplanen.</p><p>Produktions och kapacitetsplaneringen',
    );
  });

  it('row 4: decision kept as printed', () => {
    expect(row(SEED_2017_08, 4)).toMatchObject({
      title: 'Övergripande handlingsplan Suicidpreventivt arbete 2016-2018',
      validity: '2016–2018',
      decision: 'RD 2015-10-1:',
      diaryNumber: 'RS/1635/2015',
    });
    expect(row(SEED_2017_08, 4).dataNote).toBeTruthy();
  });

  it('rows 5 and 16: Centuri numbers', () => {
    expect(row(SEED_2017_08, 5)).toMatchObject({
      decision: 'HSdir 2016-11-28',
      diaryNumber: 'Centuri 33786',
    });
    expect(row(SEED_2017_08, 16)).toMatchObject({
      decision: 'Regionstabschef 2017-04-10',
      diaryNumber: 'Centuri 32658-1',
      validity: '',
    });
  });

  it('rows 6 and 10: notes instead of arrows', () => {
    expect(row(SEED_2017_08, 6)).toMatchObject({
      status: 'not-assessed',
      statusSource: 'note',
      statusNote: 'Ej längre aktuell.',
      comment: '<p>Pågår arbete med en uppföljare.</p>',
      decision: 'LD 2013-11-13',
    });
    expect(row(SEED_2017_08, 10)).toMatchObject({
      status: 'not-assessed',
      statusNote: 'Ska omarbetas',
      comment: '',
      decision: '2013-05-28',
      diaryNumber: 'LS/678/2013',
    });
  });

  it('row 9: continued across the page break', () => {
    const comment = row(SEED_2017_08, 9).comment;
    expect(comment).toContain('införande av kompetenshanterings pågår, karriärvägar pågår');
    expect(row(SEED_2017_08, 9).status).toBe('good');
  });

  it('row 11: bullet list and continuation', () => {
    const r = row(SEED_2017_08, 11);
    expect(r).toMatchObject({
      decision: 'HS dir 2016-05-25',
      status: 'partly',
      validity: '2016–2018',
    });
    expect(r.comment).toContain(
      '<p>Flera aktiviteter pågår:</p><ul><li>Diagnosoberoende nätverk för ' +
        'kontaktsjuksköterskor</li>',
    );
    expect(r.comment.match(/<li>/g)).toHaveLength(4);
    expect(r.comment).toContain('<p>Ett annat forskningsprojekt');
    expect(r.comment).not.toContain('→');
  });

  it('row 12: restored first letter', () => {
    const r = row(SEED_2017_08, 12);
    expect(r.title).toMatch(/^Handlingsplan för kommunerna i Jämtlands län/);
    expect(r.decision).toBe('Förankring i SVOM 2016-09-30');
    expect(r.dataNote).toMatch(/andlingsplan/);
  });

  it('row 14: joined across the page break', () => {
    expect(row(SEED_2017_08, 14)).toMatchObject({
      planKey: 'vard-omsorg-glesbygd',
      title:
        'Övergripande handlingsplan för Vård och omsorg i glesbygd – Norrlands inland, ' +
        'världsledande i utvecklingen av framtidens vård och omsorg i glesbygd',
      decision: '2014-05-21',
      diaryNumber: 'LS/821/2014',
      status: 'partly',
    });
    expect(row(SEED_2017_08, 14).comment).toContain('Arbetet leds av förbundsdirektören, som');
  });

  it('row 15: the stray ▼ stays in the comment', () => {
    expect(row(SEED_2017_08, 15).comment).toContain('Nästa enkät i CAN först 2019. ▼ Övriga');
    expect(row(SEED_2017_08, 15).validity).toBe('2017–2021');
  });
});

describe('spot checks, 2020-04', () => {
  it('has no decisions', () => {
    expect(SEED_2020_04.rows.every((r) => r.decision === '')).toBe(true);
  });

  it('rows 1 and 2: hyphens and links', () => {
    expect(row(SEED_2020_04, 1)).toMatchObject({
      planKey: 'informationssakerhet',
      title: 'Övergripande handlingsplan för informationssäkerhet och dataskydd 2020-2021',
      validity: '2020–2021',
      diaryNumber: 'RS/697/2019',
      status: 'partly',
    });
    expect(row(SEED_2020_04, 1).comment).toMatch(/för regionens IT-stöd\.<\/p>$/);
    expect(row(SEED_2020_04, 1).documentUrl).toContain('a5bb2c1a-');
    expect(row(SEED_2020_04, 2).planKey).toBe('jamstalld-jamlik');
    expect(row(SEED_2020_04, 2).comment).toContain('en 14-procentig ökning');
    expect(row(SEED_2020_04, 2).documentUrl).toContain('ff43f1a9-');
  });

  it('rows 4 and 13: the Wingdings arrow (U+F0EA) is their source', () => {
    expect(row(SEED_2020_04, 4)).toMatchObject({
      planKey: 'miljo',
      status: 'poor',
      statusSource: 'symbol',
    });
    expect(row(SEED_2020_04, 13)).toMatchObject({
      planKey: 'cancervard',
      status: 'poor',
      statusSource: 'symbol',
      diaryNumber: 'RS/232/2017',
    });
  });

  it('row 5: the trailing ➔ stays in the comment', () => {
    expect(row(SEED_2020_04, 5).comment).toMatch(/målvärdet är 4 %\. ➔<\/p>$/);
  });

  it('rows 7 and 11: notes instead of arrows', () => {
    expect(row(SEED_2020_04, 7)).toMatchObject({
      planKey: 'tillganglighet',
      status: 'not-assessed',
      statusSource: 'note',
      statusNote: 'Arbete med ny handlingsplan pågår.',
    });
    expect(row(SEED_2020_04, 7).comment).toMatch(/^<p>Tillgänglighetsarbetet har under hösten/);
    expect(row(SEED_2020_04, 7).comment).toContain('till 16 % och då från den 20 mars');
    expect(row(SEED_2020_04, 11)).toMatchObject({
      planKey: 'battre-liv-aldre',
      status: 'not-assessed',
      statusNote: 'Finns inte längre för 2020',
      diaryNumber: '',
      comment: '',
    });
  });

  it('rows 8 and 10 have no diary number', () => {
    expect(row(SEED_2020_04, 8)).toMatchObject({ planKey: 'asyl', diaryNumber: '' });
    expect(row(SEED_2020_04, 10)).toMatchObject({ planKey: 'psykisk-halsa', diaryNumber: '' });
  });

  it('row 9: title with en dash as printed, .docx link', () => {
    const r = row(SEED_2020_04, 9);
    expect(r.title).toBe(
      'Övergripande handlingsplan gällande sexuell och reproduktiv hälsa och rättigheter och ' +
        'prevention mot blodburen smitta 2017–2021',
    );
    expect(r.documentUrl).toMatch(/a088b277-.*\.docx$/);
    expect(r.comment).toContain('hbtq-diplomering');
  });
});

describe('statuses against the seed texts', () => {
  const seedText = (name: string): string =>
    readFileSync(new URL(`../../../shared/seeds/${name}`, import.meta.url), 'utf8');
  const texts: ReadonlyArray<readonly [SeedReport, string]> = [
    [SEED_2017_08, seedText('000_9524472e89d53587.txt')],
    [SEED_2020_04, seedText('002_6c068dde2240b6f1.txt')],
  ];

  /**
   * The first arrow in the row's part of the extracted text, from its number to the next row's:
   * the status cell comes before the comment.
   */
  function arrowAfter(text: string, r: SeedRow): string | null {
    const rowStart = (n: number): RegExp => new RegExp(`(?:^|\\n|<p>) *${n}\\.\\s+\\p{L}`, 'u');
    const at = text.search(rowStart(r.number));
    if (at < 0) return null;
    const from = at + 1;
    const end = text.slice(from).search(rowStart(r.number + 1));
    const cell = text.slice(from, end < 0 ? undefined : from + end);
    for (const char of cell) {
      const read = readStatusSymbol(char);
      if (read) return read.status;
    }
    return null;
  }

  it('every status read from a symbol is the arrow the seed has', () => {
    const checked: string[] = [];
    for (const [report, text] of texts) {
      for (const r of report.rows.filter((row) => row.statusSource === 'symbol')) {
        const where = `${report.periodKey} row ${r.number}`;
        expect(arrowAfter(text, r), where).toBe(r.status);
        checked.push(where);
      }
    }
    // Every row but those with notes, a lost symbol or a status from the summary.
    expect(checked).toHaveLength(
      SEED_REPORTS.flatMap((report) => report.rows).filter((r) => r.statusSource === 'symbol')
        .length,
    );
    expect(checked.length).toBeGreaterThanOrEqual(20);
  });

  it('a status is taken from the summary, or left unset, only where the seed has no arrow', () => {
    for (const [report, text] of texts) {
      for (const r of report.rows.filter((row) => ['summary', 'none'].includes(row.statusSource))) {
        expect(arrowAfter(text, r), `${report.periodKey} row ${r.number}`).toBeNull();
      }
    }
  });

  it("a note's text is the seed's, full stop included", () => {
    for (const [report, text] of texts) {
      for (const r of report.rows.filter((row) => row.statusSource === 'note')) {
        expect(text, `${report.periodKey} row ${r.number}`).toContain(r.statusNote);
        expect(text, `${report.periodKey} row ${r.number}`).not.toMatch(
          new RegExp(`${r.statusNote.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.`),
        );
      }
    }
  });
});
