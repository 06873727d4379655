import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { FollowUp, PlanKey } from '../../src/domain/follow-up';
import type { PeriodKey } from '../../src/domain/period';
import { ChangeSummary } from '../../src/features/history/change-summary';
import { PlanHistory } from '../../src/features/history/plan-history';
import { formatDateTime } from '../../src/i18n/i18n';
import {
  ANNA,
  BJORN,
  createFakeServices,
  makeFollowUp,
  makePeriod,
  renderWithProviders,
} from './render-with-providers';

const TITLE = 'Övergripande handlingsplan för läkemedel 2020';
const PLAN = 'lakemedel' as PlanKey;

const APRIL = '2020-04' as PeriodKey;
const AUGUST = '2020-08' as PeriodKey;
const DECEMBER = '2020-12' as PeriodKey;

const PERIODS = [
  makePeriod(DECEMBER, 'open', 3),
  makePeriod(AUGUST, 'locked', 2),
  makePeriod(APRIL, 'locked', 1),
];

const APRIL_COMMENT =
  '<p>Arbetet med minskad antibiotikaförskrivning fortsätter enligt plan.</p><img src="x" onerror="alert(1)">';
const AUGUST_COMMENT =
  '<p>Arbetet med minskad antibiotikaförskrivning fortsätter <strong>snabbare än</strong> plan.</p>';

function lakemedel(fields: Partial<FollowUp> & { periodKey: PeriodKey }): FollowUp {
  return makeFollowUp({ planKey: PLAN, title: TITLE, sortOrder: 3, ...fields });
}

/** The plan in three periods (partly, good, good again with the comment copied on), and noise. */
function threePeriods(): FollowUp[] {
  return [
    lakemedel({
      periodKey: APRIL,
      status: 'partly',
      comment: APRIL_COMMENT,
      inputState: 'submitted',
      submittedBy: ANNA,
      submittedAt: '2020-05-10T07:30:00Z',
    }),
    lakemedel({
      periodKey: AUGUST,
      status: 'good',
      comment: AUGUST_COMMENT,
      inputState: 'submitted',
      submittedBy: BJORN,
      submittedAt: '2020-09-02T10:00:00Z',
    }),
    lakemedel({
      periodKey: DECEMBER,
      status: 'good',
      statusNote: 'Inväntar årsdata',
      comment: AUGUST_COMMENT,
      inputState: 'draft',
    }),
    // Another plan's follow-up in the same list: not part of this history.
    makeFollowUp({ planKey: 'it', title: 'IT-säkerhet', sortOrder: 2, periodKey: AUGUST }),
  ];
}

function renderHistory(
  followUps: FollowUp[] = threePeriods(),
  options: { locale?: 'sv' | 'en' } = {},
) {
  const services = createFakeServices({ periods: PERIODS, followUps });
  const onClose = vi.fn();
  const rendered = renderWithProviders(
    <PlanHistory planKey={PLAN} title={TITLE} periods={PERIODS} onClose={onClose} />,
    { services, ...options },
  );
  return { ...rendered, services, onClose };
}

