import { StoreFailure } from '../../src/domain/errors';
import type { Services } from '../../src/domain/ports';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import type { FollowUp, FollowUpInput } from '../../src/domain/follow-up';
import type { PeriodState } from '../../src/domain/period';
import type { Viewer } from '../../src/domain/rules';
import { FollowUpForm } from '../../src/features/owner/follow-up-form';
import { inputOf } from '../../src/domain/follow-up';
import {
  COORDINATOR,
  createFakeServices,
  KARIN,
  LOCKED_PERIOD,
  makePeriod,
  OPEN_PERIOD,
  OTHER_OWNER,
  OWNER,
  planName,
  PREVIOUS_LAKEMEDEL_COMMENT,
  renderWithProviders,
  typeInEditor,
  type FakeServices,
  type PlanId,
  EDITOR_TIMEOUT,
  preloadEditor,
} from './render-with-providers';

// Journeys through the lazily loaded editor take longer than Vitest's 5 s default on a busy machine.
vi.setConfig({ testTimeout: 20_000 });

beforeAll(preloadEditor);

interface FormOptions {
  readonly plan?: PlanId;
  readonly viewer?: Viewer;
  readonly periodState?: PeriodState;
  /** Changes to the stored follow-up before the form opens. */
  readonly stored?: Partial<FollowUp>;
  /** Unsaved text from earlier in the session; defaults to what is stored. */
  readonly initialInput?: FollowUpInput;
  /** Tenant mode's interactive sign-in. */
  readonly signIn?: Services['signIn'];
}

/**
 * Renders one plan's form as the owner screen does, with the in-memory ports. Waits for the
 * lazily loaded editor when the form is editable, so nothing changes after the test.
 */
async function renderForm(options: FormOptions = {}) {
  const plan = options.plan ?? 'lakemedel';
  const viewer = options.viewer ?? OWNER;
  const created: FakeServices = createFakeServices({ viewer });
  const services: FakeServices = options.signIn
    ? Object.assign(created, { signIn: options.signIn })
    : created;
  const stored = services.followUps.get(plan);
  const followUp: FollowUp = { ...stored, ...options.stored };
  services.followUps.items.set(followUp.itemId, followUp);
  const onSaved = vi.fn<(saved: FollowUp) => void>();
  const onInputChange = vi.fn<(input: FollowUpInput) => void>();
  const period = makePeriod(OPEN_PERIOD, options.periodState ?? 'open');

  const rendered = renderWithProviders(
    <FollowUpForm
      followUp={followUp}
      period={period}
      previous={services.followUps.get(plan, LOCKED_PERIOD)}
      previousPeriod={makePeriod(LOCKED_PERIOD, 'locked')}
      onShowHistory={vi.fn()}
      viewer={viewer}
      initialInput={options.initialInput ?? inputOf(followUp)}
      onInputChange={onInputChange}
      onSaved={onSaved}
    />,
    { services },
  );
  const form = screen.getByRole('region', { name: planName(plan) });
  const editable = within(form).queryByRole('button', { name: 'Spara utkast' }) !== null;
  const editor = editable
    ? await within(form).findByRole('textbox', { name: 'Kommentar' }, EDITOR_TIMEOUT)
    : null;
  return { ...rendered, services, followUp, form, editor, onSaved, onInputChange };
}

function radio(name: string) {
  return screen.getByRole('radio', { name });
}

function button(name: string) {
  return screen.getByRole('button', { name });
}

