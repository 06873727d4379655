import { describe, expect, it } from 'vitest';
import type { FollowUp, Person } from './follow-up';
import type { Period, PeriodKey } from './period';
import { buildReminder, escapeHtml, owingOwners, planFormLink } from './reminder';
import { makeFollowUp } from '../../tests/fixtures/follow-up';
import { makePeriod } from '../../tests/fixtures/period';

const anna: Person = { id: 1, name: 'Anna Lindgren', upn: 'anna@x.test' };
const bo: Person = { id: 2, name: 'Bo <b>&</b>', upn: 'bo@x.test' };
const cilla: Person = { id: 3, name: 'Cilla', upn: 'cilla@x.test' };

const period: Period = makePeriod();

/** The shared test follow-up, owned by Anna unless a test says otherwise. */
function f(n: number, overrides: Partial<FollowUp>): FollowUp {
  return makeFollowUp(n, { owners: [anna], ...overrides });
}

const followUps = [
  f(3, { inputState: 'submitted', owners: [cilla] }),
  f(2, { owners: [bo], title: 'Plan "två" <script>' }),
  f(1, { inputState: 'draft', owners: [anna, bo] }),
  f(4, { owners: [] }),
  f(5, { owners: [anna], periodKey: '2020-04' as PeriodKey }),
];
const link = (x: FollowUp) => planFormLink('https://app.example/?view=overview', x);

describe('buildReminder', () => {
  it('mentions the owners of every plan not submitted, in plan order, ids in tag order', () => {
    const r = buildReminder({ period, followUps, link });
    expect(r.recipients.map((p) => p.id)).toEqual([1, 2]);
    expect(r.plans.map((p) => p.followUp.itemId)).toEqual([1, 2]);
    expect(r.mentions.map((m) => [m.id, m.person.id])).toEqual([
      [0, 1],
      [1, 2],
      [2, 2],
    ]);
    const tags = [...r.html.matchAll(/<at id="(\d+)">(.*?)<\/at>/g)].map((m) => [
      Number(m[1]),
      m[2],
    ]);
    expect(tags).toEqual([
      [0, 'Anna Lindgren'],
      [1, 'Bo &lt;b&gt;&amp;&lt;/b&gt;'],
      [2, 'Bo &lt;b&gt;&amp;&lt;/b&gt;'],
    ]);
  });

  it('never reminds submitted plans, plans of other periods or plans without owners', () => {
    const r = buildReminder({ period, followUps, link });
    expect(r.recipients.some((p) => p.id === cilla.id)).toBe(false);
    expect(r.html).not.toContain('Plan 3');
    expect(r.html).not.toContain('Plan 4');
    expect(r.html).not.toContain('Plan 5');
  });

  it('has the due date, the period and each plan link, with titles escaped', () => {
    const r = buildReminder({ period, followUps, link });
    expect(r.html).toContain('senast <strong>14 september 2020</strong>');
    expect(r.html).toContain('Delårsrapport augusti 2020');
    expect(r.html).toContain(
      '<a href="https://app.example/?period=2020-08&amp;plan=p1">1. Plan 1</a>',
    );
    expect(r.html).toContain('2. Plan &quot;två&quot; &lt;script&gt;');
    expect(r.html).not.toContain('<script>');
  });

  it('filters by the chosen owners', () => {
    const r = buildReminder({ period, followUps, link, selectedOwnerIds: [1] });
    expect(r.recipients).toEqual([anna]);
    expect(r.plans.map((p) => p.followUp.itemId)).toEqual([1]);
    expect(r.mentions).toEqual([{ id: 0, person: anna }]);
    expect(r.html).not.toContain('Bo');
  });

  it('is empty when nobody is selected or everyone has answered', () => {
    expect(buildReminder({ period, followUps, link, selectedOwnerIds: new Set() }).html).toBe('');
    const done = buildReminder({
      period,
      followUps: followUps.map((x) => ({ ...x, inputState: 'submitted' as const })),
      link,
    });
    expect(done.recipients).toEqual([]);
    expect(done.mentions).toEqual([]);
  });

  it('leaves the due date out when the period has none', () => {
    const r = buildReminder({ period: { ...period, dueDate: '' }, followUps, link });
    expect(r.html).not.toContain('senast');
  });
});

describe('helpers', () => {
  it('lists owing owners once, by name', () => {
    expect(owingOwners(followUps).map((p) => p.id)).toEqual([1, 2]);
  });

  it('escapes HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });

  it('builds the plain app link', () => {
    expect(planFormLink('http://localhost:5173/?view=overview#x', f(7, {}))).toBe(
      'http://localhost:5173/?period=2020-08&plan=p7',
    );
  });
});

describe('buildReminder, a plan ended from this period', () => {
  it('reminds nobody of it', () => {
    const ended = f(6, {
      owners: [cilla],
      lifecycle: 'replaced',
      lifecycleFrom: '2020-08' as PeriodKey,
    });
    const r = buildReminder({ period, followUps: [ended], link });
    expect(r.recipients).toEqual([]);
    expect(r.html).toBe('');
    expect(owingOwners([ended])).toEqual([]);
  });
});
