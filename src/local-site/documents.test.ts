/**
 * The local site's document library over HTTP with plain fetch: folders and files as SharePoint
 * Online's REST API has them (docs/emulation.md, "Document libraries").
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalSite, USER_COOKIE, type LocalSite } from './local-site';
import { ROLE_DEFINITION_IDS } from './permissions';
import type { SiteState } from './site-state';
import {
  FIXTURE_LIBRARY_ID,
  fixtureState,
  serveSite,
  withDocumentLibrary,
  type FixtureServer,
} from './test-fixture';

const NOW = new Date('2021-03-04T05:06:07.890Z');
const DIGEST = { 'X-RequestDigest': '0xABCDEF,04 Mar 2021 05:06:07 -0000' };
const ROOT = '/sites/planuppfoljning/Shared Documents';
const FOLDER = `${ROOT}/Bilaga 2`;

/** PnP's encoding of a path argument: `''` for `'`, then encodeURIComponent. */
const path = (value: string) => encodeURIComponent(value.replace(/'/g, "''"));
const folderApi = (folder: string) =>
  `_api/web/getFolderByServerRelativePath(decodedUrl='${path(folder)}')`;
const fileApi = (file: string) =>
  `_api/web/getFileByServerRelativePath(decodedUrl='${path(file)}')`;
const upload = (folder: string, name: string, overwrite: boolean) =>
  `${folderApi(folder)}/files/AddUsingPath(decodedurl='${path(name)}'${overwrite ? ',Overwrite=true' : ''})`;

let site: LocalSite;
let server: FixtureServer;
let initial: () => SiteState;

beforeEach(async () => {
  initial = () => withDocumentLibrary(fixtureState());
  site = createLocalSite({ createInitialState: () => initial(), now: () => NOW });
  server = await serveSite(site);
});

afterEach(async () => {
  await server.close();
});

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly json: Record<string, unknown>;
  readonly bytes: Uint8Array;
}

async function call(
  method: string,
  route: string,
  options: { body?: Uint8Array<ArrayBuffer> | string; user?: number } = {},
): Promise<Answer> {
  const response = await fetch(`${server.siteUrl}/${route}`, {
    method,
    headers: {
      Accept: 'application/json',
      ...(method === 'GET' ? {} : DIGEST),
      ...(options.user === undefined ? {} : { Cookie: `${USER_COOKIE}=${options.user}` }),
    },
    ...(options.body === undefined ? {} : { body: options.body }),
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const type = response.headers.get('content-type') ?? '';
  const text = type.includes('json') ? new TextDecoder().decode(bytes) : '';
  return {
    status: response.status,
    headers: response.headers,
    json: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
    bytes,
  };
}

function errorOf(answer: Answer): { code: string; value: string } {
  const error = answer.json['odata.error'] as { code: string; message: { value: string } };
  return { code: error.code, value: error.message.value };
}

/** Bytes that are not UTF-8 text (a zip's header and a few high bytes). */
const BINARY = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x80, 0xc3, 0x28]);
const BINARY_2 = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x01, 0x02, 0x03]);

async function createFolder(user?: number) {
  return call(
    'POST',
    `${folderApi(ROOT)}/folders/addUsingPath(DecodedUrl='${path(FOLDER)}',overwrite=false)`,
    user === undefined ? {} : { user },
  );
}

describe('the default document library', () => {
  it('is a list with BaseTemplate 101 whose root folder is Shared Documents', async () => {
    const library = await call('GET', '_api/web/defaultDocumentLibrary');
    expect(library.status).toBe(200);
    expect(library.json).toMatchObject({ BaseTemplate: 101, BaseType: 1, Id: FIXTURE_LIBRARY_ID });
    const root = await call('GET', '_api/web/defaultDocumentLibrary/rootFolder');
    expect(root.json).toMatchObject({ ServerRelativeUrl: ROOT, Name: 'Shared Documents' });
    const selected = await call(
      'GET',
      '_api/web/defaultDocumentLibrary/rootFolder?$select=ServerRelativeUrl',
    );
    expect(Object.keys(selected.json).filter((k) => !k.startsWith('odata.'))).toEqual([
      'ServerRelativeUrl',
    ]);
  });
});

