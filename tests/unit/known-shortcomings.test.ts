import { describe, expect, it } from 'vitest';
import {
  KNOWN_SHORTCOMINGS,
  SHORTCOMING_CATEGORIES,
  type KnownShortcoming,
} from '../../src/features/accessibility/known-shortcomings';
import { PROBES } from '../browser/shortcoming-probes';

const LIST: readonly KnownShortcoming[] = KNOWN_SHORTCOMINGS;

describe('the list of known accessibility shortcomings', () => {
  it('has a browser probe for every entry, and no probe for anything not listed', () => {
    expect(Object.keys(PROBES).sort()).toEqual(LIST.map((entry) => entry.id).sort());
    for (const probe of Object.values(PROBES)) expect(typeof probe).toBe('function');
  });

  it('names each entry once, in a known category, in Swedish and English', () => {
    expect(new Set(LIST.map((entry) => entry.id)).size).toBe(LIST.length);
    for (const entry of LIST) {
      expect(SHORTCOMING_CATEGORIES).toContain(entry.category);
      expect(entry.text.sv.trim(), entry.id).not.toBe('');
      expect(entry.text.en.trim(), entry.id).not.toBe('');
      expect(entry.text.sv, entry.id).not.toBe(entry.text.en);
    }
  });

  it('gives every failure of the law’s requirements its WCAG success criteria', () => {
    for (const entry of LIST) {
      if (entry.category !== 'out-of-scope')
        expect(entry.criteria.length, entry.id).toBeGreaterThan(0);
      for (const criterion of entry.criteria) {
        expect(criterion.number).toMatch(/^[1-4]\.\d{1,2}\.\d{1,2}$/);
        expect(criterion.name.sv.trim()).not.toBe('');
        expect(criterion.name.en.trim()).not.toBe('');
      }
    }
  });
});
