/**
 * The one check for a plan's document link (Plandokument): an absolute http or https address.
 * The register refuses anything else, and every place that shows the link (the form, the report
 * on screen and in Word) shows it only when it passes, so a link written past the register (over
 * REST, or before this check) with `javascript:`, `data:`, `file:` or `ms-word:` never becomes one.
 */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The plan document's address to link to, trimmed, or null when there is none or it is unsafe. */
export function planDocumentHref(value: string | null | undefined): string | null {
  return value && isHttpUrl(value) ? value.trim() : null;
}