describe('the form', () => {
  test('shows the plan as a level-2 heading with its details', async () => {
    const { form } = await renderForm();

    expect(
      screen.getByRole('heading', { level: 2, name: planName('lakemedel') }),
    ).toBeInTheDocument();
    expect(form).toHaveTextContent('RS/1957/2019');
    expect(form).toHaveTextContent('Anna Ägare, Karin Samordnare');
    expect(screen.getByRole('radiogroup', { name: 'Status' })).toBeInTheDocument();
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual([
      'good',
      'partly',
      'poor',
      'not-assessed',
    ]);
  });

  test('shows last period beside the form, and copying puts its comment in the editor', async () => {
    const { user, editor, onInputChange } = await renderForm();
    const previous = screen.getByRole('complementary', {
      name: 'Föregående period: Tertialrapport april 2020',
    });
    expect(within(previous).getByText('Arbetet går delvis bra')).toBeInTheDocument();

    await user.click(within(previous).getByRole('button', { name: 'Kopiera till kommentaren' }));

    await waitFor(() =>
      expect(editor).toHaveTextContent(
        'Arbetet med minskad antibiotikaförskrivning fortsätter enligt plan.',
      ),
    );
    expect(onInputChange).toHaveBeenLastCalledWith({
      status: null,
      statusNote: '',
      comment: PREVIOUS_LAKEMEDEL_COMMENT,
    });
  });

  test('copying into an empty comment copies at once, without asking', async () => {
    const { user, editor } = await renderForm();

    await user.click(button('Kopiera till kommentaren'));

    await waitFor(() => expect(editor).toHaveTextContent(/antibiotika/));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Föregående kommentar har kopierats in.');
  });

  test.each([
    ['Ersätt', /^Arbetet med minskad antibiotika/, 'Föregående kommentar har ersatt din text.'],
    [
      'Lägg till efter',
      /^Redan skrivet\..*antibiotika/,
      'Föregående kommentar har lagts till efter din text.',
    ],
  ])(
    'copying into a written comment asks whether to replace or append: "%s" does what it says',
    async (choice, expected, said) => {
      const { user, editor } = await renderForm({
        initialInput: { status: null, statusNote: '', comment: '<p>Redan skrivet.</p>' },
      });

      await user.click(button('Kopiera till kommentaren'));

      const dialog = await screen.findByRole('dialog', { name: 'Kommentaren är inte tom' });
      expect(dialog).toHaveTextContent(
        'Vill du ersätta det du har skrivit med föregående periods kommentar, eller lägga till den efter din text?',
      );
      expect(within(dialog).getByRole('button', { name: 'Avbryt' })).toBeInTheDocument();
      await user.click(within(dialog).getByRole('button', { name: choice }));

      await waitFor(() => expect(editor).toHaveTextContent(expected));
      // Fluent's modalizer lifts aria-hidden from the page a moment after the dialog closes.
      await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(said));
      if (choice === 'Ersätt') expect(editor).not.toHaveTextContent('Redan skrivet.');
    },
  );

  test('"Avbryt" in the copy question leaves the comment as it was', async () => {
    const { user, editor, onInputChange } = await renderForm({
      initialInput: { status: null, statusNote: '', comment: '<p>Redan skrivet.</p>' },
    });

    await user.click(button('Kopiera till kommentaren'));
    const dialog = await screen.findByRole('dialog', { name: 'Kommentaren är inte tom' });
    // It opens on Avbryt: Enter changes nothing.
    const cancel = within(dialog).getByRole('button', { name: 'Avbryt' });
    expect(cancel).toHaveFocus();
    await user.click(cancel);

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(editor).toHaveTextContent(/^Redan skrivet\.$/);
    expect(onInputChange).not.toHaveBeenCalled();
  });

  test('shows last period’s note when the plan was not assessed', async () => {
    await renderForm({ plan: 'tillganglighet', viewer: OTHER_OWNER });
    const previous = screen.getByRole('complementary', { name: /Föregående period/ });
    expect(within(previous).getByText('Ej bedömd')).toBeInTheDocument();
    expect(within(previous).getByText('Ska omarbetas')).toBeInTheDocument();
  });

  test('starts from unsaved text of earlier in the session, not from what is stored', async () => {
    const { editor } = await renderForm({
      initialInput: { status: 'poor', statusNote: '', comment: '<p>Inte sparat än.</p>' },
    });
    expect(radio('Arbetet går dåligt')).toBeChecked();
    expect(editor).toHaveTextContent('Inte sparat än.');
    expect(screen.getByText('Osparade ändringar')).toBeInTheDocument();
  });

  test('typing in the comment reports the new input and counts the characters', async () => {
    const { user, editor, onInputChange } = await renderForm();
    expect(screen.getByText('0 av 10 000 tecken')).toBeInTheDocument();

    await typeInEditor(user, editor!, 'Läget är gott');

    expect(editor).toHaveTextContent('Läget är gott');
    expect(screen.getByText('13 av 10 000 tecken')).toBeInTheDocument();
    expect(onInputChange).toHaveBeenLastCalledWith({
      status: null,
      statusNote: '',
      comment: '<p>Läget är gott</p>',
    });
    expect(screen.getByText('Osparade ändringar')).toBeInTheDocument();
  });
});

