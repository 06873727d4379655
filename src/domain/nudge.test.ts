import { describe, expect, it } from 'vitest';
import { makeFollowUp } from '../../tests/fixtures/follow-up';
import { makePeriod } from '../../tests/fixtures/period';
import { parseTeamsPlanLink, planFormLink, teamsPlanLink } from './deep-link';
import type { FollowUp, Person } from './follow-up';
import {
  ACTIVITY_RECIPIENT_LIMIT,
  PREVIEW_TEXT_LIMIT,
  personalOutcome,
  planNudges,
  reminderLogEntry,
  sendsChannel,
  sendsPersonal,
  type PersonalNudge,
} from './nudge';
import type { Period } from './period';
import { parsePeriodLog, appendPeriodLog } from './period-log';
import { buildReminder } from './reminder';

const anna: Person = { id: 1, name: 'Anna Lindgren', upn: 'anna@x.test' };
const bo: Person = { id: 2, name: 'Bo Ek', upn: 'bo@x.test' };
const karin: Person = { id: 7, name: 'Karin Samordnare', upn: 'karin@x.test' };

const period: Period = makePeriod();

const base = { appId: 'app-1', entityId: 'planuppfoljning', channelId: '19:c@thread.tacv2' };
const teamsLink = (x: FollowUp) =>
  teamsPlanLink(base, x, { webUrl: planFormLink('https://app.example/', x), label: x.title });
const plainLink = (x: FollowUp) => planFormLink('https://app.example/', x);

const followUps = [
  makeFollowUp(1, { owners: [anna, bo], title: 'Läkemedel' }),
  makeFollowUp(2, { owners: [bo, karin], title: 'Hälsa' }),
  makeFollowUp(3, { owners: [anna], inputState: 'submitted', title: 'Klar' }),
];

describe('delivery', () => {
  it('channel, personal or both', () => {
    expect([sendsChannel('channel'), sendsPersonal('channel')]).toEqual([true, false]);
    expect([sendsChannel('personal'), sendsPersonal('personal')]).toEqual([false, true]);
    expect([sendsChannel('both'), sendsPersonal('both')]).toEqual([true, true]);
  });
});

describe('planNudges', () => {
  it('sends one notification per plan to its owners, with the Teams deep link to its form', () => {
    const reminder = buildReminder({ period, followUps, link: teamsLink });
    const plan = planNudges(reminder, period, { id: 99 });
    if (!plan.ok) throw new Error('expected nudges');
    expect(plan.senderSkipped).toBe(false);
    expect(plan.nudges.map((n) => [n.topic, n.recipients.map((p) => p.id)])).toEqual([
      ['1. Läkemedel', [1, 2]],
      ['2. Hälsa', [2, 7]],
    ]);
    const [first] = plan.nudges;
    expect(parseTeamsPlanLink(first?.webUrl ?? '')?.target).toEqual({
      periodKey: '2020-08',
      planKey: followUps[0]?.planKey,
    });
    expect(first?.templateParameters).toEqual([
      { name: 'period', value: 'Delårsrapport augusti 2020' },
    ]);
    expect(first?.previewText).toContain('1. Läkemedel');
    expect(first?.previewText.length).toBeLessThanOrEqual(PREVIEW_TEXT_LIMIT);
  });

  it('leaves the sender out: Teams does not notify people of their own notifications', () => {
    const reminder = buildReminder({ period, followUps, link: teamsLink });
    const plan = planNudges(reminder, period, karin);
    if (!plan.ok) throw new Error('expected nudges');
    expect(plan.senderSkipped).toBe(true);
    expect(plan.nudges.flatMap((n) => n.recipients.map((p) => p.id))).not.toContain(7);
  });

  it('is unavailable without Teams deep links (outside a Teams channel tab)', () => {
    const reminder = buildReminder({ period, followUps, link: plainLink });
    expect(planNudges(reminder, period, karin)).toEqual({ ok: false, reason: 'no-teams-link' });
  });

  it('splits a plan with more owners than Graph takes in one request', () => {
    const many = Array.from({ length: ACTIVITY_RECIPIENT_LIMIT + 5 }, (_, i) => ({
      id: 100 + i,
      name: `P${i}`,
      upn: `p${i}@x.test`,
    }));
    const reminder = buildReminder({
      period,
      followUps: [makeFollowUp(1, { owners: many })],
      link: teamsLink,
    });
    const plan = planNudges(reminder, period, karin);
    if (!plan.ok) throw new Error('expected nudges');
    expect(plan.nudges.map((n) => n.recipients.length)).toEqual([ACTIVITY_RECIPIENT_LIMIT, 5]);
  });

  it('cuts a long preview to what Teams shows', () => {
    const reminder = buildReminder({
      period,
      followUps: [makeFollowUp(1, { owners: [anna], title: 'x'.repeat(300) })],
      link: teamsLink,
    });
    const plan = planNudges(reminder, period, karin);
    if (!plan.ok) throw new Error('expected nudges');
    expect(plan.nudges[0]?.previewText).toHaveLength(PREVIEW_TEXT_LIMIT);
    expect(plan.nudges[0]?.previewText.endsWith('…')).toBe(true);
  });
});

