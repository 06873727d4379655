import { describe, expect, it } from 'vitest';
import type { FollowUp, Person, PlanKey, Status } from './follow-up';
import { periodAsOf, periodKey, type Period, type PeriodId, type PeriodKey } from './period';
import {
  buildReport,
  contactLines,
  isSafeLinkUrl,
  referenceLines,
  reportIntroduction,
  reportLegend,
  reportStatus,
  reportTitle,
} from './report';

const anna: Person = { id: 11, name: 'Anna Demo', upn: 'anna@example.test' };

function period(id: PeriodId = { year: 2017, kind: 'delar' }, overrides: Partial<Period> = {}) {
  const result: Period = {
    ...id,
    key: periodKey(id),
    state: 'locked',
    log: [],
    dueDate: '2017-09-15',
    summary: '<p>Sammantaget visar uppföljningen att arbetet pågår.</p>',
    introduction: '',
    legendPlacement: 'before-summary',
    report: {
      unit: 'Samordningskansliet',
      contact: 'Sandra Hedman',
      date: '2017-09-25',
      diaryNumber: 'RS/780/2017',
    },
    version: '"1"',
    itemId: 1,
    ...overrides,
  };
  return result;
}

let nextId = 1;
function followUp(overrides: Partial<FollowUp> = {}): FollowUp {
  const id = nextId++;
  return {
    itemId: id,
    version: '"1"',
    planKey: `plan-${id}` as PlanKey,
    periodKey: '2017-08' as PeriodKey,
    sortOrder: id,
    title: `Plan ${id}`,
    validity: '2017',
    decision: 'RD 2016-11-16',
    diaryNumber: 'RS/1957/2016',
    documentUrl: null,
    owners: [anna],
    lifecycle: 'active',
    status: 'partly',
    statusNote: '',
    comment: '<p><i>Kommentar:</i> Text</p>',
    inputState: 'submitted',
    submittedBy: anna,
    submittedAt: '2017-09-24T08:00:00Z',
    modifiedAt: '2017-09-24T08:00:00Z',
    modifiedBy: anna,
    ...overrides,
  };
}

describe('reportTitle', () => {
  it('calls a tertial an "Avstämning … april" (as the 2020 report does)', () => {
    expect(reportTitle({ year: 2020, kind: 'tertial' })).toBe(
      'Bilaga 2: Avstämning av övergripande handlingsplaner april 2020',
    );
  });

  it('calls a delår an "Uppföljning … per augusti" (as the 2017 report does)', () => {
    expect(reportTitle({ year: 2017, kind: 'delar' })).toBe(
      'Bilaga 2: Uppföljning av övergripande handlingsplaner per augusti 2017',
    );
  });

  it('words an årsbokslut like the delår, per december', () => {
    expect(reportTitle({ year: 2020, kind: 'arsbokslut' })).toBe(
      'Bilaga 2: Uppföljning av övergripande handlingsplaner per december 2020',
    );
  });
});

describe('periodAsOf and the introduction', () => {
  it.each([
    ['tertial', 'per 30 april'],
    ['delar', 'per 31 augusti'],
    ['arsbokslut', 'per 31 december'],
  ] as const)('%s is reported %s', (kind, text) => {
    expect(periodAsOf({ year: 2020, kind })).toBe(text);
  });

  it('is the 2020 report’s text, word for word, for a tertial', () => {
    expect(reportIntroduction({ year: 2020, kind: 'tertial', introduction: '' })).toEqual([
      'Övergripande handlingsplanen upprättas för sakområden som särskilt behöver fokuseras på ' +
        'och där gemensamt, planerat och systematiskt arbete krävs för att driva arbetet med ' +
        'sakområdet framåt. I dem finns en vägledning om vilka aktiviteter som varje verksamhet ' +
        'ska bidra med för att nå övergripande mål. Handlingsplanerna har olika löptider, från ' +
        'ett till flera år. Handlingsplanerna fastställs av regiondirektör och följs upp i ' +
        'samband med tertialrapport, delårsrapport och i årsbokslutet. Den här rapporten ' +
        'redovisar uppföljning per 30 april.',
    ]);
  });

  it.each([
    ['delar', 'Den här rapporten redovisar uppföljning per 31 augusti.'],
    ['arsbokslut', 'Den här rapporten redovisar uppföljning per 31 december.'],
  ] as const)('ends for a %s with "%s"', (kind, sentence) => {
    const [paragraph] = reportIntroduction({ year: 2017, kind, introduction: '' });
    expect(paragraph?.endsWith(sentence)).toBe(true);
    expect(paragraph?.match(/per \d+ \w+/g)).toHaveLength(1);
  });
});

