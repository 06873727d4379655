import { describe, expect, it } from 'vitest';
import {
  directoryUserOf,
  ensureUser,
  findUserByIdOrUpn,
  groupsHeldDirectly,
  groupsHeldEffectively,
  parsePeoplePickerQuery,
  peoplePickerAnswerValue,
  peoplePickerSearch,
  principalsOf,
  PRINCIPAL_TYPE,
  type Directory,
  type PeoplePickerQuery,
  type SitePrincipalRecord,
} from './directory';

const ALIAS_ID = '2a6e2f4c-0b4e-4f3a-9d7e-000000000002';
const GROUP_ID = '9c1d5e7f-3a2b-4c6d-8e9f-0000000000aa';
const GROUPED_ID = '2a6e2f4c-0b4e-4f3a-9d7e-000000000003';

const directory: Directory = {
  tenantId: '11111111-2222-4333-8444-555555555555',
  users: [
    {
      id: '2a6e2f4c-0b4e-4f3a-9d7e-000000000001',
      displayName: 'Anna Lindgren',
      userPrincipalName: 'anna.lindgren@region.example',
      mail: 'anna.lindgren@region.example',
      jobTitle: 'Samordnare',
      department: 'Kansliet',
      accountEnabled: true,
    },
    {
      id: ALIAS_ID,
      displayName: 'Per Olsson',
      userPrincipalName: 'per.olsson@region.example',
      mail: 'per.o@region.example',
      accountEnabled: true,
    },
    {
      id: GROUPED_ID,
      displayName: 'Lisa Utan-Post',
      userPrincipalName: 'lisa@region.example',
      mail: null,
      accountEnabled: true,
    },
  ],
  groups: [{ id: GROUP_ID, displayName: 'Kansliets handläggare', memberIds: [GROUPED_ID] }],
};

/** A site that has seen only Anna (id 3); principal ids 1–5 are taken by users and groups. */
const annaOnSite: SitePrincipalRecord = {
  Id: 3,
  Title: 'Anna Lindgren',
  Email: 'anna.lindgren@region.example',
  LoginName: 'i:0#.f|membership|anna.lindgren@region.example',
  UserPrincipalName: 'anna.lindgren@region.example',
  IsSiteAdmin: false,
  PrincipalType: 1,
};

describe('findUserByIdOrUpn', () => {
  it('finds by object id or UPN in any case, never by mail', () => {
    expect(findUserByIdOrUpn(directory, ALIAS_ID.toUpperCase())?.displayName).toBe('Per Olsson');
    expect(findUserByIdOrUpn(directory, 'PER.OLSSON@region.example')?.id).toBe(ALIAS_ID);
    expect(findUserByIdOrUpn(directory, 'per.o@region.example')).toBeUndefined();
  });
});

describe('ensureUser', () => {
  it('adds a person the site has not seen, by UPN, with the next principal id', () => {
    const result = ensureUser(directory, [annaOnSite], 'Per.Olsson@region.example', [4, 5]);
    expect(result).toEqual({
      ok: true,
      added: true,
      user: {
        Id: 6,
        Title: 'Per Olsson',
        Email: 'per.o@region.example',
        LoginName: 'i:0#.f|membership|per.olsson@region.example',
        UserPrincipalName: 'per.olsson@region.example',
        IsSiteAdmin: false,
        PrincipalType: 1,
      },
    });
  });

  it('resolves a mail that differs from the UPN, but not that mail as a claims login', () => {
    const byMail = ensureUser(directory, [], 'per.o@region.example');
    expect(byMail.ok && byMail.user.LoginName).toBe('i:0#.f|membership|per.olsson@region.example');
    const claimOfMail = ensureUser(directory, [], 'i:0#.f|membership|per.o@region.example');
    expect(claimOfMail).toEqual({
      ok: false,
      error: {
        status: 404,
        code: '-2146232832, Microsoft.SharePoint.SPException',
        message: 'The specified user i:0#.f|membership|per.o@region.example could not be found.',
      },
    });
  });

  it('returns a person the site already has unchanged, by login, UPN or mail', () => {
    for (const name of [
      'i:0#.f|membership|anna.lindgren@region.example',
      'ANNA.LINDGREN@region.example',
    ]) {
      expect(ensureUser(directory, [annaOnSite], name)).toEqual({
        ok: true,
        added: false,
        user: annaOnSite,
      });
    }
  });

  it('finds a site user by mail only when the name is not a claims login', () => {
    const perOnSite = {
      ...annaOnSite,
      Id: 4,
      Email: 'per.o@region.example',
      LoginName: 'i:0#.f|membership|per.olsson@region.example',
      UserPrincipalName: 'per.olsson@region.example',
    };
    expect(ensureUser(directory, [perOnSite], 'per.o@region.example')).toEqual({
      ok: true,
      added: false,
      user: perOnSite,
    });
    expect(ensureUser(directory, [perOnSite], 'i:0#.f|membership|per.o@region.example').ok).toBe(
      false,
    );
  });

  it('keeps returning someone who is on the site but has left the directory', () => {
    const gone = { ...annaOnSite, Id: 9, LoginName: 'i:0#.f|membership|gone@region.example' };
    const result = ensureUser(directory, [gone], 'i:0#.f|membership|gone@region.example');
    expect(result).toEqual({ ok: true, added: false, user: gone });
  });

  it('gives a person without a mailbox an empty Email', () => {
    const result = ensureUser(directory, [], 'lisa@region.example');
    expect(result.ok && result.user.Email).toBe('');
    expect(result.ok && result.user.Id).toBe(1);
  });

  it('adds an Entra security group by its claims login, as PrincipalType 4', () => {
    const result = ensureUser(directory, [annaOnSite], `c:0t.c|tenant|${GROUP_ID.toUpperCase()}`);
    expect(result).toEqual({
      ok: true,
      added: true,
      user: {
        Id: 4,
        Title: 'Kansliets handläggare',
        Email: '',
        LoginName: `c:0t.c|tenant|${GROUP_ID}`,
        UserPrincipalName: null,
        IsSiteAdmin: false,
        PrincipalType: 4,
      },
    });
  });

  it('adds "Everyone except external users" by the tenant claim', () => {
    const claim = 'c:0-.f|rolemanager|spo-grid-all-users/11111111-2222-4333-8444-555555555555';
    const result = ensureUser(directory, [], claim);
    expect(result.ok && result.user).toMatchObject({
      Title: 'Everyone except external users',
      LoginName: claim,
      PrincipalType: 4,
    });
    const otherTenant =
      'c:0-.f|rolemanager|spo-grid-all-users/00000000-0000-4000-8000-000000000000';
    expect(ensureUser(directory, [], otherTenant).ok).toBe(false);
  });

  it('refuses unknown people, display names and other claim types', () => {
    for (const name of [
      'ghost@region.example',
      'Per Olsson',
      `c:0o.c|federateddirectoryclaimprovider|${GROUP_ID}`,
      'c:0t.c|tenant|00000000-0000-4000-8000-000000000000',
      '  ',
    ]) {
      const result = ensureUser(directory, [annaOnSite], name);
      expect(result.ok, name).toBe(false);
      expect(!result.ok && result.error.message).toBe(
        `The specified user ${name} could not be found.`,
      );
    }
  });
});

