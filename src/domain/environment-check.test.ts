import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  CHECK_IDS,
  initialStates,
  isScratchPeriodKey,
  missingLists,
  problemOf,
  rightsResult,
  scratchPeriodKey,
  summarize,
} from './environment-check';
import type { StoreFailureKind } from './errors';
import { isPeriodKey, parsePeriodKey } from './period';

const graph = { name: 'ChannelMessage.Send', resource: 'Microsoft Graph' };
const failure = (kind: StoreFailureKind, service: 'sharepoint' | 'graph' = 'graph') => ({
  kind,
  service,
  message: `${kind} happened`,
});

describe('the environment check model', () => {
  it('names the permission when consent is missing', () => {
    expect(problemOf(failure('consent-required'), graph)).toEqual({
      kind: 'consent',
      permission: graph,
    });
    // Without a permission to name, the service's own words are kept.
    expect(problemOf(failure('consent-required'))).toEqual({
      kind: 'other',
      service: 'graph',
      message: 'consent-required happened',
    });
  });

  it('calls a request without a response (fetch’s TypeError: offline) CORS', () => {
    expect(problemOf(failure('offline', 'sharepoint'))).toEqual({
      kind: 'cors',
      service: 'sharepoint',
    });
    expect(problemOf(failure('timeout'))).toEqual({ kind: 'cors', service: 'graph' });
  });

  it('tells sign-in, refusal and other failures apart', () => {
    expect(problemOf(failure('unauthorized')).kind).toBe('sign-in');
    expect(problemOf(failure('forbidden')).kind).toBe('forbidden');
    expect(problemOf(failure('server')).kind).toBe('other');
    expect(problemOf(failure('setup-needed')).kind).toBe('other');
  });

  it('finds the missing lists, whatever the case of their titles', () => {
    const needed = ['Uppföljning handlingsplaner', 'Uppföljningsperioder'];
    expect(missingLists(needed, ['uppföljningsperioder', 'Dokument'])).toEqual([
      'Uppföljning handlingsplaner',
    ]);
    expect(missingLists(needed, needed)).toEqual([]);
  });

  it('fails without Manage Permissions, and only warns when set-up rights are missing', () => {
    const all = { site: { createGroups: true, manageLists: true }, managePermissions: true };
    expect(rightsResult(all)).toEqual({ state: 'pass' });
    expect(rightsResult({ ...all, managePermissions: false })).toEqual({
      state: 'fail',
      problem: { kind: 'missing-rights', rights: ['manage-permissions'] },
    });
    expect(rightsResult({ ...all, site: { createGroups: false, manageLists: true } })).toEqual({
      state: 'warn',
      problem: { kind: 'missing-rights', rights: ['create-groups'] },
    });
    expect(
      rightsResult({ site: { createGroups: false, manageLists: false }, managePermissions: false }),
    ).toEqual({
      state: 'fail',
      problem: {
        kind: 'missing-rights',
        rights: ['manage-permissions', 'create-groups', 'manage-lists'],
      },
    });
  });

  it('marks the scratch item with a key the domain never takes for a period', () => {
    const key = scratchPeriodKey('3F2a-9c01-Ω');
    expect(key).toBe('miljokontroll-3f2a9c01');
    expect(isPeriodKey(key)).toBe(false);
    expect(parsePeriodKey(key)).toBeNull();
    expect(isScratchPeriodKey(key)).toBe(true);
    expect(isScratchPeriodKey('2020-04')).toBe(false);
  });

  it('follows a run: every check waits, runs, and ends with its result', () => {
    let states = initialStates();
    expect([...states.keys()]).toEqual([...CHECK_IDS]);
    expect([...states.values()].every((s) => s.state === 'waiting')).toBe(true);
    states = applyEvent(states, { id: 'lists', phase: 'running' });
    expect(states.get('lists')).toEqual({ state: 'running' });
    states = applyEvent(states, { id: 'lists', phase: 'done', result: { state: 'pass' } });
    expect(states.get('lists')).toEqual({ state: 'done', result: { state: 'pass' } });
    expect(states.get('read')).toEqual({ state: 'waiting' });
  });

  it('counts the results by state', () => {
    expect(
      summarize([
        { state: 'pass' },
        { state: 'pass' },
        { state: 'skipped', reason: 'local-mode' },
        { state: 'fail', problem: { kind: 'cors', service: 'graph' } },
      ]),
    ).toEqual({ pass: 2, warn: 0, fail: 1, skipped: 1 });
  });
});
