// A tiny tab for the NAA tests (tests/browser/teams-naa.spec.ts): the real teams-js and MSAL,
// as the app would use them, without the app. Bundled by the spec with esbuild and served on the
// app's origin; it writes what happened into <pre id="probe">, as JSON, when it is done.
//
// Query: clientId, tid, scopes (space-separated), silent (acquireTokenSilent | ssoSilent),
// authority (default https://localhost:4401/<tid>).
import { app, nestedAppAuth } from '@microsoft/teams-js';
import {
  createNestablePublicClientApplication,
  InteractionRequiredAuthError,
  LogLevel,
  type AuthenticationResult,
} from '@azure/msal-browser';

type Step =
  | {
      call: string;
      ok: true;
      accessToken: string;
      fromCache: boolean;
      homeAccountId: string;
      username: string;
      tenantId: string;
      scopes: string[];
    }
  | {
      call: string;
      ok: false;
      name: string;
      errorCode: string;
      subError: string;
      message: string;
      interactionRequired: boolean;
    };

const query = new URLSearchParams(window.location.search);
const clientId = query.get('clientId') ?? '';
const tid = query.get('tid') ?? '';
const scopes = (query.get('scopes') ?? 'User.Read').split(' ').filter(Boolean);
const silentCall = query.get('silent') === 'ssoSilent' ? 'ssoSilent' : 'acquireTokenSilent';
const authority = query.get('authority') ?? `https://localhost:4401/${tid}`;

const steps: Step[] = [];
const result: Record<string, unknown> = { steps };

function success(call: string, r: AuthenticationResult): Step {
  return {
    call,
    ok: true,
    accessToken: r.accessToken,
    fromCache: r.fromCache,
    homeAccountId: r.account.homeAccountId,
    username: r.account.username,
    tenantId: r.tenantId,
    scopes: r.scopes,
  };
}

function failure(call: string, e: unknown): Step {
  const error = e as { name?: string; errorCode?: string; subError?: string; message?: string };
  return {
    call,
    ok: false,
    name: error.name ?? String(e),
    errorCode: error.errorCode ?? '',
    subError: error.subError ?? '',
    message: error.message ?? '',
    interactionRequired: e instanceof InteractionRequiredAuthError,
  };
}

async function run(): Promise<void> {
  // MSAL finds teams-js's bridge only after app.initialize has resolved: teams-js sets
  // window.nestedAppAuthBridge when Teams answers initialize.
  await app.initialize();
  result.bridge = typeof (window as { nestedAppAuthBridge?: unknown }).nestedAppAuthBridge;
  result.naaRecommended = nestedAppAuth.isNAAChannelRecommended();
  const context = await app.getContext();
  result.clientType = context.app.host.clientType;
  result.userObjectId = context.user?.id;
  result.userPrincipalName = context.user?.userPrincipalName;
  if (result.bridge !== 'object') return;
  const logs: string[] = [];
  result.logs = logs;
  const pca = await createNestablePublicClientApplication({
    // knownAuthorities: MSAL's cache matches an account's environment (the host's
    // accountContext) only against the aliases of the configured authority: built in for Entra,
    // this list for any other (msal-common CacheManager.matchEnvironment).
    auth: { clientId, authority, knownAuthorities: [new URL(authority).host] },
    system: {
      loggerOptions: {
        // MSAL's own account of what it did (?log=verbose for everything), for failing tests.
        logLevel: query.get('log') === 'verbose' ? LogLevel.Verbose : LogLevel.Warning,
        piiLoggingEnabled: false,
        loggerCallback: (_level, message) => logs.push(message),
      },
    },
  });
  const silent = () =>
    silentCall === 'ssoSilent' ? pca.ssoSilent({ scopes }) : pca.acquireTokenSilent({ scopes });
  let first: Step;
  try {
    first = success(silentCall, await silent());
  } catch (e) {
    first = failure(silentCall, e);
  }
  steps.push(first);
  if (!first.ok && first.interactionRequired) {
    try {
      steps.push(success('acquireTokenPopup', await pca.acquireTokenPopup({ scopes })));
    } catch (e) {
      steps.push(failure('acquireTokenPopup', e));
    }
  }
  if (steps.at(-1)?.ok) {
    // Again: now from MSAL's cache, without asking Teams.
    try {
      steps.push(success(`${silentCall} again`, await silent()));
    } catch (e) {
      steps.push(failure(`${silentCall} again`, e));
    }
  }
  result.accounts = pca.getAllAccounts().map((a) => a.homeAccountId);
}

run()
  .catch((e: unknown) => {
    result.fatal = String(e);
  })
  .finally(() => {
    const out = document.createElement('pre');
    out.id = 'probe';
    out.textContent = JSON.stringify(result);
    document.body.append(out);
  });
