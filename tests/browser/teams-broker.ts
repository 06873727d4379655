import { Agent, fetch } from 'undici';
import type { Broker, BrokerAnswer, EntraTokenResponse, OAuthErrorResponse } from './teams-harness';

/** The grant by which the local identity provider brokers a Teams user's tokens for a nested app. */
export const TEAMS_BROKER_GRANT = 'urn:planuppfoljning:teams-broker';

export interface IdpBrokerOptions {
  /** The identity provider's token endpoint (https, self-signed). */
  readonly tokenEndpoint: string;
  /** The broker's own client (what Teams is, to Entra). */
  readonly brokerClientId: string;
  readonly brokerSecret: string;
}

/**
 * A broker for the Teams stand-in's nested app authentication (`openInTeams(…, { naa: { broker
 * } })`) that asks the local identity provider, as Teams asks Entra: `POST tokenEndpoint` with
 * the broker grant, the tab's client id, the Teams user's UPN and the scopes as MSAL sent them.
 * The provider's certificate is self-signed: only these calls accept it (an undici Agent of
 * their own), nothing global changes.
 */
export function idpBroker(options: IdpBrokerOptions): Broker {
  return async (request) => {
    const body = new URLSearchParams({
      grant_type: TEAMS_BROKER_GRANT,
      client_id: options.brokerClientId,
      client_secret: options.brokerSecret,
      app_client_id: request.clientId,
      login_hint: request.loginHint,
      // Teams asks Entra with the OpenID scopes too (MSAL's defaults), so that an ID token,
      // which the tab's MSAL builds its account from, comes back beside the access token.
      scope: [...new Set([...request.scopes, 'openid', 'profile'])].join(' '),
    });
    // A claims challenge is not part of the grant's contract: it is not forwarded.
    const dispatcher = new Agent({ connect: { rejectUnauthorized: false } });
    try {
      const response = await fetch(options.tokenEndpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body,
        dispatcher,
      });
      const text = await response.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new Error(
          `The broker grant answered ${response.status} without JSON: ${text.slice(0, 200)}`,
        );
      }
      return toAnswer(response.status, json);
    } finally {
      await dispatcher.close();
    }
  };
}

function toAnswer(status: number, json: unknown): BrokerAnswer {
  const record = (json ?? {}) as Record<string, unknown>;
  if (status === 200 && typeof record.access_token === 'string') {
    return { ok: true, token: record as unknown as EntraTokenResponse };
  }
  if (typeof record.error === 'string') {
    return { ok: false, status, error: record as unknown as OAuthErrorResponse };
  }
  throw new Error(`The broker grant answered ${status} with neither tokens nor an OAuth error`);
}
