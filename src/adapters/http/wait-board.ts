import { StoreFailure, type Service } from '../../domain/errors';
import type { ServiceWait, WaitNotices } from '../../domain/ports';

/**
 * The waits a service asked for (`Retry-After`) that are under way, for the UI to show with a
 * countdown and a way to cancel. A wait ends when its time is up, or rejects with StoreFailure
 * `cancelled` when the user cancels it (or `signal` aborts).
 */
export class WaitBoard implements WaitNotices {
  private waits: readonly ServiceWait[] = [];
  private readonly listeners = new Set<() => void>();
  private nextId = 1;

  constructor(private readonly now: () => number = () => Date.now()) {}

  current(): readonly ServiceWait[] {
    return this.waits;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Waits `ms`, shown on the board as a wait for `service`. */
  wait(service: Service, ms: number, signal?: AbortSignal | null): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const id = this.nextId++;
      const end = (outcome: () => void) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.set(this.waits.filter((w) => w.id !== id));
        outcome();
      };
      const cancel = () =>
        end(() =>
          reject(new StoreFailure('cancelled', `Wait for ${service} cancelled`, { service })),
        );
      const onAbort = () => cancel();
      const timer = setTimeout(() => end(resolve), ms);
      if (signal?.aborted) {
        cancel();
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      const from = this.now();
      this.set([...this.waits, { id, service, from, until: from + ms, cancel }]);
    });
  }

  private set(waits: readonly ServiceWait[]) {
    this.waits = waits;
    for (const listener of this.listeners) listener();
  }
}
