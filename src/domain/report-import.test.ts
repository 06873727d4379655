import { describe, expect, it } from 'vitest';
import type { PlanKey } from './follow-up';
import type { PeriodKey } from './period';
import {
  importedPeriod,
  joinedRows,
  matchPlan,
  paragraphsToHtml,
  periodFromTitle,
  proposeImport,
  readHeader,
  readPlanCell,
  readReferenceCell,
  readStatusCell,
  validateImport,
  type DocCell,
  type DocModel,
  type RegisterPlan,
} from './report-import';

const cell = (...texts: string[]): DocCell => ({
  paragraphs: texts.map((text) => ({ runs: [{ text }] })),
});

const plan = (
  planKey: string,
  title: string,
  diaryNumber: string,
  periodKey = '2020-08',
): RegisterPlan => ({
  planKey: planKey as PlanKey,
  title,
  diaryNumber,
  owners: [{ id: 11, name: 'Anna', upn: 'anna@example.org' }],
  lifecycle: 'active',
  periodKey: periodKey as PeriodKey,
});

describe('periodFromTitle', () => {
  it.each([
    [
      'Bilaga 2: Uppföljning av övergripande handlingsplaner per augusti 2017',
      { year: 2017, kind: 'delar' },
    ],
    [
      'Bilaga 2: Avstämning av övergripande handlingsplaner april 2020',
      { year: 2020, kind: 'tertial' },
    ],
    ['Uppföljning per december 2019', { year: 2019, kind: 'arsbokslut' }],
    ['Årsbokslut 2021', { year: 2021, kind: 'arsbokslut' }],
  ])('%s', (title, expected) => {
    expect(periodFromTitle(title)).toEqual(expected);
  });

  it('proposes nothing for a month that closes no period, or no month', () => {
    expect(periodFromTitle('Uppföljning per juni 2019')).toBeNull();
    expect(periodFromTitle('Mötesanteckningar')).toBeNull();
  });
});

describe('reading the cells', () => {
  it('splits the plan cell into number, title and validity', () => {
    expect(readPlanCell('4. Övergripande handlingsplan miljö 2016-2018')).toEqual({
      number: 4,
      title: 'Övergripande handlingsplan miljö 2016-2018',
      validity: '2016–2018',
    });
    expect(readPlanCell('Plan utan nummer')).toEqual({
      number: null,
      title: 'Plan utan nummer',
      validity: '',
    });
  });

  it('reads decision and diary number on one line, on two, or one alone', () => {
    expect(readReferenceCell('RD 2016-11-16 Dnr: RS/1957/2016')).toEqual({
      decision: 'RD 2016-11-16',
      diaryNumber: 'RS/1957/2016',
    });
    expect(readReferenceCell('HSdir 2016-11-28\nCenturi 33786')).toEqual({
      decision: 'HSdir 2016-11-28',
      diaryNumber: 'Centuri 33786',
    });
    expect(readReferenceCell('RD 2016-11-16')).toEqual({
      decision: 'RD 2016-11-16',
      diaryNumber: '',
    });
    expect(readReferenceCell('Dnr:\u00a0RS/12/2017')).toEqual({
      decision: '',
      diaryNumber: 'RS/12/2017',
    });
  });

  it('reads the status from an arrow, a Wingdings glyph, a label, or a note', () => {
    expect(readStatusCell('↑ Arbetet går bra')).toEqual({ status: 'good', statusNote: '' });
    expect(readStatusCell('\uF0EA')).toEqual({ status: 'poor', statusNote: '' });
    expect(readStatusCell('\uF0E8')).toEqual({ status: 'partly', statusNote: '' });
    expect(readStatusCell('Arbetet går delvis bra')).toEqual({ status: 'partly', statusNote: '' });
    expect(readStatusCell('Ej längre aktuell.')).toEqual({
      status: 'not-assessed',
      statusNote: 'Ej längre aktuell.',
    });
    expect(readStatusCell('Ska omarbetas')).toEqual({
      status: 'not-assessed',
      statusNote: 'Ska omarbetas',
    });
    expect(readStatusCell('Ej bedömd')).toEqual({ status: 'not-assessed', statusNote: '' });
    expect(readStatusCell('–')).toEqual({ status: null, statusNote: '' });
    expect(readStatusCell('')).toEqual({ status: null, statusNote: '' });
  });

  it('reads the page header: unit, contact lines, date and diary number', () => {
    const line = (text: string) => ({ runs: [{ text }] });
    expect(
      readHeader([
        line('Samordningskansliet\t2017-09-25'),
        line('Sandra Hedman\tDnr: RS/780/2017'),
        line('Tfn: 063-147509'),
      ]),
    ).toEqual({
      unit: 'Samordningskansliet',
      contact: 'Sandra Hedman\nTfn: 063-147509',
      date: '2017-09-25',
      diaryNumber: 'RS/780/2017',
    });
  });
});

