/**
 * The Teams app package: fills the manifest templates in `manifest/` from environment values,
 * validates them offline against the schemas that `@microsoft/app-manifest` ships, checks the
 * icons, and zips the four files. Used by `scripts/package-teams.ts` and the unit tests.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { zipSync } from 'fflate';
import { PNG } from 'pngjs';
import { DEFAULT_GRAPH_URL } from '../src/app/config';
import { firstRequestScopes } from '../src/app/token-scopes';

/**
 * The manifest schema version: the oldest that has every feature the manifest uses, not the
 * newest. `webApplicationInfo.nestedAppAuthInfo` (Teams prefetches the tab's token) first appears
 * in v1.22; everything else is older (`localizationInfo` v1.5, `showLoadingIndicator` v1.6,
 * `isFullScreen` and `activities` v1.7, `defaultInstallScope`/`defaultGroupCapability` v1.9),
 * so an activity-feed `activities` block fits too. The unit tests check each of these against
 * the schemas `@microsoft/app-manifest` ships (docs/teams-package.md).
 */
export const MANIFEST_VERSION = '1.22';

export const ROOT_DIR = fileURLToPath(new URL('..', import.meta.url));
export const MANIFEST_DIR = join(ROOT_DIR, 'manifest');

/** The English localization's file: a language-only tag, as Microsoft asks where it can. */
export const LOCALIZATION_FILE = 'en.json';

/** The files of the package, all at the zip's root. */
export const PACKAGE_FILES = [
  'manifest.json',
  LOCALIZATION_FILE,
  'color.png',
  'outline.png',
] as const;
export type PackageFile = (typeof PACKAGE_FILES)[number];

export const ICON_SIZES = { 'color.png': 192, 'outline.png': 32 } as const;

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** What the templates' placeholders are filled with (already validated, see `readValues`). */
export interface TeamsValues {
  /** `{{APP_ID}}`: the Teams app id (GUID). */
  appId: string;
  /** `{{CLIENT_ID}}`: the Microsoft Entra app registration's client id (GUID). */
  clientId: string;
  /** `{{HOST}}`: the host name the app is served from, without scheme. */
  host: string;
  /** `{{BASE_URL}}`: https URL of the app, no trailing slash. */
  baseUrl: string;
  /** `{{SHAREPOINT_HOST}}`: the tenant's SharePoint host, e.g. contoso.sharepoint.com. */
  sharePointHost: string;
  /** `{{VERSION}}`: the app version, from package.json. */
  version: string;
}

/** The raw text of `manifest/manifest.json` and `manifest/en.json`. */
export interface Templates {
  manifest: string;
  localization: string;
}

export interface FilledManifest {
  manifest: JsonObject;
  localization: JsonObject;
}

/** A package that cannot be built; `errors` lists every reason. */
export class TeamsPackageError extends Error {
  constructor(
    message: string,
    readonly errors: readonly string[],
  ) {
    super(`${message}\n${errors.map((error) => `  – ${error}`).join('\n')}`);
    this.name = 'TeamsPackageError';
  }
}

// ---------------------------------------------------------------------------------------------
// Environment values

/** The environment variables `npm run package` reads. */
export const ENV_NAMES = [
  'TEAMS_APP_ID',
  'ENTRA_CLIENT_ID',
  'APP_HOST',
  'APP_BASE_URL',
  'SHAREPOINT_HOST',
] as const;
export type EnvName = (typeof ENV_NAMES)[number];

