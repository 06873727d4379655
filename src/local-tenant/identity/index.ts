export {
  createIdentityProvider,
  DEMO_PASSWORD,
  TEAMS_BROKER_GRANT,
  type IdentityProvider,
  type IdentityProviderOptions,
  type IdpClient,
  type IdpResource,
  type IdpUser,
} from './identity-provider';
