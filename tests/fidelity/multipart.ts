/**
 * Reads a `$batch` answer (or a documented example of one) into its parts, independently of the
 * local site's own batch code, so the fidelity tests check the wire format rather than the
 * site's reading of itself.
 */

export interface MultipartPart {
  /** The part's MIME header lines, as written. */
  readonly mimeHeaders: readonly string[];
  /** `HTTP/1.1 <code> <text>` */
  readonly statusLine: string;
  /** The embedded response's header lines, as written. */
  readonly headers: readonly string[];
  readonly body: string;
}

export interface Multipart {
  readonly parts: readonly MultipartPart[];
  /** Whether `--<boundary>--` closes the body. */
  readonly closed: boolean;
  /** What follows the closing boundary line's text (`'\n'` = one trailing newline). */
  readonly afterClose: string;
}

/** The boundary of a `multipart/mixed; boundary=…` content type. */
export function boundaryOf(contentType: string): string {
  const match = /boundary=("?)([^";]+)\1/.exec(contentType);
  if (!match?.[2]) throw new Error(`No boundary in '${contentType}'`);
  return match[2];
}

export function parseMultipart(text: string, boundary: string): Multipart {
  const delimiter = `--${boundary}`;
  const close = `${delimiter}--`;
  const closeAt = text.indexOf(close);
  const closed = closeAt >= 0;
  const content = closed ? text.slice(0, closeAt) : text;
  const chunks = content.split(`${delimiter}\n`).slice(1);
  const parts = chunks.map((chunk) => {
    const lines = chunk.split('\n');
    let i = 0;
    const take = (): string[] => {
      const out: string[] = [];
      while (i < lines.length && lines[i] !== '') out.push(lines[i++] ?? '');
      i += 1;
      return out;
    };
    const mimeHeaders = take();
    const [statusLine = '', ...headers] = take();
    const body = lines.slice(i).join('\n').replace(/\n+$/, '');
    return { mimeHeaders, statusLine, headers, body };
  });
  return { parts, closed, afterClose: closed ? text.slice(closeAt + close.length) : '' };
}
