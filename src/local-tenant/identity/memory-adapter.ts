import type { Adapter, AdapterConstructor, AdapterPayload } from 'oidc-provider';

/**
 * oidc-provider's storage, in memory, one store per identity provider so that `reset()` can
 * empty it (sessions, interactions, grants, codes and tokens). The library's own memory adapter
 * is one store per process and announces itself as development-only on every start.
 */
export interface MemoryStore {
  readonly adapter: AdapterConstructor;
  clear(): void;
}

interface Entry {
  payload: AdapterPayload;
  expiresAt: number | undefined;
}

export function createMemoryStore(): MemoryStore {
  const entries = new Map<string, Entry>();
  const uids = new Map<string, string>();
  const grants = new Map<string, Set<string>>();

  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  class MemoryAdapter implements Adapter {
    constructor(private readonly model: string) {}

    private key(id: string): string {
      return `${this.model}:${id}`;
    }

    upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
      const key = this.key(id);
      entries.set(key, {
        payload,
        expiresAt: expiresIn === undefined ? undefined : Date.now() + expiresIn * 1000,
      });
      if (payload.uid !== undefined) uids.set(payload.uid, id);
      if (payload.grantId !== undefined) {
        const members = grants.get(payload.grantId) ?? new Set<string>();
        members.add(key);
        grants.set(payload.grantId, members);
      }
      return Promise.resolve();
    }

    find(id: string): Promise<AdapterPayload | undefined> {
      return Promise.resolve(live(this.key(id))?.payload);
    }

    findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const id = uids.get(uid);
      return Promise.resolve(id === undefined ? undefined : live(this.key(id))?.payload);
    }

    findByUserCode(): Promise<undefined> {
      return Promise.resolve(undefined);
    }

    consume(id: string): Promise<void> {
      const entry = live(this.key(id));
      if (entry) entry.payload = { ...entry.payload, consumed: Math.floor(Date.now() / 1000) };
      return Promise.resolve();
    }

    destroy(id: string): Promise<void> {
      entries.delete(this.key(id));
      return Promise.resolve();
    }

    revokeByGrantId(grantId: string): Promise<void> {
      for (const key of grants.get(grantId) ?? []) entries.delete(key);
      grants.delete(grantId);
      return Promise.resolve();
    }
  }

  return {
    adapter: MemoryAdapter,
    clear() {
      entries.clear();
      uids.clear();
      grants.clear();
    },
  };
}
