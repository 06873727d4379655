/**
 * `npm run package`: builds the Teams app package dist/teams/planuppfoljning-<version>.zip from
 * the templates in manifest/ and environment values (docs/teams-package.md). Validates everything
 * offline against the shipped schemas and writes nothing when anything is wrong (exit code 1).
 *
 *   TEAMS_APP_ID=… ENTRA_CLIENT_ID=… APP_HOST=… SHAREPOINT_HOST=… npm run package
 *   npm run package -- --example     (a dry run with documented example values)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  ENV_NAMES,
  MANIFEST_VERSION,
  ROOT_DIR,
  TeamsPackageError,
  buildPackage,
  packageFileName,
  readValues,
} from './teams-manifest';

const USAGE = `Användning: npm run package [-- --example]

Miljövariabler:
  TEAMS_APP_ID      Teams-appens id (GUID)
  ENTRA_CLIENT_ID   klient-id för appregistreringen i Microsoft Entra ID (GUID)
  APP_HOST          värdnamnet där appen ligger, utan https:// (t.ex. planuppfoljning.regionen.se)
  APP_BASE_URL      appens adress (https); standard https://APP_HOST
  SHAREPOINT_HOST   organisationens SharePoint-värd (t.ex. regionen.sharepoint.com)

--example  bygger ett provpaket med exempelvärden (00000000-…, planuppfoljning.region.example,
           contoso.sharepoint.com), inte avsett att laddas upp i Teams.
Se docs/teams-package.md.`;

function fail(heading: string, errors: readonly string[]): never {
  console.error(heading);
  for (const error of errors) console.error(`  – ${error}`);
  console.error(`\n${USAGE}`);
  process.exit(1);
}

function main(argv: readonly string[]): void {
  const unknown = argv.filter((arg) => arg !== '--example' && arg !== '--help');
  if (argv.includes('--help')) {
    console.log(USAGE);
    return;
  }
  if (unknown.length > 0)
    fail(
      'Okänt argument.',
      unknown.map((arg) => `"${arg}"`),
    );
  const example = argv.includes('--example');

  const packageJson: unknown = JSON.parse(readFileSync(join(ROOT_DIR, 'package.json'), 'utf8'));
  const version =
    typeof packageJson === 'object' &&
    packageJson !== null &&
    'version' in packageJson &&
    typeof packageJson.version === 'string'
      ? packageJson.version
      : '';

  const read = readValues(process.env, { version, example });
  if (!read.ok) fail('Kan inte bygga Teams-paketet: miljövärdena är ofullständiga.', read.errors);

  let zip: Uint8Array;
  try {
    zip = buildPackage(read.values);
  } catch (error) {
    if (error instanceof TeamsPackageError) fail(error.message.split('\n')[0] ?? '', error.errors);
    throw error;
  }

  const dir = join(ROOT_DIR, 'dist', 'teams');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, packageFileName(version, example));
  writeFileSync(path, zip);

  const { values } = read;
  console.log(`Teams-paketet är byggt: ${relative(ROOT_DIR, path)} (${zip.length} byte)`);
  console.log(`  schema v${MANIFEST_VERSION}, version ${values.version}`);
  console.log(`  app-id ${values.appId}, klient-id ${values.clientId}`);
  console.log(`  flik ${values.baseUrl}/?view=config&teams=1, SharePoint ${values.sharePointHost}`);
  if (example)
    console.log(
      `  OBS: exempelvärden (--example). Paketet är bara en provkörning; ange ${ENV_NAMES.join(', ')} för ett riktigt paket.`,
    );
}

main(process.argv.slice(2));
