/**
 * Columns of any kind an admin or an app adds through REST, driven by the real @pnp/sp client:
 * `createfieldasxml`, the typed `fields.add*` helpers (odata=verbose bodies, PnP v4's
 * fields/types.js) and `fields/addfield` for lookups; then items written and read with
 * SharePoint's value shape per type.
 */
import { spfi, SPBrowser, type SPFI } from '@pnp/sp';
import '@pnp/sp/fields';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/views';
import '@pnp/sp/webs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seededIds } from './item-json';
import { createLocalSite } from './local-site';
import { emptySiteState, serveSite, type FixtureServer } from './test-fixture';

let server: FixtureServer;
let sp: SPFI;

beforeEach(async () => {
  // Bo (2) owns the empty site: Full Control, so he may add lists and columns.
  server = await serveSite(createLocalSite({ createInitialState: emptySiteState }));
  sp = spfi(server.siteUrl).using(SPBrowser({ baseUrl: server.siteUrl }));
  await sp.web.lists.add('Uppgifter', '', 100, false);
});
afterEach(async () => {
  await server.close();
});

const tasks = () => sp.web.lists.getByTitle('Uppgifter');

/** AddToDefaultContentType | AddFieldInternalNameHint, as a set-up script sends them. */
const WITH_NAME = 1 | 8;