describe('reportLegend', () => {
  it('has the three values with arrows, labels and descriptions, in order', () => {
    expect(reportLegend()).toEqual([
      {
        status: 'good',
        symbol: '↑',
        label: 'Arbetet går bra',
        description:
          'Alla eller de flesta av målen ser ut att kunna vara uppfyllda till årets slut.',
      },
      {
        status: 'partly',
        symbol: '➔',
        label: 'Arbetet går delvis bra',
        description: 'Målen ser delvis ut att kunna vara uppfyllda till årets slut.',
      },
      {
        status: 'poor',
        symbol: '↓',
        label: 'Arbetet går dåligt',
        description: 'Inga eller väldigt få mål ser ut att kunna vara uppfyllda till årets slut.',
      },
    ]);
  });
});

describe('reportStatus', () => {
  it.each([
    ['good', '↑', 'Arbetet går bra'],
    ['partly', '➔', 'Arbetet går delvis bra'],
    ['poor', '↓', 'Arbetet går dåligt'],
  ] as const)('prints %s as %s %s', (status, symbol, text) => {
    expect(reportStatus({ status, statusNote: '' })).toEqual({ status, symbol, text });
  });

  it('uses the same arrows as the legend', () => {
    for (const entry of reportLegend()) {
      expect(reportStatus({ status: entry.status, statusNote: '' }).symbol).toBe(entry.symbol);
      expect(reportStatus({ status: entry.status, statusNote: '' }).text).toBe(entry.label);
    }
  });

  it('prints a plan not assessed as its note, without an arrow', () => {
    expect(reportStatus({ status: 'not-assessed', statusNote: ' Ska omarbetas ' })).toEqual({
      status: 'not-assessed',
      symbol: null,
      text: 'Ska omarbetas',
    });
  });

  it('prints "Ej bedömd" for a plan not assessed with no note', () => {
    expect(reportStatus({ status: 'not-assessed', statusNote: '  ' }).text).toBe('Ej bedömd');
  });

  it('prints "Status saknas" when there is no status', () => {
    expect(reportStatus({ status: null, statusNote: 'ignored' })).toEqual({
      status: null,
      symbol: null,
      text: 'Status saknas',
    });
  });

  it('ignores a note left over on an assessed plan', () => {
    expect(reportStatus({ status: 'good', statusNote: 'Gammal notering' }).text).toBe(
      'Arbetet går bra',
    );
  });
});

describe('referenceLines', () => {
  it('prints decision and "Dnr:" + a registry number on separate lines, joined by a no-break space', () => {
    expect(referenceLines({ decision: 'RD 2016-11-16', diaryNumber: 'RS/1957/2016' })).toEqual([
      'RD 2016-11-16',
      'Dnr:\u00a0RS/1957/2016',
    ]);
  });

  it('prints other references as they are (the 2017 report prints "Centuri 33786")', () => {
    expect(referenceLines({ decision: 'HSdir 2016-11-28', diaryNumber: 'Centuri 33786' })).toEqual([
      'HSdir 2016-11-28',
      'Centuri 33786',
    ]);
  });

  it('leaves out empty values', () => {
    expect(referenceLines({ decision: '', diaryNumber: 'HSN/1241/2019' })).toEqual([
      'Dnr:\u00a0HSN/1241/2019',
    ]);
    expect(referenceLines({ decision: ' RD 2017-03-30 ', diaryNumber: ' ' })).toEqual([
      'RD 2017-03-30',
    ]);
    expect(referenceLines({ decision: '', diaryNumber: '' })).toEqual([]);
  });
});

describe('isSafeLinkUrl', () => {
  it.each([
    ['https://diariet.regionjh.se/diariet/files/a.pdf', true],
    ['HTTP://example.test/x', true],
    ['mailto:someone@example.test', true],
    [' https://example.test ', true],
    ['javascript:alert(1)', false],
    ['data:text/html,x', false],
    ['//example.test', false],
    ['https://', false],
    ['', false],
  ])('%s → %s', (url, safe) => {
    expect(isSafeLinkUrl(url)).toBe(safe);
  });
});

