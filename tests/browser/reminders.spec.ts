import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { injectFault, signedIn } from './rest';

const LAKEMEDEL = /^3\. Övergripande handlingsplan för läkemedel 2020$/;

interface RecordedMessage {
  id: string;
  body: { contentType: string; content: string };
  from: { user: { displayName: string } };
  mentions: Array<{
    id: number;
    mentionText: string;
    mentioned: { user: { id: string; displayName: string; userIdentityType: string } };
  }>;
}

async function openReminder(page: Page) {
  await page.getByRole('button', { name: 'Påminn' }).click();
  const dialog = page.getByRole('dialog', { name: 'Påminn om Delårsrapport augusti 2020' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a coordinator @-mentions the chosen owners in one channel message, logged with the period', async ({
  browser,
  request,
  site,
}) => {
  const graph = `${site.path}/_local/graph`;
  // Owners see no reminder button.
  const owner = await signedIn(browser, site, 11, '/?view=overview');
  await expect(owner.getByText('0 av 12 besvarade (0 %)')).toBeVisible();
  await expect(owner.getByRole('button', { name: 'Påminn' })).toHaveCount(0);

  const page = await signedIn(browser, site, 7, '/?view=overview');
  await expect(page.getByText('0 av 12 besvarade (0 %)')).toBeVisible();
  // The period's log holds its start so far, and no reminder.
  const log = page.getByRole('region', { name: 'Logg' });
  await expect(log).toContainText('Perioden startades (av Karin Samordnare');
  await expect(log).not.toContainText('Påminnelse');
  const dialog = await openReminder(page);

  // Every owner of the 12 missing plans, all chosen.
  const boxes = dialog.getByRole('checkbox');
  const names = await boxes.evaluateAll((els) =>
    els.map((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? ''),
  );
  expect(names).toContain('Anna Lindgren');
  expect(names).toContain('Björn Ekholm');
  expect(names.length).toBeGreaterThanOrEqual(5);
  for (const box of await boxes.all()) await expect(box).toBeChecked();
  await expect(dialog).toContainText('Sista svarsdag');

  // Keep only Anna and Björn.
  for (const name of names) {
    if (name !== 'Anna Lindgren' && name !== 'Björn Ekholm') {
      await dialog.getByRole('checkbox', { name }).uncheck();
    }
  }
  const preview = dialog.getByTestId('reminder-preview');
  await expect(preview).toContainText('@Anna Lindgren');
  await expect(preview).toContainText('@Björn Ekholm');
  await expect(preview).not.toContainText('@Cecilia Norberg');
  await expect(preview).toContainText('senast');
  const hrefs = await preview
    .getByRole('link')
    .evaluateAll((els) => els.map((el) => el.getAttribute('href') ?? ''));
  expect(hrefs.length).toBeGreaterThanOrEqual(2);
  // Each link opens the plan's form on the site the coordinator works on.
  for (const href of hrefs) {
    expect(href).toMatch(/&period=2020-08&plan=[a-z-]+$/);
    expect(new URL(href).searchParams.get('site')).toBe(site.path);
  }
  expect(hrefs.some((h) => h.endsWith('plan=lakemedel'))).toBe(true);

  await dialog.getByRole('button', { name: 'Skicka påminnelse' }).click();
  await expect(page.getByText('Påminnelse skickad till 2 personer.')).toBeVisible();

  // What the local Graph recorded: one message, tags and mentions agreeing.
  const outbox = (await (await request.get(`${graph}/outbox`)).json()) as {
    value: RecordedMessage[];
  };
  expect(outbox.value).toHaveLength(1);
  const [message] = outbox.value;
  if (!message) throw new Error('no message');
  expect(message.body.contentType).toBe('html');
  expect(message.from.user.displayName).toBe('Karin Samordnare');
  const tags = [...message.body.content.matchAll(/<at id="(\d+)">(.*?)<\/at>/g)].map((m) => ({
    id: Number(m[1]),
    text: m[2],
  }));
  expect(tags[0]).toEqual({ id: 0, text: expect.stringMatching(/Anna Lindgren|Björn Ekholm/) });
  expect(tags.map((t) => t.id)).toEqual(message.mentions.map((m) => m.id));
  expect(tags.map((t) => t.text)).toEqual(message.mentions.map((m) => m.mentionText));
  expect(message.body.content).toContain('<at id="0">');
  expect(message.body.content).toMatch(/<at id="\d+">Anna Lindgren<\/at>/);
  expect(message.body.content).toMatch(/<at id="\d+">Björn Ekholm<\/at>/);
  const ids: Record<string, string> = {};
  for (const upn of ['anna.lindgren@region.example', 'bjorn.ekholm@region.example']) {
    const user = (await (
      await request.get(`${graph}/v1.0/users/${encodeURIComponent(upn)}?$select=id,displayName`)
    ).json()) as { id: string; displayName: string };
    ids[user.displayName] = user.id;
  }
  for (const mention of message.mentions) {
    expect(mention.mentioned.user).toEqual({
      id: ids[mention.mentionText],
      displayName: mention.mentionText,
      userIdentityType: 'aadUser',
    });
  }
  expect(message.body.content).toContain(
    `?site=${encodeURIComponent(site.path)}&amp;period=2020-08&amp;plan=lakemedel`,
  );
  expect(message.body.content).not.toContain('Cecilia Norberg');

  // The period's log shows the reminder.
  await expect(page.getByRole('region', { name: 'Logg' })).toContainText(
    /Påminnelse till (Anna Lindgren, Björn Ekholm|Björn Ekholm, Anna Lindgren) \(av Karin Samordnare, \d{1,2} [a-zåäö]+ \d{4} kl\. \d{2}:\d{2}\)/,
  );

  // Local mode shows the outbox.
  await page.getByRole('button', { name: 'Visa utkorg' }).click();
  const shown = page.getByRole('region', { name: 'Utkorg (lokal Graph)' });
  await expect(shown).toContainText('Till: ');
  await expect(shown).toContainText('@Anna Lindgren');
});

test('an owner who has submitted a plan is not reminded for it', async ({ browser, site }) => {
  const anna = await signedIn(browser, site, 11, '/');
  await anna.getByRole('button', { name: LAKEMEDEL }).click();
  await anna.getByRole('radio', { name: 'Arbetet går bra' }).check();
  await anna.getByRole('button', { name: 'Skicka in' }).click();
  await expect(
    anna.getByRole('status').filter({ hasText: 'Uppföljningen skickades in' }),
  ).toBeVisible();

  const page = await signedIn(browser, site, 7, '/?view=overview');
  await expect(page.getByText('1 av 12 besvarade (8 %)')).toBeVisible();
  const dialog = await openReminder(page);
  // Anna still owes input for another plan, but not for läkemedel.
  await expect(dialog.getByRole('checkbox', { name: 'Anna Lindgren' })).toBeChecked();
  const preview = dialog.getByTestId('reminder-preview');
  await expect(preview).toContainText('@Anna Lindgren');
  await expect(preview).not.toContainText('läkemedel');
  await expect(dialog).not.toContainText('3. Övergripande handlingsplan för läkemedel');
});

test('unknown users and a missing permission are reported and nothing is sent', async ({
  browser,
  request,
  site,
}) => {
  const page = await signedIn(browser, site, 7, '/?view=overview');
  await expect(page.getByText('0 av 12 besvarade (0 %)')).toBeVisible();
  let dialog = await openReminder(page);
  // Graph refuses: 403.
  await injectFault(request, site, {
    status: 403,
    count: 1,
    match: '_local/graph/v1.0/$batch',
  });
  await dialog.getByRole('button', { name: 'Skicka påminnelse' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Du saknar behörighet');
  await dialog.getByRole('button', { name: 'Avbryt' }).click();

  // One owner is unknown to the directory (the batch answers 404 for her).
  dialog = await openReminder(page);
  await page.route('**/_local/graph/v1.0/$batch', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as {
      responses: Array<{ id: string; status: number; body: unknown }>;
    };
    const [first, ...rest] = body.responses;
    const broken = first
      ? [{ ...first, status: 404, body: { error: { code: 'Request_ResourceNotFound' } } }]
      : [];
    await route.fulfill({ response, json: { responses: [...broken, ...rest] } });
  });
  await dialog.getByRole('button', { name: 'Skicka påminnelse' }).click();
  await expect(dialog.getByRole('alert')).toContainText('hittades inte i katalogen');
  await expect(dialog.getByRole('alert')).toContainText('Inget skickades');
  const outbox = (await (await request.get(`${site.path}/_local/graph/outbox`)).json()) as {
    value: unknown[];
  };
  expect(outbox.value).toEqual([]);
});
