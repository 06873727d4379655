import {
  InteractionRequiredAuthError,
  type AccountInfo,
  type AuthenticationResult,
} from '@azure/msal-browser';
import { describe, expect, it, vi } from 'vitest';
import { MsalTokenProvider, type TokenClient } from '../../src/adapters/auth/msal-token-provider';

const SP = 'https://contoso.sharepoint.com';
const account = { homeAccountId: 'h', username: 'anna@contoso.example' } as AccountInfo;
const result = (token: string) => ({ accessToken: token, account }) as AuthenticationResult;

function fakeClient(overrides: Partial<TokenClient> = {}) {
  const client = {
    getActiveAccount: vi.fn(() => account as AccountInfo | null),
    getAllAccounts: vi.fn(() => [account]),
    setActiveAccount: vi.fn(),
    acquireTokenSilent: vi.fn(async () => result('silent')),
    ssoSilent: vi.fn(async () => result('sso')),
    acquireTokenPopup: vi.fn(async () => result('popup')),
    ...overrides,
  };
  return client;
}

const scopes = { [SP]: [`${SP}/AllSites.Write`] };

describe('MSAL token provider', () => {
  it('gets a token silently with the resource’s delegated scope', async () => {
    const client = fakeClient();
    const provider = new MsalTokenProvider(client as unknown as TokenClient, scopes);
    expect(await provider.getAccessToken(SP)).toBe('silent');
    expect(client.acquireTokenSilent).toHaveBeenCalledWith({
      scopes: [`${SP}/AllSites.Write`],
      account,
    });
    expect(client.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it('signs in silently with the Teams user as hint when there is no account yet', async () => {
    const client = fakeClient({
      getActiveAccount: vi.fn(() => null),
      getAllAccounts: vi.fn(() => []),
    });
    const provider = new MsalTokenProvider(
      client as unknown as TokenClient,
      scopes,
      'anna@contoso.example',
    );
    expect(await provider.getAccessToken(SP)).toBe('sso');
    expect(client.ssoSilent).toHaveBeenCalledWith({
      scopes: [`${SP}/AllSites.Write`],
      loginHint: 'anna@contoso.example',
    });
    expect(client.setActiveAccount).toHaveBeenCalledWith(account);
  });

  it('asks for interaction only when Entra requires it', async () => {
    const client = fakeClient({
      acquireTokenSilent: vi.fn(async () => {
        throw new InteractionRequiredAuthError('consent_required', 'correlation');
      }),
    });
    const provider = new MsalTokenProvider(client as unknown as TokenClient, scopes);
    expect(await provider.getAccessToken(SP)).toBe('popup');
  });

  it('does not turn other failures into a popup', async () => {
    const client = fakeClient({
      acquireTokenSilent: vi.fn(async () => {
        throw new Error('network');
      }),
    });
    const provider = new MsalTokenProvider(client as unknown as TokenClient, scopes);
    await expect(provider.getAccessToken(SP)).rejects.toThrow('network');
    expect(client.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it('falls back to the .default scope for a resource without configured scopes', async () => {
    const client = fakeClient();
    await new MsalTokenProvider(client as unknown as TokenClient, {}).getAccessToken(
      'https://graph.microsoft.com',
    );
    expect(client.acquireTokenSilent).toHaveBeenCalledWith({
      scopes: ['https://graph.microsoft.com/.default'],
      account,
    });
  });
});