describe('principals and groups', () => {
  const groupOnSite: SitePrincipalRecord = {
    Id: 8,
    Title: 'Kansliets handläggare',
    Email: '',
    LoginName: `c:0t.c|tenant|${GROUP_ID}`,
    UserPrincipalName: null,
    IsSiteAdmin: false,
    PrincipalType: 4,
  };
  const lisaOnSite: SitePrincipalRecord = {
    ...annaOnSite,
    Id: 7,
    Title: 'Lisa Utan-Post',
    Email: '',
    LoginName: 'i:0#.f|membership|lisa@region.example',
    UserPrincipalName: 'lisa@region.example',
  };
  const siteUsers = [annaOnSite, lisaOnSite, groupOnSite];
  const coordinators = { Id: 20, Title: 'Samordnare', memberIds: [3, 8] };
  const readers = { Id: 21, Title: 'Läsare', memberIds: [3, 7] };
  const siteGroups = [coordinators, readers];

  it('a user acts as itself and as the Entra groups on the site that hold it', () => {
    expect(principalsOf(directory, siteUsers, 7)).toEqual([7, 8]);
    expect(principalsOf(directory, siteUsers, 3)).toEqual([3]);
    expect(principalsOf(directory, siteUsers, 99)).toEqual([]);
  });

  it('an Entra group that is not on the site gives nothing', () => {
    expect(principalsOf(directory, [annaOnSite, lisaOnSite], 7)).toEqual([7]);
  });

  it('every directory user acts as "Everyone except external users"', () => {
    const everyone: SitePrincipalRecord = {
      ...groupOnSite,
      Id: 10,
      LoginName: 'c:0-.f|rolemanager|spo-grid-all-users/11111111-2222-4333-8444-555555555555',
    };
    expect(principalsOf(directory, [...siteUsers, everyone], 3)).toEqual([3, 10]);
    const gone = { ...annaOnSite, Id: 11, LoginName: 'i:0#.f|membership|gone@region.example' };
    expect(principalsOf(directory, [gone, everyone], 11)).toEqual([11]);
  });

  it('currentuser/groups lists direct memberships only; rights count the Entra group too', () => {
    expect(groupsHeldDirectly(siteGroups, 7)).toEqual([readers]);
    expect(groupsHeldEffectively(directory, siteUsers, siteGroups, 7)).toEqual([
      coordinators,
      readers,
    ]);
    expect(groupsHeldEffectively(directory, siteUsers, siteGroups, 3)).toEqual([
      coordinators,
      readers,
    ]);
  });

  it('links a site user to the directory by the UPN in its login name', () => {
    expect(directoryUserOf(directory, lisaOnSite)?.id).toBe(GROUPED_ID);
    expect(directoryUserOf(directory, groupOnSite)).toBeUndefined();
  });
});

