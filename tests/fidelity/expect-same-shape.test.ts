/** The comparator must catch what it exists to catch, or every fidelity test passes vacuously. */
import { describe, expect, it } from 'vitest';
import { expectSameShape, shapeDifferences } from './expect-same-shape';

const documented = {
  'odata.metadata': 'https://contoso.sharepoint.com/_api/$metadata#SP.ApiData.Lists/@Element',
  Id: 1,
  Title: 'an item',
  Attachments: false,
  Owner: { Id: 3, Title: 'Anna' },
  Tags: ['a'],
};

describe('expectSameShape', () => {
  it('passes for the same keys, types and (ignored) values', () => {
    const actual = { ...documented, Id: 7, Title: 'other', Owner: { Id: 9, Title: 'Bo' } };
    expect(() => expectSameShape(actual, documented, { ignoreValues: true })).not.toThrow();
  });

  it('fails on a missing key', () => {
    const actual: Record<string, unknown> = { ...documented };
    delete actual.Attachments;
    expect(shapeDifferences(actual, documented, { ignoreValues: true })).toEqual([
      'missing key Attachments',
    ]);
    expect(() => expectSameShape(actual, documented, { ignoreValues: true })).toThrow();
  });

  it('fails on a missing key inside a nested object', () => {
    const actual = { ...documented, Owner: { Id: 3 } };
    expect(shapeDifferences(actual, documented, { ignoreValues: true })).toEqual([
      'missing key Owner/Title',
    ]);
  });

  it('fails on an extra key SharePoint never sends, unless it is allowed', () => {
    const actual = { ...documented, __metadata: { type: 'SP.Data.TestListItem' } };
    expect(shapeDifferences(actual, documented, { ignoreValues: true })).toEqual([
      'extra key __metadata, which SharePoint does not send here',
    ]);
    expect(() => expectSameShape(actual, documented, { ignoreValues: true })).toThrow();
    expect(
      shapeDifferences(actual, documented, { ignoreValues: true, allowExtraKeys: ['__metadata'] }),
    ).toEqual([]);
    expect(
      shapeDifferences(actual, documented, {
        ignoreValues: true,
        allowExtraKeys: (_path, key) => key.startsWith('__'),
      }),
    ).toEqual([]);
  });

  it('fails on a type mismatch, also inside arrays', () => {
    expect(
      shapeDifferences({ ...documented, Id: '1' }, documented, { ignoreValues: true }),
    ).toEqual(['type of Id: string, SharePoint sends number']);
    expect(
      shapeDifferences({ ...documented, Tags: [1] }, documented, { ignoreValues: true }),
    ).toEqual(['type of Tags/*: number, SharePoint sends string']);
    expect(() =>
      expectSameShape({ ...documented, Attachments: 'false' }, documented, { ignoreValues: true }),
    ).toThrow();
  });

  it('accepts null only where the fixture says a value may be null', () => {
    const actual = { ...documented, Title: null };
    expect(shapeDifferences(actual, documented, { ignoreValues: true })).toEqual([
      'type of Title: null, SharePoint sends string',
    ]);
    expect(
      shapeDifferences(actual, documented, { ignoreValues: true, nullable: ['Title'] }),
    ).toEqual([]);
  });

  it('compares values unless they are ignored, by path or by key', () => {
    const actual = { ...documented, Id: 2, Owner: { Id: 4, Title: 'Anna' } };
    expect(shapeDifferences(actual, documented)).toEqual([
      'value of Id: 2, SharePoint sends 1',
      'value of Owner/Id: 4, SharePoint sends 3',
    ]);
    expect(shapeDifferences(actual, documented, { ignoreValues: ['Id'] })).toEqual([]);
    expect(shapeDifferences(actual, documented, { ignoreValues: ['Owner/Id'] })).toEqual([
      'value of Id: 2, SharePoint sends 1',
    ]);
  });

  it('compares every element of an array with the documented element', () => {
    const expected = { value: [{ Id: 1, Title: 'x' }] };
    const actual = { value: [{ Id: 1, Title: 'a' }, { Id: 2 }] };
    expect(shapeDifferences(actual, expected, { ignoreValues: true })).toEqual([
      'missing key value/*/Title',
    ]);
  });
});
