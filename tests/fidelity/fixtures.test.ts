/** The fixture index itself: every fixture is sourced, unique and internally consistent. */
import { describe, expect, it } from 'vitest';
import { SHAREPOINT_DOC_FIXTURES, fixtureById, jsonLightShape } from '../fixtures/sharepoint-docs';

describe('SharePoint doc fixtures', () => {
  it('have unique ids and an https source with what it shows', () => {
    const ids = SHAREPOINT_DOC_FIXTURES.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of SHAREPOINT_DOC_FIXTURES) {
      expect(f.source.url, f.id).toMatch(/^https:\/\//);
      expect(f.source.shows.length, f.id).toBeGreaterThan(20);
      expect(fixtureById(f.id as Parameters<typeof fixtureById>[0])).toBe(f);
    }
  });

  it('properties fixtures: examples and nulls name documented properties only', () => {
    for (const f of SHAREPOINT_DOC_FIXTURES) {
      if (f.kind !== 'properties') continue;
      const names = Object.keys(f.properties);
      for (const key of [...Object.keys(f.example ?? {}), ...(f.nullInExample ?? [])]) {
        expect(names, `${f.id}: ${key}`).toContain(key);
      }
      expect(Object.keys(jsonLightShape(f))).toEqual(names);
    }
  });

  it('response fixtures: JSON fixtures have a body, multipart fixtures a boundary', () => {
    for (const f of SHAREPOINT_DOC_FIXTURES) {
      if (f.kind !== 'response') continue;
      if (f.format.startsWith('json')) expect(f.response.body, f.id).toBeDefined();
      if (f.format === 'multipart') {
        expect(f.response.headers['Content-Type'], f.id).toMatch(/^multipart\/mixed; boundary=/);
      }
    }
  });
});
