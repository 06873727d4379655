/**
 * The local site's set-up endpoints over HTTP: what they keep and give back, the rules SharePoint
 * holds them to, and the strictness of the emulation.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { USER_COOKIE, createLocalSite } from './local-site';
import { emptySiteState, serveSite, type FixtureServer } from './test-fixture';

const BO = 2; // site owner: Full Control
const ANNA = 1; // member: Edit
const DAN = 4; // visitor: Read
const DIGEST = { 'X-RequestDigest': '0xABCDEF,04 Mar 2021 05:06:07 -0000' };
const LIST = `_api/web/lists/getByTitle('Prov')`;

let server: FixtureServer;

beforeEach(async () => {
  server = await serveSite(createLocalSite({ createInitialState: emptySiteState }));
});
afterEach(async () => {
  await server.close();
});

async function call(
  method: string,
  path: string,
  body?: unknown,
  as = BO,
  extra: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.siteUrl}/${path}`, {
    method: method === 'MERGE' ? 'POST' : method,
    headers: {
      Accept: 'application/json;odata=nometadata',
      'Content-Type': 'application/json;charset=utf-8',
      Cookie: `${USER_COOKIE}=${as}`,
      ...(method === 'GET' ? {} : DIGEST),
      ...(method === 'MERGE' ? { 'X-HTTP-Method': 'MERGE' } : {}),
      ...extra,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
  };
}

const createList = (as = BO) =>
  call('POST', '_api/web/lists', { Title: 'Prov', BaseTemplate: 100, Description: '' }, as);

const addField = (schemaXml: string, options = 9) =>
  call('POST', `${LIST}/fields/createfieldasxml`, {
    parameters: { SchemaXml: schemaXml, Options: options },
  });

describe('set-up endpoints of the local site', () => {
  it('creates a list with its Title field and default view, once', async () => {
    expect((await createList()).status).toBe(201);
    const fields = await call('GET', `${LIST}/fields?$select=InternalName,Title`);
    expect(fields.body.value).toContainEqual({ InternalName: 'Title', Title: 'Title' });
    const views = await call('GET', `${LIST}/views?$expand=ViewFields`);
    expect(views.body.value).toMatchObject([
      { Title: 'Alla objekt', DefaultView: true, ViewFields: { Items: ['LinkTitle'] } },
    ]);
    expect((await createList()).status).toBe(500);
  });

  it('keeps a field as written: ASCII name, Swedish display name, choices, formatter text', async () => {
    await createList();
    const added = await addField(
      '<Field Type="Choice" Name="Status" StaticName="Status" DisplayName="Läge" Required="FALSE" Format="Dropdown" FillInChoice="FALSE"><CHOICES><CHOICE>Öppen</CHOICE><CHOICE>Låst &amp; klar</CHOICE></CHOICES></Field>',
    );
    expect(added.status).toBe(200);
    // Formatter JSON with its own spacing comes back character for character.
    const formatter = '{ "elmType": "div",  "txtContent": "@currentField" }';
    const field = `${LIST}/fields/getByInternalNameOrTitle('Status')`;
    expect((await call('MERGE', field, { CustomFormatter: formatter })).status).toBe(204);
    const read = await call('GET', field);
    expect(read.body).toMatchObject({
      InternalName: 'Status',
      Title: 'Läge',
      TypeAsString: 'Choice',
      Choices: ['Öppen', 'Låst & klar'],
      CustomFormatter: formatter,
    });
    // As SharePoint answers: the attributes written, then the ones it adds (ID, SourceID, …).
    expect(read.body.SchemaXml).toMatch(
      /^<Field Type="Choice" DisplayName="Läge"[^>]* ID="\{[0-9a-f-]{36}\}" SourceID="\{[0-9a-f-]{36}\}" StaticName="Status" Name="Status" ColName="nvarchar\d+" RowOrdinal="0" Version="2"/,
    );
    expect(read.body.SchemaXml).toContain('<CHOICE>Låst &amp; klar</CHOICE>');
    // Items of the new list take the new choices, and refuse others.
    const items = `${LIST}/items`;
    expect((await call('POST', items, { Title: 'a', Status: 'Öppen' })).status).toBe(201);
    expect((await call('POST', items, { Title: 'b', Status: 'Stängd' })).status).toBe(400);
  });

  it('holds the index and unique-value rules', async () => {
    await createList();
    await addField('<Field Type="Text" Name="Key" StaticName="Key" DisplayName="Nyckel" />');
    const field = `${LIST}/fields/getByInternalNameOrTitle('Key')`;
    expect((await call('MERGE', field, { EnforceUniqueValues: true })).status).toBe(400);
    await call('POST', `${LIST}/items`, { Title: 'a', Key: 'x' });
    await call('POST', `${LIST}/items`, { Title: 'b', Key: 'x' });
    expect((await call('MERGE', field, { Indexed: true })).status).toBe(204);
    expect((await call('MERGE', field, { EnforceUniqueValues: true })).status).toBe(500);
    expect((await call('GET', field)).body).toMatchObject({
      Indexed: true,
      EnforceUniqueValues: false,
    });
  });

  it('adds views and their columns and keeps the row formatter', async () => {
    await createList();
    const query = '<Where><Eq><FieldRef Name="Title"/><Value Type="Text">x</Value></Eq></Where>';
    const view = await call('POST', `${LIST}/views`, {
      Title: 'Saknar svar',
      PersonalView: false,
      ViewQuery: query,
      RowLimit: 50,
    });
    expect(view.status).toBe(201);
    const at = `${LIST}/views/getByTitle('Saknar%20svar')`;
    expect((await call('POST', `${at}/viewfields/removeallviewfields`)).status).toBe(200);
    expect((await call('POST', `${at}/viewfields/addviewfield('ID')`)).status).toBe(200);
    expect((await call('POST', `${at}/viewfields/addviewfield('Nothing')`)).status).toBe(400);
    const rows = '{"additionalRowClass":"sp-field-severity--warning"}';
    expect((await call('MERGE', at, { CustomFormatter: rows })).status).toBe(204);
    expect((await call('GET', `${LIST}/views?$expand=ViewFields`)).body.value).toContainEqual(
      expect.objectContaining({
        Title: 'Saknar svar',
        ViewQuery: query,
        RowLimit: 50,
        CustomFormatter: rows,
        ViewFields: expect.objectContaining({ Items: ['ID'] }),
      }),
    );
  });

  it('names a field after its display name without the name hint, as SharePoint does', async () => {
    await createList();
    const xml = '<Field Type="Text" Name="A" StaticName="A" DisplayName="Äb c" />';
    expect((await addField(xml, 0)).status).toBe(200);
    const read = await call('GET', `${LIST}/fields/getByInternalNameOrTitle('Äb c')`);
    expect(read.body.InternalName).toBe('_x00c4_b_x0020_c');
  });

  it('is strict: unknown types, lookups without a list, unknown properties, personal views', async () => {
    await createList();
    expect((await addField('<Field Type="Geolocation" Name="G" DisplayName="G" />')).status).toBe(
      400,
    );
    expect((await addField('<Field Type="Lookup" Name="C" DisplayName="C" />')).status).toBe(400);
    const title = `${LIST}/fields/getByInternalNameOrTitle('Title')`;
    expect((await call('MERGE', title, { EntityPropertyName: 'x' })).status).toBe(400);
    const personal = await call('POST', `${LIST}/views`, { Title: 'Min', PersonalView: true });
    expect(personal.status).toBe(501);
  });

  it('asks for Manage Lists and Create Groups, and tells each user their permissions', async () => {
    expect((await createList(DAN)).status).toBe(403);
    const group = { Title: 'Planuppföljning – läsare' };
    expect((await call('POST', '_api/web/sitegroups', group, ANNA)).status).toBe(403);
    expect((await call('POST', '_api/web/sitegroups', group, BO)).status).toBe(201);
    expect((await call('POST', '_api/web/sitegroups', group, BO)).status).toBe(400);
    const mask = async (as: number) =>
      (await call('GET', '_api/web/EffectiveBasePermissions', undefined, as)).body;
    expect(await mask(BO)).toEqual({ High: '2147483647', Low: '4294967295' });
    expect(await mask(ANNA)).toEqual({ High: '432', Low: '1011030767' });
    expect(await mask(DAN)).toEqual({ High: '176', Low: '138612833' });
  });

  it('tells each user their permissions on a list: the site’s while it inherits, then its own', async () => {
    expect((await createList()).status).toBe(201);
    const mask = async (as: number) =>
      (await call('GET', `${LIST}/EffectiveBasePermissions`, undefined, as)).body;
    expect(await mask(ANNA)).toEqual({ High: '432', Low: '1011030767' });
    expect(await mask(DAN)).toEqual({ High: '176', Low: '138612833' });
    // Without a copy of the site's assignments only the caller keeps (Full Control) rights.
    const broken = await call(
      'POST',
      `${LIST}/breakroleinheritance(copyroleassignments=false,clearsubscopes=true)`,
    );
    expect(broken.status).toBe(200);
    expect(await mask(ANNA)).toEqual({ High: '0', Low: '0' });
    expect(await mask(BO)).toEqual({ High: '2147483647', Low: '4294967295' });
    expect((await call('POST', `${LIST}/EffectiveBasePermissions`)).status).toBe(405);
  });
});
