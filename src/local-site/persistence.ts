/**
 * The local site's data file: the whole state as JSON, written atomically (temporary file, then
 * rename) so a crash mid-write never leaves half a file, and read back with a rough check.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SiteState } from './site-state';

/** Writes the state to `file` atomically, creating the folder when missing. */
export function saveState(file: string, state: SiteState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`, 'utf8');
  renameSync(temporary, file);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why a parsed value is not a SiteState, or null when it looks like one. */
export function stateProblem(value: unknown): string | null {
  if (!isRecord(value)) return 'not a JSON object';
  if (typeof value.title !== 'string') return 'title is not a string';
  if (typeof value.defaultUserId !== 'number') return 'defaultUserId is not a number';
  if (!Array.isArray(value.users)) return 'users is not an array';
  for (const user of value.users) {
    if (!isRecord(user) || typeof user.Id !== 'number' || typeof user.Title !== 'string') {
      return 'a user lacks Id or Title';
    }
  }
  if (!Array.isArray(value.groups)) return 'groups is not an array';
  for (const group of value.groups) {
    if (!isRecord(group) || typeof group.Title !== 'string' || !Array.isArray(group.memberIds)) {
      return 'a group lacks Title or memberIds';
    }
  }
  if (!Array.isArray(value.lists)) return 'lists is not an array';
  for (const list of value.lists) {
    if (!isRecord(list) || typeof list.id !== 'string' || typeof list.nextItemId !== 'number') {
      return 'a list lacks id or nextItemId';
    }
    if (typeof list.Title !== 'string') return 'a list lacks its Title';
    if (!Array.isArray(list.fields) || !Array.isArray(list.views) || !Array.isArray(list.items)) {
      return `list '${list.Title}' lacks fields, views or items`;
    }
    for (const field of list.fields) {
      if (!isRecord(field) || typeof field.Id !== 'string' || !Array.isArray(field.attributes)) {
        return `a field of '${list.Title}' lacks Id or attributes`;
      }
    }
    for (const item of list.items) {
      if (
        !isRecord(item) ||
        typeof item.Id !== 'number' ||
        typeof item.version !== 'number' ||
        !isRecord(item.fields)
      ) {
        return `an item of '${list.Title}' lacks Id, version or fields`;
      }
    }
  }
  return null;
}

/** What loading found: the state, or nothing (no file), or a problem (corrupt file). */
export type LoadResult =
  | { readonly kind: 'loaded'; readonly state: SiteState }
  | { readonly kind: 'missing' }
  | { readonly kind: 'corrupt'; readonly problem: string };

/** Reads the data file, checking its shape roughly. */
export function loadState(file: string): LoadResult {
  if (!existsSync(file)) return { kind: 'missing' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { kind: 'corrupt', problem: error instanceof Error ? error.message : String(error) };
  }
  const problem = stateProblem(parsed);
  if (problem) return { kind: 'corrupt', problem };
  return { kind: 'loaded', state: parsed as SiteState };
}

/** Moves a corrupt data file aside so it is kept for inspection and not overwritten. */
export function setAsideCorrupt(file: string, now: Date): string {
  const aside = `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
  renameSync(file, aside);
  return aside;
}
