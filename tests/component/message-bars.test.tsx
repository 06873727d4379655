import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { StoreFailure } from '../../src/domain/errors';
import { OwnerScreen } from '../../src/features/owner/owner-screen';
import { LoadFailed } from '../../src/features/shared/load-failed';
import { createFakeServices, renderWithProviders } from './render-with-providers';

/**
 * Fluent labels each MessageBar with `aria-labelledby` = its MessageBarTitle's id; a bar without
 * a title then points at an id that is not in the page (WCAG 4.1.2). No reference may dangle.
 */
function danglingReferences(): string[] {
  const missing: string[] = [];
  for (const attribute of ['aria-labelledby', 'aria-describedby']) {
    for (const element of document.querySelectorAll(`[${attribute}]`)) {
      for (const id of (element.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean)) {
        if (!document.getElementById(id)) missing.push(`${element.tagName} ${attribute}=${id}`);
      }
    }
  }
  return missing;
}

describe('message bars', () => {
  it('a failed load’s bar refers to no missing id', () => {
    renderWithProviders(
      <LoadFailed error={new StoreFailure('offline', 'test')} onRetry={vi.fn()} />,
    );
    expect(screen.getByRole('alert')).toBeVisible();
    expect(danglingReferences()).toEqual([]);
  });

  it('the plan list’s failure, on the owner’s screen, refers to no missing id', async () => {
    const services = createFakeServices();
    services.followUps.rejectNextList('throttled');
    renderWithProviders(<OwnerScreen onSessionChanged={vi.fn()} />, { services });
    expect(await screen.findByRole('alert')).toBeVisible();
    expect(danglingReferences()).toEqual([]);
  });
});
