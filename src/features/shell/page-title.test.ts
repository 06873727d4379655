import { describe, expect, it } from 'vitest';
import { pageTitle } from './page-title';
import { sv } from '../../i18n/sv';
import { en } from '../../i18n/en';
import type { View } from './navigation';

const svNames: Record<View, string> = {
  plans: sv.nav.plans,
  overview: sv.nav.overview,
  overtime: sv.nav.overTime,
  report: sv.nav.report,
  help: sv.nav.help,
  settings: sv.nav.setup,
  accessibility: sv.nav.statement,
};

describe('pageTitle', () => {
  it('names the view and the app', () => {
    expect(pageTitle('settings', svNames, sv.appTitle)).toBe('Inställningar – Planuppföljning');
    expect(pageTitle('accessibility', svNames, sv.appTitle)).toBe(
      'Tillgänglighetsredogörelse – Planuppföljning',
    );
  });

  it('puts the open plan first and the period after the view', () => {
    expect(
      pageTitle('plans', svNames, sv.appTitle, {
        plan: 'Läkemedel 2020',
        period: 'Delårsrapport augusti 2020',
      }),
    ).toBe('Läkemedel 2020 – Handlingsplaner – Delårsrapport augusti 2020 – Planuppföljning');
    expect(
      pageTitle('overview', svNames, sv.appTitle, { period: 'Delårsrapport augusti 2020' }),
    ).toBe('Översikt – Delårsrapport augusti 2020 – Planuppföljning');
  });

  it('names the view over time in both languages', () => {
    expect(pageTitle('overtime', svNames, sv.appTitle)).toBe('Över tid – Planuppföljning');
    expect(pageTitle('overtime', { ...svNames, overtime: en.nav.overTime }, en.appTitle)).toBe(
      'Over time – Plan follow-up',
    );
  });

  it('leaves out missing and blank parts', () => {
    expect(pageTitle('report', svNames, sv.appTitle, { plan: null, period: '  ' })).toBe(
      'Bilaga 2 – Planuppföljning',
    );
  });

  it('speaks English with English names', () => {
    const enNames: Record<View, string> = {
      ...svNames,
      overview: en.nav.overview,
    };
    expect(
      pageTitle('overview', enNames, en.appTitle, { period: 'Interim report August 2020' }),
    ).toBe('Overview – Interim report August 2020 – Plan follow-up');
  });
});
