import { createStore, del, entries, get, set, delMany, type UseStore } from 'idb-keyval';
import { z } from 'zod/mini';
import type { DraftKey, DraftStore, LocalDraft } from '../../domain/ports';

const draftSchema = z.object({
  input: z.object({
    status: z.nullable(z.enum(['good', 'partly', 'poor', 'not-assessed'])),
    statusNote: z.string(),
    comment: z.string(),
  }),
  baseVersion: z.string(),
  savedAt: z.string(),
});

function keyOf(key: DraftKey): string {
  return `${key.userId}|${key.periodKey}|${key.planKey}`;
}

/**
 * Drafts in IndexedDB (idb-keyval), one entry per user, period and plan. What comes back is
 * validated: a stored draft from an older version of the app, or one edited by hand, is dropped
 * rather than trusted.
 */
export class IndexedDbDraftStore implements DraftStore {
  private readonly store: UseStore;

  constructor(databaseName = 'planuppfoljning') {
    this.store = createStore(databaseName, 'drafts');
  }

  async get(key: DraftKey): Promise<LocalDraft | null> {
    const raw: unknown = await get(keyOf(key), this.store);
    if (raw === undefined) return null;
    const parsed = draftSchema.safeParse(raw);
    if (!parsed.success) {
      await del(keyOf(key), this.store);
      return null;
    }
    return parsed.data;
  }

  put(key: DraftKey, draft: LocalDraft): Promise<void> {
    return set(keyOf(key), draft, this.store);
  }

  delete(key: DraftKey): Promise<void> {
    return del(keyOf(key), this.store);
  }

  async clearUser(userId: number): Promise<void> {
    const prefix = `${userId}|`;
    const all = await entries<IDBValidKey, unknown>(this.store);
    await delMany(
      all.map(([k]) => k).filter((k) => typeof k === 'string' && k.startsWith(prefix)),
      this.store,
    );
  }
}

/** The store when the browser has IndexedDB, else undefined. */
export function createDraftStore(): DraftStore | undefined {
  return typeof indexedDB === 'undefined' ? undefined : new IndexedDbDraftStore();
}
