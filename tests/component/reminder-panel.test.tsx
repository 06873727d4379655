import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { planFormLink, teamsPlanLink } from '../../src/domain/deep-link';
import { StoreFailure } from '../../src/domain/errors';
import type { FollowUp, Person } from '../../src/domain/follow-up';
import type {
  ActivityNotification,
  ChannelMessage,
  ChannelMessenger,
  ChannelRef,
  DirectoryUser,
} from '../../src/domain/ports';
import ReminderPanel from '../../src/features/reminders/reminder-panel';
import {
  ANNA,
  COORDINATOR,
  KARIN,
  createFakeServices,
  makeFollowUp,
  makePeriod,
  OPEN_PERIOD,
  renderWithProviders,
} from './render-with-providers';

/** An owner whose mail (david.a@…) is an alias: only his UPN finds him in Graph. */
const DAVID: Person = { id: 14, name: 'David Åström', upn: 'david.astrom@region.example' };
/** Someone SharePoint knows without an Entra login (no UPN in the login name). */
const NO_LOGIN: Person = { id: 40, name: 'Extern Konsult', upn: '' };

const CHANNEL: ChannelRef = { groupId: 'team-1', channelId: '19:kanal@thread.tacv2' };

/** Graph as it resolves users: by object id or UPN, nothing else. */
const DIRECTORY: Record<string, DirectoryUser> = {
  [ANNA.upn]: { id: 'oid-anna', displayName: ANNA.name },
  'oid-anna': { id: 'oid-anna', displayName: ANNA.name },
  [DAVID.upn]: { id: 'oid-david', displayName: DAVID.name },
  'oid-david': { id: 'oid-david', displayName: DAVID.name },
  [KARIN.upn]: { id: 'oid-karin', displayName: KARIN.name },
};

function fakeMessenger() {
  const resolveUsers = vi.fn(async (keys: readonly string[]) => {
    const found = new Map<string, DirectoryUser>();
    for (const key of keys) {
      const user = DIRECTORY[key];
      if (user) found.set(key, user);
    }
    return found;
  });
  const send = vi.fn(async (_channel: ChannelRef, _message: ChannelMessage) => ({
    messageId: 'm-1',
  }));
  const messenger: ChannelMessenger = { resolveUsers, send };
  return { messenger, resolveUsers, send };
}

function renderPanel(followUps: FollowUp[]) {
  const graph = fakeMessenger();
  const onSent = vi.fn();
  const services = { ...createFakeServices(), messenger: graph.messenger, channel: CHANNEL };
  const view = renderWithProviders(
    <ReminderPanel
      period={makePeriod(OPEN_PERIOD, 'open', 2)}
      followUps={followUps}
      viewer={COORDINATOR}
      onSent={onSent}
    />,
    { services },
  );
  return { ...view, ...graph, onSent };
}

const plan = (planKey: string, sortOrder: number, owners: Person[]) =>
  makeFollowUp({ planKey, title: `Plan ${planKey}`, sortOrder, owners });

describe('ReminderPanel', () => {
  it('looks owners up by UPN, so the owner with a mail alias is @-mentioned too', async () => {
    const { user, resolveUsers, send, onSent } = renderPanel([
      plan('a', 1, [ANNA]),
      plan('b', 2, [DAVID]),
    ]);
    await user.click(screen.getByRole('button', { name: 'Påminn' }));
    await user.click(await screen.findByRole('button', { name: 'Skicka påminnelse' }));

    await waitFor(() => expect(onSent).toHaveBeenCalled());
    expect(resolveUsers).toHaveBeenCalledWith([ANNA.upn, DAVID.upn]);
    const [, message] = send.mock.calls[0] ?? [];
    expect(message?.mentions.map((m) => [m.mentionText, m.user.id])).toEqual([
      [ANNA.name, 'oid-anna'],
      [DAVID.name, 'oid-david'],
    ]);
    expect(onSent).toHaveBeenCalledWith('Påminnelse skickad till 2 personer.');
  });

  it('sends nothing and names the owner Graph cannot find', async () => {
    const { user, send } = renderPanel([plan('a', 1, [ANNA]), plan('c', 3, [NO_LOGIN])]);
    await user.click(screen.getByRole('button', { name: 'Påminn' }));
    await user.click(await screen.findByRole('button', { name: 'Skicka påminnelse' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Följande personer hittades inte i katalogen: Extern Konsult. Inget skickades',
    );
    expect(send).not.toHaveBeenCalled();
  });

  it('in Teams sends both; a refused notification is reported per person beside the channel’s outcome', async () => {
    const graph = fakeMessenger();
    const notify = vi.fn(async (_n: ActivityNotification) => {
      throw new StoreFailure('forbidden', 'Activity notification: 403', { service: 'graph' });
    });
    const onSent = vi.fn();
    const links = {
      planForm: (t: Pick<FollowUp, 'periodKey' | 'planKey' | 'title'>) =>
        teamsPlanLink(
          { appId: 'app-1', entityId: 'planuppfoljning', channelId: CHANNEL.channelId },
          t,
          { webUrl: planFormLink('https://app.example/', t), label: t.title },
        ),
    };
    const { user } = renderWithProviders(
      <ReminderPanel
        period={makePeriod(OPEN_PERIOD, 'open', 2)}
        followUps={[plan('a', 1, [ANNA, KARIN]), plan('b', 2, [DAVID])]}
        viewer={COORDINATOR}
        onSent={onSent}
      />,
      {
        services: {
          ...createFakeServices(),
          messenger: graph.messenger,
          notifier: { notify },
          channel: CHANNEL,
          links,
        },
      },
    );
    await user.click(screen.getByRole('button', { name: 'Påminn' }));
    expect(await screen.findByRole('radio', { name: 'Båda' })).toBeChecked();
    // The coordinator owns plan a too, and is told she gets no notification from herself.
    expect(screen.getByText(/får ingen personlig avisering/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Skicka påminnelse' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Meddelandet i kanalen är skickat och nämner 3 personer.');
    expect(alert).toHaveTextContent(
      `${ANNA.name} fick ingen personlig avisering: Teams tog inte emot`,
    );
    expect(alert).toHaveTextContent(`${DAVID.name} fick ingen personlig avisering`);
    expect(alert).not.toHaveTextContent(`${KARIN.name} fick ingen`);
    // One request per plan, by object id, the sender left out, each with its Teams link.
    expect(notify.mock.calls.map(([n]) => [n.topic.text, n.recipientIds])).toEqual([
      ['1. Plan a', ['oid-anna']],
      ['2. Plan b', ['oid-david']],
    ]);
    expect(notify.mock.calls[0]?.[0].topic.webUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\//);
    expect(graph.send).toHaveBeenCalledTimes(1);
    // Nothing lost: what did not go out is chosen again.
    expect(screen.getByRole('radio', { name: 'Personligt' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Stäng' }));
    await waitFor(() => expect(onSent).toHaveBeenCalled());
  });

  it('outside Teams offers the channel only, and says why', async () => {
    const { user } = renderPanel([plan('a', 1, [ANNA])]);
    await user.click(screen.getByRole('button', { name: 'Påminn' }));
    expect(await screen.findByRole('radio', { name: 'Kanal' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Personligt' })).toBeDisabled();
    expect(screen.getByText(/kan bara skickas från fliken i en Teams-kanal/)).toBeInTheDocument();
  });
});