describe('buildReport', () => {
  it('copies the header from the period’s report metadata, trimmed', () => {
    const report = buildReport(
      period(undefined, {
        report: {
          unit: ' Samordningskansliet ',
          contact: 'Sandra Hedman',
          date: '2017-09-25',
          diaryNumber: 'RS/780/2017 ',
        },
      }),
      [],
    );
    expect(report.header).toEqual({
      unit: 'Samordningskansliet',
      contact: ['Sandra Hedman'],
      date: '2017-09-25',
      diaryNumber: 'RS/780/2017',
    });
  });

  it('has the period’s title, introduction, summary, legend and Swedish language', () => {
    const p = period({ year: 2020, kind: 'tertial' });
    const report = buildReport(p, []);
    expect(report.periodKey).toBe('2020-04');
    expect(report.locale).toBe('sv');
    expect(report.language).toBe('sv-SE');
    expect(report.title).toBe(reportTitle(p));
    expect(report.introduction).toEqual(reportIntroduction(p));
    expect(report.summary).toBe(p.summary);
    expect(report.legend).toEqual(reportLegend());
    expect(report.labels.legendIntro).toBe('Uppföljningen har utgått från följande värden:');
    expect(report.labels.columnReference).toBe('Beslut/Dnr');
  });

  it('gives a blank summary as ""', () => {
    expect(buildReport(period(undefined, { summary: '<p><br></p>' }), []).summary).toBe('');
  });

  it('orders rows by the plans’ sort order, then title, and numbers them 1..n', () => {
    const rows = buildReport(period(), [
      followUp({ sortOrder: 30, title: 'C' }),
      followUp({ sortOrder: 10, title: 'B' }),
      followUp({ sortOrder: 10, title: 'A' }),
      followUp({ sortOrder: 20, title: 'Ö' }),
    ]).rows;
    expect(rows.map((r) => [r.number, r.title])).toEqual([
      [1, 'A'],
      [2, 'B'],
      [3, 'Ö'],
      [4, 'C'],
    ]);
  });

  it('leaves out follow-ups of other periods', () => {
    const rows = buildReport(period(), [
      followUp({ title: 'Denna' }),
      followUp({ title: 'Annan', periodKey: '2020-04' as PeriodKey }),
    ]).rows;
    expect(rows.map((r) => r.title)).toEqual(['Denna']);
  });

  it('keeps retired plans that are in the period', () => {
    const rows = buildReport(period(), [
      followUp({
        title: 'Övergripande handlingsplan Lean 2014',
        lifecycle: 'retired',
        status: 'not-assessed',
        statusNote: 'Ej längre aktuell',
      }),
    ]).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.lifecycle).toBe('retired');
    expect(rows[0]?.status).toEqual({
      status: 'not-assessed',
      symbol: null,
      text: 'Ej längre aktuell',
    });
  });

  it('maps every field of a row', () => {
    const f = followUp({
      planKey: 'lakemedel' as PlanKey,
      title: ' Övergripande handlingsplan Läkemedel 2017 ',
      validity: '2017',
      decision: 'RD 2016-11-16',
      diaryNumber: 'RS/1957/2016',
      documentUrl: 'https://diariet.regionjh.se/diariet/files/x.pdf',
      status: 'partly',
      comment: '<p><i>Kommentar:</i> Flera av aktiviteterna är påbörjade.</p>',
    });
    expect(buildReport(period(), [f]).rows[0]).toEqual({
      number: 1,
      planKey: 'lakemedel',
      title: 'Övergripande handlingsplan Läkemedel 2017',
      validity: '2017',
      decision: 'RD 2016-11-16',
      diaryNumber: 'RS/1957/2016',
      reference: ['RD 2016-11-16', 'Dnr:\u00a0RS/1957/2016'],
      documentUrl: 'https://diariet.regionjh.se/diariet/files/x.pdf',
      lifecycle: 'active',
      status: { status: 'partly', symbol: '➔', text: 'Arbetet går delvis bra' },
      comment: '<p><i>Kommentar:</i> Flera av aktiviteterna är påbörjade.</p>',
      answered: true,
    });
  });

  it('never prints a draft or a missing answer as an answer', () => {
    const draft = followUp({
      inputState: 'draft',
      status: 'poor',
      comment: '<p>Halvskrivet utkast</p>',
      submittedBy: null,
      submittedAt: null,
    });
    const missing = followUp({ inputState: 'missing', status: null, comment: '' });
    const sent = followUp({ inputState: 'submitted', status: 'good', comment: '<p>Klart.</p>' });
    const rows = buildReport(period({ year: 2020, kind: 'delar' }, { state: 'open' }), [
      { ...draft, periodKey: '2020-08' as PeriodKey },
      { ...missing, periodKey: '2020-08' as PeriodKey },
      { ...sent, periodKey: '2020-08' as PeriodKey },
    ]).rows;
    expect(rows.map((r) => [r.answered, r.status.text, r.status.symbol, r.comment])).toEqual([
      [false, 'Inget svar inlämnat', null, ''],
      [false, 'Inget svar inlämnat', null, ''],
      [true, 'Arbetet går bra', '↑', '<p>Klart.</p>'],
    ]);
    expect(JSON.stringify(rows)).not.toContain('Halvskrivet');
  });

  it('marks an open period’s report as a draft, and a locked one’s as final', () => {
    expect(
      buildReport(period({ year: 2020, kind: 'delar' }, { state: 'open' }), []).draftNotice,
    ).toBe(
      'UTKAST: perioden är öppen och rapporten är inte slutlig. Den visar bara inskickade svar.',
    );
    expect(buildReport(period(), []).draftNotice).toBeNull();
  });

  it.each<[Status | null, string | null, string]>([
    ['good', '↑', 'Arbetet går bra'],
    ['poor', '↓', 'Arbetet går dåligt'],
    [null, null, '–'],
  ])('prints status %s in a locked period’s row', (status, symbol, text) => {
    const [row] = buildReport(period(), [followUp({ status })]).rows;
    expect(row?.status).toEqual({ status, symbol, text });
  });

  it('says "Status saknas" for an answer without status only while the period is open', () => {
    const open = period({ year: 2020, kind: 'delar' }, { state: 'open' });
    const [row] = buildReport(open, [followUp({ periodKey: open.key, status: null })]).rows;
    expect(row?.status).toEqual({ status: null, symbol: null, text: 'Status saknas' });
  });

  it('drops a document link that is not http(s)', () => {
    const rows = buildReport(period(), [
      followUp({ documentUrl: 'javascript:alert(1)' }),
      followUp({ documentUrl: 'file:///c:/plan.docx' }),
      followUp({ documentUrl: null }),
    ]).rows;
    expect(rows.map((r) => r.documentUrl)).toEqual([null, null, null]);
  });

  it('gives a blank comment as "" and keeps the HTML of others as stored', () => {
    const rows = buildReport(period(), [
      followUp({ comment: '<p></p>' }),
      followUp({ comment: '' }),
      followUp({ comment: '<ul><li><a href="https://x.test">x</a></li></ul>' }),
    ]).rows;
    expect(rows.map((r) => r.comment)).toEqual([
      '',
      '',
      '<ul><li><a href="https://x.test">x</a></li></ul>',
    ]);
  });

  it('does not change the follow-ups it is given', () => {
    const list = [followUp({ sortOrder: 2 }), followUp({ sortOrder: 1 })];
    const before = list.map((f) => f.itemId);
    buildReport(period(), list);
    expect(list.map((f) => f.itemId)).toEqual(before);
  });

  it('builds an empty table for a period without follow-ups', () => {
    expect(buildReport(period(), []).rows).toEqual([]);
  });
});

