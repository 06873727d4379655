/**
 * The route table of the local site's `_api`: each endpoint is declared once, as the methods it
 * takes, a path pattern and a handler. Patterns are `/`-separated segment tokens, matched
 * case-insensitively against the parsed URL segments:
 * - `name`: the segment, without parentheses;
 * - `name()`: the segment with an argument (`getbytitle('…')`), passed on in `ctx.args`;
 * - `name(?)`: the segment with or without one (an argument, when present, is in `ctx.args`);
 * - `**`: any further segments, passed on in `ctx.tail` (last token only); `++`: one or more.
 * A path that matches with a method no route of it takes answers 405, one that matches nothing
 * 501 (never a guess).
 */
import { methodNotAllowed, notEmulated } from './errors';
import type { JsonObject } from './item-json';
import type { AnswerFlavour, Segment, SiteAnswer, SiteRequest } from './http';
import type { SiteState, SiteUser } from './site-state';

/** What a handler gets: the request, what its pattern captured, and the site's services. */
export interface ApiContext {
  readonly req: SiteRequest;
  /** After X-HTTP-Method (MERGE, DELETE) on a POST. */
  readonly method: string;
  /** Segments matched by `()` and `(?)` tokens that carry an argument, in order. */
  readonly args: readonly Segment[];
  /** The `index`th of `args` (a route's pattern guarantees it). */
  arg(index: number): Segment;
  /** Segments matched by `**`. */
  readonly tail: readonly Segment[];
  /** `METHOD path` for messages. */
  readonly endpoint: string;
  /** Absolute URL of the web, no trailing slash. */
  readonly webUrl: string;
  readonly sitePath: string;
  readonly flavour: AnswerFlavour;
  readonly state: SiteState;
  readonly now: Date;
  /** Makes every GUID the site hands out. */
  readonly newId: () => string;
  readonly listViewThreshold: number;
  /** When the site was made, ISO UTC without milliseconds. */
  readonly siteCreated: string;
  /** The signed-in user. */
  user(): SiteUser;
  /** The query's `$`-options, refusing any outside `allowed`. */
  options(allowed: readonly string[]): Map<string, string>;
  /** A JSON answer in the request's flavour. */
  json(
    status: number,
    fragment: string,
    body: JsonObject,
    headers?: Record<string, string>,
  ): SiteAnswer;
}

/** One endpoint. */
export interface Route {
  readonly methods: readonly string[];
  readonly path: string;
  /** Whether the endpoint answers odata=verbose when asked (PnP's `fields.add*` ask). */
  readonly verbose?: boolean;
  /** Whether the endpoint answers bytes, not JSON (a file's `$value`): any Accept is taken. */
  readonly binary?: boolean;
  readonly handle: (ctx: ApiContext) => SiteAnswer;
}

interface Token {
  readonly name: string;
  readonly arg: 'none' | 'required' | 'optional';
  readonly rest: boolean;
  readonly atLeastOne: boolean;
}

function tokens(path: string): Token[] {
  return path.split('/').map((text) => {
    if (text === '**' || text === '++') {
      return { name: '', arg: 'none', rest: true, atLeastOne: text === '++' };
    }
    const match = /^([^()]+)(\(\??\))?$/.exec(text.toLowerCase());
    if (!match?.[1]) throw new Error(`Bad route pattern '${path}'`);
    const arg = match[2] === undefined ? 'none' : match[2] === '(?)' ? 'optional' : 'required';
    return { name: match[1], arg, rest: false, atLeastOne: false };
  });
}

/** What a matched pattern captured. */
export interface Captures {
  readonly args: Segment[];
  readonly tail: Segment[];
}

function match(pattern: readonly Token[], segments: readonly Segment[]): Captures | null {
  const args: Segment[] = [];
  for (const [i, token] of pattern.entries()) {
    if (token.rest) {
      const tail = segments.slice(i);
      return token.atLeastOne && tail.length === 0 ? null : { args, tail };
    }
    const segment = segments[i];
    if (!segment || segment.name !== token.name) return null;
    if (token.arg === 'none' && segment.arg !== null) return null;
    if (token.arg === 'required' && segment.arg === null) return null;
    if (segment.arg !== null) args.push(segment);
  }
  return segments.length === pattern.length ? { args, tail: [] } : null;
}

/** A compiled route table. */
export interface RouteTable {
  /** The route for these segments and method, with its captures; throws 405/501. */
  find(method: string, segments: readonly Segment[], endpoint: string): { route: Route } & Captures;
  /** Whether a route for these segments answers verbose (checked before the flavour is read). */
  allowsVerbose(method: string, segments: readonly Segment[]): boolean;
}

export function routeTable(routes: readonly Route[]): RouteTable {
  const compiled = routes.map((route) => ({ route, pattern: tokens(route.path) }));
  const candidates = (segments: readonly Segment[]) =>
    compiled.flatMap(({ route, pattern }) => {
      const captured = match(pattern, segments);
      return captured ? [{ route, ...captured }] : [];
    });
  return {
    find(method, segments, endpoint) {
      const found = candidates(segments);
      if (found.length === 0) throw notEmulated(endpoint);
      const taking = found.find((c) => c.route.methods.includes(method));
      if (!taking) throw methodNotAllowed(method, endpoint);
      return taking;
    },
    allowsVerbose(method, segments) {
      return candidates(segments).some(
        (c) => c.route.verbose === true && c.route.methods.includes(method),
      );
    },
  };
}

/** Routes below a prefix, e.g. a list's routes under each of the three ways to address a list. */
export function under(prefix: string, routes: readonly Route[]): Route[] {
  return routes.map((route) => ({
    ...route,
    path: route.path === '' ? prefix : `${prefix}/${route.path}`,
  }));
}
