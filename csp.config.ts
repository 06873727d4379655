// The security headers the production build is served with: `vite preview` applies them (see
// vite.config.ts) so the browser tests run under them, and docs/hosting.md shows how to set the
// same values on the real static host. Kept out of src/: nothing here is bundled into the app.

/**
 * The Microsoft 365 hosts that may frame the tab, as Microsoft lists them in "Tab requirements"
 * (https://learn.microsoft.com/en-us/microsoftteams/platform/tabs/how-to/tab-requirements):
 * all hosts on the new cloud.microsoft domain (teams.cloud.microsoft, outlook.cloud.microsoft,
 * m365.cloud.microsoft, …), Teams, the Microsoft 365 app and Outlook on the web. Microsoft asks
 * to keep the older names beside *.cloud.microsoft while the clients migrate.
 */
export const FRAME_ANCESTORS: readonly string[] = [
  // All hosts (new): Teams, Outlook and Microsoft 365 on cloud.microsoft.
  'https://*.cloud.microsoft',
  // Teams on the web and the desktop client's web view.
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  // The Microsoft 365 app (microsoft365.com, www.office.com, local.teams.office.com, …).
  'https://*.microsoft365.com',
  'https://*.office.com',
  // Outlook on the web.
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
];

/**
 * Where the app sends requests on a real tenant, when CSP_CONNECT_SRC does not say: SharePoint
 * Online (the list, through @pnp/sp), Microsoft Graph, the Microsoft identity platform
 * (MSAL's metadata and token requests), and the CDN from which teams-js reads Microsoft's current
 * list of Teams hosts (without it teams-js falls back to its built-in list). Narrow *.sharepoint.com to the tenant's own host
 * (https://contoso.sharepoint.com) when hosting for one tenant.
 */
export const DEFAULT_CONNECT_SOURCES: readonly string[] = [
  'https://*.sharepoint.com',
  'https://graph.microsoft.com',
  'https://login.microsoftonline.com',
  'https://res.cdn.office.net',
];

/**
 * Where the app may load frames from, when CSP_FRAME_SRC does not say: the Microsoft identity
 * platform, for MSAL's hidden frame (silent single sign-on and token renewal outside nested app
 * authentication: `ssoSilent`, and `acquireTokenSilent` once the refresh token is spent). Without
 * it the frame is blocked, the silent request times out and every visit would need a click.
 */
export const DEFAULT_FRAME_SOURCES: readonly string[] = ['https://login.microsoftonline.com'];

/** A space-separated list (the form of CSP_CONNECT_SRC) as sources; empty or unset: the defaults. */
export function connectSourcesFrom(value: string | undefined): string[] {
  return sourcesFrom(value, DEFAULT_CONNECT_SOURCES);
}

/** CSP_FRAME_SRC as sources; empty or unset: the defaults. */
export function frameSourcesFrom(value: string | undefined): string[] {
  return sourcesFrom(value, DEFAULT_FRAME_SOURCES);
}

function sourcesFrom(value: string | undefined, defaults: readonly string[]): string[] {
  const sources = (value ?? '').split(/\s+/).filter((source) => source !== '');
  return sources.length > 0 ? sources : [...defaults];
}

/** Sources must not smuggle in another directive or a keyword that widens the policy. */
function checkSource(source: string): string {
  if (/[;,\s]/.test(source) || source === '*' || /^'unsafe-/.test(source)) {
    throw new Error(`Not a source for the Content-Security-Policy: ${source}`);
  }
  return source;
}

export interface ContentSecurityPolicyOptions {
  /** Origins the app fetches from besides its own (SharePoint, Graph, login). */
  readonly connectSources: readonly string[];
  /** Origins the app frames besides its own (the identity provider's hidden frame). */
  readonly frameSources?: readonly string[];
}

/**
 * The Content-Security-Policy header value. Only as an HTTP header: frame-ancestors (and
 * report-uri, sandbox) are ignored in a <meta http-equiv> policy.
 */
export function contentSecurityPolicy(options: ContentSecurityPolicyOptions): string {
  const directives: Array<[string, readonly string[]]> = [
    // Anything not named below: only the app's own origin.
    ['default-src', ["'self'"]],
    // Scripts only from the app's own files: no inline script, no eval. An injected <script>
    // or event-handler attribute does not run (the XSS backstop behind DOMPurify).
    ['script-src', ["'self'"]],
    // 'unsafe-inline' is needed for styles, and only for them (checked: without it Chromium
    // reports style-src-elem violations and the styles are missing). Fluent UI v9 styles through
    // Griffel, which creates <style> elements in <head> at run time and fills them with CSSOM
    // insertRule; the <style> element itself is what CSP governs, and a blocked one gets no
    // sheet. FluentProvider writes its theme variables into a <style> of its own, Tiptap
    // injects its editor CSS as a <style> element, and index.html has a small inline <style>.
    // Griffel and Tiptap accept a nonce, but a nonce must be new on every response, which a
    // static host cannot do. Styles cannot run script; style attributes React sets go through
    // CSSOM and need nothing.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    // The favicon and bundled images; data: for inline SVG/PNG data URLs (Fluent, the editor),
    // https: for images in comments linked from SharePoint or elsewhere.
    ['img-src', ["'self'", 'data:', 'https:']],
    // Bundled fonts and data: URL fonts; the app otherwise uses the system's Segoe UI.
    ['font-src', ["'self'", 'data:']],
    // XHR/fetch: the app's own origin (the local SharePoint site) and the tenant's services.
    ['connect-src', ["'self'", ...options.connectSources.map(checkSource)]],
    // Frames the app opens: the identity provider's sign-in page in MSAL's hidden frame.
    ['frame-src', ["'self'", ...(options.frameSources ?? DEFAULT_FRAME_SOURCES).map(checkSource)]],
    // Who may show the app in a frame: itself and the Microsoft 365 hosts (clickjacking guard).
    ['frame-ancestors', ["'self'", ...FRAME_ANCESTORS]],
    // No <base> pointing relative URLs elsewhere.
    ['base-uri', ["'self'"]],
    // Forms post only to the app's origin (the app posts none itself).
    ['form-action', ["'self'"]],
    // No plugins (<object>, <embed>).
    ['object-src', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** Every security header of the production build, with the CSP for the given connect sources. */
export function securityHeaders(options: ContentSecurityPolicyOptions): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    // Responses are used only as the type they are served as (no MIME sniffing into script).
    'X-Content-Type-Options': 'nosniff',
    // Full URL (with ?period=…&plan=…) to the same origin only; other origins see the origin.
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  };
}
