/**
 * List items, lists and the JSON light envelope, compared with Microsoft's documented answers
 * (tests/fixtures/sharepoint-docs/items.ts and setup.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FOLLOW_UP_SCHEMA } from '../../src/local-site/test-fixture';
import { fixtures, jsonLightShape, type DocJson } from '../fixtures/sharepoint-docs';
import { expectSameShape } from './expect-same-shape';
import {
  envelopeKeys,
  FOLLOW_UP_LIST_ID,
  FOLLOW_UPS,
  json,
  startSite,
  withoutEnvelope,
  type JsonObject,
  type TestSite,
} from './site';

let t: TestSite;
beforeEach(async () => {
  t = await startSite();
});
afterEach(async () => {
  await t.close();
});

const { listItemProperties, entityMinimalMetadata, collectionMinimalMetadata, listProperties } =
  fixtures;

/** What a list's own columns look like in item JSON: person `F` becomes `FId` and `FStringId`. */
const OWN_COLUMNS = FOLLOW_UP_SCHEMA.fields
  .map((xml) => ({
    name: /\bName="([^"]+)"/.exec(xml)?.[1] ?? '',
    person: /Type="User(Multi)?"/.test(xml),
  }))
  .flatMap(({ name, person }) => (person ? [`${name}Id`, `${name}StringId`] : [name]));

function documentedEnvelope(): Record<string, DocJson> {
  const body = entityMinimalMetadata.response.body as Record<string, DocJson>;
  return Object.fromEntries(Object.entries(body).filter(([k]) => k.startsWith('odata.')));
}

