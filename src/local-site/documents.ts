/**
 * Document libraries of the local site: folders and files as SharePoint's REST API has them
 * ("Working with folders and files with REST", learn.microsoft.com/sharepoint/dev/sp-add-ins/
 * working-with-folders-and-files-with-rest): the web's default library and its root folder,
 * folders and files addressed by server-relative path, folder and file creation with
 * `AddUsingPath`, a file's bytes (`$value`), its versions, its list item and check-out. A library
 * is a list with BaseTemplate 101 (`ListState.library`); every version of a file keeps its bytes.
 * Sources of each behaviour: docs/emulation.md, "Document libraries".
 */
import { accessDenied, notEmulated, SharePointError, unsupportedQuery } from './errors';
import { listJson, spDate, stableGuid, type JsonObject } from './item-json';
import { newList } from './lists';
import { stringArg, type Segment, type SiteAnswer } from './http';
import { demandPermission, listAssignments, PERMISSION, type PermissionKind } from './permissions';
import type { ApiContext, Route } from './router';
import type {
  FileRecord,
  FolderRecord,
  LibraryState,
  ListState,
  SiteState,
  SiteUser,
} from './site-state';
import { metadataOf } from './web-routes';

/** The template of a document library (SP.ListTemplateType.DocumentLibrary). */
export const DOCUMENT_LIBRARY_TEMPLATE = 101;

/** What a new document library needs. */
export interface NewLibrary {
  readonly id: string;
  readonly title: string;
  /** Its root folder's name in the URL, e.g. `Shared Documents`. */
  readonly url: string;
  readonly created: string;
  readonly newId: () => string;
}

/**
 * A new, empty document library, as a team site has its "Dokument" (URL `Shared Documents`): a
 * list with BaseTemplate 101, its Title field and default view, no folders and no files.
 */
export function newDocumentLibrary(spec: NewLibrary): ListState {
  const list = newList({ ...spec, description: '' });
  return {
    ...list,
    BaseTemplate: DOCUMENT_LIBRARY_TEMPLATE,
    library: { url: spec.url, folders: [], files: [] },
  };
}

/** A library with its state (a list of BaseTemplate 101). */
interface Library {
  readonly list: ListState;
  readonly library: LibraryState;
}

function librariesOf(state: SiteState): Library[] {
  return state.lists.flatMap((list) =>
    list.BaseTemplate === DOCUMENT_LIBRARY_TEMPLATE && list.library
      ? [{ list, library: list.library }]
      : [],
  );
}

/**
 * The web's default document library (`SP.Web.DefaultDocumentLibrary`): the one whose root
 * folder is `Shared Documents` (a team site's "Dokument"), else the first library.
 */
function defaultLibrary(ctx: ApiContext): Library {
  const all = librariesOf(ctx.state);
  const found =
    all.find((l) => l.library.url.toLowerCase() === 'shared documents') ?? all[0] ?? null;
  if (!found) throw notEmulated('a web without a document library (DefaultDocumentLibrary)', 404);
  return found;
}

// --- Errors, as SharePoint Online answers them (sources: docs/emulation.md) ---------------------

/** A folder or file path that does not exist (SharePoint uses ERROR_FILE_NOT_FOUND for both). */
export function fileNotFound(): SharePointError {
  return new SharePointError(
    404,
    '-2147024894, System.IO.FileNotFoundException',
    'File Not Found.',
  );
}

/** Adding a file to a folder that does not exist. */
function directoryNotFound(path: string): SharePointError {
  return new SharePointError(
    404,
    '-2147024893, System.IO.DirectoryNotFoundException',
    `The folder '${path}' does not exist.`,
  );
}

/** Adding a file or folder where one of that name is, without overwriting. */
function alreadyExists(url: string): SharePointError {
  return new SharePointError(
    409,
    '-2130575257, Microsoft.SharePoint.SPException',
    `A file or folder with the name ${url} already exists.`,
  );
}

/** Saving over a file someone else has checked out. */
function checkedOutByOther(url: string, login: string): SharePointError {
  return new SharePointError(
    423,
    '-2130575306, Microsoft.SharePoint.SPException',
    `The file "${url}" is checked out for editing by ${login}.`,
  );
}

