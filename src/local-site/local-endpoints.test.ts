/**
 * The stand-in's own endpoints are safe to leave running: a state name cannot reach the object
 * prototype, other sites' pages cannot call them, faults match plain text, and request bodies
 * are capped as SharePoint caps them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalSite, type LocalSite } from './local-site';
import { MAX_REQUEST_BYTES } from './node-glue';
import {
  emptySiteState,
  FIXTURE_LISTS,
  fixtureState,
  serveSite,
  type FixtureServer,
} from './test-fixture';

let site: LocalSite;
let server: FixtureServer;

beforeEach(async () => {
  site = createLocalSite({
    createInitialState: fixtureState,
    namedStates: { empty: emptySiteState },
  });
  server = await serveSite(site);
});
afterEach(async () => {
  await server.close();
});

const FU = `_api/web/lists/getByTitle('${encodeURIComponent(FIXTURE_LISTS.followUps)}')`;
const WRITE = {
  Accept: 'application/json;odata=nometadata',
  'Content-Type': 'application/json;charset=utf-8',
  'X-RequestDigest': '0xABCDEF,04 Mar 2021 05:06:07 -0000',
};

const reset = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.siteUrl}/_local/reset`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('_local/reset', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'refuses the state name %s and leaves the site as it was',
    async (name) => {
      const response = await reset({ state: name });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: `No state named ${name} (known: empty).`,
      });
      expect(site.state().lists).toHaveLength(2);
    },
  );

  it('starts over from a named state, and from the initial one', async () => {
    expect((await reset({ state: 'empty' })).status).toBe(204);
    expect(site.state().lists).toHaveLength(0);
    expect((await fetch(`${server.siteUrl}/_local/reset`, { method: 'POST' })).status).toBe(204);
    expect(site.state().lists).toHaveLength(2);
  });
});

describe('cross-site requests to _local', () => {
  it.each([
    ['a page of another origin', { Origin: 'https://evil.example' }],
    ['another port of the same host', { Origin: 'http://127.0.0.1:1' }],
    ['a cross-site form post', { 'Sec-Fetch-Site': 'cross-site' }],
    ['a same-site page', { 'Sec-Fetch-Site': 'same-site' }],
  ])('refuses %s with 403 and changes nothing', async (_, headers) => {
    const response = await reset({ state: 'empty' }, headers);
    expect(response.status).toBe(403);
    expect(site.state().lists).toHaveLength(2);
    const signin = await fetch(`${server.siteUrl}/_local/signin`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', ...headers },
      body: JSON.stringify({ userId: 2 }),
    });
    expect(signin.status).toBe(403);
    expect(signin.headers.get('set-cookie')).toBeNull();
  });

  it('serves the site’s own pages and tools (same origin, or no Origin at all)', async () => {
    const own = { Origin: server.origin, 'Sec-Fetch-Site': 'same-origin' };
    expect((await reset({ state: 'empty' }, own)).status).toBe(204);
    expect((await reset({})).status).toBe(204);
  });
});

describe('_local/fault', () => {
  const items = () =>
    fetch(`${server.siteUrl}/${FU}/items(1)?$select=Id`, {
      headers: { Accept: 'application/json' },
    });
  const fault = (match: string) =>
    fetch(`${server.siteUrl}/_local/fault`, {
      method: 'POST',
      body: JSON.stringify({ status: 503, count: 1, retryAfterSeconds: 2, match }),
    });

  it('matches a plain substring, not a regular expression', async () => {
    expect((await fault('.*')).status).toBe(204);
    expect((await items()).status).toBe(200);
    // A catastrophic pattern is only text: it matches nothing and costs nothing.
    expect((await fault('(a+)+$')).status).toBe(204);
    expect((await items()).status).toBe(200);
    expect((await fault('items(1)')).status).toBe(204);
    const failed = await items();
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('2');
    expect((await items()).status).toBe(200);
  });

  it('refuses a match that is not text', async () => {
    const response = await fetch(`${server.siteUrl}/_local/fault`, {
      method: 'POST',
      body: JSON.stringify({ status: 503, count: 1, match: { source: '.*' } }),
    });
    expect(response.status).toBe(400);
  });
});

describe('request size', () => {
  const tooBig = {
    'odata.error': {
      code: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
      message: {
        lang: 'en-US',
        value: `The request message is too big. The server does not allow messages larger than ${MAX_REQUEST_BYTES} bytes.`,
      },
    },
  };

  it('refuses a body over 2 MB with SharePoint’s error, and takes one just under', async () => {
    const over = await fetch(`${server.siteUrl}/${FU}/items`, {
      method: 'POST',
      headers: WRITE,
      body: JSON.stringify({ Title: 'x', Comment: 'a'.repeat(MAX_REQUEST_BYTES) }),
    });
    expect(over.status).toBe(400);
    expect(await over.json()).toEqual(tooBig);
    expect(site.state().lists[0]?.items).toHaveLength(5);
    const under = await fetch(`${server.siteUrl}/${FU}/items`, {
      method: 'POST',
      headers: WRITE,
      body: JSON.stringify({ Title: 'x', Comment: 'a'.repeat(60_000) }),
    });
    expect(under.status).toBe(201);
  });

  it('refuses a $batch over 2 MB the same way', async () => {
    const response = await fetch(`${server.siteUrl}/_api/$batch`, {
      method: 'POST',
      headers: { ...WRITE, 'Content-Type': 'multipart/mixed; boundary=batch_1' },
      body: `--batch_1\n${'x'.repeat(MAX_REQUEST_BYTES)}\n--batch_1--\n`,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(tooBig);
  });
});