/** Documented example values for a dry run (`--example`); never valid for a real package. */
export const EXAMPLE_ENV: Readonly<Record<EnvName, string>> = {
  TEAMS_APP_ID: '00000000-0000-0000-0000-000000000000',
  ENTRA_CLIENT_ID: '00000000-0000-0000-0000-000000000001',
  APP_HOST: 'planuppfoljning.region.example',
  APP_BASE_URL: 'https://planuppfoljning.region.example',
  SHAREPOINT_HOST: 'contoso.sharepoint.com',
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export type ReadValuesResult =
  { ok: true; values: TeamsValues } | { ok: false; errors: readonly string[] };

/**
 * Reads and checks the environment values. Errors are Swedish sentences naming the variable and
 * what it should hold. Without `example`, the example values are refused so that a dry-run
 * package cannot pass for a real one.
 */
export function readValues(
  env: Readonly<Record<string, string | undefined>>,
  options: { version: string; example?: boolean },
): ReadValuesResult {
  const source: Readonly<Record<string, string | undefined>> = options.example ? EXAMPLE_ENV : env;
  const errors: string[] = [];
  const get = (name: EnvName): string => (source[name] ?? '').trim();
  const isExample = (name: EnvName, value: string): boolean =>
    !options.example && value.toLowerCase() === EXAMPLE_ENV[name].toLowerCase();

  const guid = (name: EnvName, what: string): string => {
    const value = get(name);
    if (value === '') errors.push(`${name} saknas. Ange ${what} (ett GUID).`);
    else if (!GUID.test(value))
      errors.push(
        `${name} är inte ett GUID: "${value}". Formatet är xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.`,
      );
    else if (isExample(name, value))
      errors.push(
        `${name} är exempelvärdet ${value}. Ange ${what} (--example gör en provkörning).`,
      );
    return value.toLowerCase();
  };

  const host = (name: EnvName, what: string): string => {
    const value = get(name).toLowerCase();
    if (value === '') errors.push(`${name} saknas. Ange ${what}.`);
    else if (/[/:@?#]/.test(value))
      errors.push(
        `${name} ska vara bara ett värdnamn, utan https://, sökväg eller port: "${value}".`,
      );
    else if (!HOST_NAME.test(value))
      errors.push(`${name} är inte ett giltigt värdnamn: "${value}".`);
    else if (!options.example && value.endsWith('.example'))
      errors.push(`${name} är ett exempelvärde (${value}). Ange ${what}.`);
    return value;
  };

  const appId = guid('TEAMS_APP_ID', 'Teams-appens id, t.ex. från Developer Portal eller uuidgen');
  const clientId = guid(
    'ENTRA_CLIENT_ID',
    'program-id (klient-id) för appens registrering i Microsoft Entra ID',
  );
  const appHost = host(
    'APP_HOST',
    'värdnamnet där appen ligger, t.ex. planuppfoljning.regionen.se (utan https://)',
  );
  const sharePointHost = host(
    'SHAREPOINT_HOST',
    'organisationens SharePoint-värd, t.ex. regionen.sharepoint.com (utan https://)',
  );

  let baseUrl = '';
  const rawBaseUrl = get('APP_BASE_URL');
  if (rawBaseUrl === '') {
    baseUrl = `https://${appHost}`;
  } else {
    let url: URL | undefined;
    try {
      url = new URL(rawBaseUrl);
    } catch {
      errors.push(`APP_BASE_URL är ingen giltig adress: "${rawBaseUrl}".`);
    }
    if (url) {
      if (url.protocol !== 'https:')
        errors.push(`APP_BASE_URL ska börja med https:// (Teams kräver https): "${rawBaseUrl}".`);
      else if (url.username !== '' || url.password !== '' || url.port !== '')
        errors.push(`APP_BASE_URL får inte innehålla användarnamn, lösenord eller port.`);
      else if (url.search !== '' || url.hash !== '')
        errors.push(`APP_BASE_URL får inte ha frågesträng (?) eller fragment (#).`);
      else if (appHost !== '' && url.hostname !== appHost)
        errors.push(
          `APP_BASE_URL ska ligga på APP_HOST (${appHost}), men har värden ${url.hostname}.`,
        );
      baseUrl = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    }
  }

  if (!SEMVER.test(options.version))
    errors.push(
      `Versionen i package.json ("${options.version}") ska ha formen major.minor.patch, t.ex. 1.2.3.`,
    );

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    values: { appId, clientId, host: appHost, baseUrl, sharePointHost, version: options.version },
  };
}

// ---------------------------------------------------------------------------------------------
// Templates

/**
 * Placeholders that stand for a whole list: an array holding only `"{{NAME}}"` becomes the list.
 * `{{FIRST_REQUEST_SCOPES}}`: the scopes of the app's first token request, from the app's own
 * `firstRequestScopes` (src/app/token-scopes.ts), which Teams prefetches for the tab.
 */
function listPlaceholderValues(values: TeamsValues): Readonly<Record<string, readonly string[]>> {
  return {
    FIRST_REQUEST_SCOPES: firstRequestScopes({
      siteUrl: `https://${values.sharePointHost}`,
      graphUrl: DEFAULT_GRAPH_URL,
    }),
  };
}

function placeholderValues(values: TeamsValues): Readonly<Record<string, string>> {
  return {
    APP_ID: values.appId,
    CLIENT_ID: values.clientId,
    HOST: values.host,
    BASE_URL: values.baseUrl,
    SHAREPOINT_HOST: values.sharePointHost,
    VERSION: values.version,
  };
}

function parseObject(text: string, file: string): JsonObject {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new TeamsPackageError(`${file} är inte giltig JSON.`, [String(error)]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new TeamsPackageError(`${file} ska vara ett JSON-objekt.`, []);
  return parsed as JsonObject;
}

function replaceStrings(
  node: Json,
  replace: (text: string) => string,
  replaceList: (name: string) => readonly string[] | undefined = () => undefined,
): Json {
  if (typeof node === 'string') return replace(node);
  if (Array.isArray(node)) {
    const only = node.length === 1 && typeof node[0] === 'string' ? node[0] : null;
    const name = only === null ? undefined : /^\{\{([A-Z_]+)\}\}$/.exec(only)?.[1];
    const list = name === undefined ? undefined : replaceList(name);
    if (list) return [...list];
    return node.map((item) => replaceStrings(item, replace, replaceList));
  }
  if (node !== null && typeof node === 'object')
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [
        key,
        replaceStrings(value, replace, replaceList),
      ]),
    );
  return node;
}

/**
 * Replaces `{{NAME}}` placeholders in every string of both templates. Works on the parsed JSON,
 * so a value can never break the JSON around it. An unknown placeholder is an error.
 */
export function fillManifest(templates: Templates, values: TeamsValues): FilledManifest {
  const map = placeholderValues(values);
  const lists = listPlaceholderValues(values);
  const unknown = new Set<string>();
  const replace = (text: string): string =>
    text.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name: string) => {
      const value = map[name];
      if (value === undefined) {
        unknown.add(whole);
        return whole;
      }
      return value;
    });
  const manifest = replaceStrings(
    parseObject(templates.manifest, 'manifest.json'),
    replace,
    (name) => lists[name],
  );
  const localization = replaceStrings(
    parseObject(templates.localization, LOCALIZATION_FILE),
    replace,
  );
  if (unknown.size > 0)
    throw new TeamsPackageError('Mallarna har okända platshållare.', [...unknown]);
  return { manifest: manifest as JsonObject, localization: localization as JsonObject };
}

