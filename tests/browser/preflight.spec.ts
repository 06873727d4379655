import { expect, test } from './fixtures';
import { signedIn } from './rest';

// "Kontrollera miljön" in local mode: the SharePoint and Graph checks run against the local site
// and its Graph; there is no sign-in, so the token checks say so instead of failing.

const KARIN = 7;

test('in local mode the checks run against the local site; token checks say there is no sign-in', async ({
  browser,
  site,
}) => {
  const page = await signedIn(browser, site, KARIN, '/?view=settings');
  const section = page.getByRole('region', { name: 'Kontrollera miljön' });
  await section.getByRole('button', { name: 'Kontrollera miljön' }).click();
  await expect(section.getByRole('status')).toHaveText(
    'Klart: 5 fungerar, 0 med anmärkning, 0 kräver åtgärd, 4 hoppades över.',
  );
  const results = section.getByRole('list', { name: 'Resultat av miljökontrollen' });
  for (const name of [
    'Appens listor',
    'Läsa listorna',
    'Skriva och ta bort ett testobjekt',
    'Behörighet för grupper och objektbehörigheter',
    'Slå upp en användare i Microsoft Graph',
  ]) {
    await expect(results.getByRole('listitem', { name: `${name}: Fungerar` })).toBeVisible();
  }
  const token = results.getByRole('listitem', {
    name: 'Behörigheten ChannelMessage.Send (Microsoft Graph): Hoppades över',
  });
  await expect(token).toContainText('Ingen inloggning i lokalt läge');
});
