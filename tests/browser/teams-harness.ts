import { readFileSync } from 'node:fs';
import { expect, type FrameLocator, type Page } from '@playwright/test';
import type { TestSite } from './rest';

/** The local demo team's channel (src/app/create-services.ts LOCAL_CHANNEL): the local Graph knows it. */
export const HARNESS_CHANNEL = {
  groupId: '5f0c4b7e-8a51-4c1d-9b2e-3d6a7f8e9a01',
  channelId: '19:planuppfoljning-demo@thread.tacv2',
};

/** An invented Teams app id for links (not a real app). */
export const HARNESS_APP_ID = '00000000-0000-4000-8000-0000000000aa';

const HARNESS_PATH = '/__teams-harness__.html';
const HOST_SCRIPT = readFileSync(new URL('./teams-harness/host.js', import.meta.url), 'utf8');

export interface HarnessOptions {
  readonly frameContext?: 'content' | 'settings';
  readonly theme?: 'default' | 'dark' | 'contrast';
  readonly locale?: string;
  /** The tab's address (path and query on the app's origin), on the test's site. */
  readonly tabPath?: string;
  readonly subEntityId?: string;
}

export interface TeamsHarness {
  readonly tab: FrameLocator;
  /** The messages the tab sent to "Teams", in order. */
  received(): Promise<Array<{ func: string; args: unknown[] }>>;
  /** Sends an event to the tab as Teams does. */
  send(func: string, args: unknown[]): Promise<void>;
}

/**
 * Opens the tab inside the Teams stand-in (tests/browser/teams-harness/host.js), served on the
 * app's own origin by Playwright, in a team whose SharePoint site is the test's local site.
 * teams-js's look-up of Microsoft's valid-domains list is blocked: the tests run without internet
 * and the harness shares the app's origin.
 */
export async function openInTeams(
  page: Page,
  site: TestSite,
  options: HarnessOptions = {},
): Promise<TeamsHarness> {
  await page.route('https://res.cdn.office.net/**', (route) => route.abort());
  await page.route(`**${HARNESS_PATH}*`, async (route) => {
    const appOrigin = new URL(route.request().url()).origin;
    const config = {
      frameContext: options.frameContext ?? 'content',
      tabUrl: site.app(options.tabPath),
      context: {
        frameContext: options.frameContext ?? 'content',
        hostName: 'Teams',
        hostClientType: 'web',
        locale: options.locale ?? 'sv-se',
        theme: options.theme ?? 'default',
        entityId: options.frameContext === 'settings' ? undefined : 'planuppfoljning',
        subEntityId: options.subEntityId,
        appId: HARNESS_APP_ID,
        userObjectId: '11111111-2222-4333-8444-555555555555',
        userPrincipalName: 'anna.lindgren@region.example',
        tid: '99999999-8888-4777-8666-555555555555',
        teamId: '19:demo-team@thread.tacv2',
        teamName: 'Samordningskansliet',
        groupId: HARNESS_CHANNEL.groupId,
        channelId: HARNESS_CHANNEL.channelId,
        channelName: 'Planuppföljning',
        teamSiteUrl: `${appOrigin}${site.path}`,
      },
    };
    await route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Teams (test)</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%}</style></head>
<body><iframe id="tab" title="Planuppföljning"></iframe>
<script type="application/json" id="harness-config">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>
<script>${HOST_SCRIPT}</script></body></html>`,
    });
  });
  await page.goto(HARNESS_PATH);
  return {
    tab: page.frameLocator('#tab'),
    received: () =>
      page.evaluate(
        () =>
          (
            window as unknown as {
              __teamsHarness: { received: Array<{ func: string; args: unknown[] }> };
            }
          ).__teamsHarness.received,
      ),
    send: (func, args) =>
      page.evaluate(
        ([f, a]) =>
          (
            window as unknown as { __teamsHarness: { send(f: string, a: unknown[]): void } }
          ).__teamsHarness.send(f as string, a as unknown[]),
        [func, args] as const,
      ),
  };
}

/** Waits until the tab has sent a message with this function name; returns its arguments. */
export async function waitForMessage(harness: TeamsHarness, func: string): Promise<unknown[]> {
  let found: unknown[] | undefined;
  await expect
    .poll(
      async () => {
        found = (await harness.received()).findLast((m) => m.func === func)?.args;
        return found !== undefined;
      },
      { message: `the tab sends ${func}` },
    )
    .toBe(true);
  return found ?? [];
}
