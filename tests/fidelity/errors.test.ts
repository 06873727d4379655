/**
 * Error answers compared with the documented error object ([MS-ODATAJSON] 2.1.28) and with
 * SharePoint Online's published answers (tests/fixtures/sharepoint-docs/errors.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_OBJECT_RULE, fixtures, type DocJson } from '../fixtures/sharepoint-docs';
import { expectSameShape } from './expect-same-shape';
import { FOLLOW_UPS, json, startSite, type TestSite } from './site';

let t: TestSite | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const MERGE = (etag: string) => ({
  headers: {
    'X-HTTP-Method': 'MERGE',
    'IF-MATCH': etag,
    'Content-Type': 'application/json;charset=utf-8',
  },
  body: JSON.stringify({ Title: 'Ny titel' }),
});

/**
 * The error skeleton the specification prescribes; code and value left open, lang as every
 * published SharePoint Online answer (fixtures) has it.
 */
const ERROR_SKELETON = {
  'odata.error': {
    code: '',
    message: { lang: 'en-US', value: '' },
  },
};

describe('the error object ([MS-ODATAJSON] 2.1.28)', () => {
  it('the skeleton follows the specification (code and message; message is lang and value)', () => {
    expect(Object.keys(ERROR_SKELETON['odata.error'])).toEqual([...ERROR_OBJECT_RULE.errorKeys]);
    expect(Object.keys(ERROR_SKELETON['odata.error'].message)).toEqual([
      ...ERROR_OBJECT_RULE.messageKeys,
    ]);
    // And the published 412 answer has exactly this shape.
    expectSameShape(fixtures.etagMismatch.response.body, ERROR_SKELETON, {
      ignoreValues: ['code', 'value'],
    });
  });

  it.each([
    ['unknown item (404)', 'GET', `${FOLLOW_UPS}/items(999)`, 404],
    ['unknown column in $filter (400)', 'GET', `${FOLLOW_UPS}/items?$filter=Nope eq 1`, 400],
    ['unknown list (404)', 'GET', "_api/web/lists/getByTitle('Finns inte')", 404],
    ['write without a form digest (403)', 'POST', `${FOLLOW_UPS}/items`, 403],
    ['endpoint not emulated (501)', 'GET', '_api/site', 501],
  ])(
    '%s has exactly code and message {lang, value}, all strings, lang en-US',
    async (_name, method, path, status) => {
      t = await startSite();
      const answer = await t.call(method, path, {
        headers:
          method === 'POST' ? { 'X-RequestDigest': '', 'Content-Type': 'application/json' } : {},
        ...(method === 'POST' ? { body: '{"Title":"x"}' } : {}),
      });
      expect(answer.status).toBe(status);
      expect(answer.headers.get('content-type')).toMatch(
        /^application\/json;odata=minimalmetadata/,
      );
      expectSameShape(json(answer), ERROR_SKELETON, { ignoreValues: ['code', 'value'] });
      expect(JSON.parse(answer.text)['odata.error'].code).toMatch(/^-?\d+, [\w.]+$/);
    },
  );
});

describe('412 on a stale ETag (published SharePoint Online answer)', () => {
  const documented = fixtures.etagMismatch;
  const body = documented.response.body as { 'odata.error': { message: { value: string } } };
  const MESSAGE = /^The request ETag value '(.+)' does not match the object's ETag value '(.+)'\.$/;

  it('has the documented status, code and message form, quoting the ETag sent as it was sent', async () => {
    t = await startSite();
    const answer = await t.call('POST', `${FOLLOW_UPS}/items(1)`, MERGE('"8"'));
    expect(answer.status).toBe(documented.response.status);
    expect(answer.statusText).toBe(documented.response.statusText);
    expectSameShape(json(answer), documented.response.body, { ignoreValues: ['value'] });
    const [, sentDocumented] = MESSAGE.exec(body['odata.error'].message.value) ?? [];
    expect(sentDocumented).toBe(documented.request.headers['IF-MATCH']);
    const value = (json(answer)['odata.error'] as { message: { value: string } }).message.value;
    const [, sent, current] = MESSAGE.exec(value) ?? [];
    expect(sent).toBe('"8"');
    // Documented difference (docs/emulation.md): SharePoint may name the object's ETag in its
    // internal form '"<guid>,<version>"'; the local site names the item's ETag, '"<version>"'.
    expect(current).toBe('"1"');
  });
});

describe('list view threshold (published SharePoint Online answers)', () => {
  const long = fixtures.listViewThreshold;
  const short = fixtures.listViewThresholdShort;
  const error = (f: typeof long) =>
    (f.response.body as { error: { code: string; message: { lang: string; value: string } } })
      .error;

  it('has the documented status and code, one of the documented messages, in the JSON light error form', async () => {
    t = await startSite({ listViewThreshold: 2 });
    // Title is not indexed: on a list above the threshold the filter cannot narrow by an index.
    const answer = await t.call('GET', `${FOLLOW_UPS}/items?$filter=Title eq 'Plan A'`);
    expect(answer.status).toBe(long.response.status);
    expect(answer.statusText).toBe(long.response.statusText);
    const body = json(answer);
    // The published answers are in the verbose form ("error"); JSON light names it "odata.error".
    expect(Object.keys(body)).toEqual(['odata.error']);
    expectSameShape(body['odata.error'], error(long) as unknown as DocJson, {
      ignoreValues: ['value'],
    });
    expect(error(long).code).toBe(error(short).code);
    const value = (body['odata.error'] as { message: { value: string } }).message.value;
    expect([error(long).message.value, error(short).message.value]).toContain(value);
  });
});

describe('ETag concurrency (Working with lists and list items with REST)', () => {
  it.each([
    ['a stale ETag', { 'IF-MATCH': '"7"' }, 412],
    ['the current ETag', { 'IF-MATCH': '"1"' }, 204],
    ['If-Match "*"', { 'IF-MATCH': '*' }, 204],
    ['no If-Match', {}, 204],
  ])('%s: %s', async (_name, ifMatch, status) => {
    expect(fixtures.itemETags.documentedAnswer).toContain(status === 412 ? '412' : 'overwrite');
    t = await startSite();
    const answer = await t.call('POST', `${FOLLOW_UPS}/items(1)`, {
      headers: {
        'X-HTTP-Method': 'MERGE',
        'Content-Type': 'application/json;charset=utf-8',
        ...ifMatch,
      },
      body: JSON.stringify({ Title: 'Ny titel' }),
    });
    expect(answer.status).toBe(status);
    // An overwrite gives the item a new version, and the answer says which.
    if (status === 204) expect(answer.headers.get('etag')).toBe('"2"');
  });
});
