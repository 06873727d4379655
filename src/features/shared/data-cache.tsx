import { createContext, useContext, useState, type ReactNode } from 'react';

/**
 * The app's one cache of loaded data, shared by the screens: what every screen needs first (the
 * viewer and the periods) is asked once per session, not again on every tab. There is no second
 * cache below it (PnP's caching is not used). Entries are dropped where the data changes
 * (`invalidate`), and the whole cache goes with the session (a user switch starts a new one).
 */
export class DataCache {
  private readonly entries = new Map<string, unknown>();

  has(key: string): boolean {
    return this.entries.has(key);
  }

  get<T>(key: string): T | undefined {
    return this.entries.get(key) as T | undefined;
  }

  set<T>(key: string, value: T): void {
    this.entries.set(key, value);
  }

  invalidate(key: string): void {
    this.entries.delete(key);
  }
}

const DataCacheContext = createContext<DataCache | null>(null);

/** One cache for the tree below; remount it (a new `key`) to start afresh. */
export function DataCacheProvider({ children }: { children: ReactNode }) {
  const [cache] = useState(() => new DataCache());
  return <DataCacheContext.Provider value={cache}>{children}</DataCacheContext.Provider>;
}

/** The app's cache, or null outside a provider (then nothing is cached). */
export function useDataCache(): DataCache | null {
  return useContext(DataCacheContext);
}