export function readTemplates(dir: string = MANIFEST_DIR): Templates {
  return {
    manifest: readFileSync(join(dir, 'manifest.json'), 'utf8'),
    localization: readFileSync(join(dir, LOCALIZATION_FILE), 'utf8'),
  };
}

// ---------------------------------------------------------------------------------------------
// Schemas

const requireFromHere = createRequire(import.meta.url);

/** Folder of the shipped Teams schemas for `MANIFEST_VERSION`. */
export function schemaDir(version: string = MANIFEST_VERSION): string {
  const packageJson = requireFromHere.resolve('@microsoft/app-manifest/package.json');
  return join(dirname(packageJson), 'build', 'json-schemas', 'teams', `v${version}`);
}

type SchemaNode = { [key: string]: unknown };

const isNode = (value: unknown): value is SchemaNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Calls `visit` on every subschema (not on property names that happen to look like keywords). */
function eachSubschema(node: unknown, visit: (schema: SchemaNode) => void): void {
  if (!isNode(node)) return;
  visit(node);
  for (const key of ['properties', 'patternProperties', 'definitions', 'dependencies']) {
    const map = node[key];
    if (isNode(map)) for (const child of Object.values(map)) eachSubschema(child, visit);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf', 'items']) {
    const list = node[key];
    if (Array.isArray(list)) for (const child of list) eachSubschema(child, visit);
  }
  for (const key of [
    'items',
    'additionalItems',
    'additionalProperties',
    'not',
    'if',
    'then',
    'else',
    'contains',
    'propertyNames',
  ])
    eachSubschema(node[key], visit);
}

/**
 * Loads a shipped schema for Ajv's default dialect (draft-07). The Teams schemas declare
 * draft-04 but use draft-06/07 keywords (`const`, `if`/`then`), and none of the draft-04-only
 * forms (boolean `exclusiveMaximum`, `id`): that is checked here, with external `$ref`s, so a
 * future schema that needs something else fails loudly instead of validating loosely.
 */
function loadSchema(file: string): SchemaNode {
  const path = join(schemaDir(), file);
  const schema: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!isNode(schema)) throw new Error(`${path}: not a JSON schema`);
  const dialect = schema.$schema;
  if (
    typeof dialect !== 'string' ||
    !/^https?:\/\/json-schema\.org\/draft-0[467]\/schema#?$/.test(dialect)
  )
    throw new Error(`${path}: unsupported schema dialect ${String(dialect)}`);
  eachSubschema(schema, (node) => {
    if (typeof node.exclusiveMaximum === 'boolean' || typeof node.exclusiveMinimum === 'boolean')
      throw new Error(`${path}: draft-04 boolean exclusiveMaximum/Minimum is not supported here`);
    if (typeof node.id === 'string') throw new Error(`${path}: draft-04 "id" is not supported`);
    if (typeof node.$ref === 'string' && !node.$ref.startsWith('#'))
      throw new Error(`${path}: external $ref ${node.$ref} cannot be resolved offline`);
  });
  const withoutDialect = { ...schema };
  delete withoutDialect.$schema;
  return withoutDialect;
}