describe('columns added through REST', () => {
  it('adds a Boolean column with createfieldasxml, as SharePoint stores it, and keeps its values', async () => {
    await tasks().fields.createFieldAsXml({
      SchemaXml:
        '<Field Type="Boolean" Name="Done" DisplayName="Klar"><Default>0</Default></Field>',
      Options: WITH_NAME,
    });
    const field = await tasks()
      .fields.getByInternalNameOrTitle('Done')
      .select(
        'InternalName',
        'TypeAsString',
        'FieldTypeKind',
        'Title',
        'SchemaXml',
        'DefaultValue',
      )();
    expect(field).toMatchObject({
      InternalName: 'Done',
      TypeAsString: 'Boolean',
      FieldTypeKind: 8,
      Title: 'Klar',
      DefaultValue: '0',
    });
    // SharePoint's additions to the element it was given.
    expect(field.SchemaXml).toMatch(
      /^<Field Type="Boolean" DisplayName="Klar" ID="\{[0-9a-f-]{36}\}" SourceID="\{[0-9a-f-]{36}\}" StaticName="Done" Name="Done" ColName="bit1" RowOrdinal="0" Version="1"><Default>0<\/Default><\/Field>$/,
    );

    const done = await tasks().items.add({ Title: 'Skriv', Done: true });
    const open = await tasks().items.add({ Title: 'Läs' });
    expect(done).toMatchObject({ Done: true });
    expect(open).toMatchObject({ Done: false });
    const read = await tasks().items.getById(1).select('Title', 'Done')();
    expect(read).toMatchObject({ Title: 'Skriv', Done: true });
    await tasks().items.getById(1).update({ Done: false });
    expect(await tasks().items.getById(1).select('Done')()).toMatchObject({ Done: false });
    await tasks().items.getById(2).update({ Done: true });
    const finished = await tasks().items.select('Id').filter('Done eq 1')();
    expect(finished.map((i: { Id: number }) => i.Id)).toEqual([2]);
    const alsoFinished = await tasks().items.select('Id').filter('Done eq true')();
    expect(alsoFinished.map((i: { Id: number }) => i.Id)).toEqual([2]);
    await expect(tasks().items.add({ Title: 'Fel', Done: 'ja' })).rejects.toMatchObject({
      status: 400,
    });
  });

  it('adds columns with PnP’s typed helpers: internal names from the title, typed properties', async () => {
    const added = await tasks().fields.addBoolean('Godkänd');
    expect(added).toMatchObject({ InternalName: 'Godk_x00e4_nd', TypeAsString: 'Boolean' });
    await tasks().fields.addText('Kod', { MaxLength: 10 });
    await tasks().fields.addNumber('Poäng');
    await tasks().fields.addDateTime('Förfaller');
    await tasks().fields.addUrl('Länk');
    await tasks().fields.addMultilineText('Anteckning', { RichText: false });
    const field = (name: string) => tasks().fields.getByInternalNameOrTitle(name)();
    expect(await field('Kod')).toMatchObject({ TypeAsString: 'Text', MaxLength: 10 });
    expect(await field('Po_x00e4_ng')).toMatchObject({ TypeAsString: 'Number' });
    expect(await field('F_x00f6_rfaller')).toMatchObject({
      TypeAsString: 'DateTime',
      DisplayFormat: 0,
    });
    expect(await field('Anteckning')).toMatchObject({ TypeAsString: 'Note', RichText: false });

    await tasks().items.add({
      Title: 'Alla typer',
      Godk_x00e4_nd: true,
      Kod: 'A1',
      Po_x00e4_ng: 3.5,
      F_x00f6_rfaller: '2026-12-24T12:00:00Z',
      L_x00e4_nk: { Url: 'https://example.org/a', Description: 'A' },
      Anteckning: 'rad',
    });
    expect(await tasks().items.getById(1)()).toMatchObject({
      Godk_x00e4_nd: true,
      Kod: 'A1',
      Po_x00e4_ng: 3.5,
      F_x00f6_rfaller: '2026-12-24T12:00:00Z',
      L_x00e4_nk: { Url: 'https://example.org/a', Description: 'A' },
      Anteckning: 'rad',
    });
    await expect(tasks().items.add({ Kod: 'för långt värde' })).rejects.toMatchObject({
      status: 400,
    });
  });

  it('round-trips a MultiChoice column: arrays in, arrays out, filtered by one choice', async () => {
    await tasks().fields.addMultiChoice('Etiketter', { Choices: ['Röd', 'Grön', 'Blå'] });
    const field = await tasks().fields.getByInternalNameOrTitle('Etiketter')();
    expect(field).toMatchObject({ TypeAsString: 'MultiChoice', Choices: ['Röd', 'Grön', 'Blå'] });
    await tasks().items.add({ Title: 'a', Etiketter: ['Röd', 'Blå'] });
    await tasks().items.add({ Title: 'b', Etiketter: ['Grön'] });
    expect(await tasks().items.getById(1).select('Etiketter')()).toMatchObject({
      Etiketter: ['Röd', 'Blå'],
    });
    const blue = await tasks().items.select('Title').filter("Etiketter eq 'Blå'")();
    expect(blue.map((i: { Title: string }) => i.Title)).toEqual(['a']);
    await expect(tasks().items.add({ Etiketter: ['Gul'] })).rejects.toMatchObject({ status: 400 });
    await expect(tasks().items.add({ Etiketter: 'Röd' })).rejects.toMatchObject({ status: 400 });
  });

  it('round-trips a Lookup column: FId in and out, the looked-up title through $expand', async () => {
    await sp.web.lists.add('Projekt', '', 100, false);
    const projects = sp.web.lists.getByTitle('Projekt');
    await projects.items.add({ Title: 'Alfa' });
    await projects.items.add({ Title: 'Beta' });
    const { Id: projectsId } = await projects.select('Id')();
    const added = await tasks().fields.addLookup('Projekt', {
      LookupListId: projectsId,
      LookupFieldName: 'Title',
    });
    expect(added).toMatchObject({ InternalName: 'Projekt', TypeAsString: 'Lookup' });

    await tasks().items.add({ Title: 'Uppgift', ProjektId: 2 });
    expect(await tasks().items.getById(1).select('ProjektId')()).toMatchObject({ ProjektId: 2 });
    const expanded = await tasks()
      .items.getById(1)
      .select('Title', 'Projekt/Title', 'Projekt/Id')
      .expand('Projekt')();
    expect(expanded).toMatchObject({ Projekt: { Title: 'Beta', Id: 2 } });
    const inBeta = await tasks().items.select('Id').filter('ProjektId eq 2')();
    expect(inBeta).toHaveLength(1);
    // An id the looked-up list does not have is refused.
    await expect(tasks().items.add({ Title: 'x', ProjektId: 9 })).rejects.toMatchObject({
      status: 400,
    });
  });

  it('changes a column by MERGE of typed properties and of SchemaXml, raising its Version', async () => {
    await tasks().fields.createFieldAsXml({
      SchemaXml:
        '<Field Type="Choice" Name="Fas" DisplayName="Fas"><CHOICES><CHOICE>A</CHOICE></CHOICES></Field>',
      Options: WITH_NAME,
    });
    const fas = tasks().fields.getByInternalNameOrTitle('Fas');
    await fas.update({ Title: 'Skede', Choices: ['A', 'B'] }, 'SP.FieldChoice');
    expect(await fas.select('Title', 'Choices', 'SchemaXml')()).toMatchObject({
      Title: 'Skede',
      Choices: ['A', 'B'],
      SchemaXml: expect.stringMatching(/DisplayName="Skede"[^>]*Version="2"/),
    });
    await fas.update(
      {
        SchemaXml:
          '<Field Type="Choice" Name="Fas" DisplayName="Fas" Required="TRUE"><CHOICES><CHOICE>C</CHOICE></CHOICES></Field>',
      },
      'SP.FieldChoice',
    );
    const after = await fas.select('Required', 'Choices', 'SchemaXml', 'InternalName')();
    expect(after).toMatchObject({ Required: true, Choices: ['C'], InternalName: 'Fas' });
    expect(after.SchemaXml).toMatch(
      /StaticName="Fas" Name="Fas" ColName="nvarchar\d+"[^>]*Version="3"/,
    );
  });
});

describe('a deterministic site (LocalSiteOptions ids and now)', () => {
  async function build(): Promise<string> {
    const local = createLocalSite({
      createInitialState: emptySiteState,
      ids: seededIds('same'),
      now: () => new Date('2026-01-02T03:04:05Z'),
    });
    const served = await serveSite(local);
    try {
      const client = spfi(served.siteUrl).using(SPBrowser({ baseUrl: served.siteUrl }));
      await client.web.lists.add('Lista', '', 100, false);
      const list = client.web.lists.getByTitle('Lista');
      await list.fields.addMultilineText('Text', { RichText: true });
      await list.views.add('Vy');
      await list.items.add({ Title: 'a', Text: '<p>rik</p>' });
      return JSON.stringify(local.state());
    } finally {
      await served.close();
    }
  }

  it('makes every GUID and timestamp from the options: the same requests, the same state', async () => {
    const first = await build();
    expect(await build()).toBe(first);
    expect(first).toContain('2026-01-02T03:04:05');
    expect(first).toMatch(/ExternalClass[0-9A-F]{32}/);
  });
});
