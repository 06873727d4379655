import { describe, expect, it } from 'vitest';
import {
  COORDINATOR_GROUP,
  FOLLOW_UP_LIST,
  PERIOD_LIST,
  READER_GROUP,
} from '../adapters/sharepoint/schema';
import { ROLE_DEFINITION_IDS } from '../local-site/permissions';
import { DEMO_SITE_GROUPS } from './build-demo-site';
import { DEMO_COORDINATOR_ID, DEMO_DEFAULT_USER_ID } from './demo-people';
import { demoGroupId, loadDemoState } from './load-demo-state';

/** What the demo snapshot holds; build-demo-site.test.ts proves it is what the builder makes. */
const state = loadDemoState();
const DEMO_COORDINATOR_GROUP_ID = demoGroupId(COORDINATOR_GROUP);
const DEMO_READER_GROUP_ID = demoGroupId(READER_GROUP);
const listOf = (title: string) => {
  const list = state.lists.find((l) => l.Title === title);
  if (!list) throw new Error(`no list ${title}`);
  return list;
};
const followUps = listOf(FOLLOW_UP_LIST.title).items;
const periods = listOf(PERIOD_LIST.title).items;
const inPeriod = (key: string) => followUps.filter((i) => i.fields.PeriodKey === key);

describe('demo site', () => {
  it('holds the two seed periods as locked history and an open 2020-08', () => {
    expect(periods.map((p) => [p.fields.PeriodKey, p.fields.State])).toEqual([
      ['2017-08', 'Låst'],
      ['2020-04', 'Låst'],
      ['2020-08', 'Öppen'],
    ]);
    expect(periods[2]?.fields.DueDate).toBe('2020-09-14T12:00:00Z');
    expect(periods[2]?.fields.Title).toBe('Delårsrapport augusti 2020');
  });

  it('has 16 plans in 2017-08 and 13 in 2020-04, all submitted with an owner', () => {
    expect(inPeriod('2017-08')).toHaveLength(16);
    expect(inPeriod('2020-04')).toHaveLength(13);
    for (const item of [...inPeriod('2017-08'), ...inPeriod('2020-04')]) {
      expect(item.fields.InputState).toBe('Inskickad');
      expect((item.fields.Owners as number[]).length).toBeGreaterThan(0);
    }
  });

  it('rolls 2020-04 over into 2020-08 without the plan that no longer exists', () => {
    const open = inPeriod('2020-08');
    expect(open).toHaveLength(12);
    expect(open.map((i) => i.fields.PlanKey)).not.toContain('battre-liv-aldre');
    for (const item of open) {
      // SharePoint keeps no value for an empty column.
      expect(item.fields.Status).toBeUndefined();
      expect(item.fields.Comment).toBeUndefined();
      expect(item.fields.InputState).toBe('Saknas');
    }
  });

  it('keeps every plan-period key unique and ids consecutive', () => {
    const keys = followUps.map((i) => i.fields.PlanPeriodKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(followUps.map((i) => i.Id)).toEqual(followUps.map((_, n) => n + 1));
  });

  it('stores rich text as SharePoint returns it, wrapped in an ExternalClass div', () => {
    expect(String(inPeriod('2017-08')[0]?.fields.Comment)).toMatch(
      /^<div class="ExternalClass[0-9A-F]+"><p>/,
    );
  });

  it('signs a fresh browser in as an owner; coordinators are Karin and an Entra group', () => {
    const owner = state.users.find((u) => u.Id === DEMO_DEFAULT_USER_ID);
    expect(owner).toBeDefined();
    const lakemedel = inPeriod('2020-08').find((i) => i.fields.PlanKey === 'lakemedel');
    expect(lakemedel?.fields.Owners).toContain(DEMO_DEFAULT_USER_ID);
    const group = state.groups.find((g) => g.Title === COORDINATOR_GROUP);
    const members = state.users.filter((u) => group?.memberIds.includes(u.Id));
    expect(members.map((u) => [u.Title, u.PrincipalType ?? 1])).toEqual([
      ['Karin Samordnare', 1],
      ['Samordningskansliet handläggare', 4],
    ]);
    // Sofia coordinates through that group only: the site has not seen her.
    expect(state.users.some((u) => u.Title === 'Sofia Berg')).toBe(false);
  });

  it('has the directory’s awkward cases: an alias, no mailbox, people never seen', () => {
    const byName = (name: string) => state.users.find((u) => u.Title === name);
    expect(byName('David Åström')).toMatchObject({
      Email: 'david.a@region.example',
      UserPrincipalName: 'david.astrom@region.example',
    });
    expect(byName('Greta Nyström')?.Email).toBe('');
    for (const name of ['Olof Persson', 'Ingrid Wallin']) {
      expect(byName(name)).toBeUndefined();
      expect(state.directory?.users.some((u) => u.displayName === name)).toBe(true);
    }
  });

  it('invents its people: no address outside the reserved example domain', () => {
    for (const user of state.users) {
      if (user.UserPrincipalName) expect(user.UserPrincipalName).toMatch(/@region\.example$/);
      if (user.Email) expect(user.Email).toMatch(/@region\.example$/);
    }
  });
});

describe('demo permissions', () => {
  const { read, contribute, edit, fullControl } = ROLE_DEFINITION_IDS;
  const appGroups = [
    { principalId: DEMO_COORDINATOR_GROUP_ID, roleDefId: fullControl },
    { principalId: DEMO_READER_GROUP_ID, roleDefId: read },
  ];
  const members = (id: number) => state.groups.find((g) => g.Id === id)?.memberIds;

  it('gives coordinators Full Control and everyone Read on both lists, beside the site groups', () => {
    // Set-up keeps what the team site gives (its Owners, Members, Visitors) and adds the app's
    // groups. Only the site owner, the coordinator, is in a site group.
    const siteGroups = [
      { principalId: DEMO_SITE_GROUPS.owners, roleDefId: fullControl },
      { principalId: DEMO_SITE_GROUPS.members, roleDefId: edit },
      { principalId: DEMO_SITE_GROUPS.visitors, roleDefId: read },
    ];
    expect(listOf(FOLLOW_UP_LIST.title).roleAssignments).toEqual([...siteGroups, ...appGroups]);
    expect(listOf(PERIOD_LIST.title).roleAssignments).toEqual([...siteGroups, ...appGroups]);
    expect(members(DEMO_SITE_GROUPS.owners)).toEqual([DEMO_COORDINATOR_ID]);
    expect(members(DEMO_SITE_GROUPS.members)).toEqual([]);
    expect(members(DEMO_SITE_GROUPS.visitors)).toEqual([]);
    expect(state.groups.find((g) => g.Title === READER_GROUP)).toEqual({
      Id: DEMO_READER_GROUP_ID,
      Title: READER_GROUP,
      memberIds: state.users.filter((u) => (u.PrincipalType ?? 1) === 1).map((u) => u.Id),
    });
    expect(state.groups.find((g) => g.Title === COORDINATOR_GROUP)?.Id).toBe(
      DEMO_COORDINATOR_GROUP_ID,
    );
  });

  it('lets owners contribute to their follow-ups of the open period only', () => {
    for (const item of followUps) {
      const owners = (item.fields.Owners as number[] | null) ?? [];
      const ownerRole = item.fields.PeriodKey === '2020-08' ? contribute : read;
      expect(item.uniqueRoleAssignments).toEqual([
        ...appGroups,
        ...owners.map((principalId) => ({ principalId, roleDefId: ownerRole })),
      ]);
    }
    const open = inPeriod('2020-08').find((i) => i.fields.PlanKey === 'patientsakerhet');
    expect(open?.uniqueRoleAssignments?.slice(2)).toEqual([
      { principalId: 11, roleDefId: contribute },
      { principalId: 15, roleDefId: contribute },
    ]);
  });

  it('makes the coordinator a group member, not a site admin, and has no site admin', () => {
    expect(state.users.find((u) => u.Id === DEMO_COORDINATOR_ID)?.IsSiteAdmin).toBe(false);
    expect(state.users.some((u) => u.IsSiteAdmin)).toBe(false);
  });

  it('leaves period items inheriting the list', () => {
    for (const period of periods) expect(period.uniqueRoleAssignments).toBeUndefined();
  });
});
