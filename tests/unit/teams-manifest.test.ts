import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { firstRequestScopes, scopesFor } from '../../src/app/tenant-services';
import { TEAMS_MARKER_PARAM } from '../../src/domain/tab-config';
import { INPUT_REMINDER_ACTIVITY } from '../../src/domain/nudge';
import { STATEMENT_PAGES } from '../../src/features/accessibility/statement-pages';
import { LOCAL_TEAMS_APP } from '../../src/local-site/graph';
import {
  ACCENT,
  COLOR_GLYPH_BOX,
  renderColorIcon,
  renderOutlineIcon,
} from '../../scripts/make-icons';
import {
  EXAMPLE_ENV,
  MANIFEST_DIR,
  MANIFEST_VERSION,
  PACKAGE_FILES,
  ROOT_DIR,
  TeamsPackageError,
  buildPackage,
  checkIcons,
  fillManifest,
  LOCALIZATION_FILE,
  localizationKeyErrors,
  readTemplates,
  readValues,
  schemaDir,
  validateLocalization,
  validateManifest,
  type JsonObject,
  type TeamsValues,
} from '../../scripts/teams-manifest';

const VALUES: TeamsValues = {
  appId: '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
  clientId: 'b7a8c9d0-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
  host: 'planuppfoljning.regionen.test',
  baseUrl: 'https://planuppfoljning.regionen.test/app',
  sharePointHost: 'regionen.sharepoint.com',
  version: '1.2.3',
};

const templates = readTemplates();
const filled = fillManifest(templates, VALUES);

/** A deep copy of the filled manifest, changed by `change`. */
function mutated(change: (manifest: JsonObject) => void): JsonObject {
  const copy = structuredClone(filled.manifest);
  change(copy);
  return copy;
}

function object(value: unknown): JsonObject {
  expect(typeof value === 'object' && value !== null && !Array.isArray(value)).toBe(true);
  return value as JsonObject;
}

function readPng(bytes: Uint8Array): PNG {
  return PNG.sync.read(Buffer.from(bytes));
}

const iconBytes = (file: string): Uint8Array =>
  new Uint8Array(readFileSync(join(MANIFEST_DIR, file)));

describe('the manifest templates', () => {
  it('use the schema version that @microsoft/app-manifest ships', () => {
    const manifest = object(JSON.parse(templates.manifest));
    const localization = object(JSON.parse(templates.localization));
    expect(manifest.manifestVersion).toBe(MANIFEST_VERSION);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/en-us/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    );
    expect(localization.$schema).toBe(
      `https://developer.microsoft.com/en-us/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`,
    );
    expect(existsSync(join(schemaDir(), 'MicrosoftTeams.schema.json'))).toBe(true);
    expect(existsSync(join(schemaDir(), 'MicrosoftTeams.Localization.schema.json'))).toBe(true);
  });

  it('are Swedish by default with an English localization', () => {
    const manifest = object(JSON.parse(templates.manifest));
    expect(manifest.name).toEqual({
      short: 'Planuppföljning',
      full: 'Planuppföljning – övergripande handlingsplaner',
    });
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'sv',
      additionalLanguages: [{ languageTag: 'en', file: 'en.json' }],
    });
    // Language-only tags ("Localize your app": `en` serves every English client).
    expect(LOCALIZATION_FILE).toBe('en.json');
    expect(PACKAGE_FILES).toContain('en.json');
    expect(PACKAGE_FILES).not.toContain('en-us.json');
  });

  it('use the oldest schema version that has every feature they use, one that allows activities', () => {
    // [feature, a JSON path into the schema, the version that first has it]
    const features: ReadonlyArray<readonly [string, (schema: JsonObject) => unknown, string]> = [
      [
        'webApplicationInfo.nestedAppAuthInfo',
        (s) => object(object(object(s.properties).webApplicationInfo).properties).nestedAppAuthInfo,
        '1.22',
      ],
      ['activities', (s) => object(s.properties).activities, '1.7'],
      ['showLoadingIndicator', (s) => object(s.properties).showLoadingIndicator, '1.6'],
      ['defaultGroupCapability', (s) => object(s.properties).defaultGroupCapability, '1.9'],
      ['localizationInfo', (s) => object(s.properties).localizationInfo, '1.5'],
    ];
    const schemaOf = (version: string): JsonObject | null => {
      const path = join(schemaDir(version), 'MicrosoftTeams.schema.json');
      return existsSync(path) ? object(JSON.parse(readFileSync(path, 'utf8'))) : null;
    };
    const minor = (version: string) => Number(version.split('.')[1]);
    const newest = features.reduce((a, [, , v]) => (minor(v) > minor(a) ? v : a), '1.0');
    expect(MANIFEST_VERSION).toBe(newest);
    for (const [name, find, since] of features) {
      const at = schemaOf(since);
      expect(at && find(at), `${name} in v${since}`).toBeTruthy();
      const before = schemaOf(`1.${minor(since) - 1}`);
      if (!before) continue;
      let earlier: unknown;
      try {
        earlier = find(before);
      } catch {
        earlier = undefined;
      }
      expect(earlier, `${name} not yet in v1.${minor(since) - 1}`).toBeUndefined();
    }
  });
});

