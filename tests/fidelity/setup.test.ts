/**
 * The set-up endpoints (fields and views of a list), compared with Microsoft's Field and View
 * reference pages (tests/fixtures/sharepoint-docs/setup.ts): each documented property is there
 * with its documented type.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtures, jsonLightShape } from '../fixtures/sharepoint-docs';
import { expectSameShape } from './expect-same-shape';
import {
  FOLLOW_UPS,
  json,
  startSite,
  withoutEnvelope,
  type JsonObject,
  type TestSite,
} from './site';

let t: TestSite;
beforeEach(async () => {
  t = await startSite();
});
afterEach(async () => {
  await t.close();
});

const { fieldProperties, viewProperties } = fixtures;

/** Only the properties the page documents (the site sends more, as SharePoint does). */
function documented(names: readonly string[]) {
  return (o: JsonObject) => Object.fromEntries(names.map((n) => [n, o[n]])) as JsonObject;
}

describe('fields of a list (Field reference pages)', () => {
  const names = Object.keys(fieldProperties.properties);

  it('answers every documented property, with its documented type, for each field', async () => {
    const answer = await t.call('GET', `${FOLLOW_UPS}/fields?$select=${names.join(',')}`);
    expect(answer.status).toBe(200);
    const fields = json(answer).value as JsonObject[];
    expect(fields.length).toBeGreaterThan(5);
    for (const field of fields.map(withoutEnvelope).map(documented(names))) {
      // CustomFormatter is null where no formatting is set (the page: "Type: System.String").
      expectSameShape(field, jsonLightShape(fieldProperties, names), {
        ignoreValues: true,
        nullable: ['CustomFormatter'],
      });
    }
  });

  it('keeps the schema XML a CAML <Field> fragment naming the field', async () => {
    const answer = await t.call('GET', `${FOLLOW_UPS}/fields?$select=InternalName,SchemaXml`);
    for (const field of json(answer).value as JsonObject[]) {
      expect(String(field.SchemaXml)).toMatch(/^<Field\b/);
      expect(String(field.SchemaXml)).toContain(`Name="${String(field.InternalName)}"`);
    }
  });
});

describe('views of a list (View reference pages)', () => {
  it('answers ViewQuery as a string, a CAML fragment or empty', async () => {
    const answer = await t.call('GET', `${FOLLOW_UPS}/views?$select=Title,ViewQuery`);
    expect(answer.status).toBe(200);
    const views = (json(answer).value as JsonObject[]).map(withoutEnvelope);
    expect(views.map((v) => v.Title)).toEqual(
      expect.arrayContaining(['Aktuell period', 'Saknar svar']),
    );
    for (const view of views) {
      expectSameShape({ ViewQuery: view.ViewQuery }, jsonLightShape(viewProperties), {
        ignoreValues: true,
      });
      expect(String(view.ViewQuery)).toMatch(/^$|^</);
    }
  });
});
