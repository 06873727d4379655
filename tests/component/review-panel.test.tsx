import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { StoreFailure } from '../../src/domain/errors';
import type { FollowUp, Person } from '../../src/domain/follow-up';
import type { PeriodLogEntry } from '../../src/domain/period-log';
import type {
  ChannelMessage,
  ChannelMessenger,
  ChannelRef,
  DirectoryUser,
  PeriodAdmin,
  Services,
} from '../../src/domain/ports';
import { ReviewPanel } from '../../src/features/owner/review-panel';
import {
  ANNA,
  BJORN,
  COORDINATOR,
  createFakeServices,
  makeFollowUp,
  makePeriod,
  OPEN_PERIOD,
  renderWithProviders,
} from './render-with-providers';

vi.setConfig({ testTimeout: 20_000 });

const CHANNEL: ChannelRef = { groupId: 'team-1', channelId: '19:kanal@thread.tacv2' };
const NO_LOGIN: Person = { id: 40, name: 'Extern Konsult', upn: '' };
const PERIOD = makePeriod(OPEN_PERIOD, 'open', 2);

function setUp(
  options: {
    owners?: Person[];
    send?: ChannelMessenger['send'];
    channel?: ChannelRef | null;
  } = {},
) {
  const followUp: FollowUp = makeFollowUp({
    planKey: 'lakemedel',
    title: 'Läkemedel',
    sortOrder: 3,
    owners: options.owners ?? [ANNA, BJORN],
    status: 'good',
    inputState: 'submitted',
  });
  const fake = createFakeServices({ followUps: [followUp] });
  const resolveUsers = vi.fn(async (keys: readonly string[]) => {
    const found = new Map<string, DirectoryUser>();
    for (const key of keys) {
      if (key === ANNA.upn) found.set(key, { id: 'oid-anna', displayName: ANNA.name });
      if (key === BJORN.upn) found.set(key, { id: 'oid-bjorn', displayName: BJORN.name });
    }
    return found;
  });
  const send = vi.fn(
    options.send ??
      (async (_channel: ChannelRef, _message: ChannelMessage) => ({ messageId: 'm-1' })),
  );
  const log: PeriodLogEntry[] = [];
  const periodAdmin = {
    appendLog: vi.fn(async (_period: unknown, entry: PeriodLogEntry) => {
      log.push(entry);
    }),
  } as unknown as PeriodAdmin;
  const services: Services = {
    ...fake,
    messenger: { resolveUsers, send },
    periodAdmin,
    links: { planForm: (f) => `https://teams.example/l/${f.periodKey}/${f.planKey}` },
    ...(options.channel === null ? {} : { channel: options.channel ?? CHANNEL }),
  };
  const onReviewed = vi.fn();
  const view = renderWithProviders(
    <ReviewPanel
      followUp={followUp}
      period={PERIOD}
      viewer={COORDINATOR}
      repository={fake.followUps}
      onReviewed={onReviewed}
    />,
    { services },
  );
  return { ...view, send, log, onReviewed, reviews: fake.followUps.reviewCalls };
}

async function sendBack(user: ReturnType<typeof setUp>['user'], reason: string) {
  await user.click(screen.getByRole('button', { name: 'Skicka tillbaka…' }));
  await user.type(screen.getByRole('textbox', { name: /Kommentar till ansvariga/ }), reason);
  await user.click(screen.getByRole('button', { name: 'Skicka tillbaka' }));
}

describe('ReviewPanel, sending back', () => {
  it("@-mentions the owners in the channel with the reason and the plan's link, and logs it", async () => {
    const { user, send, log, onReviewed, reviews } = setUp();
    await sendBack(user, 'Beskriv kostnaderna.');
    await waitFor(() => expect(onReviewed).toHaveBeenCalled());

    expect(reviews).toEqual([
      expect.objectContaining({ state: 'returned', comment: 'Beskriv kostnaderna.' }),
    ]);
    expect(send).toHaveBeenCalledOnce();
    const [channel, message] = send.mock.calls[0] ?? [];
    expect(channel).toEqual(CHANNEL);
    expect(message?.mentions.map((m) => [m.id, m.mentionText, m.user.id])).toEqual([
      [0, ANNA.name, 'oid-anna'],
      [1, BJORN.name, 'oid-bjorn'],
    ]);
    expect(message?.html).toContain(`<at id="0">${ANNA.name}</at>`);
    expect(message?.html).toContain('Beskriv kostnaderna.');
    expect(message?.html).toContain('href="https://teams.example/l/2020-08/lakemedel"');
    expect(log).toEqual([
      expect.objectContaining({
        kind: 'returned',
        by: COORDINATOR.name,
        plan: '3. Läkemedel',
        reason: 'Beskriv kostnaderna.',
        notified: [ANNA.name, BJORN.name],
        messageId: 'm-1',
      }),
    ]);
    const [, report, warning] = onReviewed.mock.calls[0] ?? [];
    expect(report).toBe(
      `Skickad tillbaka. ${ANNA.name}, ${BJORN.name} har fått ett meddelande i kanalen.`,
    );
    expect(warning).toBeNull();
  });

  it('still sends it back when the message fails, and says the owners were not told', async () => {
    const { user, log, onReviewed, reviews } = setUp({
      send: async () => {
        throw new StoreFailure('forbidden', 'Graph 403', { service: 'graph' });
      },
    });
    await sendBack(user, 'Mer om tidplanen.');
    await waitFor(() => expect(onReviewed).toHaveBeenCalled());
    expect(reviews).toHaveLength(1);
    const [saved, report, warning] = onReviewed.mock.calls[0] ?? [];
    expect((saved as FollowUp).review?.state).toBe('returned');
    expect(report).toBe('Skickad tillbaka till ansvariga.');
    expect(warning).toMatch(
      /^Uppföljningen är skickad tillbaka, men ansvariga har inte fått något meddelande utanför appen: du saknar behörighet/,
    );
    expect(log).toEqual([expect.objectContaining({ notified: [], messageId: null })]);
  });

  it('says so when the tab has no channel, and tells who has no account', async () => {
    const untold = setUp({ channel: null });
    await sendBack(untold.user, 'Mer.');
    await waitFor(() => expect(untold.onReviewed).toHaveBeenCalled());
    expect(untold.send).not.toHaveBeenCalled();
    expect(untold.onReviewed.mock.calls[0]?.[2]).toContain('fliken saknar kanal');
    untold.unmount();

    const partly = setUp({ owners: [ANNA, NO_LOGIN] });
    await sendBack(partly.user, 'Mer.');
    await waitFor(() => expect(partly.onReviewed).toHaveBeenCalled());
    expect(partly.send.mock.calls[0]?.[1].mentions.map((m) => m.mentionText)).toEqual([ANNA.name]);
    expect(partly.onReviewed.mock.calls[0]?.[2]).toBe(
      'Extern Konsult saknar användarkonto och har inte fått något meddelande utanför appen. Meddela dem på annat sätt.',
    );
  });
});