describe('validation', () => {
  test('submitting without a status is refused in Swedish, saves nothing and focuses the status', async () => {
    const { user, services, editor, onSaved } = await renderForm();
    await typeInEditor(user, editor!, 'Mitt utkast');

    await user.click(button('Skicka in'));

    expect(screen.getByText('Välj en status innan du skickar in.')).toBeInTheDocument();
    expect(screen.getByRole('radiogroup', { name: 'Status' })).toHaveAccessibleDescription(
      expect.stringContaining('Välj en status innan du skickar in.'),
    );
    expect(
      screen.getByText(
        'Rätta det som är markerat och försök igen. Inget av det du skrivit har tagits bort.',
      ),
    ).toBeInTheDocument();
    expect(radio('Arbetet går bra')).toHaveFocus();
    expect(services.followUps.saveCalls).toHaveLength(0);
    expect(onSaved).not.toHaveBeenCalled();
    expect(editor).toHaveTextContent('Mitt utkast');
  });

  test('the status message goes away once a status is chosen', async () => {
    const { user } = await renderForm();
    await user.click(button('Skicka in'));
    expect(screen.getByText('Välj en status innan du skickar in.')).toBeInTheDocument();

    await user.click(radio('Arbetet går delvis bra'));

    expect(screen.queryByText('Välj en status innan du skickar in.')).not.toBeInTheDocument();
  });

  test('a draft may be saved without a status', async () => {
    const { user, services } = await renderForm();

    await user.click(button('Spara utkast'));

    await waitFor(() => expect(services.followUps.saveCalls).toHaveLength(1));
    expect(services.followUps.saveCalls[0]?.input.status).toBeNull();
    expect(screen.queryByText('Välj en status innan du skickar in.')).not.toBeInTheDocument();
  });

  test('"Ej bedömd" asks for a note, and submitting without one is refused with everything kept', async () => {
    const { user, services, editor } = await renderForm();
    await typeInEditor(user, editor!, 'Utkast som inte får försvinna.');
    expect(screen.queryByRole('textbox', { name: /Notering/ })).not.toBeInTheDocument();

    await user.click(radio('Ej bedömd'));
    const note = screen.getByRole('textbox', { name: /Notering/ });
    expect(note).toBeRequired();
    await user.type(note, '   ');
    await user.click(button('Skicka in'));

    expect(screen.getByText('Skriv en notering när planen inte bedöms.')).toBeInTheDocument();
    expect(note).toHaveAccessibleDescription(
      expect.stringContaining('Skriv en notering när planen inte bedöms.'),
    );
    expect(note).toHaveFocus();
    expect(services.followUps.saveCalls).toHaveLength(0);
    expect(radio('Ej bedömd')).toBeChecked();
    expect(editor).toHaveTextContent('Utkast som inte får försvinna.');

    await user.clear(note);
    await user.type(note, 'Ska omarbetas');
    expect(screen.queryByText('Skriv en notering när planen inte bedöms.')).not.toBeInTheDocument();
    await user.click(button('Skicka in'));

    await waitFor(() => expect(services.followUps.saveCalls).toHaveLength(1));
    expect(services.followUps.saveCalls[0]).toMatchObject({
      intent: 'submit',
      input: {
        status: 'not-assessed',
        statusNote: 'Ska omarbetas',
        comment: '<p>Utkast som inte får försvinna.</p>',
      },
    });
  });

  test('a note longer than the field holds is refused even for a draft', async () => {
    const { user, services } = await renderForm();
    await user.click(radio('Ej bedömd'));
    const note = screen.getByRole('textbox', { name: /Notering/ });
    await user.click(note);
    await user.paste('x'.repeat(256));

    await user.click(button('Spara utkast'));

    expect(screen.getByText('Noteringen får vara högst 255 tecken.')).toBeInTheDocument();
    expect(note).toHaveValue('x'.repeat(256));
    expect(services.followUps.saveCalls).toHaveLength(0);
  });
});

describe('saving', () => {
  test('"Spara utkast" saves the input once, from the version the form started with', async () => {
    const { user, services, followUp, editor, onSaved } = await renderForm();
    await user.click(radio('Arbetet går bra'));
    await typeInEditor(user, editor!, 'Allt enligt plan.');

    await user.click(button('Spara utkast'));

    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(/^Utkastet sparades \d{2}:\d{2}\.$/),
    );
    expect(services.followUps.saveCalls).toEqual([
      {
        followUp: { itemId: followUp.itemId, version: '"1"' },
        input: { status: 'good', statusNote: '', comment: '<p>Allt enligt plan.</p>' },
        intent: 'draft',
        by: OWNER,
      },
    ]);
    expect(onSaved).toHaveBeenCalledTimes(1);
    expect(onSaved.mock.calls[0]?.[0]).toMatchObject({
      itemId: followUp.itemId,
      version: '"2"',
      inputState: 'draft',
      status: 'good',
    });
    expect(screen.queryByText('Osparade ändringar')).not.toBeInTheDocument();
    expect(screen.getByText('Allt är sparat i SharePoint.')).toBeInTheDocument();
  });

  test('"Skicka in" submits and announces it; the next save starts from the new version', async () => {
    const { user, services } = await renderForm();
    await user.click(radio('Arbetet går delvis bra'));

    await user.click(button('Skicka in'));

    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(/^Uppföljningen skickades in/),
    );
    expect(services.followUps.saveCalls[0]).toMatchObject({
      intent: 'submit',
      followUp: { version: '"1"' },
    });

    await user.click(radio('Arbetet går bra'));
    await user.click(button('Skicka in'));

    await waitFor(() => expect(services.followUps.saveCalls).toHaveLength(2));
    expect(services.followUps.saveCalls[1]?.followUp.version).toBe('"2"');
    // Not a conflict with its own earlier save.
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(/^Uppföljningen skickades in/),
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  test('while saving it says "Sparar…" and a second click saves nothing more', async () => {
    const { user, services } = await renderForm();
    const release = services.followUps.holdSaves();
    await user.click(radio('Arbetet går bra'));

    await user.click(button('Spara utkast'));

    expect(screen.getByRole('status')).toHaveTextContent('Sparar…');
    expect(button('Spara utkast')).toHaveAttribute('aria-disabled', 'true');
    expect(button('Skicka in')).toHaveAttribute('aria-disabled', 'true');
    await user.click(button('Skicka in'));
    expect(services.followUps.saveCalls).toHaveLength(1);

    release();

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Utkastet sparades/));
    expect(button('Spara utkast')).not.toHaveAttribute('aria-disabled', 'true');
  });

  test('a comment with markup that runs code reaches the store without it', async () => {
    const payload =
      '<p>Läget är gott.<img src=x onerror=alert(1)></p><script>alert(1)</script>' +
      '<p><a href="javascript:alert(1)">länk</a> och <a href="https://example.se">källa</a></p>';
    const { user, services } = await renderForm({
      initialInput: { status: 'good', statusNote: '', comment: payload },
    });

    await user.click(button('Spara utkast'));

    await waitFor(() => expect(services.followUps.saveCalls).toHaveLength(1));
    const saved = services.followUps.saveCalls[0]?.input.comment ?? '';
    expect(saved).toContain('Läget är gott.');
    expect(saved).not.toMatch(/<img|onerror|<script|alert\(1\)|javascript:/i);
    expect(saved).toContain('href="https://example.se"');
  });

  test('a stored comment with a script is not run or shown as markup, and is cleaned on save', async () => {
    const { user, services } = await renderForm({
      stored: { status: 'partly', comment: '<p>Gammal text</p><img src=x onerror=alert(1)>' },
    });
    expect(document.querySelector('img')).toBeNull();

    await user.click(button('Spara utkast'));

    await waitFor(() => expect(services.followUps.saveCalls).toHaveLength(1));
    expect(services.followUps.saveCalls[0]?.input.comment).toBe('<p>Gammal text</p>');
  });

  test('markup typed as text is saved as text, never as tags', async () => {
    const { user, services, editor } = await renderForm();
    await user.click(radio('Arbetet går bra'));
    await typeInEditor(user, editor!, '<script>x</script>');

    await user.click(button('Spara utkast'));

    await waitFor(() => expect(services.followUps.saveCalls).toHaveLength(1));
    expect(services.followUps.saveCalls[0]?.input.comment).toBe(
      '<p>&lt;script&gt;x&lt;/script&gt;</p>',
    );
  });

  test('an empty editor saves an empty comment', async () => {
    const { user, services } = await renderForm({
      initialInput: { status: 'good', statusNote: '', comment: '<p></p>' },
    });

    await user.click(button('Spara utkast'));

    await waitFor(() => expect(services.followUps.saveCalls).toHaveLength(1));
    expect(services.followUps.saveCalls[0]?.input.comment).toBe('');
  });

  test('closing the tab with unsaved text asks first; after saving it does not', async () => {
    const { user } = await renderForm();
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(false);

    await user.click(radio('Arbetet går bra'));
    expect(unload()).toBe(true);

    await user.click(button('Spara utkast'));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Utkastet sparades/));
    expect(unload()).toBe(false);
  });
});

