/**
 * Compares an answer of the local site with a documented SharePoint answer field by field: the
 * same keys (none missing, none SharePoint never sends), the same JSON types and, unless told to
 * ignore them, the same values. Arrays are compared element by element against the fixture's
 * first element (a documented collection shows one example element).
 */
import { expect } from 'vitest';
import type { JsonType } from '../fixtures/sharepoint-docs';

export interface ShapeOptions {
  /**
   * `true`: compare keys and types only. A list: the paths (`a/b`, an array element as the segment `*`) or bare key names whose values may differ; every other value must be equal.
   * Default: every value must be equal.
   */
  readonly ignoreValues?: true | readonly string[];
  /**
   * Keys the answer may have beyond the fixture's (e.g. a list's own columns), as paths or bare
   * key names, or a predicate on the path. Any other extra key is a difference.
   */
  readonly allowExtraKeys?: readonly string[] | ((path: string, key: string) => boolean);
  /** Paths or key names whose value may be `null` instead of the fixture's type (empty fields). */
  readonly nullable?: readonly string[];
}

export function jsonType(value: unknown): JsonType | 'undefined' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      return 'object';
    default:
      return 'undefined';
  }
}

function named(list: readonly string[] | undefined, path: string, key: string): boolean {
  return list !== undefined && (list.includes(path) || list.includes(key));
}

/** The differences between `actual` and `expected`, one readable line each (empty = same shape). */
export function shapeDifferences(
  actual: unknown,
  expected: unknown,
  options: ShapeOptions = {},
): string[] {
  const differences: string[] = [];
  const extraAllowed = (path: string, key: string): boolean => {
    const allow = options.allowExtraKeys;
    if (allow === undefined) return false;
    return typeof allow === 'function' ? allow(path, key) : named(allow, path, key);
  };
  const valuesIgnored = (path: string, key: string): boolean =>
    options.ignoreValues === true || named(options.ignoreValues as readonly string[], path, key);

  function walk(a: unknown, e: unknown, path: string, key: string): void {
    const at = path === '' ? '(root)' : path;
    const ta = jsonType(a);
    const te = jsonType(e);
    if (ta !== te) {
      if (!(ta === 'null' && named(options.nullable, path, key))) {
        differences.push(`type of ${at}: ${ta}, SharePoint sends ${te}`);
      }
      return;
    }
    if (te === 'object') {
      const ao = a as Record<string, unknown>;
      const eo = e as Record<string, unknown>;
      const child = (k: string): string => (path === '' ? k : `${path}/${k}`);
      for (const k of Object.keys(eo)) {
        if (!(k in ao)) differences.push(`missing key ${child(k)}`);
        else walk(ao[k], eo[k], child(k), k);
      }
      for (const k of Object.keys(ao)) {
        if (!(k in eo) && !extraAllowed(child(k), k)) {
          differences.push(`extra key ${child(k)}, which SharePoint does not send here`);
        }
      }
      return;
    }
    if (te === 'array') {
      const aa = a as unknown[];
      const ea = e as unknown[];
      const template = ea[0];
      if (template === undefined) {
        if (aa.length > 0 && !valuesIgnored(path, key)) {
          differences.push(`${at}: ${aa.length} elements, SharePoint sends none`);
        }
        return;
      }
      aa.forEach((element) => walk(element, template, path === '' ? '*' : `${path}/*`, key));
      return;
    }
    if (!valuesIgnored(path, key) && a !== e) {
      differences.push(
        `value of ${at}: ${JSON.stringify(a)}, SharePoint sends ${JSON.stringify(e)}`,
      );
    }
  }

  walk(actual, expected, '', '');
  return differences;
}

/** Fails the test with every difference between the answer and the documented one. */
export function expectSameShape(
  actual: unknown,
  expected: unknown,
  options: ShapeOptions = {},
): void {
  expect(
    shapeDifferences(actual, expected, options),
    'differences from the documented answer',
  ).toEqual([]);
}
