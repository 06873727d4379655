/**
 * SharePoint's `$batch` wire format, as PnPjs writes and reads it: a `multipart/mixed` request
 * whose parts are `application/http` requests (writes grouped in `changeset_` parts), answered
 * by a flat `--batchresponse_` multipart with one HTTP response per request, LF line endings
 * and a newline after the closing boundary (PnP's parser needs it).
 */
import { randomUUID } from 'node:crypto';
import { badRequestBody } from './errors';

/** One request found in a batch body. */
export interface BatchPart {
  readonly method: string;
  readonly url: string;
  /** Header names lower case. */
  readonly headers: ReadonlyMap<string, string>;
  readonly body: string;
}

/** One answer to put in the batch response. */
export interface BatchPartResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** The boundary of a `multipart/mixed; boundary=…` content type, or null. */
export function boundaryOf(contentType: string | undefined): string | null {
  const match = /boundary="?([^";]+)"?/i.exec(contentType ?? '');
  return match?.[1] ?? null;
}

function splitParts(text: string, boundary: string): string[] {
  const lines = text.split(/\r?\n/);
  const parts: string[] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    const trimmed = line.trimEnd();
    if (trimmed === `--${boundary}` || trimmed === `--${boundary}--`) {
      if (current) parts.push(current.join('\n'));
      if (trimmed === `--${boundary}--`) return parts;
      current = [];
    } else if (current) {
      current.push(line);
    }
  }
  throw badRequestBody(`The $batch body does not end with --${boundary}--.`);
}

function readHeaders(lines: readonly string[], start: number): [Map<string, string>, number] {
  const headers = new Map<string, string>();
  let i = start;
  for (; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (line.trim() === '') return [headers, i + 1];
    const colon = line.indexOf(':');
    if (colon < 0) throw badRequestBody(`Malformed header line in $batch: '${line}'.`);
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return [headers, i];
}

function parseHttpPart(content: string): BatchPart {
  const lines = content.split('\n');
  let i = 0;
  while (i < lines.length && (lines[i] ?? '').trim() === '') i += 1;
  const requestLine = /^([A-Z]+) (\S+) HTTP\/1\.1$/.exec((lines[i] ?? '').trim());
  if (!requestLine?.[1] || !requestLine[2]) {
    throw badRequestBody(`Malformed request line in $batch: '${lines[i] ?? ''}'.`);
  }
  const [headers, bodyStart] = readHeaders(lines, i + 1);
  const body = lines.slice(bodyStart).join('\n').trim();
  return { method: requestLine[1], url: requestLine[2], headers, body };
}

/** Parses a batch body into its requests, in order (changeset parts flattened). */
export function parseBatch(body: string, boundary: string): BatchPart[] {
  const requests: BatchPart[] = [];
  for (const part of splitParts(body, boundary)) {
    const lines = part.split('\n');
    const [headers, contentStart] = readHeaders(lines, 0);
    const content = lines.slice(contentStart).join('\n');
    const type = headers.get('content-type') ?? '';
    if (/^multipart\/mixed/i.test(type)) {
      const inner = boundaryOf(type);
      if (!inner) throw badRequestBody('A changeset in $batch has no boundary.');
      for (const changePart of splitParts(content, inner)) {
        const changeLines = changePart.split('\n');
        const [, changeStart] = readHeaders(changeLines, 0);
        requests.push(parseHttpPart(changeLines.slice(changeStart).join('\n')));
      }
    } else if (/^application\/http/i.test(type)) {
      requests.push(parseHttpPart(content));
    } else {
      throw badRequestBody(`Unexpected part of type '${type}' in $batch.`);
    }
  }
  return requests;
}

/** Builds the batch response body and its content type. */
export function formatBatchResponse(parts: readonly BatchPartResponse[]): {
  contentType: string;
  body: string;
} {
  const boundary = `batchresponse_${randomUUID()}`;
  const chunks: string[] = [];
  for (const part of parts) {
    chunks.push(`--${boundary}\n`);
    chunks.push('Content-Type: application/http\nContent-Transfer-Encoding: binary\n\n');
    chunks.push(`HTTP/1.1 ${part.status} ${part.statusText}\n`);
    for (const [name, value] of Object.entries(part.headers)) {
      chunks.push(`${name.toUpperCase()}: ${value}\n`);
    }
    chunks.push(`\n${part.body}\n`);
  }
  chunks.push(`--${boundary}--\n`);
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: chunks.join('') };
}
