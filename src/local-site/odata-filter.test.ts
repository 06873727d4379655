import { describe, expect, it } from 'vitest';
import { filterFields, FilterSyntaxError, parseFilter } from './odata-filter';

describe('parseFilter', () => {
  it('reads a comparison with a string literal, unescaping doubled quotes', () => {
    expect(parseFilter("Title eq 'Barnens ''rätt'''")).toEqual({
      kind: 'compare',
      op: 'eq',
      field: 'Title',
      value: { type: 'string', value: "Barnens 'rätt'" },
    });
  });

  it('reads numbers, null, booleans and datetime literals', () => {
    expect(parseFilter('SortOrder ge -2.5')).toMatchObject({
      value: { type: 'number', value: -2.5 },
    });
    expect(parseFilter('Status eq null')).toMatchObject({ value: { type: 'null' } });
    expect(parseFilter('X eq true')).toMatchObject({ value: { type: 'boolean', value: true } });
    expect(parseFilter("Modified gt datetime'2020-05-01T00:00:00Z'")).toMatchObject({
      op: 'gt',
      value: { type: 'datetime', value: '2020-05-01T00:00:00Z' },
    });
  });

  it('gives and precedence over or, and honours parentheses', () => {
    const flat = parseFilter("A eq 'a' or B eq 'b' and C eq 'c'");
    expect(flat).toMatchObject({ kind: 'or', right: { kind: 'and' } });
    const grouped = parseFilter("(A eq 'a' or B eq 'b') and C eq 'c'");
    expect(grouped).toMatchObject({ kind: 'and', left: { kind: 'or' } });
  });

  it('accepts operators in any case and lookup paths', () => {
    expect(parseFilter('Owners/Id Eq 4 AND PeriodKey NE null')).toMatchObject({
      kind: 'and',
      left: { field: 'Owners/Id', op: 'eq' },
      right: { field: 'PeriodKey', op: 'ne' },
    });
  });

  it('reads startswith and substringof', () => {
    expect(parseFilter("startswith(Title,'Plan')")).toEqual({
      kind: 'startswith',
      field: 'Title',
      value: 'Plan',
    });
    expect(parseFilter("substringof('lan', Title)")).toEqual({
      kind: 'substringof',
      field: 'Title',
      value: 'lan',
    });
  });

  it('lists the fields a filter names', () => {
    expect(filterFields(parseFilter("A eq 1 and (B eq 'x' or startswith(C,'y'))"))).toEqual([
      'A',
      'B',
      'C',
    ]);
  });

  it.each([
    ['', /empty/],
    ["Title eq 'open", /Unterminated/],
    ['Title eq', /ends where a literal/],
    ["'x' eq Title", /Expected a field name/],
    ['Title eq Status', /comparing two fields is not supported/],
    ["not Title eq 'x'", /operator 'not'/],
    ['SortOrder add 1 eq 2', /operator 'add'/],
    ["tolower(Title) eq 'x'", /function 'tolower'/],
    ["Title eq 'x' Title", /Unexpected 'Title'/],
    ["(Title eq 'x'", /ends where '\)' was expected/],
    ["Id eq guid'1234'", /literal guid/],
    ["Title eq 'x' & Id eq 1", /Unexpected '&'/],
    ["Modified gt datetime'yesterday'", /not a valid date/],
  ])('refuses %j', (text, message) => {
    expect(() => parseFilter(text)).toThrow(FilterSyntaxError);
    expect(() => parseFilter(text)).toThrow(message);
  });
});
