/// <reference types="vite/client" />

/** Build-time configuration for a real tenant (docs/it-admin.md); none set = local site. */
interface ImportMetaEnv {
  readonly VITE_SITE_URL?: string;
  readonly VITE_ENTRA_CLIENT_ID?: string;
  readonly VITE_ENTRA_TENANT_ID?: string;
  /** The accessibility statement's responsible body and feedback mailbox (README, Tillgänglighet). */
  readonly VITE_ACCESSIBILITY_ORGANISATION?: string;
  readonly VITE_ACCESSIBILITY_EMAIL?: string;
}

interface ImportMetaEnv {
  /** The Teams app id (manifest `id`), for deep links where Teams' context does not give it. */
  readonly VITE_TEAMS_APP_ID?: string;
}
