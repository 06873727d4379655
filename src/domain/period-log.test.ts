import { describe, expect, it } from 'vitest';
import {
  appendPeriodLog,
  parsePeriodLog,
  type PeriodLogEntry,
  unfinishedStart,
} from './period-log';

const reminder: PeriodLogEntry = {
  kind: 'reminder',
  at: '2020-09-10T08:00:00Z',
  by: 'Karin Samordnare',
  reminded: ['Anna Lindgren', 'Björn Ekholm'],
  messageId: '1599724800000',
};
const reopened: PeriodLogEntry = {
  kind: 'reopened',
  at: '2020-09-20T08:00:00Z',
  by: 'Karin Samordnare',
  reason: 'Miljöplanen saknade svar.',
};

describe('period log', () => {
  it('appends entries and reads them back in order', () => {
    const text = appendPeriodLog(appendPeriodLog('', reminder), reopened);
    expect(text.split('\n')).toHaveLength(2);
    expect(parsePeriodLog(text)).toEqual([reminder, reopened]);
  });

  it('skips lines that are not entries', () => {
    const text = [
      'not json',
      '{"kind":"other","at":"x","by":"y"}',
      JSON.stringify(reminder),
      '',
    ].join('\n');
    expect(parsePeriodLog(text)).toEqual([reminder]);
  });

  it('reads a send-back back, told or not, and skips one without its reason', () => {
    const returned: PeriodLogEntry = {
      kind: 'returned',
      at: '2020-09-11T08:00:00Z',
      by: 'Karin Samordnare',
      plan: '3. Övergripande handlingsplan för läkemedel 2020',
      reason: 'Beskriv kostnaderna.',
      notified: ['Anna Lindgren'],
      messageId: '1599811200000',
    };
    const untold: PeriodLogEntry = { ...returned, notified: [], messageId: null };
    const noReason: Record<string, unknown> = { ...returned };
    delete noReason.reason;
    const text = [JSON.stringify(returned), JSON.stringify(untold), JSON.stringify(noReason)];
    expect(parsePeriodLog(text.join('\n'))).toEqual([returned, untold]);
  });

  it('reads an empty log as no entries', () => {
    expect(parsePeriodLog('')).toEqual([]);
    expect(parsePeriodLog('  \n ')).toEqual([]);
  });
});

describe('unfinishedStart', () => {
  const opened = {
    kind: 'opened',
    at: '2020-09-01T07:00:00Z',
    by: 'Karin',
    from: '2020-04',
  } as const;
  const ready = { kind: 'ready', at: '2020-09-01T07:01:00Z', by: 'Karin', plans: 12 } as const;
  const locked = { kind: 'locked', at: '2020-09-20T08:00:00Z', by: 'Karin' } as const;

  it('names the period a start came from until the log says it is ready', () => {
    expect(unfinishedStart([opened])).toBe('2020-04');
    expect(unfinishedStart([opened, locked])).toBe('2020-04');
    expect(unfinishedStart([opened, ready])).toBeNull();
    expect(unfinishedStart([opened, ready, opened])).toBe('2020-04');
  });

  it('says nothing of periods whose log never mentions a start', () => {
    expect(unfinishedStart([])).toBeNull();
    expect(unfinishedStart([locked])).toBeNull();
  });

  it('reads both entries back from the stored text', () => {
    const text = appendPeriodLog(appendPeriodLog('', opened), ready);
    expect(parsePeriodLog(text)).toEqual([opened, ready]);
  });
});