describe('conflicts', () => {
  async function conflict(intent: 'Spara utkast' | 'Skicka in' = 'Spara utkast') {
    const rendered = await renderForm();
    const { user, services, editor } = rendered;
    await user.click(radio('Arbetet går delvis bra'));
    await typeInEditor(user, editor!, 'Min text som inte får skrivas över.');
    const theirs = services.followUps.changeBySomeoneElse('lakemedel', {
      status: 'poor',
      comment: '<p>Samordnarens ändring.</p>',
      modifiedBy: KARIN,
    });
    await user.click(button(intent));
    const alert = await screen.findByRole('alertdialog');
    return { ...rendered, alert, theirs };
  }

  test('someone else’s newer save opens a dialog with both versions, and mine is kept', async () => {
    const { alert, editor, services, onSaved } = await conflict();

    expect(alert).toHaveAccessibleName('Någon annan har sparat planen');
    expect(within(alert).getByRole('region', { name: 'Deras version' })).toHaveTextContent(
      'Samordnarens ändring.',
    );
    expect(within(alert).getByRole('region', { name: 'Din version' })).toHaveTextContent(
      'Min text som inte får skrivas över.',
    );
    expect(alert).toHaveTextContent('Karin Samordnare sparade planen');
    expect(alert).toHaveTextContent('Ingenting har skrivits över');
    expect(alert).toHaveTextContent('Arbetet går dåligt');
    expect(alert).toHaveTextContent('Samordnarens ändring.');
    expect(editor).toHaveTextContent('Min text som inte får skrivas över.');
    expect(radio('Arbetet går delvis bra')).toBeChecked();
    expect(onSaved).not.toHaveBeenCalled();
    expect(services.followUps.saveCalls).toHaveLength(1);
    expect(services.followUps.get('lakemedel').comment).toBe('<p>Samordnarens ändring.</p>');
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  test('each version is a box that takes focus (to scroll a long one), and the safe choice is focused first', async () => {
    const { user, alert } = await conflict();
    const merge = within(alert).getByRole('button', { name: 'Slå ihop själv' });
    await waitFor(() => expect(merge).toHaveFocus());
    const theirs = within(alert).getByRole('region', { name: 'Deras version' });
    const mine = within(alert).getByRole('region', { name: 'Din version' });
    expect(theirs).toHaveAttribute('tabindex', '0');
    expect(mine).toHaveAttribute('tabindex', '0');

    // After the three choices, Tab goes round to their version, then to mine.
    await user.tab();
    await user.tab();
    await user.tab();
    expect(theirs).toHaveFocus();
    await user.tab();
    expect(mine).toHaveFocus();
  });

  test('"Spara min version ändå" saves mine again over their version', async () => {
    const { user, alert, services, theirs, onSaved } = await conflict();

    await user.click(within(alert).getByRole('button', { name: 'Spara min version ändå' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Utkastet sparades/));
    expect(services.followUps.saveCalls).toHaveLength(2);
    expect(services.followUps.saveCalls[1]).toMatchObject({
      followUp: { itemId: theirs.itemId, version: theirs.version },
      input: {
        status: 'partly',
        comment: '<p>Min text som inte får skrivas över.</p>',
      },
      intent: 'draft',
    });
    expect(theirs.version).toBe('"2"');
    expect(services.followUps.get('lakemedel').comment).toBe(
      '<p>Min text som inte får skrivas över.</p>',
    );
    expect(onSaved).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
  });

  test('keeping mine after a refused submission submits it', async () => {
    const { user, alert, services } = await conflict('Skicka in');

    await user.click(within(alert).getByRole('button', { name: 'Spara min version ändå' }));

    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(/^Uppföljningen skickades in/),
    );
    expect(services.followUps.saveCalls.map((c) => c.intent)).toEqual(['submit', 'submit']);
  });

  test('"Använd deras version" replaces my input with theirs and saves nothing', async () => {
    const { user, alert, editor, services, theirs, onSaved } = await conflict();

    await user.click(within(alert).getByRole('button', { name: 'Använd deras version' }));

    await waitFor(() => expect(editor).toHaveTextContent('Samordnarens ändring.'));
    expect(editor).not.toHaveTextContent('Min text');
    expect(radio('Arbetet går dåligt')).toBeChecked();
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(services.followUps.saveCalls).toHaveLength(1);
    expect(onSaved).toHaveBeenCalledWith(theirs);
    expect(screen.queryByText('Osparade ändringar')).not.toBeInTheDocument();

    // The next save starts from their version.
    await user.click(button('Spara utkast'));
    await waitFor(() => expect(services.followUps.saveCalls).toHaveLength(2));
    expect(services.followUps.saveCalls[1]?.followUp.version).toBe('"2"');
  });

  test('"Slå ihop själv" keeps my text, shows theirs beside it, and saves against their version', async () => {
    const { user, alert, editor, services, theirs } = await conflict();

    await user.click(within(alert).getByRole('button', { name: 'Slå ihop själv' }));

    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(editor).toHaveTextContent('Min text som inte får skrivas över.');
    expect(screen.getByText(/Deras version står här medan du slår ihop/)).toBeInTheDocument();
    await user.click(button('Infoga deras kommentar'));
    await waitFor(() => expect(editor).toHaveTextContent('Samordnarens ändring.'));
    expect(editor).toHaveTextContent('Min text som inte får skrivas över.');

    await user.click(button('Spara utkast'));
    await waitFor(() => expect(services.followUps.saveCalls).toHaveLength(2));
    expect(services.followUps.saveCalls[1]?.followUp.version).toBe(theirs.version);
    expect(services.followUps.get('lakemedel').comment).toBe(
      '<p>Min text som inte får skrivas över.</p><p>Samordnarens ändring.</p>',
    );
  });

  test('when their version cannot be read, the dialog says "Någon annan" and keeps the text', async () => {
    const { user, services, editor } = await renderForm();
    await user.click(radio('Arbetet går bra'));
    await typeInEditor(user, editor!, 'Kvar');
    services.followUps.rejectNextSave('conflict');
    services.followUps.rejectNextList('offline');

    await user.click(button('Spara utkast'));

    const alert = await screen.findByRole('alertdialog');
    expect(alert).toHaveTextContent('Någon annan sparade planen');
    expect(alert).toHaveTextContent('Deras version kunde inte hämtas just nu.');
    expect(
      within(alert).queryByRole('button', { name: 'Spara min version ändå' }),
    ).not.toBeInTheDocument();
    expect(editor).toHaveTextContent('Kvar');

    // The only way on keeps the text and offers to try again.
    await user.click(within(alert).getByRole('button', { name: 'Slå ihop själv' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Deras version kunde inte hämtas');
    expect(editor).toHaveTextContent('Kvar');
  });
});

describe('other failures', () => {
  test.each([
    [
      'offline',
      'Det går inte att nå SharePoint. Kontrollera nätverket och försök igen. Din text finns kvar.',
      'Försök igen',
    ],
    [
      'timeout',
      'SharePoint svarade inte i tid. Försök igen om en stund. Din text finns kvar.',
      'Försök igen',
    ],
    ['forbidden', 'Du saknar behörighet att ändra det här.', 'Ladda om sidan'],
    ['unauthorized', 'Du behöver logga in för att fortsätta.', 'Logga in'],
    [
      'throttled',
      'SharePoint är hårt belastat just nu. Vänta en stund och försök igen.',
      'Försök igen',
    ],
    [
      'not-found',
      'Planen finns inte längre. Den kan ha tagits bort av någon annan.',
      'Ladda om sidan',
    ],
    ['server', 'Något gick fel i SharePoint. Försök igen om en stund.', 'Försök igen'],
  ] as const)(
    '%s: an alert in Swedish with a way forward, and the text stays',
    async (kind, message, action) => {
      const { user, services, editor, onSaved } = await renderForm();
      await user.click(radio('Arbetet går bra'));
      await typeInEditor(user, editor!, 'Får inte försvinna');
      services.followUps.rejectNextSave(kind);

      await user.click(button('Skicka in'));

      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent(message);
      expect(within(alert).getByRole('button', { name: action })).toBeInTheDocument();
      expect(editor).toHaveTextContent('Får inte försvinna');
      expect(radio('Arbetet går bra')).toBeChecked();
      expect(onSaved).not.toHaveBeenCalled();
      expect(screen.getByText('Osparade ändringar')).toBeInTheDocument();
    },
  );

  test('signed out in tenant mode: “Logga in” signs in from the click and sends the same text', async () => {
    const signIn = { signIn: vi.fn(() => Promise.resolve()) };
    const { user, services, editor } = await renderForm({ signIn });
    await user.click(radio('Arbetet går bra'));
    await typeInEditor(user, editor!, 'Efter inloggningen');
    services.followUps.rejectNextSave('unauthorized');
    await user.click(button('Spara utkast'));
    const alert = await screen.findByRole('alert');
    expect(signIn.signIn).not.toHaveBeenCalled();

    await user.click(within(alert).getByRole('button', { name: 'Logga in' }));

    expect(signIn.signIn).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Utkastet sparades/));
    expect(editor).toHaveTextContent('Efter inloggningen');
  });

  test('a permission IT has not granted is named, and the text stays', async () => {
    const signIn = {
      signIn: vi.fn(() =>
        Promise.reject(
          new StoreFailure('consent-required', 'AADSTS65001', {
            scopes: ['AllSites.FullControl (SharePoint)'],
          }),
        ),
      ),
    };
    const { user, services, editor } = await renderForm({ signIn });
    await user.click(radio('Arbetet går bra'));
    await typeInEditor(user, editor!, 'Kvar trots allt');
    services.followUps.rejectNextSave('unauthorized');
    await user.click(button('Spara utkast'));
    await user.click(
      within(await screen.findByRole('alert')).getByRole('button', { name: 'Logga in' }),
    );

    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Planuppföljning saknar behörigheten AllSites.FullControl (SharePoint). Bara IT kan godkänna den',
      ),
    );
    expect(editor).toHaveTextContent('Kvar trots allt');
  });

  test('after an offline failure, "Försök igen" saves the same text again', async () => {
    const { user, services, editor } = await renderForm();
    await user.click(radio('Arbetet går bra'));
    await typeInEditor(user, editor!, 'Andra försöket');
    services.followUps.rejectNextSave('offline');
    await user.click(button('Spara utkast'));
    const alert = await screen.findByRole('alert');

    await user.click(within(alert).getByRole('button', { name: 'Försök igen' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Utkastet sparades/));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(services.followUps.saveCalls).toHaveLength(2);
    expect(services.followUps.saveCalls[1]).toEqual({
      ...services.followUps.saveCalls[0],
      input: { status: 'good', statusNote: '', comment: '<p>Andra försöket</p>' },
    });
    expect(services.followUps.saveCalls[1]?.followUp.version).toBe('"1"');
  });

  test('when the network comes back it says so and "Spara nu" submits what was refused', async () => {
    const { user, services } = await renderForm();
    await user.click(radio('Arbetet går delvis bra'));
    services.followUps.rejectNextSave('offline');
    await user.click(button('Skicka in'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Det går inte att nå SharePoint.');

    window.dispatchEvent(new Event('online'));

    await waitFor(() =>
      expect(alert).toHaveTextContent('Anslutningen är tillbaka. Din text finns kvar.'),
    );
    await user.click(within(alert).getByRole('button', { name: 'Spara nu' }));

    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(/^Uppföljningen skickades in/),
    );
    expect(services.followUps.saveCalls.map((c) => c.intent)).toEqual(['submit', 'submit']);
  });

  test('an unexpected error is shown as a SharePoint error', async () => {
    const { user, services } = await renderForm();
    services.followUps.saveInput = () => Promise.reject(new TypeError('Failed to fetch'));
    await user.click(radio('Arbetet går bra'));

    await user.click(button('Spara utkast'));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Något gick fel i SharePoint. Försök igen om en stund.',
    );
  });
});

describe('who may edit', () => {
  test('someone who does not own the plan reads it only', async () => {
    const { form } = await renderForm({
      viewer: OTHER_OWNER,
      stored: { status: 'partly', comment: '<p>Annas text.</p>' },
    });

    expect(form).toHaveTextContent(
      'Du är inte ansvarig för den här planen och kan bara läsa uppföljningen.',
    );
    const status = screen.getByRole('group', { name: 'Status' });
    expect(status).toHaveTextContent('Arbetet går delvis bra');
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Kommentar' })).toHaveTextContent('Annas text.');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Skicka in' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Spara utkast' })).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Kopiera till kommentaren' }),
    ).not.toBeInTheDocument();
  });

  test('an owner reads their plan only once the period is locked', async () => {
    const { form } = await renderForm({
      periodState: 'locked',
      stored: { status: 'not-assessed', statusNote: 'Ska omarbetas' },
    });

    expect(form).toHaveTextContent('Perioden är låst. Uppföljningen kan läsas men inte ändras.');
    const status = screen.getByRole('group', { name: 'Status' });
    expect(within(status).getByText('Ej bedömd')).toBeInTheDocument();
    // The note is the owner's text, marked Swedish inside the UI's sentence.
    expect(within(status).getByText(/^Notering:/)).toHaveTextContent('Notering: Ska omarbetas');
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Skicka in' })).not.toBeInTheDocument();
  });

  test('a coordinator may edit any plan of an open period', async () => {
    const { user, services, form } = await renderForm({ plan: 'folkhalsa', viewer: COORDINATOR });
    expect(form).not.toHaveTextContent('Du är inte ansvarig');
    expect(radio('Arbetet går bra')).toBeEnabled();

    await user.click(radio('Arbetet går dåligt'));
    await user.click(button('Skicka in'));

    await waitFor(() => expect(services.followUps.saveCalls).toHaveLength(1));
    expect(services.followUps.saveCalls[0]?.by).toEqual(COORDINATOR);
  });

  test('one of several owners may edit', async () => {
    await renderForm({ viewer: { ...KARIN, role: 'member' } });
    expect(radio('Arbetet går bra')).toBeEnabled();
    expect(button('Skicka in')).toBeInTheDocument();
    expect(screen.queryByText(/Du är inte ansvarig/)).not.toBeInTheDocument();
  });
});

