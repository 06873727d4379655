import { docxParts } from '../../fixtures/docx-xml';
import { openInTeams, waitForMessage } from '../teams-harness';
import { TEAMS_NAA, teamsUser } from './in-teams';
import { accessToken, SCOPES, TENANT, UPN, expect, test } from './tenant';

// Spara i SharePoint on the tenant path inside the Teams stand-in: the coordinator's own token
// (brokered through nested app auth), SharePoint on its own origin with CORS, the Word file's
// bytes sent across origins.

const TITLE_2017 = 'Bilaga 2: Uppföljning av övergripande handlingsplaner per augusti 2017';
const NAME = 'Bilaga 2 - Uppföljning handlingsplaner 2017-08.docx';

test('in Teams the coordinator saves Bilaga 2 in the site’s library with her own token', async ({
  page,
  request,
  site,
}) => {
  const teams = await openInTeams(page, site, {
    naa: TEAMS_NAA,
    user: teamsUser(UPN.karin),
    tabPath: '/?view=report&period=2017-08',
  });
  const tab = teams.tab;
  await expect(tab.getByRole('heading', { level: 2, name: TITLE_2017 })).toBeVisible();
  await tab.getByRole('button', { name: 'Spara i SharePoint' }).click();
  const status = tab.getByRole('status').filter({ hasText: 'är sparad' });
  await expect(status).toContainText('version 1.0');
  const href = await status
    .getByRole('link', { name: 'Öppna i Word för webben' })
    .getAttribute('href');
  expect(href?.startsWith(`${TENANT.sharePoint}${site.path}/Shared%20Documents/Bilaga%202/`)).toBe(
    true,
  );
  expect(await waitForMessage(teams, 'executeDeepLink')).toEqual([href]);

  const token = await accessToken(request, UPN.karin, [SCOPES.fullControl]);
  const path = `${site.path}/Shared Documents/Bilaga 2/${NAME}`;
  const value = await request.get(
    `${site.url}/_api/web/getFileByServerRelativePath(decodedUrl='${encodeURIComponent(path)}')/$value`,
    { headers: { Authorization: `Bearer ${token}` } },
  );
  expect(value.status()).toBe(200);
  expect(docxParts(new Uint8Array(await value.body())).document).toContain(TITLE_2017);
});