function compile(file: string, unicodeRegExp: boolean): ValidateFunction {
  const ajv = new Ajv({
    allErrors: true,
    // Unknown keywords stay errors; the schemas' own looseness (types implied, `required`
    // naming properties declared elsewhere) is how Microsoft writes them.
    strict: true,
    strictTypes: false,
    strictRequired: false,
    strictTuples: false,
    unicodeRegExp,
  });
  addFormats(ajv);
  return ajv.compile(loadSchema(file));
}

let manifestValidator: ValidateFunction | undefined;
let localizationValidator: ValidateFunction | undefined;

function formatError(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(roten)' : error.instancePath;
  const params: Record<string, unknown> = error.params;
  const detail =
    typeof params.additionalProperty === 'string'
      ? `: ${params.additionalProperty}`
      : Array.isArray(params.allowedValues)
        ? `: ${params.allowedValues.map(String).join(', ')}`
        : '';
  return `${where} ${error.message ?? 'är ogiltigt'}${detail}`;
}

function schemaErrors(validate: ValidateFunction, json: unknown): string[] {
  if (validate(json)) return [];
  const messages = (validate.errors ?? []).map(formatError);
  return [...new Set(messages)];
}

function leftoverPlaceholders(node: unknown, path: string, found: string[]): void {
  if (typeof node === 'string') {
    if (node.includes('{{') || node.includes('}}'))
      found.push(`${path || '(roten)'} har en platshållare kvar: "${node}"`);
  } else if (Array.isArray(node)) {
    node.forEach((item, index) => leftoverPlaceholders(item, `${path}/${index}`, found));
  } else if (isNode(node)) {
    for (const [key, value] of Object.entries(node))
      leftoverPlaceholders(value, `${path}/${key}`, found);
  }
}

/**
 * Errors of a filled manifest: the schema's, then what the schema cannot see (placeholders
 * left, `validDomains` with a scheme or path, files the package does not contain).
 */
export function validateManifest(json: unknown): string[] {
  manifestValidator ??= compile('MicrosoftTeams.schema.json', true);
  const errors = schemaErrors(manifestValidator, json);
  leftoverPlaceholders(json, '', errors);
  if (!isNode(json)) return errors;

  const domains = json.validDomains;
  if (Array.isArray(domains))
    domains.forEach((domain, index) => {
      if (typeof domain === 'string' && /[/:]/.test(domain))
        errors.push(`/validDomains/${index} ska vara ett värdnamn utan schema eller sökväg`);
    });

  const files: readonly string[] = PACKAGE_FILES;
  const icons = json.icons;
  if (isNode(icons))
    for (const [kind, file] of Object.entries(icons))
      if (typeof file === 'string' && !files.includes(file))
        errors.push(`/icons/${kind} pekar på ${file}, som inte finns i paketet`);
  const localization = json.localizationInfo;
  if (isNode(localization) && Array.isArray(localization.additionalLanguages))
    localization.additionalLanguages.forEach((language: unknown, index) => {
      if (isNode(language) && typeof language.file === 'string' && !files.includes(language.file))
        errors.push(
          `/localizationInfo/additionalLanguages/${index}/file pekar på ${language.file}, som inte finns i paketet`,
        );
    });
  return errors;
}

/** Errors of a filled localization file against the localization schema. */
export function validateLocalization(json: unknown): string[] {
  // Its patterns are not valid in Unicode mode (an unescaped `]`), so they compile without it.
  localizationValidator ??= compile('MicrosoftTeams.Localization.schema.json', false);
  const errors = schemaErrors(localizationValidator, json);
  leftoverPlaceholders(json, '', errors);
  return errors;
}

/** Every string of a manifest by its localization key: `name.short`, `staticTabs[0].name`… */
function stringPaths(node: unknown, path: string, found: Map<string, string>): void {
  if (typeof node === 'string') {
    if (path !== '') found.set(path, node);
  } else if (Array.isArray(node)) {
    node.forEach((item, index) => stringPaths(item, `${path}[${index}]`, found));
  } else if (isNode(node)) {
    for (const [key, value] of Object.entries(node))
      stringPaths(value, path === '' ? key : `${path}.${key}`, found);
  }
}

