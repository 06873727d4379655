import { Packer } from 'docx';
import { describe, expect, it } from 'vitest';
import { demoData, demoReport, demoSeed } from '../../../tests/fixtures/demo-report';
import { regionReportDocx, notAReportDocx } from '../../../tests/fixtures/region-docx';
import { normalizeCommentHtml } from '../../domain/rich-text';
import { importedPeriod, proposeImport } from '../../domain/report-import';
import { buildReportDocument } from './build-docx';
import { NotAReportError, readDocx } from './read-docx';
import { sanitizeCommentHtml } from '../shared/sanitize';

async function exported(periodKey: string): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(buildReportDocument(demoReport(periodKey))));
}

describe('reading Bilaga 2 from Word', () => {
  it.each(['2017-08', '2020-04'])(
    'reads back the %s report the app exported, field by field, nothing lost',
    async (key) => {
      const seed = demoSeed(key);
      const result = proposeImport(readDocx(await exported(key)), []);
      if (!result.ok) throw new Error(result.reason);
      const { proposal } = result;
      expect(proposal.title).toBe(seed.reportTitle);
      expect(proposal.period && `${proposal.period.year}-${proposal.period.kind}`).toBe(
        key === '2017-08' ? '2017-delar' : '2020-tertial',
      );
      expect(proposal.introduction).toBe(seed.introduction);
      expect(normalizeCommentHtml(proposal.summary)).toBe(normalizeCommentHtml(seed.summary));
      expect(proposal.legendPlacement).toBe(seed.legendPlacement);
      expect(proposal.report).toEqual(seed.report);
      expect(proposal.rows).toHaveLength(seed.rows.length);
      for (const [index, row] of seed.rows.entries()) {
        const got = proposal.rows[index];
        expect(got, `row ${row.number}`).toMatchObject({
          number: row.number,
          title: row.title,
          decision: row.decision,
          diaryNumber: row.diaryNumber,
          status: row.status,
          statusNote: row.statusNote,
          documentUrl: row.documentUrl ?? null,
        });
        expect(normalizeCommentHtml(got?.comment ?? ''), `comment ${row.number}`).toBe(
          normalizeCommentHtml(row.comment),
        );
      }
    },
  );

  it('matches the exported rows to the register by diary number or title', async () => {
    const { followUps } = demoData('2020-04');
    const result = proposeImport(readDocx(await exported('2020-04')), followUps);
    if (!result.ok) throw new Error(result.reason);
    const keys = result.proposal.rows.map((r) => r.match.planKey);
    expect(keys).toEqual(
      followUps.map((f) => f.planKey).sort((a, b) => keys.indexOf(a) - keys.indexOf(b)),
    );
    expect(result.proposal.rows.every((r) => r.match.kind === 'existing')).toBe(true);
  });

  it('reads a Word file made like the region’s own', () => {
    const doc = readDocx(regionReportDocx());
    const result = proposeImport(doc, []);
    if (!result.ok) throw new Error(result.reason);
    const { proposal } = result;
    expect(proposal.period).toEqual({ year: 2019, kind: 'arsbokslut' });
    expect(proposal.report).toMatchObject({
      unit: 'Samordningskansliet',
      date: '2020-02-10',
      diaryNumber: 'RS/200/2020',
    });
    expect(proposal.introduction).toBe('En uppföljning per december har genomförts.');
    expect(proposal.summary).toBe('<p>Sammantaget visar uppföljningen att arbetet går framåt.</p>');
    expect(proposal.legendPlacement).toBe('after-summary');
    expect(proposal.rows).toHaveLength(3);
    const [first, second, third] = proposal.rows;
    expect(first).toMatchObject({
      number: 1,
      title: 'Övergripande handlingsplan för läkemedel 2016-2018',
      validity: '2016–2018',
      decision: 'RD 2016-11-16',
      diaryNumber: 'RS/1957/2016',
      status: 'good',
      problems: [],
    });
    // Split over two table rows at the page break: one row, its comment whole.
    expect(sanitizeCommentHtml(first?.comment ?? '')).toBe(
      '<p><em>Kommentar:</em> Arbetet går enligt plan.</p><ul><li>Första <strong>målet</strong> nått</li><li>Se <a href="https://example.org/plan" target="_blank" rel="noopener noreferrer">planen</a></li></ul><p>Fortsätter på nästa sida.</p>',
    );
    expect(second).toMatchObject({ number: 2, status: 'poor', diaryNumber: 'RS/12/2017' });
    expect(third).toMatchObject({
      number: 3,
      status: 'not-assessed',
      statusNote: 'Ej längre aktuell.',
      problems: [],
    });
    const { followUps, period } = importedPeriod(
      proposal,
      { year: 2019, kind: 'arsbokslut' },
      [],
      sanitizeCommentHtml,
    );
    expect(period).toMatchObject({ key: '2019-12', state: 'locked' });
    expect(followUps.map((f) => [f.planKey, f.inputState])).toEqual([
      ['overgripande-handlingsplan-for-lakemedel', 'submitted'],
      ['handlingsplan-miljo', 'submitted'],
      ['plan-for-asylsokande', 'submitted'],
    ]);
  });

  it('refuses a file that is not a Word document, and one without the report’s table', () => {
    expect(() => readDocx(new TextEncoder().encode('hej'))).toThrow(NotAReportError);
    const result = proposeImport(readDocx(notAReportDocx()), []);
    expect(result).toEqual({ ok: false, reason: 'no-table' });
  });
});
