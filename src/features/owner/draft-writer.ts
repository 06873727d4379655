import type { DraftKey, DraftStore, LocalDraft } from '../../domain/ports';

/**
 * Writes one form's local draft to the device as soon as it changes, one operation at a time in
 * the order asked: a write asked while another is under way waits, and only the newest waiting
 * write is made (the ones it replaces are of no use). A delete waits for the writes before it, so
 * a draft forgotten after a save never comes back from a write that ended later.
 *
 * No delay: text typed a moment before the browser is closed, reloaded or crashes is already
 * with IndexedDB (a debounced write lost the last 300 ms).
 */
interface Waiting {
  draft: LocalDraft;
  done: (kept: boolean) => void;
  cancelled: boolean;
}

export class DraftWriter {
  private chain: Promise<void> = Promise.resolve();
  /** The write asked for and not yet started: a newer draft takes its place. */
  private waiting: Waiting | null = null;

  constructor(
    private readonly store: DraftStore,
    private readonly key: DraftKey,
  ) {}

  /** Keeps `draft`; `onKept` hears whether this draft (not one that replaced it) was written. */
  put(draft: LocalDraft, onKept: (kept: boolean) => void = () => undefined): void {
    if (this.waiting) {
      this.waiting.done(false);
      this.waiting.draft = draft;
      this.waiting.done = onKept;
      return;
    }
    const entry: Waiting = { draft, done: onKept, cancelled: false };
    this.waiting = entry;
    this.chain = this.chain.then(async () => {
      if (this.waiting === entry) this.waiting = null;
      if (entry.cancelled) return;
      try {
        await this.store.put(this.key, entry.draft);
        entry.done(true);
      } catch {
        entry.done(false);
      }
    });
  }

  /** Forgets the draft, after any write asked before; one not yet started is not made. */
  delete(): Promise<void> {
    if (this.waiting) {
      this.waiting.cancelled = true;
      this.waiting.done(false);
      this.waiting = null;
    }
    const deleted = this.chain.then(() => this.store.delete(this.key));
    this.chain = deleted.catch(() => undefined);
    return deleted;
  }

  /** Settles when everything asked so far has been done. */
  settled(): Promise<void> {
    return this.chain;
  }
}