/**
 * Whether a localization file's keys match the manifest's localizable strings, as the shipped
 * localization schema names them (its `properties` and `patternProperties`): every key names a
 * string the manifest has, and every localizable string the manifest has is translated (else an
 * English client would see it in Swedish).
 */
export function localizationKeyErrors(manifest: unknown, localization: unknown): string[] {
  const schema = loadSchema('MicrosoftTeams.Localization.schema.json');
  const properties = isNode(schema.properties) ? Object.keys(schema.properties) : [];
  const fixed = new Set(
    properties.filter((key) => key !== '$schema' && key !== 'localizationKeys'),
  );
  const patterns = isNode(schema.patternProperties)
    ? Object.keys(schema.patternProperties).map((pattern) => new RegExp(pattern))
    : [];
  const localizable = (key: string) => fixed.has(key) || patterns.some((p) => p.test(key));
  const strings = new Map<string, string>();
  stringPaths(manifest, '', strings);
  const keys = isNode(localization)
    ? Object.keys(localization).filter((key) => key !== '$schema' && key !== 'localizationKeys')
    : [];
  const errors: string[] = [];
  for (const key of keys)
    if (!strings.has(key))
      errors.push(
        `${key} finns inte som text i manifest.json (nyckeln är inaktuell eller felstavad)`,
      );
  for (const key of strings.keys())
    if (localizable(key) && !keys.includes(key))
      errors.push(`${key} saknar översättning (texten i manifest.json kan lokaliseras)`);
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Icons

/**
 * Errors of the two icons: sizes (color 192×192, outline 32×32) and the outline's colours (white
 * on a fully transparent background: any pixel with alpha must be white).
 */
export function checkIcons(color: Uint8Array, outline: Uint8Array): string[] {
  const errors: string[] = [];
  const read = (file: PackageFile, bytes: Uint8Array): PNG | undefined => {
    try {
      return PNG.sync.read(Buffer.from(bytes));
    } catch (error) {
      errors.push(`${file} är ingen läsbar PNG: ${String(error)}`);
      return undefined;
    }
  };
  const colorPng = read('color.png', color);
  const outlinePng = read('outline.png', outline);
  for (const [file, png] of [
    ['color.png', colorPng],
    ['outline.png', outlinePng],
  ] as const) {
    const size = ICON_SIZES[file];
    if (png && (png.width !== size || png.height !== size))
      errors.push(`${file} ska vara ${size}×${size} pixlar, men är ${png.width}×${png.height}`);
  }
  if (outlinePng) {
    const data = outlinePng.data;
    let offending = 0;
    for (let i = 0; i + 3 < data.length; i += 4) {
      const alpha = data[i + 3] ?? 0;
      if (alpha !== 0 && (data[i] !== 255 || data[i + 1] !== 255 || data[i + 2] !== 255))
        offending += 1;
    }
    if (offending > 0)
      errors.push(`outline.png har ${offending} synliga pixlar som inte är vita (#FFFFFF)`);
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Package

/** Fixed timestamp for the zip entries: the same input gives the same bytes. */
const ZIP_MTIME = new Date('2000-01-01T00:00:00Z');

/**
 * Builds the package zip: fills the templates, validates manifest, localization and icons, and
 * throws `TeamsPackageError` with every error instead of returning an invalid package.
 */
export function buildPackage(values: TeamsValues, dir: string = MANIFEST_DIR): Uint8Array {
  const filled = fillManifest(readTemplates(dir), values);
  const color = new Uint8Array(readFileSync(join(dir, 'color.png')));
  const outline = new Uint8Array(readFileSync(join(dir, 'outline.png')));
  const errors = [
    ...validateManifest(filled.manifest).map((error) => `manifest.json: ${error}`),
    ...validateLocalization(filled.localization).map((error) => `${LOCALIZATION_FILE}: ${error}`),
    ...localizationKeyErrors(filled.manifest, filled.localization).map(
      (error) => `${LOCALIZATION_FILE}: ${error}`,
    ),
    ...checkIcons(color, outline),
  ];
  if (errors.length > 0)
    throw new TeamsPackageError('Teams-paketet är ogiltigt och skrivs inte.', errors);

  const json = (value: JsonObject): Uint8Array =>
    new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
  const files: Record<PackageFile, Uint8Array> = {
    'manifest.json': json(filled.manifest),
    [LOCALIZATION_FILE]: json(filled.localization),
    'color.png': color,
    'outline.png': outline,
  };
  return zipSync(files, { level: 9, mtime: ZIP_MTIME });
}

/** The package's file name for a version. */
export function packageFileName(version: string, example = false): string {
  return `planuppfoljning-${version}${example ? '-exempel' : ''}.zip`;
}
