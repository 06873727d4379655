import {
  BrowserAuthError,
  BrowserAuthErrorCodes,
  InteractionRequiredAuthError,
  ServerError,
  type AccountInfo,
  type AuthenticationResult,
} from '@azure/msal-browser';
import { describe, expect, it, vi } from 'vitest';
import { MsalTokenProvider, type TokenClient } from '../../src/adapters/auth/msal-token-provider';
import { StoreFailure } from '../../src/domain/errors';

const SP = 'https://contoso.sharepoint.com';
const GRAPH = 'https://graph.microsoft.com';
const account = { homeAccountId: 'h', username: 'anna@contoso.example' } as AccountInfo;
const result = (token: string, scopes = ['AllSites.FullControl']) =>
  ({ accessToken: token, account, scopes }) as unknown as AuthenticationResult;

function fakeClient(overrides: Partial<Record<keyof TokenClient, unknown>> = {}) {
  return {
    getActiveAccount: vi.fn(() => account as AccountInfo | null),
    getAllAccounts: vi.fn(() => [account]),
    setActiveAccount: vi.fn(),
    acquireTokenSilent: vi.fn(async () => result('silent')),
    ssoSilent: vi.fn(async () => result('sso')),
    acquireTokenPopup: vi.fn(async () => result('popup')),
    ...overrides,
  };
}

const settings = {
  scopes: {
    [SP]: [`${SP}/AllSites.FullControl`],
    [GRAPH]: [`${GRAPH}/ChannelMessage.Send`, `${GRAPH}/User.ReadBasic.All`],
  },
  signInResource: SP,
};
const names = { [SP]: 'SharePoint', [GRAPH]: 'Microsoft Graph' };

function provider(client: ReturnType<typeof fakeClient>, hint?: string) {
  return new MsalTokenProvider(client as unknown as TokenClient, settings, hint, names);
}

async function failureOf(promise: Promise<unknown>): Promise<StoreFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreFailure);
  return error as StoreFailure;
}

