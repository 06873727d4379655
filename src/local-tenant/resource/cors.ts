/**
 * CORS (https://fetch.spec.whatwg.org/#http-cors-protocol) for the resource stand-ins: the
 * preflight answer and the headers of an actual answer, for the origins a front allows.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface CorsPolicy {
  /** Whether this Origin gets CORS headers; `null` Origin (no header) never does. */
  allows(origin: string): boolean;
  readonly methods: readonly string[];
  /**
   * Request headers a preflight may ask for (lower case), or `requested`: whatever the preflight
   * asks for, echoed back.
   */
  readonly allowHeaders: readonly string[] | 'requested';
  /** Response headers a page may read (beyond the CORS-safelisted ones). */
  readonly exposeHeaders: readonly string[];
  readonly maxAgeSeconds: number;
}

/** The request's Origin header, if any. */
export function originOf(req: IncomingMessage): string | undefined {
  const origin = req.headers.origin;
  return typeof origin === 'string' && origin !== '' ? origin : undefined;
}

/** Whether the request is a CORS preflight (OPTIONS with Access-Control-Request-Method). */
export function isPreflight(req: IncomingMessage): boolean {
  return req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
}

/**
 * Answers a preflight: 200 with the allowed methods and headers for an allowed origin; 403
 * without any CORS header otherwise (the browser then refuses the actual request).
 */
export function answerPreflight(
  req: IncomingMessage,
  res: ServerResponse,
  policy: CorsPolicy,
): void {
  const origin = originOf(req);
  res.setHeader('Vary', 'Origin');
  if (origin === undefined || !policy.allows(origin)) {
    res.statusCode = 403;
    res.end();
    return;
  }
  res.statusCode = 200;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Methods', policy.methods.join(', '));
  const requested = req.headers['access-control-request-headers'];
  const headers =
    policy.allowHeaders === 'requested'
      ? typeof requested === 'string'
        ? requested
        : ''
      : policy.allowHeaders.join(', ');
  if (headers !== '') res.setHeader('Access-Control-Allow-Headers', headers);
  res.setHeader('Access-Control-Max-Age', String(policy.maxAgeSeconds));
  res.setHeader('Content-Length', '0');
  res.end();
}

/** Puts the actual answer's CORS headers on `res` (before anything writes it). */
export function addCorsHeaders(req: IncomingMessage, res: ServerResponse, policy: CorsPolicy) {
  const origin = originOf(req);
  res.setHeader('Vary', 'Origin');
  if (origin === undefined || !policy.allows(origin)) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Expose-Headers', policy.exposeHeaders.join(', '));
}

/**
 * Whether a request to a test-control endpoint comes from a page elsewhere: any Origin but the
 * front's own, or a browser's Sec-Fetch-Site other than same-origin / none. Node test code sends
 * neither.
 */
export function isCrossOrigin(req: IncomingMessage, ownOrigin: string): boolean {
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') return true;
  const origin = originOf(req);
  return origin !== undefined && origin !== ownOrigin;
}
