// A stand-in for Microsoft Teams in browser tests: it frames the tab and answers teams-js's
// postMessage protocol the way Teams does (written from @microsoft/teams-js 2.58's own sources,
// src/internal/communication.ts, appHelpers.ts, pages/config.ts and app/app.ts). Served by
// Playwright on the app's origin only; never part of the build.
//
// App → host: { id, uuidAsString, func, args, … }. Host → app: replies { id, uuidAsString, args }
// and events { func, args }. teams-js trusts a host on its own origin without the valid-domains
// list.
(() => {
  const config = JSON.parse(document.getElementById('harness-config').textContent);
  const frame = document.getElementById('tab');
  /** Every message the tab sent, in order: what the tests read. */
  const received = [];
  window.__teamsHarness = {
    received,
    /** Sends an event to the tab, as Teams does (themeChange, settings.save…). */
    send(func, args) {
      frame.contentWindow.postMessage({ func, args }, window.location.origin);
    },
  };

  // What Teams reports it supports (runtime apiVersion 4). Without app.notifySuccessResponse
  // teams-js sends notifySuccess without waiting for an answer, as with most Teams clients.
  const runtime = {
    apiVersion: 4,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    isLegacyTeams: false,
    supports: {
      app: {},
      appInstallDialog: {},
      pages: { appButton: {}, backStack: {}, config: {}, currentApp: {}, tabs: {} },
      teamsCore: {},
    },
  };

  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow || event.origin !== window.location.origin) return;
    const message = event.data;
    if (!message || typeof message !== 'object' || typeof message.func !== 'string') return;
    received.push({ func: message.func, args: message.args ?? [] });
    const reply = (args) =>
      frame.contentWindow.postMessage(
        { id: message.id, uuidAsString: message.uuidAsString, args },
        window.location.origin,
      );
    switch (message.func) {
      case 'initialize':
        // [frameContext, hostClientType, runtimeConfig, clientSupportedSDKVersion]
        reply([config.frameContext, 'web', JSON.stringify(runtime), '2.0.0']);
        break;
      case 'getContext':
        // The flat legacy context that teams-js maps to app.Context.
        reply([config.context]);
        break;
      case 'settings.setSettings':
        // [status, reason]: Teams stores the tab's configuration.
        reply([true]);
        break;
      case 'settings.getSettings':
        reply([config.settings ?? {}]);
        break;
      default:
        // One-way messages (appInitialization.success, registerHandler,
        // settings.setValidityState, settings.save.success…) need no answer.
        break;
    }
  });

  frame.src = config.tabUrl;
})();