describe('keyboard', () => {
  test('the status radios work with the arrow keys', async () => {
    const { user, onInputChange } = await renderForm();
    await user.click(radio('Arbetet går bra'));
    expect(radio('Arbetet går bra')).toHaveFocus();

    await user.keyboard('{ArrowDown}');
    expect(radio('Arbetet går delvis bra')).toBeChecked();
    expect(radio('Arbetet går delvis bra')).toHaveFocus();

    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(radio('Ej bedömd')).toBeChecked();
    expect(screen.getByRole('textbox', { name: /Notering/ })).toBeInTheDocument();

    await user.keyboard('{ArrowUp}');
    expect(radio('Arbetet går dåligt')).toBeChecked();
    expect(onInputChange).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'poor' }));
  });

  test('Tab goes from the status to the comment to the buttons, and Enter submits', async () => {
    const { user, editor, services } = await renderForm();
    const order: Element[] = [];
    radio('Arbetet går bra').focus();
    await user.keyboard(' ');
    expect(radio('Arbetet går bra')).toBeChecked();

    for (let i = 0; i < 15 && document.activeElement !== button('Skicka in'); i++) {
      await user.tab();
      if (document.activeElement) order.push(document.activeElement);
    }

    const at = (el: Element | null) => order.indexOf(el as Element);
    expect(at(editor)).toBeGreaterThan(-1);
    expect(at(button('Spara utkast'))).toBeGreaterThan(at(editor));
    expect(at(button('Skicka in'))).toBe(at(button('Spara utkast')) + 1);
    // Tab leaves the radio group: it is one tab stop, not four.
    expect(order.filter((el) => el.getAttribute('type') === 'radio')).toHaveLength(0);

    await user.keyboard('{Enter}');

    await waitFor(() => expect(services.followUps.saveCalls).toHaveLength(1));
    expect(services.followUps.saveCalls[0]?.intent).toBe('submit');
  });

  test('the first Tab into the form lands on the checked status', async () => {
    const { user } = await renderForm({
      initialInput: { status: 'poor', statusNote: '', comment: '' },
    });
    screen.getByRole('heading', { level: 2 }).setAttribute('tabindex', '-1');
    screen.getByRole('heading', { level: 2 }).focus();

    for (let i = 0; i < 10 && document.activeElement?.getAttribute('type') !== 'radio'; i++) {
      await user.tab();
    }

    expect(radio('Arbetet går dåligt')).toHaveFocus();
  });
});