describe('paragraphsToHtml', () => {
  it('writes paragraphs, marks, lists and safe links, escaped', () => {
    expect(
      paragraphsToHtml([
        {
          runs: [
            { text: 'Kommentar:', italic: true },
            { text: ' a < b & ' },
            { text: 'fet', bold: true },
          ],
        },
        { runs: [{ text: 'ett' }], list: { ordered: true, level: 0 } },
        { runs: [{ text: 'under' }], list: { ordered: false, level: 1 } },
        { runs: [{ text: 'två' }], list: { ordered: true, level: 0 } },
        { runs: [{ text: '' }] },
        {
          runs: [
            { text: 'länk', href: 'https://example.org/' },
            { text: ' farlig', href: 'javascript:alert(1)' },
          ],
        },
      ]),
    ).toBe(
      '<p><em>Kommentar:</em> a &lt; b &amp; <strong>fet</strong></p>' +
        '<ol><li>ett<ul><li>under</li></ul></li><li>två</li></ol>' +
        '<p><a href="https://example.org/">länk</a> farlig</p>',
    );
  });
});

describe('joinedRows', () => {
  it('joins a row Word split at a page break to the row before, and drops repeated headers', () => {
    const header = [cell('Plan'), cell('Beslut/Dnr'), cell('Status'), cell('Kommentar')];
    const rows = joinedRows(
      {
        rows: [
          header,
          [cell('1. Plan A'), cell('RS/1/2016'), cell('↑'), cell('Början')],
          header,
          [cell(), cell(), cell(), cell('Slutet')],
          [cell('2. Plan B'), cell('RS/2/2016'), cell('↓'), cell('B')],
        ],
      },
      { plan: 0, reference: 1, status: 2, comment: 3 },
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]?.[3]?.paragraphs.map((p) => p.runs[0]?.text)).toEqual(['Början', 'Slutet']);
  });
});

describe('matchPlan', () => {
  const plans = [plan('lakemedel', 'Övergripande handlingsplan för läkemedel 2020', 'RS/712/2019')];
  const history = [...plans, plan('lakemedel', 'Läkemedelsplan', 'RS/1957/2016', '2017-08')];

  it('matches by diary number anywhere in the history, then by title without validity', () => {
    expect(
      matchPlan({ title: 'Annat namn', diaryNumber: 'RS / 1957 / 2016' }, plans, [], history),
    ).toEqual({
      kind: 'existing',
      planKey: 'lakemedel',
      by: 'diary',
    });
    expect(
      matchPlan(
        { title: 'Övergripande handlingsplan för Läkemedel 2016-2018', diaryNumber: '' },
        plans,
        [],
      ),
    ).toEqual({ kind: 'existing', planKey: 'lakemedel', by: 'title' });
  });

  it('proposes a new plan key, unique among the register and the rows before', () => {
    expect(
      matchPlan({ title: 'Plan för miljö 2017', diaryNumber: 'RS/9/2017' }, plans, [
        'plan-for-miljo' as PlanKey,
      ]),
    ).toEqual({
      kind: 'new',
      planKey: 'plan-for-miljo-2',
    });
  });
});

