import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { noTokenProvider } from '../../src/adapters/auth/token-provider';
import { REPORT_FOLDER, SharePointReportFiles } from '../../src/adapters/sharepoint/report-files';
import { createSpClient } from '../../src/adapters/sharepoint/sp-client';
import { DEMO_LIBRARY_ID } from '../../src/demo/build-demo-site';
import { DEMO_COORDINATOR_ID, DEMO_DEFAULT_USER_ID } from '../../src/demo/demo-people';
import { loadDemoState } from '../../src/demo/load-demo-state';
import { isStoreFailure } from '../../src/domain/errors';
import { createLocalSite } from '../../src/local-site/local-site';
import { serveSite, type FixtureServer } from '../../src/local-site/test-fixture';
import { signedIn } from './signed-in';

/**
 * SharePointReportFiles against the demo site over HTTP, through the app's PnP client: the
 * requests it sends, the versions SharePoint keeps, and the failures as the app's StoreFailures.
 */

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

const NAME = 'Bilaga 2 - Uppföljning handlingsplaner 2020-08.docx';
const ROOT = '/sites/planuppfoljning/Shared Documents';

function client(userId: number) {
  const requests: string[] = [];
  const sp = createSpClient(server.siteUrl, noTokenProvider, signedIn(userId, requests));
  return { requests, files: new SharePointReportFiles(sp) };
}

const docx = (text: string) =>
  new Blob([new TextEncoder().encode(text)], {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });

function libraryFiles() {
  const library = site.state().lists.find((l) => l.id === DEMO_LIBRARY_ID)?.library;
  if (!library) throw new Error('The demo site has no document library.');
  return library;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('The promise resolved.');
}

describe('SharePointReportFiles', () => {
  it('the first save finds the default library, makes the folder and uploads version 1.0', async () => {
    const { files, requests } = client(DEMO_COORDINATOR_ID);
    const saved = await files.save(NAME, docx('första'));
    expect(saved.name).toBe(NAME);
    expect(saved.version).toBe('1.0');
    const file = libraryFiles().files[0];
    expect(saved.url).toBe(
      `${server.origin}${encodeURI(`${ROOT}/${REPORT_FOLDER}/${NAME}`)}?d=w${file?.UniqueId.replace(/-/g, '')}`,
    );
    const api = `${server.siteUrl}/_api/web`;
    // The form digest PnP asks for before its first write aside.
    expect(requests.filter((r) => !r.endsWith('/_api/contextinfo'))).toEqual([
      `GET ${api}/defaultDocumentLibrary/rootFolder?$select=ServerRelativeUrl`,
      `POST ${api}/getFolderByServerRelativePath(decodedUrl='${ROOT}/Bilaga 2')/files/AddUsingPath(decodedurl='${NAME}',Overwrite=true)`,
      `POST ${api}/getFolderByServerRelativePath(decodedUrl='${ROOT}')/folders/addUsingPath(DecodedUrl='${ROOT}/Bilaga 2',overwrite=false)`,
      `POST ${api}/getFolderByServerRelativePath(decodedUrl='${ROOT}/Bilaga 2')/files/AddUsingPath(decodedurl='${NAME}',Overwrite=true)`,
    ]);
    expect(libraryFiles().folders.map((f) => f.path)).toEqual([REPORT_FOLDER]);
  });

  it('saving again replaces the file as version 2.0 and SharePoint keeps version 1.0', async () => {
    const { files, requests } = client(DEMO_COORDINATOR_ID);
    await files.save(NAME, docx('första'));
    requests.length = 0;
    const second = await files.save(NAME, docx('andra'));
    expect(second.version).toBe('2.0');
    // The root folder is known and the folder exists: one upload.
    expect(requests.filter((r) => !r.endsWith('/_api/contextinfo'))).toHaveLength(1);
    const file = libraryFiles().files;
    expect(file).toHaveLength(1);
    expect(file[0]?.versions.map((v) => Buffer.from(v.content, 'base64').toString())).toEqual([
      'första',
      'andra',
    ]);
  });

  it('an owner who may only read the library gets forbidden, and nothing is written', async () => {
    const error = await rejection(client(DEMO_DEFAULT_USER_ID).files.save(NAME, docx('x')));
    expect(isStoreFailure(error) && error.kind).toBe('forbidden');
    expect(libraryFiles().files).toEqual([]);
  });

  it('a file someone else has checked out is locked, and its version stays', async () => {
    const { files } = client(DEMO_COORDINATOR_ID);
    await files.save(NAME, docx('första'));
    const file = libraryFiles().files[0];
    if (!file) throw new Error('no file');
    file.checkedOutById = DEMO_DEFAULT_USER_ID;
    const error = await rejection(files.save(NAME, docx('andra')));
    expect(isStoreFailure(error) && error.kind).toBe('locked');
    expect(file.versions).toHaveLength(1);
  });

  it('throttling that outlasts the retries is throttled', async () => {
    site.injectFault({ status: 429, count: 10, retryAfterSeconds: 0 });
    const error = await rejection(client(DEMO_COORDINATOR_ID).files.save(NAME, docx('x')));
    expect(isStoreFailure(error) && error.kind).toBe('throttled');
  }, 20_000);
});
