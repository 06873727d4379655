import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { WaitNotice } from '../../src/features/shell/wait-notice';
import { createFakeServices, renderWithProviders } from './render-with-providers';

describe('WaitNotice', () => {
  it('draws nothing and settles where the services have no waits', () => {
    const services = createFakeServices();
    expect(services.waits).toBeUndefined();
    // A new empty snapshot on every read made React re-render without end.
    renderWithProviders(<WaitNotice />, { services });
    expect(screen.getByRole('status')).toHaveTextContent('');
    expect(screen.queryByRole('button', { name: 'Avbryt väntan' })).not.toBeInTheDocument();
  });
});
