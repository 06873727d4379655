import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportLegend } from './report';
import { readStatusSymbol, statusFromSymbol } from './status-symbols';

const SEED_2020 = new URL('../../../shared/seeds/002_6c068dde2240b6f1.txt', import.meta.url);

describe('statusFromSymbol', () => {
  it('reads the Unicode arrows the reports print', () => {
    expect(statusFromSymbol('↑')).toBe('good');
    expect(statusFromSymbol('➔')).toBe('partly');
    expect(statusFromSymbol('→')).toBe('partly');
    expect(statusFromSymbol('↓')).toBe('poor');
    expect(statusFromSymbol('⬇\uFE0F')).toBe('poor');
  });

  it("reads Word's font symbols as their private-use code points", () => {
    // Wingdings 0xE8–0xEA, Symbol 0xAD–0xAF, moved to U+F000 as Word stores them.
    expect(statusFromSymbol('\uF0E9')).toBe('good');
    expect(statusFromSymbol('\uF0E8')).toBe('partly');
    expect(statusFromSymbol('\uF0EA')).toBe('poor');
    expect(statusFromSymbol('\uF0AD')).toBe('good');
    expect(statusFromSymbol('\uF0AE')).toBe('partly');
    expect(statusFromSymbol('\uF0AF')).toBe('poor');
  });

  it('knows nothing else', () => {
    for (const text of ['', ' ', '←', '\uF0E7', 'x', '–', 'Ej längre aktuell.', '↑↑']) {
      expect(statusFromSymbol(text), JSON.stringify(text)).toBeNull();
    }
  });
});

describe('readStatusSymbol', () => {
  it('splits a leading arrow from the text after it', () => {
    expect(readStatusSymbol('  ↑ Arbetet går bra ')).toEqual({
      status: 'good',
      symbol: '↑',
      rest: 'Arbetet går bra',
    });
    expect(readStatusSymbol('\uF0EA')).toEqual({ status: 'poor', symbol: '\uF0EA', rest: '' });
    expect(readStatusSymbol('⬆\uFE0F bra')).toEqual({ status: 'good', symbol: '⬆', rest: 'bra' });
    expect(readStatusSymbol('🡇 dåligt')).toEqual({ status: 'poor', symbol: '🡇', rest: 'dåligt' });
  });

  it('is null for a note or an empty cell', () => {
    expect(readStatusSymbol('Ej längre aktuell.')).toBeNull();
    expect(readStatusSymbol('')).toBeNull();
    expect(readStatusSymbol('Status ↑')).toBeNull();
  });

  it("reads the 2020 seed's legend as the app's legend", () => {
    // The legend's lines, as extracted: "<glyph> Arbetet går …".
    const lines = readFileSync(SEED_2020, 'utf8').split('\n').slice(0, 40);
    const read = lines
      .map((line) => readStatusSymbol(line))
      .filter((entry) => entry !== null)
      .map(({ status, rest }) => ({ status, label: rest }));
    expect(read).toEqual(reportLegend().map(({ status, label }) => ({ status, label })));
  });
});
