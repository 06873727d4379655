/**
 * `$batch`: Microsoft's documented requests sent to the local site, and its answers compared with
 * the documented answer structure ([MS-ODATA] 2.2.7.6.8) and SharePoint Online's published
 * answers (tests/fixtures/sharepoint-docs/batch.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtures, type RequestFixture } from '../fixtures/sharepoint-docs';
import { boundaryOf, parseMultipart, type Multipart } from './multipart';
import { FIXTURE_LISTS } from '../../src/local-site/test-fixture';
import { FOLLOW_UPS, startSite, type Answer, type TestSite } from './site';

let t: TestSite;
beforeEach(async () => {
  t = await startSite();
});
afterEach(async () => {
  await t.close();
});

const STATUS_LINE = /^HTTP\/1\.1 (\d{3}) (\S.*)$/;
const SPO_CONTENT_TYPE =
  /^multipart\/mixed; boundary=batchresponse_[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;

const DOC_HOST = 'https://fabrikam.sharepoint.com';

/** The documented body with the site's URL and lists put in. */
function localBody(fixture: RequestFixture, replacements: Record<string, string> = {}): string {
  let body = (fixture.request.body ?? '').replaceAll(DOC_HOST, t.siteUrl);
  for (const [from, to] of Object.entries(replacements)) body = body.replaceAll(from, to);
  return body;
}

/** Adds `Accept: application/json` after every request line, as PnP writes its parts. */
function withAccept(body: string): string {
  return body.replace(
    /^((?:GET|POST|DELETE|MERGE|PATCH) \S+ HTTP\/1\.1)$/gm,
    '$1\nAccept: application/json',
  );
}

async function sendBatch(fixture: RequestFixture, body: string): Promise<Answer> {
  const { Authorization, 'Content-Type': contentType } = fixture.request.headers;
  return t.call('POST', '_api/$batch', {
    headers: {
      Authorization: Authorization ?? '',
      'Content-Type': contentType ?? '',
      'X-RequestDigest': '',
    },
    body,
  });
}

function read(answer: Answer): Multipart {
  return parseMultipart(answer.text, boundaryOf(answer.headers.get('content-type') ?? ''));
}

const titles = {
  "'Composed%20Looks'": `'${encodeURIComponent(FIXTURE_LISTS.followUps)}'`,
  "'User%20Information%20List'": `'${encodeURIComponent(FIXTURE_LISTS.periods)}'`,
};

describe('the documented answer structure', () => {
  const spec = fixtures.batchResponseOdataSpec;
  const specParts = parseMultipart(
    spec.response.text ?? '',
    boundaryOf(spec.response.headers['Content-Type'] ?? ''),
  );

  it('outer answer: 200 OK and multipart/mixed; boundary=batchresponse_<guid>, as SharePoint Online answers', async () => {
    const published = fixtures.batchResponseSharePointOnline.response;
    expect(published.headers['Content-Type']).toMatch(SPO_CONTENT_TYPE);
    const answer = await sendBatch(
      fixtures.batchTwoGets,
      withAccept(localBody(fixtures.batchTwoGets, titles)),
    );
    expect(answer.status).toBe(published.status);
    expect(answer.statusText).toBe(published.statusText);
    expect(answer.headers.get('content-type')).toMatch(SPO_CONTENT_TYPE);
    // [MS-ODATA]'s generic example answers 202 Accepted; SharePoint Online answers 200 OK.
    expect(spec.response.status).toBe(202);
  });

  it('one part per request, each with the documented MIME headers and an HTTP/1.1 status line, LF endings, a newline after the closing boundary', async () => {
    const answer = await sendBatch(
      fixtures.batchTwoGets,
      withAccept(localBody(fixtures.batchTwoGets, titles)),
    );
    expect(answer.text).not.toContain('\r');
    const { parts, closed, afterClose } = read(answer);
    expect(closed).toBe(true);
    expect(afterClose).toBe('\n');
    expect(parts).toHaveLength(2);
    const documentedPart = specParts.parts[0];
    expect(documentedPart?.statusLine).toMatch(STATUS_LINE);
    for (const part of parts) {
      expect(part.mimeHeaders).toEqual(documentedPart?.mimeHeaders);
      expect(part.statusLine).toBe('HTTP/1.1 200 OK');
      expect(
        part.headers.some((h) => /^content-type: application\/json;odata=minimalmetadata/i.test(h)),
      ).toBe(true);
      const body = JSON.parse(part.body) as { value: Record<string, unknown>[] };
      for (const item of body.value) {
        expect(Object.keys(item).filter((k) => !k.startsWith('odata.'))).toEqual(['Title']);
      }
    }
  });

  it('the documented request exactly as shown (parts without Accept) gets a refusal per part: documented difference, SharePoint would answer Atom XML', async () => {
    const answer = await sendBatch(fixtures.batchTwoGets, localBody(fixtures.batchTwoGets, titles));
    expect(answer.status).toBe(200);
    const { parts } = read(answer);
    expect(parts).toHaveLength(2);
    for (const part of parts) {
      expect(part.statusLine).toBe('HTTP/1.1 400 Bad Request');
      expect(part.body).toContain('LocalSite.NotEmulated');
    }
  });
});

describe('changesets (the documented DELETE-then-GET request)', () => {
  it('answers each request of the changeset as its own flat part, and a failed part does not stop the next', async () => {
    const answer = await sendBatch(
      fixtures.batchChangesetAndGet,
      withAccept(localBody(fixtures.batchChangesetAndGet)),
    );
    expect(answer.status).toBe(200);
    const { parts } = read(answer);
    // Documented difference (docs/emulation.md): [MS-ODATA] nests changeset answers in a
    // changesetresponse part; the local site answers every request as one flat part.
    expect(answer.text).not.toContain('changesetresponse');
    expect(parts.map((p) => p.statusLine)).toEqual(['HTTP/1.1 404 Not Found', 'HTTP/1.1 200 OK']);
    expect(JSON.parse(parts[0]?.body ?? '{}')['odata.error'].message.value).toBe(
      `List 'OldList' does not exist at site with URL '${t.siteUrl}'.`,
    );
    expect(Object.keys(JSON.parse(parts[1]?.body ?? '{}'))).toEqual(['odata.metadata', 'value']);
  });

  it('a DELETE of an item in the changeset (If-Match "1", as documented) answers 204 and takes effect', async () => {
    const body = withAccept(
      localBody(fixtures.batchChangesetAndGet, {
        [`${t.siteUrl}/_api/Web/lists/getbytitle('OldList')`]: `${t.siteUrl}/${FOLLOW_UPS}/items(5)`,
        [`${t.siteUrl}/_api/Web/lists HTTP/1.1`]: `${t.siteUrl}/${FOLLOW_UPS}/items?$select=Id HTTP/1.1`,
      }),
    );
    expect(body).toContain('If-Match: "1"');
    const { parts } = read(await sendBatch(fixtures.batchChangesetAndGet, body));
    expect(parts.map((p) => p.statusLine)).toEqual(['HTTP/1.1 204 No Content', 'HTTP/1.1 200 OK']);
    expect(parts[0]?.body).toBe('');
    const ids = (JSON.parse(parts[1]?.body ?? '{}') as { value: { Id: number }[] }).value.map(
      (i) => i.Id,
    );
    expect(ids).toEqual([1, 2, 3, 4]);
  });
});
