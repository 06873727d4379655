/** `_api/contextinfo` compared with "Navigate the SharePoint data structure represented in the REST service". */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EDM_JSON_TYPE, fixtures } from '../fixtures/sharepoint-docs';
import { jsonType } from './expect-same-shape';
import { json, startSite, withoutEnvelope, type TestSite } from './site';

let t: TestSite;
beforeEach(async () => {
  t = await startSite();
});
afterEach(async () => {
  await t.close();
});

describe('contextinfo', () => {
  const documented = fixtures.contextInfoProperties;

  it('answers a POST with an empty body and no digest, with every documented property in its type', async () => {
    const answer = await t.call('POST', '_api/contextinfo', { headers: { 'X-RequestDigest': '' } });
    expect(answer.status).toBe(200);
    const body = withoutEnvelope(json(answer));
    for (const [name, edm] of Object.entries(documented.properties)) {
      // The page writes some names in lower camel case; JSON light (and PnP, which reads
      // FormDigestValue) uses Pascal case.
      const pascal = name.charAt(0).toUpperCase() + name.slice(1);
      expect(Object.keys(body), name).toContain(pascal);
      expect(jsonType(body[pascal]), name).toBe(EDM_JSON_TYPE[edm]);
    }
    const documentedPascal = Object.keys(documented.properties).map(
      (n) => n.charAt(0).toUpperCase() + n.slice(1),
    );
    // Besides the documented ones only FormDigestTimeoutSeconds, which PnPjs reads (fixture note).
    expect(Object.keys(body).filter((k) => !documentedPascal.includes(k))).toEqual([
      'FormDigestTimeoutSeconds',
    ]);
    expect(body.WebFullUrl).toBe(t.siteUrl);
    expect(body.FormDigestValue).toMatch(/^0x[0-9A-F]+,/);
    expect((body.SupportedSchemaVersions as unknown[]).every((v) => typeof v === 'string')).toBe(
      true,
    );
  });
});
