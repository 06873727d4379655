// The redirect bridge of msal-browser v5: the page Entra returns to after an interactive sign-in
// outside Teams. It hands the response to the app's window and closes. It must be served without
// a Cross-Origin-Opener-Policy header (docs/hosting.md).
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

void broadcastResponseToMainFrame();
