import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONNECT_SOURCES,
  FRAME_ANCESTORS,
  connectSourcesFrom,
  contentSecurityPolicy,
  frameSourcesFrom,
  securityHeaders,
} from '../../csp.config';

const TENANT = ['https://contoso.sharepoint.com', 'https://graph.microsoft.com'];

/** The policy as directive name → sources. */
function parse(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(directives.has(name), `${name} appears once`).toBe(false);
    directives.set(name, sources);
  }
  return directives;
}

describe('the Content-Security-Policy of the production build', () => {
  const policy = contentSecurityPolicy({ connectSources: TENANT });
  const directives = parse(policy);

  it('has every directive, with the sources it should', () => {
    expect(
      Object.fromEntries([...directives].filter(([name]) => name !== 'frame-ancestors')),
    ).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'https:'],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'", ...TENANT],
      // MSAL's hidden sign-in frame: without it silent sign-in outside Teams times out.
      'frame-src': ["'self'", 'https://login.microsoftonline.com'],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'object-src': ["'none'"],
    });
  });

  it('allows no inline script and no eval anywhere', () => {
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toContain('unsafe-hashes');
    expect(policy).not.toMatch(/'unsafe-inline'.*'unsafe-inline'/);
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });

  it('lets only the app itself and the Teams, Outlook and Microsoft 365 hosts frame it', () => {
    const ancestors = directives.get('frame-ancestors') ?? [];
    expect(ancestors).toEqual(["'self'", ...FRAME_ANCESTORS]);
    expect(ancestors).toEqual(
      expect.arrayContaining([
        'https://*.cloud.microsoft',
        'https://teams.microsoft.com',
        'https://*.teams.microsoft.com',
        'https://*.microsoft365.com',
        'https://*.office.com',
        'https://outlook.office.com',
        'https://outlook.office365.com',
      ]),
    );
    // No wildcard host, no other scheme: each is https:// and a named domain.
    expect(ancestors).not.toContain('*');
    expect(ancestors).not.toContain('https:');
    for (const host of FRAME_ANCESTORS) {
      expect(host).toMatch(/^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    }
  });

  it('lets the app connect to its own origin and the given sources only', () => {
    const other = parse(
      contentSecurityPolicy({ connectSources: ['https://fabrikam.sharepoint.com'] }),
    );
    expect(other.get('connect-src')).toEqual(["'self'", 'https://fabrikam.sharepoint.com']);
    expect(parse(contentSecurityPolicy({ connectSources: [] })).get('connect-src')).toEqual([
      "'self'",
    ]);
  });

  it('refuses a connect source that would widen or break the policy', () => {
    for (const bad of ['*', "'unsafe-eval'", 'https://a.example; script-src *', 'a b', 'a,b']) {
      expect(() => contentSecurityPolicy({ connectSources: [bad] })).toThrow(/Not a source/);
      expect(() => contentSecurityPolicy({ connectSources: [], frameSources: [bad] })).toThrow(
        /Not a source/,
      );
    }
  });
});

describe('CSP_FRAME_SRC', () => {
  it('names the identity provider the hidden frame may load, Entra by default', () => {
    expect(frameSourcesFrom(undefined)).toEqual(['https://login.microsoftonline.com']);
    expect(frameSourcesFrom(' https://localhost:4401 ')).toEqual(['https://localhost:4401']);
    expect(
      parse(
        contentSecurityPolicy({ connectSources: [], frameSources: ['https://localhost:4401'] }),
      ).get('frame-src'),
    ).toEqual(["'self'", 'https://localhost:4401']);
  });
});

describe('CSP_CONNECT_SRC', () => {
  it('is a space-separated list', () => {
    expect(
      connectSourcesFrom(' https://contoso.sharepoint.com  https://graph.microsoft.com\n'),
    ).toEqual(TENANT);
  });

  it('defaults to SharePoint Online, Microsoft Graph and the Microsoft identity platform', () => {
    expect(connectSourcesFrom(undefined)).toEqual([...DEFAULT_CONNECT_SOURCES]);
    expect(connectSourcesFrom('  ')).toEqual([...DEFAULT_CONNECT_SOURCES]);
    expect(DEFAULT_CONNECT_SOURCES).toEqual([
      'https://*.sharepoint.com',
      'https://graph.microsoft.com',
      'https://login.microsoftonline.com',
      'https://res.cdn.office.net',
    ]);
  });
});

describe('the security headers', () => {
  it('are the CSP, nosniff and the referrer policy', () => {
    expect(securityHeaders({ connectSources: TENANT })).toEqual({
      'Content-Security-Policy': contentSecurityPolicy({ connectSources: TENANT }),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
  });
});
