/**
 * The Node glue: an IncomingMessage becomes a SiteRequest (its body capped as SharePoint caps
 * request messages), a SiteAnswer is written to the ServerResponse.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SharePointError } from './errors';
import { errorAnswer, type SiteAnswer, type SiteRequest } from './http';

/**
 * The largest request message the site reads: SharePoint Online refuses client requests over
 * 2 MB with this error (https://github.com/pnp/pnpcore/issues/820; CSOM's and REST's
 * "The request message is too big"). File uploads (`Files/AddUsingPath`), which SharePoint takes
 * larger in one request, are capped here at the same size (docs/emulation.md).
 */
export const MAX_REQUEST_BYTES = 2_097_152;

export function tooBig(): SharePointError {
  return new SharePointError(
    400,
    '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
    `The request message is too big. The server does not allow messages larger than ${MAX_REQUEST_BYTES} bytes.`,
  );
}

/** The request's absolute URL, or null when it cannot be read. */
export function requestUrl(req: IncomingMessage): URL | null {
  const host = req.headers.host ?? 'localhost';
  const protocol = 'encrypted' in req.socket && req.socket.encrypted === true ? 'https' : 'http';
  try {
    return new URL(req.url ?? '/', `${protocol}://${host}`);
  } catch {
    return null;
  }
}

/**
 * Reads the whole request; answers SharePoint's error for a body over the cap (without reading
 * the rest of it into memory).
 */
export function readRequest(
  req: IncomingMessage,
  url: URL,
  done: (request: SiteRequest | SharePointError) => void,
): void {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > MAX_REQUEST_BYTES) {
    req.resume();
    done(tooBig());
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  req.on('data', (chunk: Buffer) => {
    if (refused) return;
    size += chunk.length;
    if (size > MAX_REQUEST_BYTES) {
      refused = true;
      chunks.length = 0;
      done(tooBig());
      return;
    }
    chunks.push(chunk);
  });
  req.on('error', () => {
    if (!refused) done(new SharePointError(400, '-1, LocalSite.BadRequest', 'The request failed.'));
    refused = true;
  });
  req.on('end', () => {
    if (refused) return;
    const headers = new Map<string, string>();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const bytes = Buffer.concat(chunks);
    done({
      method: (req.method ?? 'GET').toUpperCase(),
      url,
      headers,
      body: bytes.toString('utf8'),
      bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      inBatch: false,
    });
  });
}

/** Writes an answer with the headers SharePoint Online puts on every response. */
export function send(res: ServerResponse, answer: SiteAnswer): void {
  if (res.headersSent) return;
  res.statusCode = answer.status;
  res.setHeader('SPRequestGuid', randomUUID());
  res.setHeader('X-SharePointHealthScore', '0');
  if (answer.status !== 204 && answer.headers['content-type']?.includes('odata')) {
    res.setHeader('DataServiceVersion', '3.0');
  }
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  if (answer.status === 204) {
    res.end();
    return;
  }
  if (answer.bytes) {
    res.setHeader('Content-Length', answer.bytes.byteLength);
    res.end(answer.bytes);
    return;
  }
  res.setHeader('Content-Length', Buffer.byteLength(answer.body));
  res.end(answer.body);
}

/** The answer for a failure of the stand-in itself. */
export function internalError(error: unknown): SiteAnswer {
  console.error('[local-site] internal error', error);
  return errorAnswer(
    new SharePointError(
      500,
      '-1, LocalSite.InternalError',
      `The local SharePoint site failed: ${error instanceof Error ? error.message : String(error)}`,
    ),
  );
}
