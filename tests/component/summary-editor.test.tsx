import { screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { StoreFailure } from '../../src/domain/errors';
import type { Period } from '../../src/domain/period';
import type { PeriodChange } from '../../src/domain/period-change';
import type { PeriodAdmin } from '../../src/domain/ports';
import { standardIntroduction } from '../../src/domain/report';
import SummaryEditor from '../../src/features/period-admin/summary-editor';
import {
  createFakeServices,
  EDITOR_TIMEOUT,
  makePeriod,
  OPEN_PERIOD,
  preloadEditor,
  renderWithProviders,
  typeInEditor,
} from './render-with-providers';

beforeAll(preloadEditor);

/** A period admin whose updatePeriod checks the version as SharePoint checks the ETag. */
function fakeAdmin(stored: { current: Period }) {
  const calls: Array<{ version: string; change: PeriodChange }> = [];
  const admin: PeriodAdmin = {
    rollover: vi.fn(),
    createFirst: vi.fn(),
    importPeriod: vi.fn(),
    appendLog: vi.fn(),
    lock: vi.fn(),
    reopen: vi.fn(),
    updatePeriod: async (period, change) => {
      calls.push({ version: period.version, change });
      await Promise.resolve();
      if (period.version !== stored.current.version) {
        throw new StoreFailure('conflict', 'fake conflict');
      }
      stored.current = {
        ...stored.current,
        ...(change.summary !== undefined ? { summary: change.summary } : {}),
        ...(change.report ? { report: change.report } : {}),
        version: `"${Number(stored.current.version.replaceAll('"', '')) + 1}"`,
      };
      return stored.current;
    },
  };
  return { admin, calls };
}

function setup() {
  const period = makePeriod(OPEN_PERIOD, 'open', 2);
  const stored = { current: period };
  const services = createFakeServices({ periods: [period] });
  const { admin, calls } = fakeAdmin(stored);
  const onSaved = vi.fn();
  const view = renderWithProviders(
    <SummaryEditor id="editor" admin={admin} period={period} onSaved={onSaved} onClose={vi.fn()} />,
    { services },
  );
  return { ...view, stored, calls, onSaved, services };
}

describe('SummaryEditor', () => {
  it('saves the summary and the report header against the period version', async () => {
    const { user, calls, onSaved } = setup();
    const editor = await screen.findByRole('textbox', { name: 'Sammanfattning' }, EDITOR_TIMEOUT);
    await typeInEditor(user, editor, 'Sammantaget visar');
    await user.type(screen.getByRole('textbox', { name: 'Diarienummer' }), 'RS 1');
    await user.click(screen.getByRole('button', { name: 'Spara' }));

    await waitFor(() =>
      expect(onSaved).toHaveBeenCalledWith('Sammanfattning och rapportuppgifter är sparade.'),
    );
    expect(calls).toHaveLength(1);
    expect(calls[0]?.version).toBe('"1"');
    expect(calls[0]?.change.summary).toContain('Sammantaget visar');
    expect(calls[0]?.change.report?.diaryNumber).toBe('RS 1');
    expect(calls[0]?.change.dueDate).toBeUndefined();
  });

  it('shows the standard introduction and saves none while it is left as it is', async () => {
    const { user, calls } = setup();
    const introduction = screen.getByRole('textbox', { name: /^Inledning/ });
    expect(introduction).toHaveValue(standardIntroduction(makePeriod(OPEN_PERIOD, 'open', 2)));
    expect(screen.getByRole('radio', { name: 'Före sammanfattningen' })).toBeChecked();
    await user.type(screen.getByRole('textbox', { name: 'Diarienummer' }), 'RS 1');
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.change.introduction).toBeUndefined();
    expect(calls[0]?.change.legendPlacement).toBeUndefined();
  });

  it('saves the period’s own introduction, the legend after the summary and a contact a line each', async () => {
    const { user, calls } = setup();
    const introduction = screen.getByRole('textbox', { name: /^Inledning/ });
    await user.clear(introduction);
    await user.type(introduction, 'Första stycket.{Enter}{Enter}En uppföljning per augusti.');
    await user.click(screen.getByRole('radio', { name: 'Efter sammanfattningen' }));
    await user.type(
      screen.getByRole('textbox', { name: /^Kontaktperson/ }),
      'Sandra Hedman{Enter}Tfn: 063-147509',
    );
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.change).toMatchObject({
      introduction: 'Första stycket.\n\nEn uppföljning per augusti.',
      legendPlacement: 'after-summary',
      report: { contact: 'Sandra Hedman\nTfn: 063-147509' },
    });
  });

  it('refuses an introduction past its limit, in Swedish, keeping the text', async () => {
    const { user, calls } = setup();
    const introduction = screen.getByRole('textbox', { name: /^Inledning/ });
    await user.clear(introduction);
    await user.click(introduction);
    await user.paste('a'.repeat(4_001));
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(
      await screen.findByText(/^Inledningen får vara högst 4\s000 tecken\. Korta texten\.$/),
    ).toBeInTheDocument();
    expect(introduction).toHaveValue('a'.repeat(4_001));
    expect(calls).toHaveLength(0);
  });

  it('refuses a report date that is not YYYY-MM-DD, in Swedish, and sends nothing', async () => {
    const { user, calls } = setup();
    await user.type(screen.getByRole('textbox', { name: /Rapportdatum/ }), '25 sep');
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(
      await screen.findByText('Ange ett datum som ÅÅÅÅ-MM-DD, till exempel 2020-09-14.'),
    ).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('on a conflict says so in Swedish, keeps the text, and saves after a reload', async () => {
    const { user, stored, services, calls, onSaved } = setup();
    // Another coordinator changes the period after the editor opened.
    stored.current = { ...stored.current, summary: '<p>Deras.</p>', version: '"5"' };
    services.periods.periods.splice(0, 1, stored.current);

    const unit = screen.getByRole('textbox', { name: 'Utfärdande enhet' });
    await user.clear(unit);
    await user.type(unit, 'Regionkansliet');
    await user.click(screen.getByRole('button', { name: 'Spara' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Någon annan har ändrat perioden. Ladda om och gör om ändringen; din text finns kvar här.',
    );
    expect(unit).toHaveValue('Regionkansliet');
    expect(onSaved).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Ladda om perioden' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Din text finns kvar');
    expect(unit).toHaveValue('Regionkansliet');
    await user.click(screen.getByRole('button', { name: 'Spara' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls.at(-1)?.version).toBe('"5"');
    expect(stored.current.report.unit).toBe('Regionkansliet');
  });
});
