/** How a request ended. */
export type Settled<T> =
  | { readonly state: 'ready'; readonly data: T }
  | { readonly state: 'failed'; readonly error: unknown };

interface HeadStart {
  readonly promise: Promise<unknown>;
  settled?: Settled<unknown>;
}

type Entry =
  | { readonly state: 'ready'; readonly data: unknown }
  | { readonly state: 'pending'; readonly promise: Promise<unknown> };

/**
 * The app's one cache of loaded data, shared by the screens: what every screen needs first (the
 * viewer and the periods) is asked once per session, not again on every tab, and two screens
 * asking at once share one request. There is no second cache below it (PnP's caching is not
 * used). Entries are dropped where the data changes (`invalidate`), and the whole cache goes with
 * the session (a user switch starts a new one).
 *
 * Besides entries it holds head starts (`preload`/`take`): a request begun before the screen that
 * needs it has rendered (at start-up), handed to the first screen that asks and then forgotten.
 */
export class DataCache {
  private readonly entries = new Map<string, Entry>();
  private readonly preloads = new Map<string, HeadStart>();

  /** The data of a loaded entry; undefined while none is loaded. */
  peek<T>(key: string): { data: T } | undefined {
    const entry = this.entries.get(key);
    return entry?.state === 'ready' ? { data: entry.data as T } : undefined;
  }

  /** The entry's data, the request under way for it, or a new request (dropped if it fails). */
  load<T>(key: string, load: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    if (entry?.state === 'ready') return Promise.resolve(entry.data as T);
    if (entry?.state === 'pending') return entry.promise as Promise<T>;
    const promise: Promise<T> = load().then(
      (data) => {
        if (this.entries.get(key) === pending) this.entries.set(key, { state: 'ready', data });
        return data;
      },
      (error: unknown) => {
        if (this.entries.get(key) === pending) this.entries.delete(key);
        throw error;
      },
    );
    const pending: Entry = { state: 'pending', promise };
    this.entries.set(key, pending);
    return promise;
  }

  set<T>(key: string, data: T): void {
    this.entries.set(key, { state: 'ready', data });
  }

  invalidate(key: string): void {
    this.entries.delete(key);
  }

  /** A request begun ahead of the screen that will want it. */
  preload<T>(key: string, promise: Promise<T>): void {
    const start: HeadStart = { promise };
    // A failure is the taker's to show; unhandled until then is not an error.
    promise.then(
      (data) => (start.settled = { state: 'ready', data }),
      (error: unknown) => (start.settled = { state: 'failed', error }),
    );
    this.preloads.set(key, start);
  }

  /**
   * How the head start for `key` ended, if it has (without taking it): a screen drawn after its
   * data arrived shows it at once instead of drawing a spinner first.
   */
  settled<T>(key: string): Settled<T> | undefined {
    return this.preloads.get(key)?.settled as Settled<T> | undefined;
  }

  /** The head start for `key`, once: later callers load afresh. */
  take<T>(key: string): Promise<T> | undefined {
    const start = this.preloads.get(key);
    this.preloads.delete(key);
    return start?.promise as Promise<T> | undefined;
  }
}
