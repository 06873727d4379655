import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { injectFault, signedIn, type TestSite } from './rest';

const PLAN = /^3\. Övergripande handlingsplan för läkemedel 2020$/;
const PLAN_ROW = /3\. Övergripande handlingsplan för läkemedel 2020/;

/** A user of their own on the plan's form, who accepts the browser's confirmations. */
async function onPlan(browser: Browser, site: TestSite, userId: number): Promise<Page> {
  const page = await signedIn(browser, site, userId, '/?period=2020-08&plan=lakemedel');
  page.on('dialog', (dialog) => void dialog.accept());
  return page;
}

test('a coordinator sends a submitted follow-up back with a comment, the owner sees it, then it is reviewed', async ({
  browser,
  site,
}) => {
  const anna = await onPlan(browser, site, 11);
  await anna.getByRole('radio', { name: 'Arbetet går bra' }).check();
  await anna.getByRole('button', { name: 'Skicka in' }).click();
  await expect(anna.getByRole('status').filter({ hasText: 'skickades in' })).toBeVisible();

  const karin = await onPlan(browser, site, 7);
  const review = karin.getByRole('region', { name: 'Granskning' });
  await review.getByRole('button', { name: 'Skicka tillbaka…' }).click();
  await review.getByRole('button', { name: 'Skicka tillbaka', exact: true }).click();
  await expect(review.getByText('Skriv vad som behöver kompletteras.')).toBeVisible();
  await review
    .getByRole('textbox', { name: /Kommentar till ansvariga/ })
    .fill('Beskriv kostnaderna.');
  await review.getByRole('button', { name: 'Skicka tillbaka', exact: true }).click();
  await expect(karin.getByRole('status').filter({ hasText: 'Skickad tillbaka' })).toBeVisible();
  await expect(karin.getByRole('status').filter({ hasText: 'Skickad tillbaka' })).toContainText(
    'Anna Lindgren har fått ett meddelande i kanalen.',
  );
  await expect(karin.getByRole('alert')).toHaveCount(0);

  // The owner is told outside the app: one channel message that @-mentions her, with the
  // reason and the plan's link (what the local Graph recorded).
  const outbox = (await (await karin.request.get(`${site.path}/_local/graph/outbox`)).json()) as {
    value: Array<{ body: { content: string }; mentions: Array<{ mentionText: string }> }>;
  };
  expect(outbox.value).toHaveLength(1);
  const [message] = outbox.value;
  expect(message?.mentions.map((m) => m.mentionText)).toContain('Anna Lindgren');
  expect(message?.body.content).toMatch(/<at id="\d+">Anna Lindgren<\/at>/);
  expect(message?.body.content).toContain('Beskriv kostnaderna.');
  expect(message?.body.content).toContain('&amp;period=2020-08&amp;plan=lakemedel');

  await anna.reload();
  await expect(anna.getByText('Samordnaren har skickat tillbaka uppföljningen')).toBeVisible();
  await expect(anna.getByText('Beskriv kostnaderna.')).toBeVisible();
  const row = anna.getByRole('row', { name: PLAN_ROW });
  await expect(row).toContainText('Utkast');
  await expect(row).toContainText('Återsänd');

  // The owner completes and submits again; the coordinator marks it reviewed.
  await anna.getByRole('button', { name: 'Skicka in' }).click();
  await expect(anna.getByRole('status').filter({ hasText: 'skickades in' })).toBeVisible();
  await karin.reload();
  await expect(karin.getByRole('heading', { level: 2, name: PLAN })).toBeVisible();
  await karin
    .getByRole('region', { name: 'Granskning' })
    .getByRole('button', { name: 'Markera som granskad' })
    .click();
  await expect(
    karin.getByRole('status').filter({ hasText: 'Markerad som granskad' }),
  ).toBeVisible();
  await anna.reload();
  await expect(anna.getByText('Uppföljningen är granskad av samordnaren.')).toBeVisible();
  await expect(anna.getByRole('row', { name: PLAN_ROW })).toContainText('Granskad');

  // The period's log keeps the send-back and whom it told.
  await karin.getByRole('link', { name: 'Översikt', exact: true }).click();
  await expect(karin.getByRole('region', { name: 'Logg' })).toContainText(
    'skickades tillbaka (av Karin Samordnare',
  );
  await expect(karin.getByRole('region', { name: 'Logg' })).toContainText(
    'Beskriv kostnaderna. – meddelande till Anna Lindgren',
  );
});

test('a send-back whose message cannot go still stands, and the coordinator is told the owner was not', async ({
  browser,
  request,
  site,
}) => {
  const anna = await onPlan(browser, site, 11);
  await anna.getByRole('radio', { name: 'Arbetet går bra' }).check();
  await anna.getByRole('button', { name: 'Skicka in' }).click();
  await expect(anna.getByRole('status').filter({ hasText: 'skickades in' })).toBeVisible();

  const karin = await onPlan(browser, site, 7);
  const review = karin.getByRole('region', { name: 'Granskning' });
  await review.getByRole('button', { name: 'Skicka tillbaka…' }).click();
  await review.getByRole('textbox', { name: /Kommentar till ansvariga/ }).fill('Mer om tidplanen.');
  // Graph refuses to post in the channel.
  await injectFault(request, site, { status: 403, count: 1, match: '/messages' });
  await review.getByRole('button', { name: 'Skicka tillbaka', exact: true }).click();
  await expect(karin.getByRole('alert')).toContainText(
    'Uppföljningen är skickad tillbaka, men ansvariga har inte fått något meddelande utanför appen',
  );
  await expect(karin.getByRole('alert')).toContainText('Meddela dem på annat sätt.');
  // The send-back itself stands.
  await anna.reload();
  await expect(anna.getByText('Samordnaren har skickat tillbaka uppföljningen')).toBeVisible();
  await expect(anna.getByText('Mer om tidplanen.')).toBeVisible();

  // The period's log has it, with nobody told.
  await karin.getByRole('link', { name: 'Översikt', exact: true }).click();
  await expect(karin.getByRole('region', { name: 'Logg' })).toContainText(
    /3\. Övergripande handlingsplan för läkemedel 2020 skickades tillbaka \(av Karin Samordnare, \d{1,2} [a-zåäö]+ \d{4} kl\. \d{2}:\d{2}\): Mer om tidplanen\. – ansvariga fick inget meddelande/,
  );
});
