import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { parseTeamsPlanLink } from '../../src/domain/deep-link';
import { expect, test } from './fixtures';
import { axeViolations, formatViolations } from './a11y';
import { injectFault, signedIn } from './rest';
import { HARNESS_APP_ID, HARNESS_CHANNEL, openInTeams } from './teams-harness';

// Påminn's personal nudge, in the Teams stand-in: Teams activity-feed notifications through the
// local Graph's POST /teamwork/sendActivityNotificationToRecipients, beside or instead of the
// channel message.

interface RecordedNotification {
  from: { user: { displayName: string } };
  topic: { source: string; value: string; webUrl: string };
  activityType: string;
  previewText: { content: string };
  templateParameters: Array<{ name: string; value: string }>;
  recipients: Array<{ userId: string; displayName: string }>;
}

const CHOSEN = ['Anna Lindgren', 'Björn Ekholm'] as const;
const UPN: Record<(typeof CHOSEN)[number], string> = {
  'Anna Lindgren': 'anna.lindgren@region.example',
  'Björn Ekholm': 'bjorn.ekholm@region.example',
};

/** The coordinator's reminder dialog in the tab, with only Anna and Björn chosen. */
async function openReminderInTeams(page: Page, site: Parameters<typeof openInTeams>[1]) {
  const teams = await openInTeams(page, site, { tabPath: '/?view=overview' });
  const tab = teams.tab;
  await tab.getByRole('link', { name: 'Handlingsplaner', exact: true }).click();
  await tab.getByRole('combobox', { name: 'Visa som' }).click();
  await tab.getByRole('option', { name: /Karin Samordnare/ }).click();
  await tab.getByRole('link', { name: 'Översikt', exact: true }).click();
  await tab.getByRole('button', { name: 'Påminn' }).click();
  const dialog = tab.getByRole('dialog', { name: 'Påminn om Delårsrapport augusti 2020' });
  await expect(dialog).toBeVisible();
  const boxes = dialog.getByRole('checkbox');
  await expect(boxes.first()).toBeVisible();
  const names = await boxes.evaluateAll((els) =>
    els.map((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? ''),
  );
  for (const name of names) {
    if (!(CHOSEN as readonly string[]).includes(name)) {
      await dialog.getByRole('checkbox', { name }).uncheck();
    }
  }
  // Each chosen owner's plans, as the dialog lists them: "(3. Övergripande …; 5. …)".
  const plans: Record<string, string[]> = {};
  for (const name of CHOSEN) {
    const row = dialog.getByRole('checkbox', { name }).locator('xpath=ancestor::div[1]');
    const text = (await row.textContent()) ?? '';
    plans[name] = (/\((.*)\)/.exec(text)?.[1] ?? '').split('; ');
  }
  return { tab, dialog, plans };
}

async function objectIds(request: APIRequestContext, sitePath: string) {
  const ids: Record<string, string> = {};
  for (const name of CHOSEN) {
    const user = (await (
      await request.get(
        `${sitePath}/_local/graph/v1.0/users/${encodeURIComponent(UPN[name])}?$select=id`,
      )
    ).json()) as { id: string };
    ids[name] = user.id;
  }
  return ids;
}

const recorded = async (request: APIRequestContext, sitePath: string) =>
  (
    (await (await request.get(`${sitePath}/_local/graph/activity`)).json()) as {
      value: RecordedNotification[];
    }
  ).value;

const outbox = async (request: APIRequestContext, sitePath: string) =>
  ((await (await request.get(`${sitePath}/_local/graph/outbox`)).json()) as { value: unknown[] })
    .value;

function logOf(tab: { getByRole: Locator['getByRole'] }) {
  return tab.getByRole('region', { name: 'Logg' });
}

test('Personligt: each missing owner gets an activity-feed notification by object id, with the deep link to their form', async ({
  page,
  request,
  site,
}) => {
  const { tab, dialog, plans } = await openReminderInTeams(page, site);
  const delivery = dialog.getByRole('radiogroup', { name: 'Hur ska påminnelsen skickas?' });
  // Inside Teams the default is both.
  await expect(delivery.getByRole('radio', { name: 'Båda' })).toBeChecked();
  await delivery.getByRole('radio', { name: 'Personligt' }).check();
  await dialog.getByRole('button', { name: 'Skicka påminnelse' }).click();
  await expect(
    tab.getByText(
      /^Personlig avisering skickad till (Anna Lindgren, Björn Ekholm|Björn Ekholm, Anna Lindgren)\.$/,
    ),
  ).toBeVisible();

  const ids = await objectIds(request, site.path);
  const notifications = await recorded(request, site.path);
  // One notification per plan of the two: each names its owners among the chosen, by object id.
  const expectedPlans = new Set([
    ...(plans['Anna Lindgren'] ?? []),
    ...(plans['Björn Ekholm'] ?? []),
  ]);
  expect(notifications.map((n) => n.topic.value).sort()).toEqual([...expectedPlans].sort());
  for (const name of CHOSEN) {
    const theirs = notifications.filter((n) => n.recipients.some((r) => r.userId === ids[name]));
    expect(theirs.map((n) => n.topic.value).sort(), name).toEqual([...(plans[name] ?? [])].sort());
  }
  for (const n of notifications) {
    expect(n.from.user.displayName).toBe('Karin Samordnare');
    expect(n.activityType).toBe('inputReminder');
    expect(n.templateParameters).toEqual([{ name: 'period', value: 'Delårsrapport augusti 2020' }]);
    for (const r of n.recipients) expect(Object.values(ids)).toContain(r.userId);
    // The topic's link is the Teams deep link to that plan's form in this tab.
    const link = parseTeamsPlanLink(n.topic.webUrl);
    expect(link).toMatchObject({
      appId: HARNESS_APP_ID,
      entityId: 'planuppfoljning',
      channelId: HARNESS_CHANNEL.channelId,
      target: { periodKey: '2020-08' },
    });
    expect(n.topic.value).toContain(new URL(n.topic.webUrl).searchParams.get('label') ?? '?');
    expect(link?.webUrl).toContain(`plan=${link?.target.planKey}`);
  }
  // Personal only: no channel message.
  expect(await outbox(request, site.path)).toEqual([]);
  await expect(logOf(tab)).toContainText(
    /Personlig påminnelse till (Anna Lindgren, Björn Ekholm|Björn Ekholm, Anna Lindgren) \(av Karin Samordnare/,
  );
});

test('Båda: the channel message and the personal notifications are both sent and logged', async ({
  page,
  request,
  site,
}) => {
  const { tab, dialog } = await openReminderInTeams(page, site);
  await expect(dialog.getByRole('radio', { name: 'Båda' })).toBeChecked();
  // The dialog with its delivery choices, inside the tab's frame: no WCAG 2.1 A/AA violations.
  const inTab = (await axeViolations(page))
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => n.target.length > 1) }))
    .filter((v) => v.nodes.length > 0);
  expect(inTab, formatViolations(inTab)).toEqual([]);
  await dialog.getByRole('button', { name: 'Skicka påminnelse' }).click();
  await expect(
    tab.getByText(/Meddelandet i kanalen är skickat och nämner 2 personer\./),
  ).toBeVisible();
  expect(await outbox(request, site.path)).toHaveLength(1);
  const ids = await objectIds(request, site.path);
  const notified = new Set(
    (await recorded(request, site.path)).flatMap((n) => n.recipients.map((r) => r.userId)),
  );
  expect([...notified].sort()).toEqual(Object.values(ids).sort());
  await expect(logOf(tab)).toContainText(
    /Påminnelse till .*Anna Lindgren.* \(av Karin Samordnare, [^)]*\); personlig avisering till .*Björn Ekholm/,
  );
});

