import { useEffect, useRef } from 'react';

/**
 * A dialog's first focus on the element given the returned ref, e.g. "Avbryt" rather than the
 * committing button. Fluent's Dialog focuses its first focusable element when it opens, and has
 * no prop for another one (`autoFocus` is overridden): this runs in the dialog's owner, whose
 * effect comes after the Dialog's, so it has the last word.
 */
export function useInitialFocus<T extends HTMLElement>(open: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!open) return;
    if (ref.current) {
      ref.current.focus();
      return;
    }
    // The surface is not drawn yet (it fades in): once it is.
    const frame = requestAnimationFrame(() => ref.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [open]);
  return ref;
}
