import { DEMO_COORDINATOR_ID, DEMO_DEFAULT_USER_ID } from '../../src/demo/demo-people';
import { docxParts } from '../fixtures/docx-xml';
import { expectNoViolations } from './a11y';
import { expect, test } from './fixtures';
import { signIn, type TestSite } from './rest';
import { openInTeams, waitForMessage } from './teams-harness';

// "Spara i SharePoint": Bilaga 2 saved in the team site's document library from the tab inside
// the Teams stand-in, where a download is not dependable (docs/teams.md).

const TITLE_2017 = 'Bilaga 2: Uppföljning av övergripande handlingsplaner per augusti 2017';
const NAME = 'Bilaga 2 - Uppföljning handlingsplaner 2017-08.docx';

function filePath(site: TestSite): string {
  return `${site.path}/Shared Documents/Bilaga 2/${NAME}`;
}

/** A file's REST address as PnP writes it (`''` for `'`, then URI-encoded). */
function fileApi(site: TestSite, suffix = ''): string {
  return `${site.path}/_api/web/getFileByServerRelativePath(decodedUrl='${encodeURIComponent(filePath(site))}')${suffix}`;
}

test('in Teams the coordinator saves Bilaga 2 in SharePoint, Teams opens it, and saving again makes version 2', async ({
  page,
  site,
}) => {
  await signIn(page.request, site, DEMO_COORDINATOR_ID);
  const teams = await openInTeams(page, site, { tabPath: '/?view=report&period=2017-08' });
  const tab = teams.tab;
  await expect(tab.getByRole('heading', { level: 2, name: TITLE_2017 })).toBeVisible();
  // Inside Teams saving comes first; the download is still there.
  await expect(tab.getByRole('button', { name: 'Exportera till Word' })).toBeVisible();

  await tab.getByRole('button', { name: 'Spara i SharePoint' }).click();
  const status = tab.getByRole('status').filter({ hasText: 'är sparad' });
  await expect(status).toContainText(`${NAME} är sparad i webbplatsens dokumentbibliotek`);
  await expect(status).toContainText('version 1.0');
  const link = status.getByRole('link', { name: 'Öppna i Word för webben' });
  const href = (await link.getAttribute('href')) ?? '';
  expect(href).toContain(encodeURI(filePath(site)));
  expect(href).toMatch(/\?d=w[0-9a-f]{32}$/);
  // Teams opened the saved file (app.openLink), not a window of the tab's own.
  expect(await waitForMessage(teams, 'executeDeepLink')).toEqual([href]);

  await tab.getByRole('button', { name: 'Spara i SharePoint' }).click();
  await expect(status).toContainText('version 2.0');

  // SharePoint holds a valid Word file of the period, and its earlier version.
  const value = await page.request.get(fileApi(site, '/$value'));
  expect(value.status()).toBe(200);
  const parts = docxParts(new Uint8Array(await value.body()));
  expect(parts.document).toContain(TITLE_2017);
  const versions = await page.request.get(fileApi(site, '/versions'), {
    headers: { Accept: 'application/json;odata=nometadata' },
  });
  expect(((await versions.json()) as { value: Array<{ VersionLabel: string }> }).value).toEqual([
    expect.objectContaining({ VersionLabel: '1.0' }),
  ]);
});

test('an owner who may only read the document library is told so in Swedish, and nothing is saved', async ({
  page,
  site,
}) => {
  await signIn(page.request, site, DEMO_DEFAULT_USER_ID);
  const teams = await openInTeams(page, site, { tabPath: '/?view=report&period=2017-08' });
  const tab = teams.tab;
  await expect(tab.getByRole('heading', { level: 2, name: TITLE_2017 })).toBeVisible();
  await tab.getByRole('button', { name: 'Spara i SharePoint' }).click();
  await expect(tab.getByRole('alert')).toContainText(
    'Du har inte behörighet att spara filer i webbplatsens dokumentbibliotek',
  );
  await expect(tab.getByRole('alert').getByRole('button', { name: 'Försök igen' })).toBeVisible();
  const file = await page.request.get(fileApi(site), {
    headers: { Accept: 'application/json;odata=nometadata' },
  });
  expect(file.status()).toBe(404);
});

test('outside Teams the download stays first and Spara i SharePoint is there too', async ({
  page,
  site,
}) => {
  await signIn(page.request, site, DEMO_COORDINATOR_ID);
  await page.goto('/?view=report&period=2017-08');
  await expect(page.getByRole('heading', { level: 2, name: TITLE_2017 })).toBeVisible();
  const buttons = page.getByRole('button', { name: /Exportera till Word|Spara i SharePoint/ });
  await expect(buttons).toHaveText(['Exportera till Word', 'Spara i SharePoint']);
  await page.getByRole('button', { name: 'Spara i SharePoint' }).click();
  const status = page.getByRole('status').filter({ hasText: 'är sparad' });
  await expect(status).toContainText('version 1.0');
  await expect(status.getByRole('link', { name: 'Öppna i Word för webben' })).toHaveAttribute(
    'target',
    '_blank',
  );
  await expectNoViolations(page, 'Bilaga 2 after Spara i SharePoint');
});