describe('people picker', () => {
  const query = (
    QueryString: string,
    more: Partial<PeoplePickerQuery> = {},
  ): PeoplePickerQuery => ({
    QueryString,
    MaximumEntitySuggestions: 30,
    PrincipalType: PRINCIPAL_TYPE.all,
    ...more,
  });
  const names = (q: PeoplePickerQuery) =>
    peoplePickerSearch(directory, q).map((e) => e.DisplayText);

  it('finds by the start of the name, of any word of it, of the UPN or of the mail', () => {
    expect(names(query('anna l'))).toEqual(['Anna Lindgren']);
    expect(names(query('lind'))).toEqual(['Anna Lindgren']);
    expect(names(query('post'))).toEqual(['Lisa Utan-Post']);
    expect(names(query('per.o@'))).toEqual(['Per Olsson']);
    expect(names(query('per.ol'))).toEqual(['Per Olsson']);
    expect(names(query('ndgren'))).toEqual([]);
    expect(names(query(''))).toEqual([]);
  });

  it('honours PrincipalType and MaximumEntitySuggestions, sorted by name', () => {
    expect(names(query('k'))).toEqual(['Kansliets handläggare']);
    expect(names(query('k', { PrincipalType: PRINCIPAL_TYPE.user }))).toEqual([]);
    expect(names(query('l', { PrincipalType: PRINCIPAL_TYPE.user }))).toEqual([
      'Anna Lindgren',
      'Lisa Utan-Post',
    ]);
    expect(names(query('l', { MaximumEntitySuggestions: 1 }))).toEqual(['Anna Lindgren']);
  });

  it('answers users and groups in the Tenant provider shape', () => {
    const [per] = peoplePickerSearch(directory, query('per'));
    expect(per).toEqual({
      Key: 'i:0#.f|membership|per.olsson@region.example',
      Description: 'per.olsson@region.example',
      DisplayText: 'Per Olsson',
      EntityType: 'User',
      ProviderDisplayName: 'Tenant',
      ProviderName: 'Tenant',
      IsResolved: true,
      EntityData: {
        IsAltSecIdPresent: 'False',
        Title: '',
        Email: 'per.o@region.example',
        MobilePhone: '',
        ObjectId: ALIAS_ID,
        Department: '',
      },
      MultipleMatches: [],
    });
    const [group] = peoplePickerSearch(directory, query('kans', { PrincipalType: 4 }));
    expect(group?.Key).toBe(`c:0t.c|tenant|${GROUP_ID}`);
    expect(group?.EntityType).toBe('SecGroup');
  });

  it('answers the entities as one JSON string', () => {
    const entities = peoplePickerSearch(directory, query('anna'));
    const value = peoplePickerAnswerValue(entities);
    expect(typeof value).toBe('string');
    expect(JSON.parse(value)).toEqual(entities);
  });

  it('reads queryParams as PnP sends them, in both dialects', () => {
    const params = {
      AllowEmailAddresses: true,
      AllowMultipleEntities: false,
      MaximumEntitySuggestions: 10,
      PrincipalSource: 15,
      PrincipalType: 1,
      QueryString: 'anna',
    };
    expect(parsePeoplePickerQuery({ queryParams: params })).toEqual({
      ok: true,
      query: { QueryString: 'anna', MaximumEntitySuggestions: 10, PrincipalType: 1 },
    });
    const verbose = {
      queryParams: {
        __metadata: { type: 'SP.UI.ApplicationPages.ClientPeoplePickerQueryParameters' },
        ...params,
      },
    };
    expect(parsePeoplePickerQuery(verbose).ok).toBe(true);
  });

  it('refuses unknown properties as SharePoint does, and what it does not emulate', () => {
    const unknown = parsePeoplePickerQuery({
      queryParams: { QueryString: 'a', MaximumEntitySuggestions: 5, PrincipalType: 1, Query: 'a' },
    });
    expect(unknown).toEqual({
      ok: false,
      error: {
        status: 400,
        code: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
        message:
          "The property 'Query' does not exist on type 'SP.UI.ApplicationPages.ClientPeoplePickerQueryParameters'. Make sure to only use property names that are defined by the type.",
      },
    });
    for (const body of [
      {},
      {
        queryParams: {
          __metadata: { type: 'SP.User' },
          QueryString: 'a',
          MaximumEntitySuggestions: 5,
          PrincipalType: 1,
        },
      },
      { queryParams: { QueryString: 'a', PrincipalType: 1 } },
      { queryParams: { QueryString: 'a', MaximumEntitySuggestions: 5 } },
      { queryParams: { MaximumEntitySuggestions: 5, PrincipalType: 1 } },
      {
        queryParams: {
          QueryString: 'a',
          MaximumEntitySuggestions: 5,
          PrincipalType: 1,
          SharePointGroupID: 3,
        },
      },
    ]) {
      const result = parsePeoplePickerQuery(body);
      expect(result.ok, JSON.stringify(body)).toBe(false);
      expect(!result.ok && result.error.status).toBe(400);
    }
  });
});