test('a refused notification is reported in Swedish per person, the channel part reports its own outcome, and nothing is lost', async ({
  page,
  request,
  site,
}) => {
  const { tab, dialog, plans } = await openReminderInTeams(page, site);
  // One notification per plan of the two chosen owners.
  const requests = new Set([...(plans['Anna Lindgren'] ?? []), ...(plans['Björn Ekholm'] ?? [])])
    .size;
  // Graph refuses every notification (403, as without TeamsActivity.Send).
  await injectFault(request, site, {
    status: 403,
    count: requests,
    match: 'sendActivityNotificationToRecipients',
  });
  await dialog.getByRole('button', { name: 'Skicka påminnelse' }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('Meddelandet i kanalen är skickat och nämner 2 personer.');
  for (const name of CHOSEN) {
    await expect(alert).toContainText(
      `${name} fick ingen personlig avisering: Teams tog inte emot aviseringen – du saknar behörighet att skicka aviseringar (TeamsActivity.Send)`,
    );
  }
  expect(await outbox(request, site.path)).toHaveLength(1);
  expect(await recorded(request, site.path)).toEqual([]);
  // What did not go out stays chosen: personal, for the two.
  await expect(dialog.getByRole('radio', { name: 'Personligt' })).toBeChecked();
  for (const name of CHOSEN) await expect(dialog.getByRole('checkbox', { name })).toBeChecked();

  // Again, and Graph answers 412: the token expires within 45 minutes.
  await injectFault(request, site, {
    status: 412,
    count: requests,
    match: 'sendActivityNotificationToRecipients',
  });
  await dialog.getByRole('button', { name: 'Skicka påminnelse' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    'Anna Lindgren fick ingen personlig avisering: Teams tar bara emot aviseringar med en inloggning som gäller minst 45 minuter till',
  );
  // Personal only now: no second channel message.
  expect(await outbox(request, site.path)).toHaveLength(1);

  // The third time it goes through; the log has the first reminder and this one.
  await dialog.getByRole('button', { name: 'Skicka påminnelse' }).click();
  await expect(
    tab.getByText(
      /^Personlig avisering skickad till (Anna Lindgren, Björn Ekholm|Björn Ekholm, Anna Lindgren)\.$/,
    ),
  ).toBeVisible();
  expect((await recorded(request, site.path)).length).toBe(requests);
  const log = logOf(tab);
  await expect(log).toContainText(
    /Påminnelse till .* \(av Karin Samordnare, [^)]*\); gick inte fram till (Anna Lindgren, Björn Ekholm|Björn Ekholm, Anna Lindgren)/,
  );
  await expect(log).toContainText(/Personlig påminnelse till .*Anna Lindgren/);
});

test('outside Teams the personal option says why it is unavailable and the reminder goes to the channel', async ({
  browser,
  site,
}) => {
  const page = await signedIn(browser, site, 7, '/?view=overview');
  await page.getByRole('button', { name: 'Påminn' }).click();
  const dialog = page.getByRole('dialog', { name: 'Påminn om Delårsrapport augusti 2020' });
  const delivery = dialog.getByRole('radiogroup', { name: 'Hur ska påminnelsen skickas?' });
  await expect(delivery.getByRole('radio', { name: 'Kanal' })).toBeChecked();
  await expect(delivery.getByRole('radio', { name: 'Personligt' })).toBeDisabled();
  await expect(delivery.getByRole('radio', { name: 'Båda' })).toBeDisabled();
  await expect(dialog).toContainText(
    'Personliga aviseringar kan bara skickas från fliken i en Teams-kanal',
  );
});
