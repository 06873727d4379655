import { describe, expect, it } from 'vitest';
import { appendPeriodLog, parsePeriodLog, type PeriodLogEntry } from './period-log';

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

  it('reads an empty log as no entries', () => {
    expect(parsePeriodLog('')).toEqual([]);
    expect(parsePeriodLog('  \n ')).toEqual([]);
  });
});
