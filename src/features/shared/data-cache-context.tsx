import { createContext, useContext, useState, type ReactNode } from 'react';
import { DataCache } from './data-cache';

const DataCacheContext = createContext<DataCache | null>(null);

/** One cache for the tree below (the given one, else a new one); remount to start afresh. */
export function DataCacheProvider({ cache, children }: { cache?: DataCache; children: ReactNode }) {
  const [own] = useState(() => cache ?? new DataCache());
  return <DataCacheContext.Provider value={own}>{children}</DataCacheContext.Provider>;
}

/** The app's cache, or null outside a provider (then nothing is cached). */
export function useDataCache(): DataCache | null {
  return useContext(DataCacheContext);
}