describe('folders', () => {
  it('a folder that does not exist answers 404 File Not Found', async () => {
    const missing = await call('GET', folderApi(FOLDER));
    expect(missing.status).toBe(404);
    expect(errorOf(missing)).toEqual({
      code: '-2147024894, System.IO.FileNotFoundException',
      value: 'File Not Found.',
    });
  });

  it('Folders/AddUsingPath creates it; again without overwrite answers 409', async () => {
    const created = await createFolder();
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ Name: 'Bilaga 2', ServerRelativeUrl: FOLDER });
    expect((await call('GET', folderApi(FOLDER))).json).toMatchObject({ ItemCount: 0 });
    const again = await createFolder();
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe('-2130575257, Microsoft.SharePoint.SPException');
    const folders = await call('GET', `${folderApi(ROOT)}/folders`);
    expect((folders.json.value as Array<{ Name: string }>).map((f) => f.Name)).toEqual([
      'Bilaga 2',
    ]);
  });

  it('the default library’s root folder takes Folders/AddUsingPath and Files/AddUsingPath too', async () => {
    const root = '_api/web/defaultDocumentLibrary/rootFolder';
    const folder = await call('POST', `${root}/folders/addUsingPath(DecodedUrl='Rapporter')`);
    expect(folder.json).toMatchObject({ ServerRelativeUrl: `${ROOT}/Rapporter` });
    const file = await call('POST', `${root}/files/AddUsingPath(decodedurl='a.docx')`, {
      body: BINARY,
    });
    expect(file.json).toMatchObject({ ServerRelativeUrl: `${ROOT}/a.docx`, MajorVersion: 1 });
  });

  it('adding a file to a folder that does not exist answers 404 and creates nothing', async () => {
    const answer = await call('POST', upload(FOLDER, 'a.docx', true), { body: BINARY });
    expect(answer.status).toBe(404);
    expect(errorOf(answer).code).toBe('-2147024893, System.IO.DirectoryNotFoundException');
    expect((await call('GET', folderApi(FOLDER))).status).toBe(404);
  });
});