describe('the filled manifest', () => {
  it('validates against the shipped manifest schema', () => {
    expect(validateManifest(filled.manifest)).toEqual([]);
  });

  it('has an English localization that validates against the shipped localization schema', () => {
    expect(validateLocalization(filled.localization)).toEqual([]);
    expect(filled.localization['name.short']).toBe('Plan follow-up');
  });

  it('has every placeholder replaced', () => {
    expect(JSON.stringify(filled)).not.toMatch(/\{\{/);
    expect(templates.manifest).toMatch(/\{\{APP_ID\}\}/);
    const manifest = filled.manifest;
    expect(manifest.id).toBe(VALUES.appId);
    expect(manifest.version).toBe(VALUES.version);
    const webApp = object(manifest.webApplicationInfo);
    expect(webApp.id).toBe(VALUES.clientId);
    // No Teams SSO (getAuthToken): no Application ID URI for IT to expose.
    expect(webApp).not.toHaveProperty('resource');
    const tenant = {
      siteUrl: `https://${VALUES.sharePointHost}/sites/x`,
      graphUrl: 'https://graph.microsoft.com',
    };
    expect(webApp.nestedAppAuthInfo).toEqual([
      {
        redirectUri: `brk-multihub://${VALUES.host}`,
        // The scopes of the app's first token request, in its order (Teams prefetches them).
        scopes: firstRequestScopes(tenant),
      },
    ]);
    expect(firstRequestScopes(tenant)).toEqual(
      scopesFor(tenant)[`https://${VALUES.sharePointHost}`],
    );
    const tabs = manifest.configurableTabs;
    expect(Array.isArray(tabs) && tabs.length === 1).toBe(true);
    const tab = object(Array.isArray(tabs) ? tabs[0] : undefined);
    expect(tab).toMatchObject({
      configurationUrl: `${VALUES.baseUrl}/?view=config&${TEAMS_MARKER_PARAM}=1`,
      canUpdateConfiguration: true,
      scopes: ['team'],
      context: ['channelTab'],
    });
    for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl'])
      expect(object(manifest.developer)[key]).toMatch(new RegExp(`^${VALUES.baseUrl}/`));
  });

  it('links the app details to the public accessibility statement, in both languages', () => {
    const sv = `${VALUES.baseUrl}/${STATEMENT_PAGES.sv}`;
    const en = `${VALUES.baseUrl}/${STATEMENT_PAGES.en}`;
    // The developer's website (shown as a link in the app details) is the statement's page.
    expect(object(filled.manifest.developer).websiteUrl).toBe(sv);
    expect(String(object(filled.manifest.description).full)).toContain(sv);
    expect(String(filled.localization['description.full'])).toContain(en);
  });

  it('lists the host and the SharePoint host in validDomains, without scheme', () => {
    const domains = filled.manifest.validDomains;
    expect(domains).toEqual([VALUES.host, VALUES.sharePointHost]);
    for (const domain of Array.isArray(domains) ? domains : [])
      expect(String(domain)).not.toMatch(/[/:]/);
  });

  it('asks for the identity permission and shows the loading indicator', () => {
    expect(filled.manifest.permissions).toEqual(['identity']);
    expect(filled.manifest.showLoadingIndicator).toBe(true);
    expect(filled.manifest.defaultInstallScope).toBe('team');
  });

  it('declares the reminder’s activity type, as the local Graph has the installed app', () => {
    const activities = object(filled.manifest.activities);
    const types = Array.isArray(activities.activityTypes) ? activities.activityTypes : [];
    const declared = types.map((a) => {
      const { type, templateText } = object(a);
      return { type, templateText };
    });
    expect(declared.map((a) => a.type)).toContain(INPUT_REMINDER_ACTIVITY);
    // The stand-in knows the types from its own configuration; it must be this manifest's.
    expect(declared).toEqual(LOCAL_TEAMS_APP.activityTypes);
    expect(filled.localization['activities.activityTypes[0].templateText']).toMatch(/\{period\}/);
  });

  it('refuses a template with an unknown placeholder', () => {
    const broken = { ...templates, manifest: templates.manifest.replace('{{HOST}}', '{{HOTS}}') };
    expect(() => fillManifest(broken, VALUES)).toThrow(TeamsPackageError);
  });

  it('cannot be broken by a value that looks like JSON', () => {
    const sneaky = fillManifest(templates, { ...VALUES, version: '1.0.0", "id": "x' });
    expect(sneaky.manifest.id).toBe(VALUES.appId);
  });
});

describe('an invalid manifest', () => {
  const cases: [string, JsonObject, RegExp][] = [
    [
      'without a required field',
      mutated((m) => {
        delete m.developer;
      }),
      /developer/,
    ],
    [
      'with an id that is not a GUID',
      mutated((m) => {
        m.id = 'planuppfoljning';
      }),
      /\/id/,
    ],
    [
      'with an icon path that is not a string',
      mutated((m) => {
        m.icons = { color: 42, outline: 'outline.png' };
      }),
      /\/icons\/color/,
    ],
    [
      'with another manifest version',
      mutated((m) => {
        m.manifestVersion = '1.29';
      }),
      /manifestVersion/,
    ],
    [
      'with an unknown property',
      mutated((m) => {
        m.tabs = [];
      }),
      /tabs/,
    ],
    [
      'with a bad accent colour',
      mutated((m) => {
        m.accentColor = 'blue';
      }),
      /accentColor/,
    ],
    [
      'with a configurable tab in the personal scope',
      mutated((m) => {
        m.configurableTabs = [{ configurationUrl: 'https://x.test/', scopes: ['personal'] }];
      }),
      /configurableTabs/,
    ],
    [
      'with a scheme in validDomains',
      mutated((m) => {
        m.validDomains = ['https://planuppfoljning.regionen.test'];
      }),
      /validDomains/,
    ],
    [
      'with a placeholder left',
      mutated((m) => {
        m.validDomains = ['{{HOST}}'];
      }),
      /platshållare/,
    ],
    [
      'with an icon the package does not contain',
      mutated((m) => {
        m.icons = { color: 'icon-color.png', outline: 'outline.png' };
      }),
      /icon-color\.png/,
    ],
  ];

  it.each(cases)('fails %s', (_name, manifest, pattern) => {
    const errors = validateManifest(manifest);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(pattern);
  });

  it('fails in the localization file too', () => {
    const withoutShort = { ...filled.localization };
    delete withoutShort['description.short'];
    expect(validateLocalization(withoutShort).join('\n')).toMatch(/description\.short/);
    expect(
      validateLocalization({ ...filled.localization, 'name.short': 'x'.repeat(31) }),
    ).not.toEqual([]);
    expect(
      validateLocalization({ ...filled.localization, 'configurableTabs[0].name': 'Tab' }),
    ).not.toEqual([]);
  });
});

describe('the icons', () => {
  const color = readPng(iconBytes('color.png'));
  const outline = readPng(iconBytes('outline.png'));

  it('are 192×192 (colour) and 32×32 (outline)', () => {
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(checkIcons(iconBytes('color.png'), iconBytes('outline.png'))).toEqual([]);
  });

  it('outline: every pixel is transparent or white, and the glyph is there', () => {
    let visible = 0;
    let transparent = 0;
    let notWhite = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = [0, 1, 2, 3].map((c) => outline.data[i + c]);
      if (a === 0) transparent += 1;
      else {
        visible += 1;
        if (r !== 255 || g !== 255 || b !== 255) notWhite += 1;
      }
    }
    expect(notWhite).toBe(0);
    expect(visible).toBeGreaterThan(60);
    expect(transparent).toBeGreaterThan(32 * 32 * 0.5);
    // The corners are fully transparent: no background.
    for (const [x, y] of [
      [0, 0],
      [31, 0],
      [0, 31],
      [31, 31],
    ] as const)
      expect(outline.data[(y * 32 + x) * 4 + 3]).toBe(0);
  });

  it('colour: full-bleed accent colour, the white glyph within the safe area', () => {
    const { x: x0, y: y0, size } = COLOR_GLYPH_BOX;
    let white = 0;
    let notOpaque = 0;
    let glyphOutsideSafeArea = 0;
    for (let y = 0; y < 192; y += 1)
      for (let x = 0; x < 192; x += 1) {
        const i = (y * 192 + x) * 4;
        const [r, g, b, a] = [0, 1, 2, 3].map((c) => color.data[i + c]);
        if (a !== 255) notOpaque += 1;
        const outside = x < x0 || y < y0 || x >= x0 + size || y >= y0 + size;
        if (outside && (r !== ACCENT[0] || g !== ACCENT[1] || b !== ACCENT[2]))
          glyphOutsideSafeArea += 1;
        if (r === 255 && g === 255 && b === 255) white += 1;
      }
    expect(notOpaque).toBe(0);
    expect(glyphOutsideSafeArea).toBe(0);
    expect(white).toBeGreaterThan(500);
  });

  it('are what scripts/make-icons.ts draws (run it after changing the glyph)', () => {
    expect(Buffer.from(color.data).equals(renderColorIcon().data)).toBe(true);
    expect(Buffer.from(outline.data).equals(renderOutlineIcon().data)).toBe(true);
  });

  it('are checked: a coloured outline pixel or a wrong size is an error', () => {
    const coloured = renderOutlineIcon();
    coloured.data[(16 * 32 + 16) * 4] = 0;
    coloured.data[(16 * 32 + 16) * 4 + 3] = 255;
    expect(checkIcons(iconBytes('color.png'), PNG.sync.write(coloured)).join('\n')).toMatch(
      /outline\.png.*inte är vita/,
    );
    expect(checkIcons(iconBytes('outline.png'), iconBytes('outline.png')).join('\n')).toMatch(
      /color\.png ska vara 192×192/,
    );
  });
});

describe('the localization’s keys', () => {
  it('match the manifest’s localizable strings', () => {
    expect(localizationKeyErrors(filled.manifest, filled.localization)).toEqual([]);
  });

  it('are refused when one names nothing in the manifest, or a localizable string lacks one', () => {
    const stale = { ...filled.localization, 'staticTabs[0].name': 'Plans' };
    expect(localizationKeyErrors(filled.manifest, stale)).toEqual([
      expect.stringMatching(/^staticTabs\[0\]\.name finns inte som text i manifest\.json/),
    ]);
    const untranslated = { ...filled.localization };
    delete untranslated['name.full'];
    expect(localizationKeyErrors(filled.manifest, untranslated)).toEqual([
      expect.stringMatching(/^name\.full saknar översättning/),
    ]);
    // An activity type's text (the activity feed's) must be translated too.
    const withActivity = mutated((m) => {
      m.activities = {
        activityTypes: [{ type: 'reminder', description: 'Påminnelse', templateText: '{actor}' }],
      };
    });
    const withoutActivity = Object.fromEntries(
      Object.entries(filled.localization).filter(([key]) => !key.startsWith('activities.')),
    );
    expect(localizationKeyErrors(withActivity, withoutActivity)).toEqual([
      expect.stringMatching(/^activities\.activityTypes\[0\]\.description saknar/),
      expect.stringMatching(/^activities\.activityTypes\[0\]\.templateText saknar/),
    ]);
  });
});

describe('the package', () => {
  const zip = buildPackage(VALUES);
  const files = unzipSync(zip);

  it('holds exactly the four files at its root', () => {
    expect(Object.keys(files).sort()).toEqual([...PACKAGE_FILES].sort());
  });

  it('holds a manifest and localization that validate, and the committed icons', () => {
    const manifest: unknown = JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array()));
    const localization: unknown = JSON.parse(strFromU8(files['en.json'] ?? new Uint8Array()));
    expect(validateManifest(manifest)).toEqual([]);
    expect(validateLocalization(localization)).toEqual([]);
    expect(manifest).toEqual(filled.manifest);
    expect(Buffer.from(files['color.png'] ?? []).equals(iconBytes('color.png'))).toBe(true);
    expect(Buffer.from(files['outline.png'] ?? []).equals(iconBytes('outline.png'))).toBe(true);
  });

  it('is the same bytes every time', () => {
    expect(Buffer.from(buildPackage(VALUES)).equals(zip)).toBe(true);
  });

  describe('from a broken template', () => {
    const dir = mkdtempSync(join(tmpdir(), 'teams-manifest-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('is refused with the errors', () => {
      cpSync(MANIFEST_DIR, dir, { recursive: true });
      const manifest = object(JSON.parse(templates.manifest));
      delete manifest.developer;
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
      expect(() => buildPackage(VALUES, dir)).toThrow(TeamsPackageError);
      try {
        buildPackage(VALUES, dir);
      } catch (error) {
        expect(error instanceof TeamsPackageError && error.errors.join('\n')).toMatch(
          /manifest\.json: .*developer/,
        );
      }
    });
  });
});