describe('a period’s own report text', () => {
  it('prints the period’s own introduction, a paragraph per blank line, lines joined', () => {
    const own = period(undefined, {
      introduction:
        'Övergripande handlingsplanen upprättas för sakområden.\n\n' +
        'En uppföljning per augusti har genomförts\nav de övergripande handlingsplanerna.\n  \n',
    });
    expect(buildReport(own, []).introduction).toEqual([
      'Övergripande handlingsplanen upprättas för sakområden.',
      'En uppföljning per augusti har genomförts av de övergripande handlingsplanerna.',
    ]);
  });

  it('prints the standard text where the period has none (blank counts as none)', () => {
    const none = buildReport(period(undefined, { introduction: ' \n ' }), []).introduction;
    expect(none).toHaveLength(1);
    expect(none[0]).toMatch(/^Övergripande handlingsplanen upprättas/);
    expect(none[0]).toMatch(/Den här rapporten redovisar uppföljning per 31 augusti\.$/);
  });

  it('carries the legend’s place', () => {
    expect(buildReport(period(), []).legendPlacement).toBe('before-summary');
    expect(
      buildReport(period(undefined, { legendPlacement: 'after-summary' }), []).legendPlacement,
    ).toBe('after-summary');
  });

  it('gives the contact a line each, as the 2017 report prints it', () => {
    expect(contactLines('Sandra Hedman\r\nTfn: 063-147509\n\n  E-post: s@x.test  ')).toEqual([
      'Sandra Hedman',
      'Tfn: 063-147509',
      'E-post: s@x.test',
    ]);
    expect(contactLines('  ')).toEqual([]);
    const report = buildReport(
      period(undefined, {
        report: { unit: 'U', contact: 'A\nTfn: 1', date: '', diaryNumber: '' },
      }),
      [],
    );
    expect(report.header.contact).toEqual(['A', 'Tfn: 1']);
  });
});