describe('files', () => {
  it('uploads binary bytes as version 1.0 and gives them back from $value', async () => {
    await createFolder();
    const added = await call('POST', upload(FOLDER, 'Bilaga 2 – 2020-04.docx', true), {
      body: BINARY,
    });
    expect(added.status).toBe(200);
    expect(added.json).toMatchObject({
      Name: 'Bilaga 2 – 2020-04.docx',
      ServerRelativeUrl: `${FOLDER}/Bilaga 2 – 2020-04.docx`,
      MajorVersion: 1,
      UIVersionLabel: '1.0',
      UIVersion: 512,
      Length: String(BINARY.byteLength),
      CheckOutType: 2,
    });
    const uniqueId = added.json.UniqueId as string;
    expect(added.json.LinkingUri).toBe(
      `${server.origin}${encodeURI(`${FOLDER}/Bilaga 2 – 2020-04.docx`)}?d=w${uniqueId.replace(/-/g, '')}`,
    );
    const value = await call('GET', `${fileApi(`${FOLDER}/Bilaga 2 – 2020-04.docx`)}/$value`);
    expect(value.status).toBe(200);
    expect([...value.bytes]).toEqual([...BINARY]);
    const byId = await call('GET', `_api/web/getFileById('${uniqueId}')`);
    expect(byId.json).toMatchObject({ UniqueId: uniqueId });
  });

  it('overwriting makes version 2.0, keeps 1.0 in versions, and serves the new bytes', async () => {
    await createFolder();
    await call('POST', upload(FOLDER, 'r.docx', true), { body: BINARY });
    const second = await call('POST', upload(FOLDER, 'r.docx', true), { body: BINARY_2 });
    expect(second.status).toBe(200);
    expect(second.json).toMatchObject({ MajorVersion: 2, UIVersionLabel: '2.0' });
    const versions = await call('GET', `${fileApi(`${FOLDER}/r.docx`)}/versions`);
    expect(versions.json.value).toMatchObject([{ VersionLabel: '1.0', ID: 512 }]);
    const value = await call('GET', `${fileApi(`${FOLDER}/r.docx`)}/$value`);
    expect([...value.bytes]).toEqual([...BINARY_2]);
    const item = await call('GET', `${fileApi(`${FOLDER}/r.docx`)}/ListItemAllFields`);
    expect(item.json).toMatchObject({ FileLeafRef: 'r.docx', OData__UIVersionString: '2.0' });
  });

  it('without overwrite an existing file answers 409 and keeps its bytes', async () => {
    await createFolder();
    await call('POST', upload(FOLDER, 'r.docx', true), { body: BINARY });
    const refused = await call('POST', upload(FOLDER, 'r.docx', false), { body: BINARY_2 });
    expect(refused.status).toBe(409);
    const value = await call('GET', `${fileApi(`${FOLDER}/r.docx`)}/$value`);
    expect([...value.bytes]).toEqual([...BINARY]);
  });

  it('a file checked out by someone else answers 423 with SharePoint’s message', async () => {
    await createFolder();
    await call('POST', upload(FOLDER, 'r.docx', true), { body: BINARY });
    expect(
      (await call('POST', `${fileApi(`${FOLDER}/r.docx`)}/CheckOut`, { user: 2 })).status,
    ).toBe(200);
    const refused = await call('POST', upload(FOLDER, 'r.docx', true), { body: BINARY_2 });
    expect(refused.status).toBe(423);
    expect(errorOf(refused)).toEqual({
      code: '-2130575306, Microsoft.SharePoint.SPException',
      value: `The file "${server.origin}${FOLDER}/r.docx" is checked out for editing by i:0#.f|membership|bo@region.example.`,
    });
  });

  it('a file under a shared lock answers 423 SPFileLockException', async () => {
    await createFolder();
    await call('POST', upload(FOLDER, 'r.docx', true), { body: BINARY });
    const library = site.state().lists.find((l) => l.id === FIXTURE_LIBRARY_ID);
    const file = library?.library?.files[0];
    if (!file) throw new Error('no file');
    file.lockedById = 2;
    const refused = await call('POST', upload(FOLDER, 'r.docx', true), { body: BINARY_2 });
    expect(refused.status).toBe(423);
    expect(errorOf(refused).code).toBe('-2147018894, Microsoft.SharePoint.SPFileLockException');
  });

  it('$value answers the bytes whatever Accept asks for', async () => {
    await createFolder();
    await call('POST', upload(FOLDER, 'r.docx', true), { body: BINARY });
    const response = await fetch(`${server.siteUrl}/${fileApi(`${FOLDER}/r.docx`)}/$value`);
    expect(response.status).toBe(200);
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([...BINARY]);
  });

  it('a file is served at its own URL', async () => {
    await createFolder();
    await call('POST', upload(FOLDER, 'r.docx', true), { body: BINARY });
    const response = await fetch(`${server.origin}${encodeURI(`${FOLDER}/r.docx`)}`);
    expect(response.status).toBe(200);
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([...BINARY]);
  });
});

describe('rights on the library', () => {
  beforeEach(() => {
    // The coordinators' group (5) may contribute; the members (6: Anna, Dan…) may only read.
    initial = () => {
      const state = withDocumentLibrary(fixtureState());
      const library = state.lists.find((l) => l.id === FIXTURE_LIBRARY_ID);
      if (!library) throw new Error('no library');
      library.roleAssignments = [
        { principalId: 5, roleDefId: ROLE_DEFINITION_IDS.contribute },
        { principalId: 6, roleDefId: ROLE_DEFINITION_IDS.read },
      ];
      return state;
    };
    site.reset();
  });

  it('a reader may read but not add a folder or a file (403, access denied)', async () => {
    expect((await call('GET', folderApi(ROOT), { user: 1 })).status).toBe(200);
    const folder = await createFolder(1);
    expect(folder.status).toBe(403);
    expect(errorOf(folder).code).toBe('-2147024891, System.UnauthorizedAccessException');
    expect((await createFolder(2)).status).toBe(200);
    const file = await call('POST', upload(FOLDER, 'r.docx', true), { body: BINARY, user: 1 });
    expect(file.status).toBe(403);
    expect((await call('GET', `${folderApi(FOLDER)}/files`, { user: 1 })).json.value).toEqual([]);
  });

  it('a contributor adds and overwrites', async () => {
    await createFolder(2);
    expect(
      (await call('POST', upload(FOLDER, 'r.docx', true), { body: BINARY, user: 2 })).status,
    ).toBe(200);
    const second = await call('POST', upload(FOLDER, 'r.docx', true), { body: BINARY, user: 2 });
    expect(second.json).toMatchObject({ MajorVersion: 2 });
  });
});
