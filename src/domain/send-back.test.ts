import { describe, expect, it } from 'vitest';
import type { Person } from './follow-up';
import type { Period, PeriodKey } from './period';
import { buildSendBackNotice } from './send-back';
import { makeFollowUp } from '../../tests/fixtures/follow-up';

const anna: Person = { id: 1, name: 'Anna Lindgren', upn: 'anna@x.test' };
const bo: Person = { id: 2, name: 'Bo <Berg>', upn: 'bo@x.test' };
const group: Person = { id: 3, name: 'Läkemedelsrådet', upn: '' };

const period = {
  key: '2020-08' as PeriodKey,
  year: 2020,
  kind: 'delar',
  dueDate: '2020-09-14',
} as unknown as Period;

const link = 'https://app.example/?site=%2Fsites%2Fx&period=2020-08&plan=p3';

describe('buildSendBackNotice', () => {
  it("@-mentions each owner once, with the coordinator's reason and the plan's link", () => {
    const followUp = makeFollowUp(3, { title: 'Läkemedel & hälsa', owners: [anna, bo, anna] });
    const notice = buildSendBackNotice({
      period,
      followUp,
      reason: 'Beskriv kostnaderna.\nOch <tidplanen>.',
      link,
      by: 'Karin Samordnare',
    });
    expect(notice.recipients).toEqual([anna, bo]);
    expect(notice.unreachable).toEqual([]);
    expect(notice.mentions).toEqual([
      { id: 0, person: anna },
      { id: 1, person: bo },
    ]);
    const tags = [...notice.html.matchAll(/<at id="(\d+)">(.*?)<\/at>/g)].map((m) => m[1]);
    expect(tags).toEqual(['0', '1']);
    expect(notice.html).toContain('<at id="1">Bo &lt;Berg&gt;</at>');
    expect(notice.html).toContain('Karin Samordnare har skickat tillbaka');
    expect(notice.html).toContain(
      `<a href="${link.replace(/&/g, '&amp;')}">3. Läkemedel &amp; hälsa</a>`,
    );
    expect(notice.html).toContain('Beskriv kostnaderna.<br>Och &lt;tidplanen&gt;.');
  });

  it('says whom it cannot reach, and has no message when it reaches nobody', () => {
    const some = buildSendBackNotice({
      period,
      followUp: makeFollowUp(3, { owners: [group, anna] }),
      reason: 'Mer.',
      link,
      by: 'Karin',
    });
    expect(some.recipients).toEqual([anna]);
    expect(some.unreachable).toEqual([group]);
    const none = buildSendBackNotice({
      period,
      followUp: makeFollowUp(3, { owners: [group] }),
      reason: 'Mer.',
      link,
      by: 'Karin',
    });
    expect(none).toEqual({ recipients: [], unreachable: [group], html: '', mentions: [] });
  });
});