describe('FollowUpForm, the plan document link', () => {
  test('links an https document', async () => {
    await renderForm({ stored: { documentUrl: 'https://region.example/plan.pdf' } });
    expect(screen.getByRole('link', { name: 'Plandokument' })).toHaveAttribute(
      'href',
      'https://region.example/plan.pdf',
    );
  });

  test.each(['javascript:alert(1)', 'data:text/html,x', 'file:///c:/plan.docx', 'ms-word:ofe|u|x'])(
    'shows no link for %s, written past the register',
    async (documentUrl) => {
      await renderForm({ stored: { documentUrl } });
      expect(screen.queryByRole('link', { name: 'Plandokument' })).not.toBeInTheDocument();
    },
  );
});

describe('FollowUpForm, a save whose answer is lost', () => {
  test('is confirmed by reading the item again, not shown as someone else’s change', async () => {
    const { user, services, editor } = await renderForm();
    await user.click(radio('Arbetet går bra'));
    await typeInEditor(user, editor!, 'Sparat men obekräftat');
    services.followUps.loseNextSaveAnswer();
    await user.click(button('Spara utkast'));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Utkastet sparades/));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByText(/Någon annan/)).not.toBeInTheDocument();
    expect(services.followUps.saveCalls).toHaveLength(1);
  });

  test('says it is saved but unconfirmed while the item cannot be read, and checks again on retry', async () => {
    const { user, services, editor } = await renderForm();
    await user.click(radio('Arbetet går bra'));
    await typeInEditor(user, editor!, 'Sparat men obekräftat');
    services.followUps.loseNextSaveAnswer();
    services.followUps.rejectNextList('offline');
    await user.click(button('Spara utkast'));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Ändringen sparades i SharePoint, men den kunde inte läsas tillbaka.',
    );
    await user.click(within(alert).getByRole('button', { name: 'Försök igen' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Utkastet sparades/));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    // Checked, not sent again: a second write with the old version would meet our own change.
    expect(services.followUps.saveCalls).toHaveLength(1);
  });
});

