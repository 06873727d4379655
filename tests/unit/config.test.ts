import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/app/config';

const ID = '11111111-2222-3333-4444-555555555555';

describe('configuration', () => {
  it('runs on the local site when nothing is set', () => {
    expect(readConfig({})).toEqual({ mode: 'local' });
    expect(readConfig({ VITE_SITE_URL: ' ' })).toEqual({ mode: 'local' });
    // import.meta.env also holds Vite's own values: they do not make a tenant configuration.
    const viteEnv = { BASE_URL: '/', MODE: 'production', DEV: false, PROD: true, SSR: false };
    expect(readConfig(viteEnv as unknown as Record<string, string>)).toEqual({ mode: 'local' });
  });

  it('runs against a tenant when all three values are valid', () => {
    expect(
      readConfig({
        VITE_SITE_URL: 'https://contoso.sharepoint.com/sites/planer/',
        VITE_ENTRA_CLIENT_ID: ID,
        VITE_ENTRA_TENANT_ID: ID,
      }),
    ).toEqual({
      mode: 'tenant',
      siteUrl: 'https://contoso.sharepoint.com/sites/planer',
      clientId: ID,
      tenantId: ID,
      loginUrl: 'https://login.microsoftonline.com',
      graphUrl: 'https://graph.microsoft.com',
    });
  });

  it('takes other hosts for sign-in and Graph (another cloud, the local tenant), as origins only', () => {
    const base = {
      VITE_SITE_URL: 'https://localhost:4402/sites/planuppfoljning',
      VITE_ENTRA_CLIENT_ID: ID,
      VITE_ENTRA_TENANT_ID: ID,
    };
    const config = readConfig({
      ...base,
      VITE_ENTRA_LOGIN_URL: 'https://localhost:4401/',
      VITE_GRAPH_URL: 'https://localhost:4403',
    });
    expect(config).toMatchObject({
      mode: 'tenant',
      loginUrl: 'https://localhost:4401',
      graphUrl: 'https://localhost:4403',
    });
    const wrong = readConfig({ ...base, VITE_ENTRA_LOGIN_URL: 'http://localhost:4401/tenant' });
    expect(wrong.mode).toBe('invalid');
    expect(wrong.mode === 'invalid' && wrong.problems.join(' ')).toContain(
      'VITE_ENTRA_LOGIN_URL måste vara en https-adress utan sökväg',
    );
    // The overrides alone are no tenant: nothing else set is the local default.
    expect(readConfig({ VITE_GRAPH_URL: 'https://localhost:4403' })).toEqual({ mode: 'local' });
  });

  it('names every missing or malformed value in Swedish', () => {
    const config = readConfig({
      VITE_SITE_URL: 'http://contoso/sites/x',
      VITE_ENTRA_CLIENT_ID: 'abc',
    });
    expect(config.mode).toBe('invalid');
    const problems = config.mode === 'invalid' ? config.problems.join('\n') : '';
    expect(problems).toContain('VITE_SITE_URL måste vara en https-adress');
    expect(problems).toContain('VITE_ENTRA_CLIENT_ID ska vara ett GUID');
    expect(problems).toContain('VITE_ENTRA_TENANT_ID saknas');
  });
});
