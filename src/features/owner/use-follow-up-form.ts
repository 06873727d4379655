import { useEffect, useRef, useState } from 'react';
import { isStoreFailure, StoreFailure } from '../../domain/errors';
import { inputOf, type FollowUp, type FollowUpInput, type Status } from '../../domain/follow-up';
import type { DraftKey, DraftStore, FollowUpRepository, LocalDraft } from '../../domain/ports';
import { htmlToPlainText, isBlankHtml, sameCommentHtml } from '../../domain/rich-text';
import {
  validateInput,
  withdrawsSubmission,
  type SaveIntent,
  type ValidationIssue,
  type Viewer,
} from '../../domain/rules';
import { sanitizeCommentHtml } from '../shared/sanitize';
import { DraftWriter } from './draft-writer';

/**
 * The same input: the comments compared as they read (normalized HTML), not as the editor or
 * SharePoint spells the markup, so a saved comment with a link or a list reads as saved.
 */
function sameInput(a: FollowUpInput, b: FollowUpInput): boolean {
  return (
    a.status === b.status &&
    a.statusNote.trim() === b.statusNote.trim() &&
    sameCommentHtml(a.comment, b.comment)
  );
}

/**
 * The stored item holds what was sent: the same status and note and the same text (SharePoint
 * may rewrite a rich-text field's markup, never its words).
 */
function holds(stored: FollowUp, sent: FollowUpInput): boolean {
  return (
    stored.status === sent.status &&
    stored.statusNote.trim() === sent.statusNote.trim() &&
    htmlToPlainText(stored.comment) === htmlToPlainText(sent.comment)
  );
}

export type SaveOutcome =
  | { readonly kind: 'saved'; readonly intent: SaveIntent; readonly at: Date }
  | { readonly kind: 'invalid'; readonly issues: readonly ValidationIssue[] }
  | { readonly kind: 'conflict'; readonly theirs: FollowUp | null }
  /** The user chose to merge: their version stays in view while they edit and save. */
  | { readonly kind: 'merging'; readonly theirs: FollowUp }
  | { readonly kind: 'failed'; readonly error: unknown };

/** A save SharePoint carried out whose answer could not be read back. */
interface Unconfirmed {
  readonly intent: SaveIntent;
  readonly sent: FollowUpInput;
  readonly error: unknown;
}

export interface FollowUpForm {
  readonly input: FollowUpInput;
  readonly dirty: boolean;
  /** True when Spara utkast would take back a submission (the owner is asked first). */
  readonly draftWithdraws: boolean;
  /** True once the current unsaved text is stored on this device. */
  readonly keptLocally: boolean;
  /** Text from an earlier visit that only this device holds, offered back. */
  readonly restorable: LocalDraft | null;
  /** After an offline failure: the network is back. */
  readonly backOnline: boolean;
  restore(): void;
  discardRestorable(): void;
  retry(): Promise<void>;
  /** A failure outside the save itself (a sign-in that did not succeed) is shown as its outcome. */
  failed(error: unknown): void;
  readonly issues: readonly ValidationIssue[];
  readonly saving: SaveIntent | null;
  readonly outcome: SaveOutcome | null;
  setStatus(status: Status): void;
  setStatusNote(note: string): void;
  setComment(html: string): void;
  save(intent: SaveIntent): Promise<void>;
  /** After a conflict: save what I wrote over their version, knowingly. */
  keepMine(): Promise<void>;
  /** After a conflict: replace what I wrote with their version. */
  takeTheirs(): void;
  /**
   * After a conflict: keep editing my text with theirs in view; the next save goes against their
   * version, so it is a deliberate merge, not a silent overwrite.
   */
  mergeByEditing(): void;
  /** While merging: add their comment after mine. */
  appendTheirComment(): void;
  /**
   * SharePoint holds a newer version that did not come from this form (a coordinator's
   * sign-off): the next save starts from it, and what it is (a draft after a send-back) counts.
   */
  rebase(saved: FollowUp): void;
}

/**
 * The owner's form: what was typed, validation, saving with the version the user started from,
 * and conflicts. Nothing typed is dropped: a failed or refused save leaves the input as it was.
 */
