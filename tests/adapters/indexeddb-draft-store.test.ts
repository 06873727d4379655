import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IndexedDbDraftStore } from '../../src/adapters/browser/indexeddb-draft-store';
import type { PlanKey } from '../../src/domain/follow-up';
import type { PeriodKey } from '../../src/domain/period';
import type { DraftKey, LocalDraft } from '../../src/domain/ports';

const key = (userId: number, planKey = 'lakemedel'): DraftKey => ({
  userId,
  periodKey: '2020-08' as PeriodKey,
  planKey: planKey as PlanKey,
});
const draft: LocalDraft = {
  input: { status: 'good', statusNote: '', comment: '<p>Text</p>' },
  baseVersion: '"3"',
  savedAt: '2020-09-01T10:00:00.000Z',
};

describe('IndexedDB draft store', () => {
  it('keeps a draft per user, period and plan until it is deleted', async () => {
    const store = new IndexedDbDraftStore('t1');
    expect(await store.get(key(11))).toBeNull();
    await store.put(key(11), draft);
    expect(await store.get(key(11))).toEqual(draft);
    expect(await store.get(key(12))).toBeNull();
    expect(await store.get(key(11, 'miljo'))).toBeNull();
    await store.delete(key(11));
    expect(await store.get(key(11))).toBeNull();
  });

  it('survives a new store instance (a reload)', async () => {
    await new IndexedDbDraftStore('t2').put(key(11), draft);
    expect(await new IndexedDbDraftStore('t2').get(key(11))).toEqual(draft);
  });

  it('clears one user’s drafts at sign-out and leaves the others', async () => {
    const store = new IndexedDbDraftStore('t3');
    await store.put(key(11), draft);
    await store.put(key(11, 'miljo'), draft);
    await store.put(key(111), draft);
    await store.put(key(12), draft);
    await store.clearUser(11);
    expect(await store.get(key(11))).toBeNull();
    expect(await store.get(key(11, 'miljo'))).toBeNull();
    expect(await store.get(key(111))).toEqual(draft);
    expect(await store.get(key(12))).toEqual(draft);
  });

  it('drops a stored value that is not a draft', async () => {
    const store = new IndexedDbDraftStore('t4');
    await store.put(key(11), { ...draft, input: { status: 'brilliant' } } as unknown as LocalDraft);
    expect(await store.get(key(11))).toBeNull();
  });
});
