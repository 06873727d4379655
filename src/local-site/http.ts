/**
 * The one request and the one answer of the local site, whatever carries them (the Node glue,
 * a `$batch` part), and the pieces of SharePoint's wire format every endpoint shares: URL
 * segments, the OData flavour of Accept, JSON answers with their `odata.metadata`.
 */
import { badRequestBody, unsupportedQuery, type SharePointError } from './errors';
import type { JsonObject, MetadataLevel } from './item-json';

/**
 * Who a trusted front in front of the site (src/local-tenant/resource) authenticated from a
 * bearer token: never read from anything a client sends. `key` is the token's `oid` (the
 * directory user's object id), `scopes` its delegated scopes (`scp`), e.g. `AllSites.Write`.
 */
export interface Principal {
  readonly key: string;
  readonly scopes: ReadonlySet<string>;
}

/** A request as the site sees it (also each part of a `$batch`). */
export interface SiteRequest {
  /** The method on the wire (POST for a MERGE tunnelled through X-HTTP-Method). */
  readonly method: string;
  readonly url: URL;
  /** Header names lower case. */
  readonly headers: ReadonlyMap<string, string>;
  readonly body: string;
  /**
   * The body's bytes as sent (the Node glue sets them; a `$batch` part has none): a file upload's
   * content, which is binary and not UTF-8 text.
   */
  readonly bytes?: Uint8Array;
  /** Part of a batch: the outer request was already checked for the form digest. */
  readonly inBatch: boolean;
  /** Set by a trusted front (token mode); when present the sign-in cookie is ignored. */
  readonly principal?: Principal;
}

/** What the site answers. */
export interface SiteAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** A binary body (a file's `$value`), sent instead of `body`. */
  readonly bytes?: Uint8Array;
}

export const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  412: 'Precondition Failed',
  413: 'Request Entity Too Large',
  415: 'Unsupported Media Type',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The flavours of JSON the site answers in; verbose only where an endpoint allows it. */
export type AnswerFlavour = MetadataLevel | 'verbose';

export function contentType(flavour: AnswerFlavour): string {
  const level =
    flavour === 'verbose' ? 'verbose' : flavour === 'none' ? 'nometadata' : 'minimalmetadata';
  return `application/json;odata=${level};streaming=true;charset=utf-8`;
}

/**
 * Reads the OData flavour from Accept; refuses full metadata and non-JSON, and verbose unless
 * the endpoint takes it.
 */
export function flavourOf(accept: string | undefined, verboseAllowed = false): AnswerFlavour {
  const value = (accept ?? '').toLowerCase();
  if (value.includes('odata=verbose')) {
    if (verboseAllowed) return 'verbose';
    throw unsupportedQuery(
      'Accept: application/json;odata=verbose is not emulated; use application/json (minimal metadata) or odata=nometadata',
    );
  }
  if (value.includes('odata=fullmetadata')) {
    throw unsupportedQuery('Accept: application/json;odata=fullmetadata is not emulated');
  }
  if (!/(^|,)\s*application\/json/.test(value)) {
    throw unsupportedQuery(
      `Accept: '${accept ?? ''}' asks for a format other than JSON (SharePoint would answer Atom XML), which is not emulated; send Accept: application/json`,
    );
  }
  return value.includes('odata=nometadata') ? 'none' : 'minimal';
}

export function errorAnswer(error: SharePointError): SiteAnswer {
  return {
    status: error.status,
    headers: { 'content-type': contentType('minimal'), ...error.headers },
    body: error.body(),
  };
}

export const NO_CONTENT: SiteAnswer = { status: 204, headers: {}, body: '' };

/**
 * A JSON answer: `{odata.metadata, …}` in minimal metadata, the body alone in nometadata,
 * `{ d: … }` in verbose.
 */
export function jsonAnswer(
  status: number,
  flavour: AnswerFlavour,
  webUrl: string,
  fragment: string,
  body: JsonObject,
  headers: Record<string, string> = {},
): SiteAnswer {
  const wrapped =
    flavour === 'verbose'
      ? { d: body }
      : flavour === 'none'
        ? body
        : { 'odata.metadata': `${webUrl}/_api/$metadata#${fragment}`, ...body };
  return {
    status,
    headers: { 'content-type': contentType(flavour), ...headers },
    body: JSON.stringify(wrapped),
  };
}

/** One URL segment: lower-case name and the text in its parentheses. */
export interface Segment {
  readonly name: string;
  readonly arg: string | null;
}

export function parseSegment(raw: string): Segment {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    throw badRequestBody(`The URL segment '${raw}' is not URL-encoded correctly.`);
  }
  const match = /^([^()]+)(?:\((.*)\))?$/s.exec(decoded);
  if (!match?.[1]) return { name: decoded.toLowerCase(), arg: null };
  return { name: match[1].toLowerCase(), arg: match[2] ?? null };
}

/** `'text'` (with '' escaping), `guid'…'` or a number in a segment's parentheses. */
export function stringArg(segment: Segment): string {
  const arg = segment.arg ?? '';
  const quoted = /^(?:guid)?'((?:[^']|'')*)'$/s.exec(arg);
  if (!quoted || quoted[1] === undefined) {
    throw unsupportedQuery(`The argument of ${segment.name}(${arg}) is not a quoted string`);
  }
  return quoted[1].replace(/''/g, "'");
}

export function numberArg(segment: Segment): number {
  const arg = (segment.arg ?? '').trim();
  if (!/^\d+$/.test(arg)) {
    throw unsupportedQuery(`The argument of ${segment.name}(${arg}) is not a whole number`);
  }
  return Number(arg);
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
