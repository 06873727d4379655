import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Navigation } from '../../src/features/shell/navigation';
import { renderWithProviders } from './render-with-providers';

/** The views are pages of the app: links with addresses, the current one marked (not tabs). */
describe('Navigation', () => {
  function renderNav() {
    const onChange = vi.fn();
    const view = renderWithProviders(
      <Navigation view="overview" onChange={onChange} hrefOf={(v) => `?view=${v}`} />,
    );
    const nav = screen.getByRole('navigation', { name: 'Vyer' });
    return { ...view, onChange, nav };
  }

  it('is a list of links, each to its view’s address, the current one aria-current="page"', () => {
    const { nav } = renderNav();
    expect(within(nav).queryAllByRole('tab')).toEqual([]);
    const links = within(nav).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual([
      'Handlingsplaner',
      'Översikt',
      'Bilaga 2',
      'Hjälp',
      'Inställningar',
    ]);
    expect(within(nav).getByRole('link', { name: 'Bilaga 2' })).toHaveAttribute(
      'href',
      '?view=report',
    );
    const current = links.filter((l) => l.getAttribute('aria-current') === 'page');
    expect(current.map((l) => l.textContent)).toEqual(['Översikt']);
  });

  it('changes the view in place on a plain click and on Enter, without loading the page', async () => {
    const { nav, onChange, user } = renderNav();
    await user.click(within(nav).getByRole('link', { name: 'Bilaga 2' }));
    expect(onChange).toHaveBeenLastCalledWith('report');
    within(nav).getByRole('link', { name: 'Hjälp' }).focus();
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenLastCalledWith('help');
    const plain = fireEvent.click(within(nav).getByRole('link', { name: 'Hjälp' }));
    // false: the default (following the address) was prevented.
    expect(plain).toBe(false);
  });

  it('leaves a modified click (new tab, new window) to the browser', () => {
    const { nav, onChange } = renderNav();
    const followed = fireEvent.click(within(nav).getByRole('link', { name: 'Bilaga 2' }), {
      ctrlKey: true,
    });
    expect(followed).toBe(true);
    expect(onChange).not.toHaveBeenCalled();
  });
});
