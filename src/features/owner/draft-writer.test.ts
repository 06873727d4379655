import { describe, expect, it, vi } from 'vitest';
import type { DraftKey, DraftStore, LocalDraft } from '../../domain/ports';
import { DraftWriter } from './draft-writer';

const KEY: DraftKey = { userId: 11, periodKey: '2020-08', planKey: 'lakemedel' } as DraftKey;

function draft(comment: string): LocalDraft {
  return {
    input: { status: null, statusNote: '', comment },
    baseVersion: '"1"',
    savedAt: '2026-12-03T07:00:00.000Z',
  };
}

/** A store whose puts end only when the test lets them, recording what reaches it. */
function slowStore() {
  const log: string[] = [];
  const open: Array<() => void> = [];
  let stored: LocalDraft | null = null;
  const store: DraftStore = {
    get: async () => stored,
    put: (_key, d) =>
      new Promise<void>((resolve) => {
        log.push(`put ${d.input.comment}`);
        open.push(() => {
          stored = d;
          resolve();
        });
      }),
    delete: async () => {
      log.push('delete');
      stored = null;
    },
    clearUser: async () => undefined,
  };
  const finishNext = async () => {
    await vi.waitFor(() => expect(open.length).toBeGreaterThan(0));
    open.shift()!();
  };
  return { store, log, finishNext, stored: () => stored };
}

describe('DraftWriter', () => {
  it('writes at once, without waiting for typing to pause', async () => {
    const { store, log, finishNext, stored } = slowStore();
    const writer = new DraftWriter(store, KEY);
    const kept = vi.fn();
    writer.put(draft('a'), kept);
    await vi.waitFor(() => expect(log).toEqual(['put a']));
    await finishNext();
    await writer.settled();
    expect(stored()?.input.comment).toBe('a');
    expect(kept).toHaveBeenCalledWith(true);
  });

  it('writes one at a time and, of the drafts that waited, only the newest', async () => {
    const { store, log, finishNext, stored } = slowStore();
    const writer = new DraftWriter(store, KEY);
    writer.put(draft('a'));
    await vi.waitFor(() => expect(log).toEqual(['put a']));
    const replaced = vi.fn();
    writer.put(draft('ab'), replaced);
    writer.put(draft('abc'));
    expect(log).toEqual(['put a']);
    await finishNext();
    await finishNext();
    await writer.settled();
    expect(log).toEqual(['put a', 'put abc']);
    expect(stored()?.input.comment).toBe('abc');
    expect(replaced).toHaveBeenCalledWith(false);
  });

  it('deletes after the write under way, and drops a write not yet made', async () => {
    const { store, log, finishNext, stored } = slowStore();
    const writer = new DraftWriter(store, KEY);
    writer.put(draft('a'));
    await vi.waitFor(() => expect(log).toEqual(['put a']));
    writer.put(draft('ab'));
    const deleted = writer.delete();
    await finishNext();
    await deleted;
    expect(log).toEqual(['put a', 'delete']);
    expect(stored()).toBeNull();
  });

  it('goes on after a failed write', async () => {
    const store: DraftStore = {
      get: async () => null,
      put: vi
        .fn()
        .mockRejectedValueOnce(new Error('QuotaExceededError'))
        .mockResolvedValue(undefined),
      delete: async () => undefined,
      clearUser: async () => undefined,
    };
    const writer = new DraftWriter(store, KEY);
    const first = vi.fn();
    const second = vi.fn();
    writer.put(draft('a'), first);
    await writer.settled();
    writer.put(draft('ab'), second);
    await writer.settled();
    expect(first).toHaveBeenCalledWith(false);
    expect(second).toHaveBeenCalledWith(true);
  });
});