/** Saving over a file someone else holds a shared lock on (editing it in Word). */
function lockedByOther(url: string, who: string): SharePointError {
  return new SharePointError(
    423,
    '-2147018894, Microsoft.SharePoint.SPFileLockException',
    `The file ${url} is locked for shared use by ${who}.`,
  );
}

/** Check-out of a file someone has checked out already (message ours). */
function alreadyCheckedOut(url: string, login: string): SharePointError {
  return new SharePointError(
    400,
    '-2130575306, Microsoft.SharePoint.SPException',
    `The file "${url}" is checked out for editing by ${login}.`,
  );
}

/** A name SharePoint does not allow for a file or folder. */
function invalidName(): SharePointError {
  return new SharePointError(
    400,
    '-2130575223, Microsoft.SharePoint.SPException',
    'The file or folder name contains characters that are not permitted. Please use a different name.',
  );
}

// --- Paths ---------------------------------------------------------------------------------------

/** `name=value` pairs of a segment's argument: `decodedurl='…',overwrite=true`. */
export function namedArgs(segment: Segment): Map<string, string> {
  const text = segment.arg ?? '';
  const args = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const eq = text.indexOf('=', i);
    if (eq < 0)
      throw unsupportedQuery(`The arguments of ${segment.name}(${text}) are not name=value`);
    const name = text.slice(i, eq).trim().toLowerCase();
    let j = eq + 1;
    let value = '';
    if (text[j] === "'") {
      j += 1;
      for (;;) {
        if (j >= text.length) throw unsupportedQuery(`Unclosed quote in ${segment.name}(${text})`);
        if (text[j] === "'") {
          if (text[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          j += 1;
          break;
        }
        value += text[j];
        j += 1;
      }
    } else {
      const comma = text.indexOf(',', j);
      value = text.slice(j, comma < 0 ? text.length : comma).trim();
      j = comma < 0 ? text.length : comma;
    }
    args.set(name, value);
    while (j < text.length && (text[j] === ',' || text[j] === ' ')) j += 1;
    i = j;
  }
  return args;
}

/** The path a `…Path(decodedurl='…')` or `…Url('…')` segment names. */
function pathArg(segment: Segment, named: 'decodedurl'): string {
  if (segment.name.endsWith('url')) return stringArg(segment);
  const path = namedArgs(segment).get(named);
  if (path === undefined) throw unsupportedQuery(`${segment.name} needs ${named}='…'`);
  return path;
}

function booleanArg(args: Map<string, string>, name: string): boolean {
  const value = (args.get(name) ?? 'false').toLowerCase();
  if (value !== 'true' && value !== 'false') {
    throw unsupportedQuery(`${name}=${value} is not a boolean`);
  }
  return value === 'true';
}

const trimSlashes = (path: string) => path.replace(/^\/+|\/+$/g, '');

/** Where a server- or site-relative path falls: a library and the path inside its root folder. */
interface Place {
  readonly lib: Library;
  /** Relative to the root folder, '' for the root folder itself. */
  readonly inner: string;
}

function placeOf(ctx: ApiContext, raw: string): Place | null {
  const site = trimSlashes(ctx.sitePath).toLowerCase();
  let path = trimSlashes(raw);
  // A site-relative path (no leading slash) is resolved against the web, as SharePoint does.
  if (!raw.startsWith('/')) path = `${site}/${path}`;
  for (const lib of librariesOf(ctx.state)) {
    const root = `${site}/${lib.library.url.toLowerCase()}`;
    const lower = path.toLowerCase();
    if (lower === root) return { lib, inner: '' };
    if (lower.startsWith(`${root}/`)) return { lib, inner: path.slice(root.length + 1) };
  }
  return null;
}

function rootUrl(ctx: ApiContext, lib: Library): string {
  return `${ctx.sitePath}/${lib.library.url}`;
}

function findFolder(lib: Library, inner: string): FolderRecord | undefined {
  const lower = inner.toLowerCase();
  return lib.library.folders.find((f) => f.path.toLowerCase() === lower);
}

function findFile(lib: Library, inner: string): FileRecord | undefined {
  const lower = inner.toLowerCase();
  return lib.library.files.find(
    (f) => (f.folder === '' ? f.Name : `${f.folder}/${f.Name}`).toLowerCase() === lower,
  );
}

/** A folder as the routes use it: the root folder has no record. */
interface FolderRef {
  readonly lib: Library;
  readonly inner: string;
  readonly record: FolderRecord | null;
}

function demand(ctx: ApiContext, lib: Library, kind: PermissionKind): void {
  demandPermission(ctx.state, ctx.user(), listAssignments(ctx.state, lib.list), kind);
}

/** The folder a route's first argument addresses (default library's root folder when none). */
function folderOf(
  ctx: ApiContext,
): FolderRef | { readonly missing: string; readonly lib: Library } {
  // Under `defaultDocumentLibrary/rootFolder` the first argument, if any, is the operation's.
  const first = ctx.args[0];
  const segment = first?.name.startsWith('getfolderbyserverrelative') ? first : undefined;
  if (!segment) {
    const lib = defaultLibrary(ctx);
    demand(ctx, lib, PERMISSION.viewListItems);
    return { lib, inner: '', record: null };
  }
  const raw = pathArg(segment, 'decodedurl');
  const place = placeOf(ctx, raw);
  if (!place) throw fileNotFound();
  demand(ctx, place.lib, PERMISSION.viewListItems);
  if (place.inner === '') return { lib: place.lib, inner: '', record: null };
  const record = findFolder(place.lib, place.inner);
  if (!record) return { missing: raw, lib: place.lib };
  return { lib: place.lib, inner: record.path, record };
}

function existingFolder(ctx: ApiContext): FolderRef {
  const folder = folderOf(ctx);
  if ('missing' in folder) throw fileNotFound();
  return folder;
}

function fileOf(ctx: ApiContext): { lib: Library; file: FileRecord } {
  const segment = ctx.arg(0);
  if (segment.name === 'getfilebyid') {
    const id = stringArg(segment).toLowerCase();
    for (const lib of librariesOf(ctx.state)) {
      const file = lib.library.files.find((f) => f.UniqueId === id);
      if (file) {
        demand(ctx, lib, PERMISSION.viewListItems);
        return { lib, file };
      }
    }
    throw fileNotFound();
  }
  const place = placeOf(ctx, pathArg(segment, 'decodedurl'));
  if (!place) throw fileNotFound();
  demand(ctx, place.lib, PERMISSION.viewListItems);
  const file = findFile(place.lib, place.inner);
  if (!file) throw fileNotFound();
  return { lib: place.lib, file };
}

/** SharePoint's rule for file and folder names: none of `" * : < > ? / \ |`, no edge spaces. */
function checkName(name: string): void {
  if (name === '' || /["*:<>?/\\|#%]/.test(name) || name !== name.trim() || name.endsWith('.')) {
    throw invalidName();
  }
}

// --- JSON ----------------------------------------------------------------------------------------

function fileUrl(ctx: ApiContext, lib: Library, file: FileRecord): string {
  const folder = file.folder === '' ? '' : `/${file.folder}`;
  return `${rootUrl(ctx, lib)}${folder}/${file.Name}`;
}

function bytesOf(content: string): Buffer {
  return Buffer.from(content, 'base64');
}

function current(file: FileRecord) {
  const last = file.versions[file.versions.length - 1];
  if (!last) throw new Error(`The file ${file.Name} has no version.`);
  return last;
}

function loginOf(state: SiteState, id: number): string {
  return state.users.find((u) => u.Id === id)?.LoginName ?? String(id);
}

const OFFICE_DOCUMENT = /\.(docx|xlsx|pptx)$/i;

function envelope(ctx: ApiContext, type: string, address: string): JsonObject {
  if (metadataOf(ctx) === 'none') return {};
  return {
    'odata.type': type,
    'odata.id': `${ctx.webUrl}/_api/${address}`,
    'odata.editLink': address,
  };
}

function fileJson(ctx: ApiContext, lib: Library, file: FileRecord): JsonObject {
  const url = fileUrl(ctx, lib, file);
  const version = current(file);
  const id = file.UniqueId;
  const compact = id.replace(/-/g, '');
  return {
    ...envelope(
      ctx,
      'SP.File',
      `Web/GetFileByServerRelativePath(decodedurl='${url.replace(/'/g, "''")}')`,
    ),
    CheckInComment: '',
    // SP.CheckOutType: 0 Online, 2 None.
    CheckOutType: file.checkedOutById === undefined ? 2 : 0,
    ContentTag: `{${id.toUpperCase()}},${version.major},${version.major}`,
    CustomizedPageStatus: 0,
    ETag: `"{${id.toUpperCase()}},${version.major}"`,
    Exists: true,
    IrmEnabled: false,
    // Int64 as JSON light writes it: a string.
    Length: String(bytesOf(version.content).byteLength),
    Level: 1,
    LinkingUri: OFFICE_DOCUMENT.test(file.Name)
      ? `${new URL(ctx.webUrl).origin}${encodeURI(url)}?d=w${compact}`
      : null,
    LinkingUrl: '',
    MajorVersion: version.major,
    MinorVersion: 0,
    Name: file.Name,
    ServerRelativeUrl: url,
    TimeCreated: spDate(file.TimeCreated),
    TimeLastModified: spDate(version.created),
    Title: null,
    UIVersion: version.major * 512,
    UIVersionLabel: `${version.major}.0`,
    UniqueId: id,
  };
}

function folderJson(ctx: ApiContext, ref: FolderRef): JsonObject {
  const url = ref.inner === '' ? rootUrl(ctx, ref.lib) : `${rootUrl(ctx, ref.lib)}/${ref.inner}`;
  const lower = ref.inner.toLowerCase();
  const children =
    ref.lib.library.files.filter((f) => f.folder.toLowerCase() === lower).length +
    ref.lib.library.folders.filter((f) => parentOf(f.path).toLowerCase() === lower).length;
  const name = ref.inner === '' ? ref.lib.library.url : (ref.inner.split('/').pop() ?? '');
  const created = ref.record?.TimeCreated ?? ref.lib.list.Created;
  return {
    ...envelope(
      ctx,
      'SP.Folder',
      `Web/GetFolderByServerRelativePath(decodedurl='${url.replace(/'/g, "''")}')`,
    ),
    Exists: true,
    IsWOPIEnabled: false,
    ItemCount: children,
    Name: name,
    ProgID: null,
    ServerRelativeUrl: url,
    TimeCreated: spDate(created),
    TimeLastModified: spDate(created),
    UniqueId: ref.record?.UniqueId ?? stableGuid(`root-folder:${ref.lib.list.id}`),
    WelcomePage: '',
  };
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** `$select` on a folder or file: the envelope plus the named properties. */
function selected(ctx: ApiContext, entity: JsonObject): JsonObject {
  const select = ctx.options(['$select']).get('$select');
  if (select === undefined) return entity;
  const names = select.split(',').map((n) => n.trim());
  if (names.includes('*')) return entity;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(entity)) {
    if (key.startsWith('odata.') || names.includes(key)) out[key] = value;
  }
  for (const name of names) {
    if (!(name in entity)) {
      throw new SharePointError(
        400,
        '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
        `The property '${name}' does not exist on type '${String(entity['odata.type'] ?? 'SP.Object')}'. Make sure to only use property names that are defined by the type.`,
      );
    }
  }
  return out;
}

// --- Writes --------------------------------------------------------------------------------------

function nextItemId(list: ListState): number {
  const id = list.nextItemId;
  list.nextItemId += 1;
  return id;
}

function addFolder(ctx: ApiContext, parent: FolderRef): SiteAnswer {
  const args = namedArgs(ctx.arg(ctx.args.length - 1));
  const raw = args.get('decodedurl');
  if (raw === undefined) throw unsupportedQuery('Folders/AddUsingPath needs DecodedUrl');
  const overwrite = booleanArg(args, 'overwrite');
  // A server-relative path names the folder itself; anything else is relative to the parent.
  let place: Place | null;
  if (raw.startsWith('/')) place = placeOf(ctx, raw);
  else {
    const base = parent.inner === '' ? raw : `${parent.inner}/${raw}`;
    place = { lib: parent.lib, inner: trimSlashes(base) };
  }
  if (!place || place.inner === '') throw fileNotFound();
  const inner = trimSlashes(place.inner);
  for (const part of inner.split('/')) checkName(part);
  const parentPath = parentOf(inner);
  if (parentPath !== '' && !findFolder(place.lib, parentPath)) throw directoryNotFound(raw);
  demand(ctx, place.lib, PERMISSION.addListItems);
  const existing = findFolder(place.lib, inner);
  const url = `${rootUrl(ctx, place.lib)}/${inner}`;
  if (existing || findFile(place.lib, inner)) {
    if (!overwrite || !existing) throw alreadyExists(url);
    return ctx.json(
      200,
      'SP.ApiData.Folders/@Element',
      folderJson(ctx, { lib: place.lib, inner: existing.path, record: existing }),
    );
  }
  const record: FolderRecord = {
    UniqueId: ctx.newId(),
    path: inner,
    TimeCreated: ctx.now.toISOString(),
    itemId: nextItemId(place.lib.list),
  };
  place.lib.library.folders.push(record);
  return ctx.json(
    200,
    'SP.ApiData.Folders/@Element',
    folderJson(ctx, { lib: place.lib, inner, record }),
  );
}

function refuseOthersHold(ctx: ApiContext, lib: Library, file: FileRecord, user: SiteUser): void {
  const url = `${new URL(ctx.webUrl).origin}${fileUrl(ctx, lib, file)}`;
  if (file.checkedOutById !== undefined && file.checkedOutById !== user.Id) {
    throw checkedOutByOther(url, loginOf(ctx.state, file.checkedOutById));
  }
  if (file.lockedById !== undefined && file.lockedById !== user.Id) {
    const holder = ctx.state.users.find((u) => u.Id === file.lockedById);
    const who = holder?.UserPrincipalName ?? holder?.Title ?? String(file.lockedById);
    throw lockedByOther(url, `${who} [membership]`);
  }
}

function addFile(ctx: ApiContext): SiteAnswer {
  const folder = folderOf(ctx);
  const args = namedArgs(ctx.arg(ctx.args.length - 1));
  const name = args.get('decodedurl') ?? args.get('url');
  if (name === undefined) throw unsupportedQuery('Files/AddUsingPath needs DecodedUrl');
  if (name.includes('/')) {
    throw unsupportedQuery('Files/AddUsingPath with a path (not a file name) is not emulated');
  }
  checkName(name);
  const overwrite = booleanArg(args, 'overwrite');
  for (const key of args.keys()) {
    if (key !== 'decodedurl' && key !== 'url' && key !== 'overwrite') {
      throw unsupportedQuery(`Files/AddUsingPath's ${key} is not emulated`);
    }
  }
  if ('missing' in folder) throw directoryNotFound(folder.missing);
  if (ctx.req.bytes === undefined) {
    throw notEmulated('file uploads inside $batch (SharePoint does not batch them either)');
  }
  const user = ctx.user();
  const content = Buffer.from(ctx.req.bytes).toString('base64');
  const inner = folder.inner === '' ? name : `${folder.inner}/${name}`;
  const existing = findFile(folder.lib, inner);
  const at = ctx.now.toISOString();
  if (existing) {
    const url = `${new URL(ctx.webUrl).origin}${fileUrl(ctx, folder.lib, existing)}`;
    if (!overwrite) throw alreadyExists(url);
    demand(ctx, folder.lib, PERMISSION.editListItems);
    refuseOthersHold(ctx, folder.lib, existing, user);
    existing.versions.push({
      major: current(existing).major + 1,
      created: at,
      authorId: user.Id,
      content,
    });
    return ctx.json(200, 'SP.ApiData.Files12/@Element', fileJson(ctx, folder.lib, existing));
  }
  if (findFolder(folder.lib, inner)) throw alreadyExists(`${rootUrl(ctx, folder.lib)}/${inner}`);
  demand(ctx, folder.lib, PERMISSION.addListItems);
  const file: FileRecord = {
    UniqueId: ctx.newId(),
    folder: folder.inner,
    Name: name,
    TimeCreated: at,
    AuthorId: user.Id,
    versions: [{ major: 1, created: at, authorId: user.Id, content }],
    itemId: nextItemId(folder.lib.list),
  };
  folder.lib.library.files.push(file);
  return ctx.json(200, 'SP.ApiData.Files12/@Element', fileJson(ctx, folder.lib, file));
}

// --- Routes --------------------------------------------------------------------------------------

/** Routes of one folder, below each way of addressing it. */
const FOLDER_ROUTES: readonly Route[] = [
  {
    methods: ['GET'],
    path: '',
    handle: (ctx) =>
      ctx.json(
        200,
        'SP.ApiData.Folders/@Element',
        selected(ctx, folderJson(ctx, existingFolder(ctx))),
      ),
  },
  {
    methods: ['GET'],
    path: 'folders',
    handle(ctx) {
      const folder = existingFolder(ctx);
      ctx.options([]);
      const lower = folder.inner.toLowerCase();
      const value = folder.lib.library.folders
        .filter((f) => parentOf(f.path).toLowerCase() === lower)
        .map((record) => folderJson(ctx, { lib: folder.lib, inner: record.path, record }));
      return ctx.json(200, 'SP.ApiData.Folders', { value });
    },
  },
  {
    methods: ['POST'],
    path: 'folders/addusingpath()',
    handle(ctx) {
      ctx.options([]);
      return addFolder(ctx, existingFolder(ctx));
    },
  },
  {
    methods: ['GET'],
    path: 'files',
    handle(ctx) {
      const folder = existingFolder(ctx);
      ctx.options([]);
      const lower = folder.inner.toLowerCase();
      const value = folder.lib.library.files
        .filter((f) => f.folder.toLowerCase() === lower)
        .map((file) => fileJson(ctx, folder.lib, file));
      return ctx.json(200, 'SP.ApiData.Files12', { value });
    },
  },
  {
    methods: ['POST'],
    path: 'files/addusingpath()',
    handle(ctx) {
      ctx.options([]);
      return addFile(ctx);
    },
  },
];

/** Routes of one file, below each way of addressing it. */
const FILE_ROUTES: readonly Route[] = [
  {
    methods: ['GET'],
    path: '',
    handle(ctx) {
      const { lib, file } = fileOf(ctx);
      return ctx.json(200, 'SP.ApiData.Files12/@Element', selected(ctx, fileJson(ctx, lib, file)));
    },
  },
  {
    methods: ['GET'],
    path: '$value',
    binary: true,
    handle(ctx) {
      ctx.options([]);
      const { file } = fileOf(ctx);
      const bytes = bytesOf(current(file).content);
      return {
        status: 200,
        headers: {
          'content-type': 'application/octet-stream',
          etag: `"{${file.UniqueId.toUpperCase()}},${current(file).major}"`,
        },
        body: '',
        bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      };
    },
  },
  {
    methods: ['GET'],
    path: 'versions',
    handle(ctx) {
      ctx.options([]);
      const { lib, file } = fileOf(ctx);
      const url = fileUrl(ctx, lib, file);
      // SP.FileVersionCollection: the earlier versions; the current one is the file itself.
      const value = file.versions.slice(0, -1).map((v) => ({
        ...(metadataOf(ctx) === 'none' ? {} : { 'odata.type': 'SP.FileVersion' }),
        CheckInComment: '',
        Created: spDate(v.created),
        ID: v.major * 512,
        IsCurrentVersion: false,
        Length: String(bytesOf(v.content).byteLength),
        Size: bytesOf(v.content).byteLength,
        Url: `_vti_history/${v.major * 512}${url.slice(ctx.sitePath.length)}`,
        VersionLabel: `${v.major}.0`,
      }));
      return ctx.json(200, 'SP.ApiData.FileVersions', { value });
    },
  },
  {
    methods: ['GET'],
    path: 'listitemallfields',
    handle(ctx) {
      ctx.options([]);
      const { lib, file } = fileOf(ctx);
      const url = fileUrl(ctx, lib, file);
      const version = current(file);
      return ctx.json(200, 'SP.ListData.DocumentsItems/@Element', {
        ...(metadataOf(ctx) === 'none' ? {} : { 'odata.type': 'SP.Data.SharedDocumentsItem' }),
        FileSystemObjectType: 0,
        Id: file.itemId,
        ID: file.itemId,
        Title: null,
        Created: spDate(file.TimeCreated),
        Modified: spDate(version.created),
        AuthorId: file.AuthorId,
        EditorId: version.authorId,
        FileLeafRef: file.Name,
        FileRef: url,
        FileDirRef: parentOf(url),
        OData__UIVersionString: `${version.major}.0`,
        GUID: stableGuid(`item:${file.UniqueId}`),
      });
    },
  },
  {
    methods: ['POST'],
    path: 'checkout',
    handle(ctx) {
      ctx.options([]);
      const { lib, file } = fileOf(ctx);
      demand(ctx, lib, PERMISSION.editListItems);
      const user = ctx.user();
      if (file.checkedOutById !== undefined && file.checkedOutById !== user.Id) {
        const url = `${new URL(ctx.webUrl).origin}${fileUrl(ctx, lib, file)}`;
        throw alreadyCheckedOut(url, loginOf(ctx.state, file.checkedOutById));
      }
      file.checkedOutById = user.Id;
      return { status: 200, headers: {}, body: '' };
    },
  },
  {
    methods: ['POST'],
    path: 'undocheckout',
    handle(ctx) {
      ctx.options([]);
      const { lib, file } = fileOf(ctx);
      demand(ctx, lib, PERMISSION.editListItems);
      if (file.checkedOutById !== undefined && file.checkedOutById !== ctx.user().Id) {
        throw accessDenied();
      }
      delete file.checkedOutById;
      return { status: 200, headers: {}, body: '' };
    },
  },
];

function under(prefix: string, routes: readonly Route[]): Route[] {
  return routes.map((r) => ({ ...r, path: r.path === '' ? prefix : `${prefix}/${r.path}` }));
}

export const DOCUMENT_ROUTES: readonly Route[] = [
  {
    methods: ['GET'],
    path: 'web/defaultdocumentlibrary',
    handle(ctx) {
      const lib = defaultLibrary(ctx);
      return ctx.json(
        200,
        'SP.ApiData.Lists/@Element',
        selected(ctx, listJson(ctx.webUrl, lib.list, metadataOf(ctx))),
      );
    },
  },
  ...under('web/defaultdocumentlibrary/rootfolder', FOLDER_ROUTES),
  ...under('web/getfolderbyserverrelativepath()', FOLDER_ROUTES),
  ...under('web/getfolderbyserverrelativeurl()', FOLDER_ROUTES),
  ...under('web/getfilebyserverrelativepath()', FILE_ROUTES),
  ...under('web/getfilebyserverrelativeurl()', FILE_ROUTES),
  ...under('web/getfilebyid()', FILE_ROUTES),
];

/**
 * A file of a library at its own URL (`/sites/x/Shared Documents/a.docx`), for a browser that
 * opens a file's link: its bytes, if the user may read the library; null when the path is no
 * library's file.
 */
export function fileAtUrl(
  state: SiteState,
  sitePath: string,
  path: string,
  user: SiteUser,
): SiteAnswer | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  const site = trimSlashes(sitePath).toLowerCase();
  for (const lib of librariesOf(state)) {
    const root = `/${site}/${lib.library.url.toLowerCase()}/`;
    if (!decoded.toLowerCase().startsWith(root)) continue;
    const file = findFile(lib, decoded.slice(root.length));
    if (!file) return null;
    demandPermission(state, user, listAssignments(state, lib.list), PERMISSION.viewListItems);
    const bytes = bytesOf(current(file).content);
    return {
      status: 200,
      headers: {
        'content-type': /\.docx$/i.test(file.Name)
          ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
          : 'application/octet-stream',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.Name)}`,
      },
      body: '',
      bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    };
  }
  return null;
}