describe('personalOutcome and the log entry', () => {
  const reminder = buildReminder({ period, followUps, link: teamsLink });
  const plan = planNudges(reminder, period, { id: 99 });
  const nudges: readonly PersonalNudge[] = plan.ok ? plan.nudges : [];
  const [n1, n2] = nudges;
  if (!n1 || !n2) throw new Error('expected two nudges');

  it('names per person who got every notification and who missed one, and which', () => {
    const error = new Error('403');
    const outcome = personalOutcome([
      { nudge: n1, ok: true },
      { nudge: n2, ok: false, error },
    ]);
    expect(outcome.sent.map((p) => p.name)).toEqual(['Anna Lindgren']);
    expect(outcome.failed.map((f) => [f.person.name, f.plans, f.error])).toEqual([
      ['Bo Ek', ['2. Hälsa'], error],
      ['Karin Samordnare', ['2. Hälsa'], error],
    ]);
  });

  it('logs the channel message id and who got personal notifications, and reads it back', () => {
    const outcome = personalOutcome([
      { nudge: n1, ok: true },
      { nudge: n2, ok: false, error: null },
    ]);
    const entry = reminderLogEntry({
      at: '2020-09-01T10:00:00Z',
      by: 'Karin Samordnare',
      channel: { messageId: '1712', reminded: [anna, bo] },
      personal: outcome,
    });
    expect(entry).toEqual({
      kind: 'reminder',
      at: '2020-09-01T10:00:00Z',
      by: 'Karin Samordnare',
      reminded: ['Anna Lindgren', 'Bo Ek'],
      messageId: '1712',
      personal: { sent: ['Anna Lindgren'], failed: ['Bo Ek', 'Karin Samordnare'] },
    });
    if (!entry) throw new Error('expected an entry');
    expect(parsePeriodLog(appendPeriodLog('', entry))).toEqual([entry]);
  });

  it('logs a personal-only reminder without a message id, and nothing when nothing went out', () => {
    const sent = personalOutcome([{ nudge: n1, ok: true }]);
    expect(reminderLogEntry({ at: 'a', by: 'K', channel: null, personal: sent })).toMatchObject({
      reminded: [],
      messageId: null,
      personal: { sent: ['Anna Lindgren', 'Bo Ek'] },
    });
    const none = personalOutcome([{ nudge: n1, ok: false, error: null }]);
    expect(reminderLogEntry({ at: 'a', by: 'K', channel: null, personal: none })).toBeNull();
  });

  it('still reads channel-only entries of earlier versions', () => {
    const old = JSON.stringify({
      kind: 'reminder',
      at: 'a',
      by: 'K',
      reminded: ['Anna'],
      messageId: '1',
    });
    expect(parsePeriodLog(old)).toHaveLength(1);
    expect(parsePeriodLog(old.replace('"messageId":"1"', '"messageId":1'))).toEqual([]);
    const badPersonal = JSON.stringify({
      kind: 'reminder',
      at: 'a',
      by: 'K',
      reminded: [],
      messageId: null,
      personal: { sent: 'Anna', failed: [] },
    });
    expect(parsePeriodLog(badPersonal)).toEqual([]);
  });
});
