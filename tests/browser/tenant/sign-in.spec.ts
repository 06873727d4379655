import type { Request } from '@playwright/test';
import {
  ALL_CONSENTED,
  SCOPES,
  TENANT,
  UPN,
  expect,
  idpControl,
  signInThroughProvider,
  test,
} from './tenant';

// Sign-in on the tenant path, outside Teams: MSAL's standard browser client against the local
// identity provider (oidc-provider), SharePoint and Graph on origins of their own.

const CECILIA = 'cecilia.norberg@region.example';
const ELIN = 'elin.sjodin@region.example';
const PLANS = { level: 2, name: 'Handlingsplaner' } as const;

test('the first visit signs in through the provider’s page; later visits are silent', async ({
  page,
  site,
}) => {
  const sharePointCalls: Request[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(TENANT.sharePoint)) sharePointCalls.push(request);
  });
  await page.goto('/');
  // Nothing opens by itself: the app says why and offers the button.
  const alert = page.getByRole('alert').filter({ hasText: 'Du behöver logga in' });
  await expect(alert).toBeVisible();
  expect(page.context().pages()).toHaveLength(1);
  await signInThroughProvider(page, UPN.anna);
  await expect(page.getByRole('heading', PLANS)).toBeVisible();
  await expect(page.getByText('2 av 12 planer')).toBeVisible();

  // Every SharePoint request carried a bearer token, none a cookie, across origins.
  const sent = sharePointCalls.filter((r) => r.method() !== 'OPTIONS');
  expect(sent.length).toBeGreaterThan(0);
  for (const request of sent) {
    const headers = await request.allHeaders();
    expect(headers.authorization, request.url()).toMatch(/^Bearer eyJ/);
    expect(headers.origin).toBe(TENANT.app);
  }

  // A later visit in the same browser: the provider's session signs in silently.
  const again = await page.context().newPage();
  await again.goto(site.app('/'));
  await expect(again.getByRole('heading', PLANS)).toBeVisible();
  await expect(again.getByRole('button', { name: 'Logga in' })).toHaveCount(0);
  expect(page.context().pages()).toHaveLength(2);
});

test('an expired token renews silently', async ({ page, request }) => {
  // Tokens of a few seconds: MSAL renews any that expires within five minutes, so every request
  // after the first uses the refresh token.
  await idpControl(request, 'token-lifetime', { seconds: 5, user: ELIN });
  const refreshes: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/oauth2/v2.0/token') && r.method() === 'POST') {
      const grant = new URLSearchParams(r.postData() ?? '').get('grant_type');
      if (grant) refreshes.push(grant);
    }
  });
  await page.goto('/');
  await signInThroughProvider(page, ELIN);
  await expect(page.getByRole('heading', PLANS)).toBeVisible();
  await page.getByRole('link', { name: 'Översikt', exact: true }).click();
  await expect(page.getByText(/av 12 besvarade/)).toBeVisible();
  await page.reload();
  await expect(page.getByText(/av 12 besvarade/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Logga in' })).toHaveCount(0);
  expect(refreshes).toContain('authorization_code');
  expect(refreshes).toContain('refresh_token');
});

test('without IT’s consent the app names the permission, and keeps what was typed', async ({
  page,
  request,
}) => {
  // Short tokens: every request after the first renews through the refresh token.
  await idpControl(request, 'token-lifetime', { seconds: 5, user: CECILIA });
  await page.goto('/');
  await signInThroughProvider(page, CECILIA);
  await page.getByRole('button', { name: /^2\. Övergripande handlingsplan för jämställd/ }).click();
  const comment = page.getByRole('textbox', { name: 'Kommentar' });
  await comment.click();
  await page.keyboard.type('Skrivet innan behörigheten drogs in.');

  // IT withdraws SharePoint's Full Control for her.
  await idpControl(request, 'consent', {
    user: CECILIA,
    consented: ALL_CONSENTED.filter((scope) => scope !== SCOPES.fullControl),
  });

  await page.getByRole('radio', { name: 'Arbetet går bra' }).check();
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  // Silent renewal needs interaction now: the sign-in button, and the text stays.
  await expect(page.getByRole('alert').filter({ hasText: 'Du behöver logga in' })).toBeVisible();
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Logga in' }).click();
  const window = await popup;
  // The provider's own page says an administrator must grant it…
  await expect(window.getByRole('heading', { name: 'Godkännande krävs' })).toBeVisible();
  await expect(window.getByText('AllSites.FullControl')).toBeVisible();
  await window.getByRole('button', { name: 'Tillbaka till appen' }).click();
  // …and so does the app, naming it; nothing typed is lost.
  const refused = page.getByRole('alert').filter({ hasText: 'saknar behörigheten' });
  await expect(refused).toContainText('AllSites.FullControl (SharePoint)');
  await expect(refused).toContainText('IT');
  await expect(comment).toContainText('Skrivet innan behörigheten drogs in.');
});