describe('list item (Working with lists and list items with REST)', () => {
  it('sends every documented item property with its documented type, and nothing else but the list’s own columns', async () => {
    const answer = await t.call('GET', `${FOLLOW_UPS}/items(1)`, {
      headers: { Accept: 'application/json;odata=nometadata' },
    });
    expect(answer.status).toBe(200);
    expectSameShape(json(answer), jsonLightShape(listItemProperties), {
      ignoreValues: true,
      allowExtraKeys: OWN_COLUMNS,
    });
  });

  it('keeps the documented values that the request fixes: FileSystemObjectType 0, Id = ID, version 1.0 of a new item', async () => {
    const body = json(await t.call('GET', `${FOLLOW_UPS}/items(1)`));
    expect(body.FileSystemObjectType).toBe(
      Number(listItemProperties.example?.FileSystemObjectType),
    );
    expect(body.ID).toBe(body.Id);
    expect(body.OData__UIVersionString).toBe(listItemProperties.example?.OData__UIVersionString);
    expect(body.ContentTypeId).toMatch(/^0x0100[0-9A-F]{32}$/);
    expect(listItemProperties.example?.ContentTypeId).toMatch(/^0x0100[0-9A-F]{32}$/);
    // Edm.DateTime: the docs show UTC without fractions, e.g. 2012-07-24T22:47:26Z.
    expect(listItemProperties.example?.Created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(body.Created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(body.GUID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('wraps the item in the documented minimal metadata envelope, plus odata.etag equal to the ETag header', async () => {
    const answer = await t.call('GET', `${FOLLOW_UPS}/items(1)`);
    const body = json(answer);
    const envelope = Object.fromEntries(envelopeKeys(body).map((k) => [k, body[k]]));
    expectSameShape(envelope, documentedEnvelope(), {
      ignoreValues: true,
      // Entities with an ETag carry it as odata.etag (list items have ETags: "Using ETag values
      // to determine document and list item versioning" on the same page).
      allowExtraKeys: ['odata.etag'],
    });
    expect(answer.headers.get('etag')).toMatch(/^"[^"]+"$/);
    expect(body['odata.etag']).toBe(answer.headers.get('etag'));
    expect(body['odata.metadata']).toBe(
      `${t.siteUrl}/_api/$metadata#SP.ListData.${String(body['odata.type']).replace(/^SP\.Data\./, '')}s/@Element`,
    );
    expect(body['odata.editLink']).toBe(`Web/Lists(guid'${FOLLOW_UP_LIST_ID}')/Items(1)`);
  });

  it("has the list's ListItemEntityTypeFullName as odata.type (the docs: the type to pass when writing items)", async () => {
    const item = json(await t.call('GET', `${FOLLOW_UPS}/items(1)`));
    const list = json(await t.call('GET', FOLLOW_UPS));
    expect(item['odata.type']).toBe(list.ListItemEntityTypeFullName);
    // The documented example: EntityTypeName ProjectPolicyItemList, SP.Data.ProjectPolicyItemListItem.
    const example = listProperties.example ?? {};
    expect(example.ListItemEntityTypeFullName).toBe(`SP.Data.${example.EntityTypeName}Item`);
    expect(list.ListItemEntityTypeFullName).toBe(`SP.Data.${String(list.EntityTypeName)}Item`);
  });

  it('answers with a JSON content type in the flavour asked for', async () => {
    const minimal = await t.call('GET', `${FOLLOW_UPS}/items(1)`);
    const none = await t.call('GET', `${FOLLOW_UPS}/items(1)`, {
      headers: { Accept: 'application/json;odata=nometadata' },
    });
    // The docs show "Content-Type: application/json"; the odata parameter names the flavour.
    expect(entityMinimalMetadata.response.headers['Content-Type']).toBe('application/json');
    expect(minimal.headers.get('content-type')).toMatch(
      /^application\/json;odata=minimalmetadata(;|$)/,
    );
    expect(none.headers.get('content-type')).toMatch(/^application\/json;odata=nometadata(;|$)/);
  });
});

describe('entities: the documented single-entity envelope (Get subscriptions)', () => {
  const documented = (): Record<string, DocJson> => documentedEnvelope();

  it.each([
    ['the web', '_api/web'],
    ['a list', FOLLOW_UPS],
    ['the current user', '_api/web/currentuser'],
  ])(
    '%s: odata.metadata …/@Element, odata.type, absolute odata.id, relative odata.editLink',
    async (_name, path) => {
      const body = json(await t.call('GET', path));
      const envelope = Object.fromEntries(envelopeKeys(body).map((k) => [k, body[k]]));
      expectSameShape(envelope, documented(), { ignoreValues: true });
      const doc = documented();
      // The documented values' forms, checked on the documented example first.
      expect(doc['odata.metadata']).toMatch(
        /^https:\/\/[^/]+\/_api\/\$metadata#SP\.ApiData\.\w+\/@Element$/,
      );
      expect(String(body['odata.metadata'])).toMatch(
        /\/_api\/\$metadata#SP\.ApiData\.\w+\/@Element$/,
      );
      expect(String(body['odata.metadata']).startsWith(`${t.siteUrl}/_api/$metadata#`)).toBe(true);
      expect(doc['odata.id']).toMatch(/^https:\/\/[^/]+\/_api\//);
      expect(String(body['odata.id']).startsWith(`${t.siteUrl}/_api/`)).toBe(true);
      expect(doc['odata.editLink']).not.toMatch(/^(https?:|\/)/);
      expect(String(body['odata.editLink'])).not.toMatch(/^(https?:|\/)/);
    },
  );
});

describe('collections: the documented collection envelope (Get all subscriptions)', () => {
  it('items: odata.metadata without /@Element and value, each element with the entity envelope', async () => {
    const body = json(await t.call('GET', `${FOLLOW_UPS}/items?$select=Id,Title`));
    const documented = collectionMinimalMetadata.response.body as Record<string, DocJson>;
    const elementEnvelope = Object.fromEntries(
      Object.keys((documented.value as Record<string, DocJson>[])[0] ?? {})
        .filter((k) => k.startsWith('odata.'))
        .map((k) => [k, '']),
    );
    expectSameShape(
      { ...body, value: (body.value as JsonObject[]).map((item) => pickEnvelope(item)) },
      { ...documented, value: [elementEnvelope] },
      { ignoreValues: true, allowExtraKeys: ['value/*/odata.etag'] },
    );
    expect(String(body['odata.metadata'])).not.toMatch(/@Element$/);
    expect(String(documented['odata.metadata'])).not.toMatch(/@Element$/);
  });

  it('lists: the same envelope', async () => {
    const body = json(await t.call('GET', '_api/web/lists?$select=Title'));
    expect(Object.keys(body).sort()).toEqual(
      Object.keys(collectionMinimalMetadata.response.body as object).sort(),
    );
  });
});

function pickEnvelope(item: JsonObject): JsonObject {
  return Object.fromEntries(envelopeKeys(item).map((k) => [k, item[k]]));
}

describe('JSON light (Office blog: JSON Light support in REST SharePoint API)', () => {
  it('Accept: application/json is minimal metadata', async () => {
    const plain = await t.call('GET', `${FOLLOW_UPS}/items`, {
      headers: { Accept: 'application/json' },
    });
    const minimal = await t.call('GET', `${FOLLOW_UPS}/items`, {
      headers: { Accept: 'application/json;odata=minimalmetadata' },
    });
    expect(plain.text).toBe(minimal.text);
    expect(plain.headers.get('content-type')).toBe(minimal.headers.get('content-type'));
  });

  it('odata=nometadata is the minimal metadata answer without its metadata', async () => {
    const minimal = json(await t.call('GET', `${FOLLOW_UPS}/items`));
    const none = json(
      await t.call('GET', `${FOLLOW_UPS}/items`, {
        headers: { Accept: 'application/json;odata=nometadata' },
      }),
    );
    expect(none).toEqual({
      ...withoutEnvelope(minimal),
      value: (minimal.value as JsonObject[]).map(withoutEnvelope),
    });
  });
});

describe('paging (Use OData query operations in SharePoint REST requests)', () => {
  /** The documented URL with the site's host and list put in. */
  function documentedUrl(url: string): string {
    return url.replace('https://{site_url}/', '').replace('{list_guid}', FOLLOW_UP_LIST_ID);
  }

  it('$top=n returns the first n items', async () => {
    const url = documentedUrl(fixtures.itemsTop.request.url).replace('$top=10', '$top=2');
    const body = json(await t.call('GET', url));
    expect((body.value as JsonObject[]).map((i) => i.Id)).toEqual([1, 2]);
  });

  it('the documented $skiptoken (Paged=TRUE%26p_ID=N) skips the items up to N and returns the rest', async () => {
    const url = documentedUrl(fixtures.itemsSkipToken.request.url).replace('p_ID=5', 'p_ID=2');
    expect(url).toContain('$skiptoken=Paged=TRUE%26p_ID=2');
    const answer = await t.call('GET', url);
    expect(answer.status).toBe(200);
    expect((json(answer).value as JsonObject[]).map((i) => i.Id)).toEqual([3, 4, 5]);
  });

  it('$skip, which the docs say does not work on items, is refused rather than ignored (docs/emulation.md)', async () => {
    const answer = await t.call('GET', `${FOLLOW_UPS}/items?$skip=2`);
    expect(answer.status).toBe(400);
    expect(JSON.stringify(json(answer))).toContain('LocalSite.NotEmulated');
  });
});

describe('list (Working with lists and list items with REST, list properties)', () => {
  it('sends only documented list properties, each with its documented type', async () => {
    const body = withoutEnvelope(json(await t.call('GET', FOLLOW_UPS)));
    const documented = Object.keys(listProperties.properties);
    expect(Object.keys(body).filter((k) => !documented.includes(k))).toEqual([]);
    expectSameShape(body, jsonLightShape(listProperties, Object.keys(body)), {
      ignoreValues: true,
    });
  });

  it('ListItemEntityTypeFullName is SP.Data.<EntityTypeName without "List">ListItem, as in the example', async () => {
    const example = listProperties.example ?? {};
    expect(example.ListItemEntityTypeFullName).toBe(
      `SP.Data.${String(example.EntityTypeName).replace(/List$/, '')}ListItem`,
    );
    const body = json(await t.call('GET', FOLLOW_UPS));
    expect(body.ListItemEntityTypeFullName).toBe(
      `SP.Data.${String(body.EntityTypeName).replace(/List$/, '')}ListItem`,
    );
    expect(body.BaseTemplate).toBe(Number(example.BaseTemplate));
    expect(body.BaseType).toBe(Number(example.BaseType));
  });
});