/** The text a screen reader gets: without aria-hidden parts (the arrows), whitespace folded. */
function spokenText(element: Element): string {
  const clone = element.cloneNode(true) as Element;
  for (const hidden of clone.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
}

async function items(): Promise<HTMLElement[]> {
  const list = await screen.findByRole('list', { name: 'Perioder, senaste först' });
  return within(list).getAllByRole('listitem');
}

async function item(name: string): Promise<HTMLElement> {
  await screen.findByRole('list', { name: 'Perioder, senaste först' });
  return screen.getByRole('listitem', { name });
}

describe('PlanHistory', () => {
  it('shows a heading with the plan, loading first, and loads the history in one request', async () => {
    const { services } = renderHistory();
    expect(screen.getByRole('heading', { level: 2, name: `Historik: ${TITLE}` })).toBeVisible();
    expect(screen.getByText('Laddar…')).toBeInTheDocument();
    await items();
    expect(screen.queryByText('Laddar…')).not.toBeInTheDocument();
    expect(services.followUps.planListCalls).toEqual([PLAN]);
    expect(services.followUps.listCalls).toEqual([]);
  });

  it('lists the periods the plan was part of, newest first, each under its label', async () => {
    renderHistory();
    const listed = await items();
    expect(listed.map((li) => within(li).getByRole('heading', { level: 3 }).textContent)).toEqual([
      'Årsbokslut 2020',
      'Delårsrapport augusti 2020',
      'Tertialrapport april 2020',
    ]);
    expect(screen.queryByText('IT-säkerhet')).not.toBeInTheDocument();
  });

  it('shows status, note and who submitted when, or that it is not submitted', async () => {
    renderHistory();
    const december = await item('Årsbokslut 2020');
    expect(within(december).getByText('Arbetet går bra')).toBeVisible();
    // The note is the owner's text, marked Swedish inside the UI's sentence.
    expect(within(december).getByText(/^Notering:/)).toHaveTextContent(
      'Notering: Inväntar årsdata',
    );
    expect(within(december).getByText('Inte inskickad (utkast)')).toBeVisible();

    const august = screen.getByRole('listitem', { name: 'Delårsrapport augusti 2020' });
    expect(
      within(august).getByText(
        `Inskickad av Björn Ekholm ${formatDateTime('2020-09-02T10:00:00Z', 'sv')}`,
      ),
    ).toBeVisible();

    const april = screen.getByRole('listitem', { name: 'Tertialrapport april 2020' });
    expect(within(april).getByText('Arbetet går delvis bra')).toBeVisible();
    expect(
      within(april).getByText(
        `Inskickad av Anna Ägare ${formatDateTime('2020-05-10T07:30:00Z', 'sv')}`,
      ),
    ).toBeVisible();
  });

  it('says how the status changed in words, arrows hidden from screen readers', async () => {
    renderHistory();
    const august = await item('Delårsrapport augusti 2020');
    const sentence = within(august).getByText('Från').parentElement;
    if (!sentence) throw new Error('no status change sentence');
    expect(spokenText(sentence)).toBe('Från Arbetet går delvis bra till Arbetet går bra (bättre)');
    // Sighted readers see the arrows too; they only repeat the words.
    expect(sentence).toHaveTextContent(/Från ➔\s*Arbetet går delvis bra till ↑\s*Arbetet går bra/);
    for (const arrow of within(sentence).getAllByText(/^[➔↑]$/)) {
      expect(arrow).toHaveAttribute('aria-hidden', 'true');
    }

    const december = screen.getByRole('listitem', { name: 'Årsbokslut 2020' });
    expect(within(december).getByText('Samma status som föregående period')).toBeVisible();
    const april = screen.getByRole('listitem', { name: 'Tertialrapport april 2020' });
    expect(within(april).getByText('Ingen tidigare period att jämföra med.')).toBeVisible();
  });

  it('flags a comment copied on unchanged, and only that one', async () => {
    renderHistory();
    const december = await item('Årsbokslut 2020');
    expect(within(december).getByText('Kopierad oförändrad från föregående period')).toBeVisible();
    expect(within(december).queryByRole('button', { name: 'Visa ändringar' })).toBeNull();
    expect(screen.getAllByText('Kopierad oförändrad från föregående period')).toHaveLength(1);
  });

  it('shows the comment sanitized', async () => {
    renderHistory();
    const april = await item('Tertialrapport april 2020');
    expect(
      within(april).getByText(
        'Arbetet med minskad antibiotikaförskrivning fortsätter enligt plan.',
      ),
    ).toBeVisible();
    expect(april.querySelector('img')).toBeNull();
    expect(within(april).queryByText('Kommentaren ändrad')).toBeNull();
  });

  it('shows the word changes on request, as insertions and deletions that say so', async () => {
    const { user } = renderHistory();
    const august = await item('Delårsrapport augusti 2020');
    expect(within(august).getByText('Kommentaren ändrad')).toBeVisible();
    const toggle = within(august).getByRole('button', { name: 'Visa ändringar' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(within(august).queryByRole('insertion')).toBeNull();
    expect(within(august).queryByRole('deletion')).toBeNull();

    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const changes = within(august).getByRole('group', {
      name: 'Ändringar i kommentaren sedan Tertialrapport april 2020',
    });
    expect(toggle).toHaveAttribute('aria-controls', changes.id);
    expect(within(changes).getByRole('insertion')).toHaveTextContent('snabbare än');
    expect(within(changes).getByRole('deletion')).toHaveTextContent('enligt');
    // Not colour alone: a legend for the eye, and each run named for the ear.
    expect(
      within(changes).getByText('Tillagd text är understruken, borttagen text är överstruken.'),
    ).toBeVisible();
    expect(changes).toHaveTextContent(
      'Arbetet med minskad antibiotikaförskrivning fortsätter borttaget: enligt slut på borttaget tillagt: snabbare än slut på tillagt plan.',
    );

    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(within(august).queryByRole('insertion')).toBeNull();
  });

  it('opens and closes the changes with the keyboard', async () => {
    const { user } = renderHistory();
    const august = await item('Delårsrapport augusti 2020');
    const toggle = within(august).getByRole('button', { name: 'Visa ändringar' });
    toggle.focus();
    await user.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(within(august).getByRole('insertion')).toBeVisible();
    await user.keyboard(' ');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });

  it('shows a removed comment as deleted text', async () => {
    const { user } = renderHistory([
      lakemedel({ periodKey: APRIL, status: 'poor', comment: '<p>Gammal text.</p>' }),
      lakemedel({ periodKey: AUGUST, status: 'poor', comment: '', inputState: 'submitted' }),
    ]);
    const august = await item('Delårsrapport augusti 2020');
    expect(within(august).getByText('Kommentaren borttagen')).toBeVisible();
    expect(within(august).getByText('Ingen kommentar lämnades.')).toBeVisible();
    await user.click(within(august).getByRole('button', { name: 'Visa ändringar' }));
    expect(within(august).getByRole('deletion')).toHaveTextContent('Gammal text.');
  });

  it('says so for a period where nothing was entered', async () => {
    renderHistory([
      lakemedel({ periodKey: APRIL, status: 'good', inputState: 'submitted' }),
      lakemedel({ periodKey: AUGUST, inputState: 'missing' }),
    ]);
    const august = await item('Delårsrapport augusti 2020');
    expect(within(august).getByText('Inget svar lämnades för perioden.')).toBeVisible();
    expect(within(august).queryByText('Från')).toBeNull();
  });

  it('says so when the plan has no follow-ups', async () => {
    renderHistory([]);
    expect(await screen.findByText('Planen har ingen uppföljning att visa ännu.')).toBeVisible();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('tells in Swedish when loading failed, and tries again', async () => {
    const services = createFakeServices({ periods: PERIODS, followUps: threePeriods() });
    services.followUps.rejectNextList('offline');
    const { user } = renderWithProviders(
      <PlanHistory planKey={PLAN} title={TITLE} periods={PERIODS} onClose={() => {}} />,
      { services },
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Det gick inte att hämta planens historik.');
    expect(alert).toHaveTextContent('Det går inte att nå SharePoint.');
    expect(screen.queryByRole('list')).toBeNull();

    await user.click(within(alert).getByRole('button', { name: 'Försök igen' }));
    expect(await items()).toHaveLength(3);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(services.followUps.planListCalls).toEqual([PLAN, PLAN]);
  });

  it('closes with its close button', async () => {
    const { user, onClose } = renderHistory();
    await items();
    await user.click(screen.getByRole('button', { name: 'Stäng historik' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('speaks English when the app does', async () => {
    renderHistory(undefined, { locale: 'en' });
    expect(screen.getByRole('heading', { level: 2, name: `History: ${TITLE}` })).toBeVisible();
    const list = await screen.findByRole('list', { name: 'Periods, newest first' });
    const august = within(list).getByRole('listitem', { name: 'Interim report August 2020' });
    const sentence = within(august).getByText('From').parentElement;
    expect(sentence && spokenText(sentence)).toBe('From Partly going well to Going well (better)');
    expect(screen.getByRole('button', { name: 'Close history' })).toBeVisible();
  });
});

describe('ChangeSummary', () => {
  const [april, august, december] = threePeriods();

  function renderSummary(current: FollowUp | undefined, previous: FollowUp | null | undefined) {
    if (!current) throw new Error('missing fixture');
    return renderWithProviders(<ChangeSummary current={current} previous={previous} />);
  }

  it('says how the status went and that the comment changed', () => {
    const { container } = renderSummary(august, april);
    expect(spokenText(container)).toBe(
      'Från Arbetet går delvis bra till Arbetet går bra (bättre) Kommentaren ändrad',
    );
  });

  it('says the comment is unchanged', () => {
    const { container } = renderSummary(december, august);
    expect(spokenText(container)).toBe('Samma status som föregående period Kommentaren oförändrad');
  });

  it('says the comment is new when there is no previous follow-up', () => {
    const { container } = renderSummary(april, null);
    expect(spokenText(container)).toBe('Ingen tidigare period att jämföra med. Ny kommentar');
  });

  it('says worse in words', () => {
    if (!august || !april) throw new Error('missing fixture');
    const { container } = renderSummary({ ...april, status: 'poor' }, august);
    expect(spokenText(container)).toMatch(
      /^Från Arbetet går bra till Arbetet går dåligt \(sämre\)/,
    );
  });
});
