import { screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { DemoSessionPort } from '../../src/domain/ports';
import { OwnerScreen } from '../../src/features/owner/owner-screen';
import {
  ANNA,
  COORDINATOR,
  createFakeServices,
  KARIN,
  OWNER,
  renderWithProviders,
} from './render-with-providers';

vi.setConfig({ testTimeout: 20_000 });

describe('Visa som', () => {
  it('keeps focus on the control after switching user, never on the page’s body', async () => {
    const services = createFakeServices({ viewer: OWNER });
    const demoSession: DemoSessionPort = {
      users: vi.fn(async () => [
        { key: ANNA.upn, siteUserId: ANNA.id, name: ANNA.name, isCoordinator: false },
        { key: KARIN.upn, siteUserId: KARIN.id, name: KARIN.name, isCoordinator: true },
      ]),
      signInAs: vi.fn(async () => {
        services.session.viewer = COORDINATOR;
      }),
    };
    // As the app does: switching user draws the screen anew.
    function App() {
      const [session, setSession] = useState(0);
      return <OwnerScreen key={session} onSessionChanged={() => setSession((n) => n + 1)} />;
    }
    const { user } = renderWithProviders(<App />, { services: { ...services, demoSession } });
    const viewAs = await screen.findByRole('combobox', { name: 'Visa som' });
    await waitFor(() => expect(viewAs).toBeEnabled());
    await user.click(viewAs);
    await user.click(await screen.findByRole('option', { name: /Karin Samordnare/ }));
    await waitFor(() => expect(demoSession.signInAs).toHaveBeenCalledWith(KARIN.upn));
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Visa som' })).toHaveTextContent(
        'Karin Samordnare (samordnare)',
      ),
    );
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Visa som' })).toHaveFocus());
    expect(document.activeElement).not.toBe(document.body);
  });
});