const doc: DocModel = {
  header: [],
  body: [
    {
      kind: 'paragraph',
      paragraph: {
        runs: [{ text: 'Bilaga 2: Avstämning av övergripande handlingsplaner april 2020' }],
      },
    },
    { kind: 'paragraph', paragraph: { runs: [{ text: 'Inledning.' }] } },
    {
      kind: 'paragraph',
      paragraph: { runs: [{ text: 'Uppföljningen har utgått från följande värden:' }] },
    },
    { kind: 'paragraph', paragraph: { runs: [{ text: 'Sammantaget bra.' }] } },
    {
      kind: 'table',
      table: {
        rows: [
          [cell('Plan'), cell('Beslut/Dnr'), cell('Status'), cell('Kommentar')],
          [cell('1. Plan A'), cell('RD 2019-01-01', 'Dnr: RS/1/2019'), cell(''), cell('Text')],
        ],
      },
    },
  ],
};

describe('proposeImport', () => {
  it('proposes the period, the texts, the legend before the summary, and flags what it could not read', () => {
    const result = proposeImport(doc, []);
    if (!result.ok) throw new Error(result.reason);
    expect(result.proposal).toMatchObject({
      period: { year: 2020, kind: 'tertial' },
      introduction: 'Inledning.',
      summary: '<p>Sammantaget bra.</p>',
      legendPlacement: 'before-summary',
    });
    expect(result.proposal.rows[0]).toMatchObject({ status: null, problems: ['no-status'] });
  });

  it('refuses a document without a Plan/Beslut/Dnr/Status table', () => {
    expect(proposeImport({ header: [], body: [doc.body[0]!] }, [])).toEqual({
      ok: false,
      reason: 'no-table',
    });
  });
});

describe('validateImport and importedPeriod', () => {
  const result = proposeImport(doc, []);
  if (!result.ok) throw new Error(result.reason);
  const { proposal } = result;

  it('refuses an existing period, a missing period and one plan twice', () => {
    expect(validateImport(proposal, ['2020-04' as PeriodKey])).toEqual([
      { code: 'period-exists', key: '2020-04' },
    ]);
    expect(validateImport({ ...proposal, period: null }, [])).toEqual([{ code: 'no-period' }]);
    const twice = [...proposal.rows, ...proposal.rows];
    expect(validateImport({ ...proposal, rows: twice }, [])).toEqual([
      { code: 'same-plan-twice', planKey: 'plan-a' },
    ]);
  });

  it('makes a locked period of submitted follow-ups, owners from the matched plan, comments sanitized', () => {
    const matched = {
      ...proposal,
      rows: proposal.rows.map((r) => ({
        ...r,
        status: 'good' as const,
        match: { kind: 'existing' as const, planKey: 'lakemedel' as PlanKey, by: 'user' as const },
      })),
    };
    const out = importedPeriod(
      matched,
      { year: 2020, kind: 'tertial' },
      [plan('lakemedel', 'L', '')],
      (h) => `[${h}]`,
    );
    expect(out.period).toMatchObject({
      key: '2020-04',
      state: 'locked',
      summary: '[<p>Sammantaget bra.</p>]',
    });
    expect(out.followUps).toEqual([
      expect.objectContaining({
        planKey: 'lakemedel',
        periodKey: '2020-04',
        status: 'good',
        inputState: 'submitted',
        comment: '[<p>Text</p>]',
        decision: 'RD 2019-01-01',
        diaryNumber: 'RS/1/2019',
        owners: [{ id: 11, name: 'Anna', upn: 'anna@example.org' }],
      }),
    ]);
  });
});