describe('FollowUpForm, Spara utkast on a submitted follow-up', () => {
  const submitted = {
    status: 'good',
    comment: '<p>Inskickat</p>',
    inputState: 'submitted',
    submittedBy: OWNER,
    submittedAt: '2020-09-04T09:15:00Z',
  } as const;

  test('asks before it takes the submission back, starting on Avbryt', async () => {
    const { user, services } = await renderForm({ stored: submitted });
    await user.click(button('Spara utkast'));
    const dialog = await screen.findByRole('dialog', { name: 'Dra tillbaka inskickningen?' });
    // Fluent moves focus into the dialog a moment after it opens (it raced under load).
    await waitFor(() =>
      expect(within(dialog).getByRole('button', { name: 'Avbryt' })).toHaveFocus(),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    expect(services.followUps.saveCalls).toHaveLength(0);

    await user.click(button('Spara utkast'));
    const again = await screen.findByRole('dialog', { name: 'Dra tillbaka inskickningen?' });
    await user.click(within(again).getByRole('button', { name: 'Spara som utkast' }));
    await waitFor(() => expect(services.followUps.saveCalls).toHaveLength(1));
    expect(services.followUps.saveCalls[0]?.intent).toBe('draft');
  });

  test('a draft is saved without asking', async () => {
    const { user, services } = await renderForm();
    await user.click(radio('Arbetet går bra'));
    await user.click(button('Spara utkast'));
    await waitFor(() => expect(services.followUps.saveCalls).toHaveLength(1));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});

describe('issue #17 point 7: the form tells what is so', () => {
  test('a saved comment with a link, a list and an entity reads as saved, not "Osparade ändringar"', async () => {
    const { user, editor } = await renderForm();
    await user.click(radio('Arbetet går bra'));
    // Typed as the owner types it: the editor links the address itself.
    await typeInEditor(user, editor!, 'Se https://example.se/plan & mer ');
    await waitFor(() => expect(editor!.querySelector('a')).not.toBeNull());
    await user.click(button('Punktlista'));
    await typeInEditor(user, editor!, 'En punkt');

    await user.click(button('Spara utkast'));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Utkastet sparades/));
    expect(screen.queryByText('Osparade ändringar')).not.toBeInTheDocument();
    expect(screen.getByText('Allt är sparat i SharePoint.')).toBeInTheDocument();
  });

  test('the same comment in the editor’s markup and in SharePoint’s reads as saved', async () => {
    await renderForm({
      // SharePoint's rewrite: b for strong, no target or rel, an entity, an empty paragraph.
      stored: {
        comment:
          '<p>Se <a href="https://example.se">källan</a> &amp; <b>fet</b>&nbsp;text.</p><p></p>',
      },
      // The editor's own serialization of it, from earlier in the session.
      initialInput: {
        status: null,
        statusNote: '',
        comment:
          '<p>Se <a target="_blank" rel="noopener noreferrer" href="https://example.se">källan</a> &amp; <strong>fet</strong> text.</p>',
      },
    });
    expect(screen.getByText('Allt är sparat i SharePoint.')).toBeInTheDocument();
    expect(screen.queryByText('Osparade ändringar')).not.toBeInTheDocument();
  });

  test('a comment over the limit is flagged while typing, and a draft of it can still be saved', async () => {
    const long = `<p>${'a'.repeat(10_000)}</p>`;
    const { user, editor, services } = await renderForm({
      initialInput: { status: 'good', statusNote: '', comment: long },
    });
    expect(screen.queryByText(/längre än 10\s000 tecken/)).not.toBeInTheDocument();
    expect(editor).toHaveAttribute('aria-invalid', 'false');

    await typeInEditor(user, editor!, 'bc');

    const message =
      'Kommentaren är längre än 10 000 tecken. Utkastet går att spara, men korta texten innan du skickar in.';
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(editor).toHaveAttribute('aria-invalid', 'true');
    // The description keeps the no-break space of "10 000".
    expect(editor).toHaveAccessibleDescription(
      expect.stringContaining(message.replace('10 000', '10\u00a0000')),
    );
    // Said politely, once: the message sits in a polite live region and does not change per key.
    expect(screen.getByText(message).closest('[aria-live]')).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByText('10 002 av 10 000 tecken')).toBeInTheDocument();
    const region = screen.getByText(message).closest('[aria-live]')!;
    await typeInEditor(user, editor!, 'd');
    expect(screen.getByText('10 003 av 10 000 tecken')).toBeInTheDocument();
    expect(region).toHaveTextContent(new RegExp(`^${message.replace(/\./g, '\\.')}$`));

    await user.click(button('Spara utkast'));

    await waitFor(() => expect(services.followUps.saveCalls).toHaveLength(1));
    expect(services.followUps.saveCalls[0]?.intent).toBe('draft');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Utkastet sparades/));
    expect(editor).toHaveTextContent('bc');
  });

  test('a comment over the limit is refused on Skicka in with a Swedish message, nothing lost', async () => {
    const long = `<p>${'a'.repeat(10_001)}</p>`;
    const { user, editor, services } = await renderForm({
      initialInput: { status: 'good', statusNote: '', comment: long },
    });

    await user.click(button('Skicka in'));

    expect(
      screen.getByText(
        'Kommentaren får vara högst 10 000 tecken för att kunna skickas in. Korta den, eller spara den som utkast så länge.',
      ),
    ).toBeInTheDocument();
    expect(services.followUps.saveCalls).toHaveLength(0);
    expect(editor).toHaveFocus();
    expect(editor!.textContent).toHaveLength(10_001);
  });
});
