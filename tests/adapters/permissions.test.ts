import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { noTokenProvider } from '../../src/adapters/auth/token-provider';
import { SharePointItemPermissions } from '../../src/adapters/sharepoint/permissions';
import {
  SharePointFollowUpRepository,
  SharePointSession,
} from '../../src/adapters/sharepoint/sharepoint-repositories';
import {
  COORDINATOR_GROUP,
  FOLLOW_UP_LIST,
  READER_GROUP,
} from '../../src/adapters/sharepoint/schema';
import { createSpClient } from '../../src/adapters/sharepoint/sp-client';
import type { FollowUp, FollowUpInput } from '../../src/domain/follow-up';
import type { PeriodKey } from '../../src/domain/period';
import { DEMO_COORDINATOR_ID } from '../../src/demo/demo-people';
import { demoGroupId, loadDemoState } from '../../src/demo/load-demo-state';
import { createLocalSite } from '../../src/local-site/local-site';
import { ROLE_DEFINITION_IDS } from '../../src/local-site/permissions';
import { serveSite, type FixtureServer } from '../../src/local-site/test-fixture';
import { signedIn } from './signed-in';

/**
 * SharePointItemPermissions against the demo site over HTTP, through the app's PnP client signed
 * in by the local site's cookie: after `secureFollowUp` SharePoint itself lets the new owner write
 * the follow-up and refuses the old one.
 */

const DEMO_COORDINATOR_GROUP_ID = demoGroupId(COORDINATOR_GROUP);
const DEMO_READER_GROUP_ID = demoGroupId(READER_GROUP);
const site = createLocalSite({ createInitialState: loadDemoState });
let server: FixtureServer;

beforeAll(async () => {
  server = await serveSite(site);
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  site.reset();
});

const ANNA = 11;
const BJORN = 12;
const AUGUST = '2020-08' as PeriodKey;
const INPUT: FollowUpInput = { status: 'good', statusNote: '', comment: '<p>Går bra.</p>' };

function client(userId: number) {
  const requests: string[] = [];
  const behaviour = signedIn(userId, requests);
  const sp = createSpClient(server.siteUrl, noTokenProvider, behaviour);
  return {
    requests,
    permissions: new SharePointItemPermissions(sp),
    followUps: new SharePointFollowUpRepository(sp),
    session: new SharePointSession(sp),
  };
}

async function lakemedel(userId: number): Promise<FollowUp> {
  const all = await client(userId).followUps.listForPeriods([AUGUST]);
  const item = all.find((f) => f.planKey === 'lakemedel');
  if (!item) throw new Error('lakemedel|2020-08 is missing');
  return item;
}

/** Saves a draft as the user: the app's own write path (MERGE with the ETag). */
async function saveAs(userId: number, followUp: FollowUp): Promise<FollowUp> {
  const c = client(userId);
  return c.followUps.saveInput(followUp, INPUT, 'draft', await c.session.currentViewer());
}

function storedAssignments(itemId: number) {
  const list = site.state().lists.find((l) => l.Title === FOLLOW_UP_LIST.title);
  return list?.items.find((i) => i.Id === itemId)?.uniqueRoleAssignments;
}

describe('secureFollowUp', () => {
  it('makes the item writable by a new owner and not by the old one', async () => {
    const before = await lakemedel(DEMO_COORDINATOR_ID);
    await expect(saveAs(BJORN, before)).rejects.toMatchObject({ kind: 'forbidden' });

    const coordinator = client(DEMO_COORDINATOR_ID);
    await coordinator.permissions.secureFollowUp(before.itemId, [BJORN], 'open');
    // One batch of look-ups and one of writes (plus the form digest for the writes).
    expect(coordinator.requests.filter((r) => r.includes('/_api/$batch'))).toHaveLength(2);

    await expect(saveAs(ANNA, before)).rejects.toMatchObject({ kind: 'forbidden' });
    const saved = await saveAs(BJORN, before);
    expect(saved).toMatchObject({ status: 'good', inputState: 'draft', modifiedBy: { id: BJORN } });
    // Everyone still reads it.
    expect((await lakemedel(20)).status).toBe('good');
    // Exactly what the demo gives an open follow-up; the caller keeps no Full Control of their own.
    expect(storedAssignments(before.itemId)).toEqual([
      { principalId: DEMO_COORDINATOR_GROUP_ID, roleDefId: ROLE_DEFINITION_IDS.fullControl },
      { principalId: DEMO_READER_GROUP_ID, roleDefId: ROLE_DEFINITION_IDS.read },
      { principalId: BJORN, roleDefId: ROLE_DEFINITION_IDS.contribute },
    ]);
  });

  it('leaves owners only Read when the period is locked', async () => {
    const item = await lakemedel(DEMO_COORDINATOR_ID);
    await client(DEMO_COORDINATOR_ID).permissions.secureFollowUp(item.itemId, [ANNA], 'locked');
    await expect(saveAs(ANNA, item)).rejects.toMatchObject({ kind: 'forbidden' });
    expect((await saveAs(DEMO_COORDINATOR_ID, item)).status).toBe('good');
  });

  it('is refused to an owner, who may not manage permissions', async () => {
    const item = await lakemedel(ANNA);
    await expect(
      client(ANNA).permissions.secureFollowUp(item.itemId, [ANNA, BJORN], 'open'),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(saveAs(BJORN, item)).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('reports an item that does not exist as not found', async () => {
    await expect(
      client(DEMO_COORDINATOR_ID).permissions.secureFollowUp(9999, [ANNA], 'open'),
    ).rejects.toMatchObject({ kind: 'not-found' });
  });
});