describe('MSAL token provider', () => {
  it('gets a token silently with the resource’s delegated scope', async () => {
    const client = fakeClient();
    expect(await provider(client).getAccessToken(SP)).toBe('silent');
    expect(client.acquireTokenSilent).toHaveBeenCalledWith({
      scopes: [`${SP}/AllSites.FullControl`],
      account,
    });
    expect(client.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it('signs in silently with the Teams user as hint when there is no account yet', async () => {
    const client = fakeClient({
      getActiveAccount: vi.fn(() => null),
      getAllAccounts: vi.fn(() => []),
    });
    expect(await provider(client, 'anna@contoso.example').getAccessToken(SP)).toBe('sso');
    expect(client.ssoSilent).toHaveBeenCalledWith({
      scopes: [`${SP}/AllSites.FullControl`],
      loginHint: 'anna@contoso.example',
    });
    expect(client.setActiveAccount).toHaveBeenCalledWith(account);
  });

  it('never opens a window while loading: interaction required becomes “unauthorized”', async () => {
    const client = fakeClient({
      acquireTokenSilent: vi.fn(async () => {
        throw new InteractionRequiredAuthError('login_required', 'no session');
      }),
    });
    expect((await failureOf(provider(client).getAccessToken(SP))).kind).toBe('unauthorized');
    expect(client.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it('treats a hidden frame that timed out (blocked by CSP or cookies) as needing sign-in', async () => {
    const client = fakeClient({
      acquireTokenSilent: vi.fn(async () => {
        throw new BrowserAuthError(BrowserAuthErrorCodes.timedOut, '');
      }),
    });
    expect((await failureOf(provider(client).getAccessToken(SP))).kind).toBe('unauthorized');
  });

  it('signs in with a pop-up only when asked to, with the login hint', async () => {
    const client = fakeClient();
    await provider(client, 'anna@contoso.example').signIn();
    expect(client.acquireTokenPopup).toHaveBeenCalledWith({
      scopes: [`${SP}/AllSites.FullControl`],
      loginHint: 'anna@contoso.example',
    });
    expect(client.setActiveAccount).toHaveBeenCalledWith(account);
  });

  it('reports a blocked pop-up, and consent that only IT can give, by name', async () => {
    const blocked = fakeClient({
      acquireTokenPopup: vi.fn(async () => {
        throw new BrowserAuthError(BrowserAuthErrorCodes.popupWindowError, '');
      }),
    });
    expect((await failureOf(provider(blocked).signIn())).kind).toBe('sign-in-blocked');
    const refused = fakeClient({
      acquireTokenPopup: vi.fn(async () => {
        throw new ServerError(
          'consent_required',
          'AADSTS65001: The user or administrator has not consented to use the application.',
        );
      }),
    });
    const failure = await failureOf(provider(refused).signIn());
    expect(failure.kind).toBe('consent-required');
    expect(failure.scopes).toEqual(['AllSites.FullControl (SharePoint)']);
  });

  it('refuses a token short of a scope, naming what is missing', async () => {
    const client = fakeClient({
      acquireTokenSilent: vi.fn(async () => result('graph', ['User.ReadBasic.All'])),
    });
    const failure = await failureOf(provider(client).getAccessToken(GRAPH));
    expect(failure.kind).toBe('consent-required');
    expect(failure.scopes).toEqual(['ChannelMessage.Send (Microsoft Graph)']);
  });

  it('asks once for a resource when many requests want a token at the same time', async () => {
    let resolve: (value: AuthenticationResult) => void = () => undefined;
    const client = fakeClient({
      acquireTokenSilent: vi.fn(
        () => new Promise<AuthenticationResult>((done) => (resolve = done)),
      ),
    });
    const tokens = provider(client);
    const both = Promise.all([tokens.getAccessToken(SP), tokens.getAccessToken(SP)]);
    resolve(result('one'));
    expect(await both).toEqual(['one', 'one']);
    expect(client.acquireTokenSilent).toHaveBeenCalledTimes(1);
  });

  it('maps other failures without a pop-up', async () => {
    const client = fakeClient({
      acquireTokenSilent: vi.fn(async () => {
        throw new BrowserAuthError(BrowserAuthErrorCodes.noNetworkConnectivity, '');
      }),
    });
    expect((await failureOf(provider(client).getAccessToken(SP))).kind).toBe('offline');
    expect(client.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it('falls back to the .default scope for a resource without configured scopes', async () => {
    const client = fakeClient({
      acquireTokenSilent: vi.fn(async () => result('x', [])),
    });
    await provider(client).getAccessToken('https://other.example');
    expect(client.acquireTokenSilent).toHaveBeenCalledWith({
      scopes: ['https://other.example/.default'],
      account,
    });
  });
});

describe('the preflight’s scope probe (tokenFor)', () => {
  it('asks Entra afresh for exactly one scope, past the cached token', async () => {
    const client = fakeClient({
      acquireTokenSilent: vi.fn(async () => result('fresh', ['TeamsActivity.Send'])),
    });
    expect(await provider(client).tokenFor(`${GRAPH}/TeamsActivity.Send`)).toBe('fresh');
    expect(client.acquireTokenSilent).toHaveBeenCalledWith({
      scopes: [`${GRAPH}/TeamsActivity.Send`],
      account,
      forceRefresh: true,
    });
    expect(client.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it('a silent consent refusal is “consent-required”, naming the permission', async () => {
    const client = fakeClient({
      acquireTokenSilent: vi.fn(async () => {
        throw new InteractionRequiredAuthError(
          'invalid_grant',
          'AADSTS65001: The user or administrator has not consented to use the application.',
          'consent_required',
        );
      }),
    });
    const failure = await failureOf(provider(client).tokenFor(`${GRAPH}/ChannelMessage.Send`));
    expect(failure.kind).toBe('consent-required');
    expect(failure.scopes).toEqual(['ChannelMessage.Send (Microsoft Graph)']);
  });

  it('without an account it asks for sign-in, and opens nothing', async () => {
    const client = fakeClient({
      getActiveAccount: vi.fn(() => null),
      getAllAccounts: vi.fn(() => []),
    });
    expect((await failureOf(provider(client).tokenFor(`${SP}/AllSites.FullControl`))).kind).toBe(
      'unauthorized',
    );
    expect(client.ssoSilent).not.toHaveBeenCalled();
    expect(client.acquireTokenPopup).not.toHaveBeenCalled();
  });
});