describe('the environment values', () => {
  const ENV = {
    TEAMS_APP_ID: VALUES.appId,
    ENTRA_CLIENT_ID: VALUES.clientId,
    APP_HOST: 'planuppfoljning.regionen.test',
    SHAREPOINT_HOST: 'regionen.sharepoint.com',
  };
  const errorsOf = (env: Record<string, string>, version = '1.2.3'): string => {
    const result = readValues(env, { version });
    return result.ok ? '' : result.errors.join('\n');
  };

  it('give the values, with the base URL defaulting to https://APP_HOST', () => {
    expect(readValues(ENV, { version: '1.2.3' })).toEqual({
      ok: true,
      values: { ...VALUES, baseUrl: 'https://planuppfoljning.regionen.test' },
    });
    const withPath = readValues(
      { ...ENV, APP_BASE_URL: 'https://planuppfoljning.regionen.test/app/' },
      { version: '1.2.3' },
    );
    expect(withPath.ok && withPath.values.baseUrl).toBe(VALUES.baseUrl);
  });

  it('missing: one Swedish error per variable, naming it', () => {
    const result = readValues({}, { version: '1.2.3' });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toHaveLength(4);
    for (const name of ['TEAMS_APP_ID', 'ENTRA_CLIENT_ID', 'APP_HOST', 'SHAREPOINT_HOST'])
      expect(errors.some((error) => error.startsWith(`${name} saknas.`))).toBe(true);
  });

  it('invalid: Swedish errors that say what is wrong', () => {
    expect(errorsOf({ ...ENV, TEAMS_APP_ID: 'abc' })).toMatch(/TEAMS_APP_ID är inte ett GUID/);
    expect(errorsOf({ ...ENV, APP_HOST: 'https://planuppfoljning.regionen.test' })).toMatch(
      /APP_HOST ska vara bara ett värdnamn, utan https:\/\//,
    );
    expect(errorsOf({ ...ENV, SHAREPOINT_HOST: 'regionen .sharepoint.com' })).toMatch(
      /SHAREPOINT_HOST är inte ett giltigt värdnamn/,
    );
    expect(errorsOf({ ...ENV, APP_BASE_URL: 'http://planuppfoljning.regionen.test' })).toMatch(
      /APP_BASE_URL ska börja med https:\/\//,
    );
    expect(errorsOf({ ...ENV, APP_BASE_URL: 'https://annan.regionen.test' })).toMatch(
      /APP_BASE_URL ska ligga på APP_HOST/,
    );
    expect(errorsOf({ ...ENV, APP_BASE_URL: 'inte en adress' })).toMatch(
      /APP_BASE_URL är ingen giltig adress/,
    );
    expect(errorsOf(ENV, '1.2')).toMatch(/Versionen i package.json/);
  });

  it('refuses the example values unless --example is given', () => {
    expect(errorsOf({ ...EXAMPLE_ENV })).toMatch(/TEAMS_APP_ID är exempelvärdet/);
    expect(errorsOf({ ...EXAMPLE_ENV })).toMatch(/APP_HOST är ett exempelvärde/);
    const example = readValues({}, { version: '1.2.3', example: true });
    expect(example.ok && example.values.appId).toBe(EXAMPLE_ENV.TEAMS_APP_ID);
  });

  it('npm run package without them exits with 1 and Swedish errors, writing nothing', () => {
    const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
    const result = spawnSync(
      process.execPath,
      [join(ROOT_DIR, 'node_modules/tsx/dist/cli.mjs'), join(ROOT_DIR, 'scripts/package-teams.ts')],
      { cwd: ROOT_DIR, env, encoding: 'utf8' },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Kan inte bygga Teams-paketet/);
    expect(result.stderr).toMatch(/TEAMS_APP_ID saknas/);
    expect(result.stdout).not.toMatch(/är byggt/);
  }, 30_000);
});
