import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CheckEvent, CheckResult } from '../../src/domain/environment-check';
import type { EnvironmentCheck } from '../../src/domain/ports';
import SettingsScreen from '../../src/features/settings/settings-screen';
import { createFakeServices, OWNER, renderWithProviders } from './render-with-providers';

/** A preflight whose run the test steps through: each call of `next` sends one event. */
function steppedCheck() {
  let emit: ((event: CheckEvent) => void) | null = null;
  let finish: (() => void) | null = null;
  const check: EnvironmentCheck = {
    run: (onEvent) =>
      new Promise<void>((resolve) => {
        emit = onEvent;
        finish = resolve;
      }),
  };
  return {
    check,
    send: (event: CheckEvent) => emit?.(event),
    end: () => finish?.(),
  };
}

const fail: CheckResult = {
  state: 'fail',
  problem: {
    kind: 'consent',
    permission: { name: 'ChannelMessage.Send', resource: 'Microsoft Graph' },
  },
};

describe('Kontrollera miljön in Inställningar', () => {
  it('runs by keyboard, announces each check politely and keeps the results', async () => {
    const stepped = steppedCheck();
    const services = { ...createFakeServices({ viewer: OWNER }), environmentCheck: stepped.check };
    const { user } = renderWithProviders(<SettingsScreen />, { services });
    const section = await screen.findByRole('region', { name: 'Kontrollera miljön' });
    const button = within(section).getByRole('button', { name: 'Kontrollera miljön' });
    button.focus();
    await user.keyboard('{Enter}');

    const status = within(section).getByRole('status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    const results = within(section).getByRole('list', { name: 'Resultat av miljökontrollen' });
    expect(within(results).getAllByRole('listitem')).toHaveLength(9);
    expect(within(results).getByRole('listitem', { name: 'Appens listor: Väntar' })).toBeVisible();

    stepped.send({ id: 'lists', phase: 'running' });
    expect(await within(section).findByText('Kontrollerar: Appens listor…')).toBeVisible();
    expect(
      within(results).getByRole('listitem', { name: 'Appens listor: Kontrolleras' }),
    ).toBeVisible();
    stepped.send({
      id: 'lists',
      phase: 'done',
      result: { state: 'pass', note: { kind: 'lists', lists: ['A', 'B'] } },
    });
    expect(await within(section).findByText('Appens listor: Fungerar.')).toBeVisible();
    stepped.send({ id: 'consent-channel', phase: 'done', result: fail });
    stepped.send({
      id: 'consent-activity',
      phase: 'done',
      result: { state: 'skipped', reason: 'local-mode' },
    });
    stepped.end();

    expect(
      await within(section).findByText(
        'Klart: 1 fungerar, 0 med anmärkning, 1 kräver åtgärd, 1 hoppades över.',
      ),
    ).toBeVisible();
    const channel = within(results).getByRole('listitem', {
      name: 'Behörigheten ChannelMessage.Send (Microsoft Graph): Åtgärd krävs',
    });
    expect(channel).toHaveTextContent(
      'IT har inte godkänt behörigheten ChannelMessage.Send (Microsoft Graph) för appen.',
    );
    expect(channel).toHaveTextContent('Vad IT ska göra:');
    expect(
      within(results).getByRole('listitem', {
        name: 'Behörigheten TeamsActivity.Send (Microsoft Graph): Hoppades över',
      }),
    ).toHaveTextContent('Ingen inloggning i lokalt läge');
    // The results stay; the button offers another run.
    expect(within(section).getByRole('button', { name: 'Kontrollera miljön igen' })).toBeEnabled();
  });
});