export function useFollowUpForm(options: {
  followUp: FollowUp;
  initialInput: FollowUpInput;
  viewer: Viewer;
  repository: FollowUpRepository;
  onInputChange: (input: FollowUpInput) => void;
  onSaved: (saved: FollowUp) => void;
  drafts?: DraftStore | undefined;
}): FollowUpForm {
  const { followUp, viewer, repository, onInputChange, onSaved, drafts } = options;
  const [input, setInput] = useState<FollowUpInput>(options.initialInput);
  const [base, setBase] = useState<FollowUp>(followUp);
  const [issues, setIssues] = useState<readonly ValidationIssue[]>([]);
  const [lastIntent, setLastIntent] = useState<SaveIntent | null>(null);
  const [saving, setSaving] = useState<SaveIntent | null>(null);
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);
  const [keptLocally, setKeptLocally] = useState(false);
  const [restorable, setRestorable] = useState<LocalDraft | null>(null);
  const [backOnline, setBackOnline] = useState(false);
  const [unconfirmed, setUnconfirmed] = useState<Unconfirmed | null>(null);
  const draftKey: DraftKey = {
    userId: viewer.id,
    periodKey: followUp.periodKey,
    planKey: followUp.planKey,
  };
  const keyRef = useRef(draftKey);
  // What is in the form now, for the end of a save that the user kept typing through.
  const latestInput = useRef(input);
  useEffect(() => {
    latestInput.current = input;
  });
  // One writer per form (the form is keyed by the item): drafts go to the device at once.
  const [writer] = useState(() => (drafts ? new DraftWriter(drafts, draftKey) : null));

  // Text this device kept from an earlier visit (a reload, a crash, a lost network) is offered
  // back; a stored draft equal to what SharePoint holds is simply dropped.
  useEffect(() => {
    if (!drafts) return;
    let current = true;
    const key = keyRef.current;
    drafts.get(key).then(
      (draft) => {
        if (!current || !draft) return;
        if (sameInput(draft.input, inputOf(followUp))) void drafts.delete(key);
        else setRestorable(draft);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
    // Once per plan: the form is keyed by the item.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [drafts]);

  // After an offline failure, say when the network is back so the user can save.
  useEffect(() => {
    if (outcome?.kind !== 'failed' || !isStoreFailure(outcome.error)) return;
    if (outcome.error.kind !== 'offline') return;
    const online = () => setBackOnline(true);
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [outcome]);

  /** Keeps what was typed on this device, at once (no delay a crash or reload could cut off). */
  const keepLocally = (next: FollowUpInput, version: string) => {
    if (!writer) return;
    setKeptLocally(false);
    writer.put({ input: next, baseVersion: version, savedAt: new Date().toISOString() }, (kept) => {
      if (kept) setKeptLocally(true);
    });
  };

  const forgetLocally = () => {
    setKeptLocally(false);
    void writer?.delete().catch(() => undefined);
  };

  const update = (change: Partial<FollowUpInput>) => {
    const next = { ...input, ...change };
    setInput(next);
    onInputChange(next);
    keepLocally(next, base.version);
    if (lastIntent !== null) setIssues(validateInput(next, lastIntent));
  };

  /** SharePoint holds `saved`: it is the form's new base, and the local copy goes if it matches. */
  const settleSaved = (saved: FollowUp, intent: SaveIntent, sent: FollowUpInput) => {
    setBase(saved);
    onSaved(saved);
    const now = latestInput.current;
    if (sameInput(now, sent)) {
      forgetLocally();
    } else {
      // Typed on while the save was under way: that text is still unsaved, keep it so.
      onInputChange(now);
      keepLocally(now, saved.version);
    }
    setUnconfirmed(null);
    setOutcome({ kind: 'saved', intent, at: new Date() });
  };

  const readStored = () =>
    repository
      .listForPeriods([followUp.periodKey])
      .then((all) => all.find((f) => f.itemId === followUp.itemId) ?? null);

  /**
   * After a save whose read-back failed: read the item again. Holding what was sent, it is the
   * save, confirmed; holding something else, someone saved after us (a conflict, with theirs).
   */
  const reconcile = async (pending: Unconfirmed) => {
    const stored = await readStored().catch(() => null);
    if (!stored) {
      setUnconfirmed(pending);
      setOutcome({ kind: 'failed', error: pending.error });
      return;
    }
    if (holds(stored, pending.sent)) settleSaved(stored, pending.intent, pending.sent);
    else {
      setUnconfirmed(null);
      setOutcome({ kind: 'conflict', theirs: stored });
    }
  };

  const write = async (intent: SaveIntent, version: Pick<FollowUp, 'itemId' | 'version'>) => {
    const current = input;
    const clean: FollowUpInput = {
      ...current,
      comment: isBlankHtml(current.comment) ? '' : sanitizeCommentHtml(current.comment),
    };
    setSaving(intent);
    setBackOnline(false);
    try {
      settleSaved(await repository.saveInput(version, clean, intent, viewer), intent, current);
    } catch (error) {
      if (isStoreFailure(error) && error.kind === 'unconfirmed') {
        await reconcile({ intent, sent: clean, error });
      } else if (isStoreFailure(error) && error.kind === 'conflict') {
        const theirs = await readStored().catch(() => null);
        setOutcome({ kind: 'conflict', theirs });
      } else {
        setOutcome({ kind: 'failed', error });
      }
    } finally {
      setSaving(null);
    }
  };

  return {
    input,
    dirty: !sameInput(input, base),
    draftWithdraws: withdrawsSubmission(base, 'draft'),
    keptLocally,
    restorable,
    backOnline,
    restore: () => {
      if (!restorable) return;
      // Save against the version the text was written for: if SharePoint moved on since, the
      // save meets a conflict instead of overwriting.
      setBase({ ...followUp, version: restorable.baseVersion });
      setInput(restorable.input);
      onInputChange(restorable.input);
      setKeptLocally(true);
      setRestorable(null);
    },
    discardRestorable: () => {
      setRestorable(null);
      void writer?.delete().catch(() => undefined);
    },
    retry: async () => {
      // A save SharePoint holds but the app could not read back: check it, do not send it again.
      if (unconfirmed) {
        setSaving(unconfirmed.intent);
        try {
          await reconcile(unconfirmed);
        } finally {
          setSaving(null);
        }
        return;
      }
      await write(lastIntent ?? 'draft', base);
    },
    failed: (error) => setOutcome({ kind: 'failed', error }),
    issues,
    saving,
    outcome,
    setStatus: (status) => update({ status }),
    setStatusNote: (statusNote) => update({ statusNote }),
    setComment: (comment) => update({ comment }),
    save: async (intent) => {
      setLastIntent(intent);
      const found = validateInput(input, intent);
      setIssues(found);
      if (found.length > 0) {
        setOutcome({ kind: 'invalid', issues: found });
        return;
      }
      await write(intent, base);
    },
    keepMine: async () => {
      if (outcome?.kind !== 'conflict' || !outcome.theirs) return;
      const theirs = outcome.theirs;
      setBase(theirs);
      await write(lastIntent ?? 'draft', theirs);
    },
    mergeByEditing: () => {
      if (outcome?.kind !== 'conflict') return;
      if (!outcome.theirs) {
        // Their version could not be fetched: say so and let the user try the save again.
        setOutcome({
          kind: 'failed',
          error: new StoreFailure('conflict', 'their version unknown'),
        });
        return;
      }
      setBase(outcome.theirs);
      setOutcome({ kind: 'merging', theirs: outcome.theirs });
    },
    appendTheirComment: () => {
      if (outcome?.kind !== 'merging') return;
      const theirs = outcome.theirs.comment;
      if (isBlankHtml(theirs)) return;
      update({ comment: isBlankHtml(input.comment) ? theirs : `${input.comment}${theirs}` });
    },
    rebase: (saved) => setBase(saved),
    takeTheirs: () => {
      if ((outcome?.kind !== 'conflict' && outcome?.kind !== 'merging') || !outcome.theirs) return;
      const theirs = outcome.theirs;
      forgetLocally();
      setBase(theirs);
      setInput(inputOf(theirs));
      // Their version is what SharePoint holds: nothing is left unsaved.
      onSaved(theirs);
      setIssues([]);
      setOutcome(null);
    },
  };
}
