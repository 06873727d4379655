import { Timeout } from '@pnp/queryable';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noTokenProvider } from '../../src/adapters/auth/token-provider';
import { toStoreFailure } from '../../src/adapters/sharepoint/errors';
import {
  SharePointFollowUpRepository,
  SharePointPeriodRepository,
} from '../../src/adapters/sharepoint/sharepoint-repositories';
import { loadDemoState } from '../../src/demo/load-demo-state';
import { createLocalSite } from '../../src/local-site/local-site';
import { emptySiteState, halfSetUp, serveSite } from '../../src/local-site/test-fixture';
import { createSpClient } from '../../src/adapters/sharepoint/sp-client';
import type { PeriodKey } from '../../src/domain/period';

/** A server that accepts requests and never answers: a stalled proxy or a captive portal. */
let hanging: Server;
let url: string;
beforeAll(async () => {
  hanging = createServer(() => undefined);
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/sites/x`;
});
afterAll(async () => {
  hanging.closeAllConnections();
  await new Promise((resolve) => hanging.close(resolve));
});

describe('failures become typed store failures', () => {
  it('a request that does not answer in time is a timeout', async () => {
    const sp = createSpClient(url, noTokenProvider, Timeout(150));
    const started = Date.now();
    await expect(new SharePointPeriodRepository(sp).list()).rejects.toMatchObject({
      kind: 'timeout',
    });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [412, 'conflict'],
    [429, 'throttled'],
    [503, 'throttled'],
    [500, 'server'],
    [502, 'server'],
  ])('HTTP %i is %s', (status, kind) => {
    expect(toStoreFailure({ status, message: 'x' }).kind).toBe(kind);
  });

  it('a failed fetch is offline; an abort is a timeout; anything else is a server failure', () => {
    expect(toStoreFailure(new TypeError('Failed to fetch')).kind).toBe('offline');
    expect(toStoreFailure(new DOMException('aborted', 'AbortError')).kind).toBe('timeout');
    expect(toStoreFailure(new Error('odd')).kind).toBe('server');
    expect(toStoreFailure('odd').kind).toBe('server');
  });
});

describe('a site older than the app (or never set up)', () => {
  it('a missing list or column is "setup-needed", which the UI turns into "run Inställningar"', async () => {
    for (const createInitialState of [emptySiteState, () => halfSetUp(loadDemoState())]) {
      const server = await serveSite(createLocalSite({ createInitialState }));
      try {
        const sp = createSpClient(server.siteUrl, noTokenProvider);
        const read =
          createInitialState === emptySiteState
            ? new SharePointPeriodRepository(sp).list()
            : new SharePointFollowUpRepository(sp).listForPeriods(['2020-08' as PeriodKey]);
        await expect(read).rejects.toMatchObject({ kind: 'setup-needed' });
      } finally {
        await server.close();
      }
    }
  });

  it('an unrelated 400 or 404 stays what it was', () => {
    expect(toStoreFailure({ status: 404, message: 'Item does not exist.' }).kind).toBe('not-found');
    expect(toStoreFailure({ status: 400, message: 'The expression is not valid.' }).kind).toBe(
      'server',
    );
  });
});
