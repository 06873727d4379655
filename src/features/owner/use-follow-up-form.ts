import { useState } from 'react';
import { isStoreFailure } from '../../domain/errors';
import type { FollowUp, FollowUpInput, Status } from '../../domain/follow-up';
import type { FollowUpRepository } from '../../domain/ports';
import { isBlankHtml } from '../../domain/rich-text';
import {
  validateInput,
  type SaveIntent,
  type ValidationIssue,
  type Viewer,
} from '../../domain/rules';
import { sanitizeCommentHtml } from '../shared/sanitize';

export function inputOf(followUp: FollowUpInput): FollowUpInput {
  return { status: followUp.status, statusNote: followUp.statusNote, comment: followUp.comment };
}

function sameInput(a: FollowUpInput, b: FollowUpInput): boolean {
  const comment = (html: string) => (isBlankHtml(html) ? '' : html);
  return (
    a.status === b.status &&
    a.statusNote.trim() === b.statusNote.trim() &&
    comment(a.comment) === comment(b.comment)
  );
}

export type SaveOutcome =
  | { readonly kind: 'saved'; readonly intent: SaveIntent; readonly at: Date }
  | { readonly kind: 'invalid'; readonly issues: readonly ValidationIssue[] }
  | { readonly kind: 'conflict'; readonly theirs: FollowUp | null }
  | { readonly kind: 'failed'; readonly error: unknown };

export interface FollowUpForm {
  readonly input: FollowUpInput;
  readonly dirty: boolean;
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
}): FollowUpForm {
  const { followUp, viewer, repository, onInputChange, onSaved } = options;
  const [input, setInput] = useState<FollowUpInput>(options.initialInput);
  const [base, setBase] = useState<FollowUp>(followUp);
  const [issues, setIssues] = useState<readonly ValidationIssue[]>([]);
  const [lastIntent, setLastIntent] = useState<SaveIntent | null>(null);
  const [saving, setSaving] = useState<SaveIntent | null>(null);
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);

  const update = (change: Partial<FollowUpInput>) => {
    const next = { ...input, ...change };
    setInput(next);
    onInputChange(next);
    if (lastIntent !== null) setIssues(validateInput(next, lastIntent));
  };

  const write = async (intent: SaveIntent, version: Pick<FollowUp, 'itemId' | 'version'>) => {
    const current = input;
    const clean: FollowUpInput = {
      ...current,
      comment: isBlankHtml(current.comment) ? '' : sanitizeCommentHtml(current.comment),
    };
    setSaving(intent);
    try {
      const saved = await repository.saveInput(version, clean, intent, viewer);
      setBase(saved);
      onSaved(saved);
      setOutcome({ kind: 'saved', intent, at: new Date() });
    } catch (error) {
      if (isStoreFailure(error) && error.kind === 'conflict') {
        const theirs = await repository
          .listForPeriods([followUp.periodKey])
          .then((all) => all.find((f) => f.itemId === followUp.itemId) ?? null)
          .catch(() => null);
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
    takeTheirs: () => {
      if (outcome?.kind !== 'conflict' || !outcome.theirs) return;
      const theirs = outcome.theirs;
      setBase(theirs);
      onSaved(theirs);
      setInput(inputOf(theirs));
      onInputChange(inputOf(theirs));
      setIssues([]);
      setOutcome(null);
    },
  };
}
