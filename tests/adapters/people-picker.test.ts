import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { noTokenProvider } from '../../src/adapters/auth/token-provider';
import { SharePointPlanRegister } from '../../src/adapters/sharepoint/plan-register';
import {
  SharePointFollowUpRepository,
  SharePointPeriodRepository,
} from '../../src/adapters/sharepoint/sharepoint-repositories';
import { createSpClient } from '../../src/adapters/sharepoint/sp-client';
import { DEMO_COORDINATOR_ID } from '../../src/demo/demo-people';
import { loadDemoState } from '../../src/demo/load-demo-state';
import { createLocalSite } from '../../src/local-site/local-site';
import { serveSite, type FixtureServer } from '../../src/local-site/test-fixture';
import { signedIn } from './signed-in';

/*
 * The plan register's people picker against the local site's directory: SharePoint's people-picker
 * search (`clientPeoplePickerSearchUser`) and `ensureuser` of the chosen person's claims key. The
 * demo directory holds people the site has never seen (Olof Persson) and an owner whose mail is an
 * alias (David Åström, mail david.a@…).
 */

const site = createLocalSite({ createInitialState: loadDemoState });
let server: FixtureServer;
beforeAll(async () => {
  server = await serveSite(site);
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => site.reset());

const PICKER =
  '/_api/SP.UI.ApplicationPages.ClientPeoplePickerWebServiceInterface.clientPeoplePickerSearchUser';

function as(userId: number) {
  const requests: string[] = [];
  const sp = createSpClient(server.siteUrl, noTokenProvider, signedIn(userId, requests));
  return {
    // Without a bearer token PnP asks for a form digest first; that is not the search's doing.
    requests: () => requests.filter((r) => !r.endsWith('/_api/contextinfo')),
    register: new SharePointPlanRegister(sp),
    periods: new SharePointPeriodRepository(sp),
    followUps: new SharePointFollowUpRepository(sp),
  };
}

describe('searchPeople', () => {
  it('asks the people picker once per search, and nothing for under two characters', async () => {
    const c = as(DEMO_COORDINATOR_ID);
    expect(await c.register.searchPeople(' o ')).toEqual([]);
    expect(c.requests()).toEqual([]);
    await c.register.searchPeople('lindg');
    expect(c.requests()).toEqual([`POST ${server.siteUrl}${PICKER}`]);
  });

  it('finds site users by part of the name, with their claims key and UPN', async () => {
    const found = await as(DEMO_COORDINATOR_ID).register.searchPeople('lindg');
    expect(found).toEqual([
      {
        key: 'i:0#.f|membership|anna.lindgren@region.example',
        name: 'Anna Lindgren',
        upn: 'anna.lindgren@region.example',
      },
    ]);
  });

  it('gives the alias owner by UPN, not by his mail address', async () => {
    const [david] = await as(DEMO_COORDINATOR_ID).register.searchPeople('Åström');
    expect(david).toMatchObject({ name: 'David Åström', upn: 'david.astrom@region.example' });
  });

  it('finds a directory user the site has never seen', async () => {
    const found = await as(DEMO_COORDINATOR_ID).register.searchPeople('Olof');
    expect(found).toEqual([
      {
        key: 'i:0#.f|membership|olof.persson@region.example',
        name: 'Olof Persson',
        upn: 'olof.persson@region.example',
      },
    ]);
    expect(
      loadDemoState().users.some((u) => u.UserPrincipalName === 'olof.persson@region.example'),
    ).toBe(false);
  });
});

describe('ensurePerson of someone the site has never seen', () => {
  it('adds them to the site; as owner of a new plan they may write it', async () => {
    const c = as(DEMO_COORDINATOR_ID);
    const [olof] = await c.register.searchPeople('Olof Persson');
    if (!olof) throw new Error('Olof Persson not found');

    const person = await c.register.ensurePerson(olof);

    expect(person).toMatchObject({ name: 'Olof Persson', upn: 'olof.persson@region.example' });
    expect(loadDemoState().users.some((u) => u.Id === person.id)).toBe(false);
    // Ensuring again gives the same site user.
    expect((await c.register.ensurePerson(olof)).id).toBe(person.id);

    const [period] = await c.periods.list();
    if (!period) throw new Error('no period');
    const added = await c.register.addPlan(period, {
      title: 'Handlingsplan för patientsäkerhet',
      validity: '2021',
      decision: '',
      diaryNumber: '',
      documentUrl: '',
      owners: [person],
    });
    expect(added.owners).toEqual([person]);

    const owner = as(person.id);
    const mine = (await owner.followUps.listForPeriods([period.key])).find(
      (f) => f.itemId === added.itemId,
    );
    if (!mine) throw new Error('the new owner cannot read the plan');
    const saved = await owner.followUps.saveInput(
      mine,
      { status: 'good', statusNote: '', comment: '<p>Arbetet har börjat.</p>' },
      'draft',
      { ...person, role: 'member' },
    );
    expect(saved.inputState).toBe('draft');
  });
});
