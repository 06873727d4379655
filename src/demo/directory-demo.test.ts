import { describe, expect, it } from 'vitest';
import {
  ensureUser,
  findUserByIdOrUpn,
  groupsHeldDirectly,
  groupsHeldEffectively,
  type SitePrincipalRecord,
} from '../local-site/directory';
import { DEMO_COORDINATOR_ENTRA_GROUP_ID, DEMO_DIRECTORY, DEMO_PEOPLE } from './directory-demo';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function user(upn: string) {
  const found = findUserByIdOrUpn(DEMO_DIRECTORY, upn);
  if (!found) throw new Error(`${upn} is not in the demo directory`);
  return found;
}

describe('DEMO_DIRECTORY', () => {
  it('has unique lower-case GUIDs and unique UPNs on region.example', () => {
    const ids = [...DEMO_DIRECTORY.users, ...DEMO_DIRECTORY.groups].map((x) => x.id);
    expect(ids.every((id) => GUID.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const upns = DEMO_DIRECTORY.users.map((u) => u.userPrincipalName);
    expect(new Set(upns).size).toBe(upns.length);
    expect(upns.every((u) => u.endsWith('@region.example'))).toBe(true);
    expect(GUID.test(DEMO_DIRECTORY.tenantId)).toBe(true);
  });

  it('names every part of DEMO_PEOPLE with a directory user', () => {
    const all = Object.values(DEMO_PEOPLE).flat();
    for (const upn of all) expect(user(upn).accountEnabled, upn).toBe(true);
  });

  it('has an owner whose mail is an alias: found by mail by ensureuser, not by Graph', () => {
    const david = user(DEMO_PEOPLE.aliasOwner);
    expect(david.mail).not.toBeNull();
    expect(david.mail).not.toBe(david.userPrincipalName);
    expect(findUserByIdOrUpn(DEMO_DIRECTORY, david.mail ?? '')).toBeUndefined();
    const ensured = ensureUser(DEMO_DIRECTORY, [], david.mail ?? '');
    expect(ensured.ok && ensured.user.UserPrincipalName).toBe(david.userPrincipalName);
  });

  it('has an owner without a mailbox', () => {
    expect(user(DEMO_PEOPLE.mailboxlessOwner).mail).toBeNull();
  });

  it('has a coordinator who holds the coordinator group only through an Entra group', () => {
    const sofia = user(DEMO_PEOPLE.groupCoordinator);
    const group = DEMO_DIRECTORY.groups.find((g) => g.id === DEMO_COORDINATOR_ENTRA_GROUP_ID);
    expect(group?.memberIds).toContain(sofia.id);
    // A site as the demo site is meant to be: Sofia and the Entra group ensured, the group (not
    // Sofia) in the coordinator group.
    const siteUsers: SitePrincipalRecord[] = [];
    for (const name of [
      sofia.userPrincipalName,
      `c:0t.c|tenant|${DEMO_COORDINATOR_ENTRA_GROUP_ID}`,
    ]) {
      const result = ensureUser(DEMO_DIRECTORY, siteUsers, name, [3, 4]);
      if (!result.ok || !result.added) throw new Error(`could not ensure ${name}`);
      siteUsers.push(result.user);
    }
    const [sofiaOnSite, groupOnSite] = siteUsers;
    const coordinators = { Id: 3, memberIds: [groupOnSite?.Id ?? -1] };
    const readers = { Id: 4, memberIds: [sofiaOnSite?.Id ?? -1] };
    const id = sofiaOnSite?.Id ?? -1;
    expect(groupsHeldDirectly([coordinators, readers], id)).toEqual([readers]);
    expect(groupsHeldEffectively(DEMO_DIRECTORY, siteUsers, [coordinators, readers], id)).toEqual([
      coordinators,
      readers,
    ]);
  });

  it('has at least two people who play no part on the site, for ensureuser to add', () => {
    const { neverSeen, ...parts } = DEMO_PEOPLE;
    expect(new Set(neverSeen).size).toBeGreaterThanOrEqual(2);
    for (const upn of neverSeen) expect(Object.values(parts)).not.toContain(upn);
  });
});
