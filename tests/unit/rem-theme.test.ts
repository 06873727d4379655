import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  webLightTheme,
  type Theme,
} from '@fluentui/react-components';
import { describe, expect, it } from 'vitest';
import { pxToRem, TEXT_SIZE_TOKENS, withRemTextSizes } from '../../src/features/shared/rem-theme';

const THEMES: Record<string, Theme> = {
  teamsLightTheme,
  teamsDarkTheme,
  teamsHighContrastTheme,
  webLightTheme,
};

describe('text sizes in rem (the browser’s font size setting)', () => {
  it('converts px to rem at 16 px to the rem', () => {
    expect(pxToRem('14px')).toBe('0.875rem');
    expect(pxToRem('10px')).toBe('0.625rem');
    expect(pxToRem('68px')).toBe('4.25rem');
    expect(pxToRem('92px')).toBe('5.75rem');
    expect(pxToRem('1.5rem')).toBe('1.5rem');
    expect(pxToRem('normal')).toBe('normal');
  });

  it('names every fontSize and lineHeight token Fluent has', () => {
    const textTokens = Object.keys(teamsLightTheme).filter((key) =>
      /^(fontSize|lineHeight)/.test(key),
    );
    expect([...TEXT_SIZE_TOKENS].sort()).toEqual(textTokens.sort());
  });

  for (const [name, theme] of Object.entries(THEMES)) {
    it(`turns every fontSize* and lineHeight* token of ${name} into rem, nothing else`, () => {
      const scaled = withRemTextSizes(theme);
      expect(Object.keys(scaled).sort()).toEqual(Object.keys(theme).sort());
      for (const [key, value] of Object.entries(scaled)) {
        const original = theme[key as keyof Theme];
        if (/^(fontSize|lineHeight)/.test(key)) {
          expect(String(original)).toMatch(/^\d+px$/);
          expect(value).toMatch(/^\d+(\.\d+)?rem$/);
          expect(parseFloat(String(value)) * 16).toBe(parseFloat(String(original)));
        } else {
          expect(value, key).toBe(original);
        }
      }
      // The theme Fluent exports stays as it was.
      expect(theme.fontSizeBase300).toBe('14px');
    });
  }
});
