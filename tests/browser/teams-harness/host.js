// A stand-in for Microsoft Teams in browser tests, answering teams-js's protocol the way Teams
// does (written from @microsoft/teams-js 2.58's own sources, src/internal/communication.ts,
// messageObjects.ts, appHelpers.ts, pages/config.ts and app/app.ts; for nested app
// authentication also internal/nestedAppAuthUtils.ts and @azure/msal-browser 5's src/naa/).
// Never part of the build. Two ways, as Teams' clients have them:
//
// - Framed (Teams web and desktop): a page served by Playwright on the app's origin frames the
//   tab; App → host by postMessage { id, uuidAsString, func, args, … }, host → app replies
//   { id, uuidAsString, args } and events { func, args } by postMessage. teams-js trusts a host
//   on its own origin without the valid-domains list.
// - Frameless (Teams iOS and Android): the tab is the top-level page of a webview and this
//   script is injected before the page's own scripts (Playwright addInitScript, as the native
//   client injects its bridge). teams-js finds no parent frame and uses the bridge
//   (initializeCommunication): it sends each request as a JSON string to
//   window.nativeInterface.framelessPostMessage, and takes replies and events through the
//   window.onNativeMessage it sets, called with an event-like { data: <the same objects> }
//   (handleIncomingMessageFromParent; no origin check on that path).
(() => {
  const injected = window.__teamsHarnessFramelessConfig;
  // Frameless: the native client's bridge belongs to the top-level page only.
  if (injected && window !== window.top) return;
  const config = injected ?? JSON.parse(document.getElementById('harness-config').textContent);
  const frameless = Boolean(injected);
  const frame = frameless ? null : document.getElementById('tab');
  /** Every message the tab sent, in order: what the tests read. */
  const received = [];
  /**
   * Hands a reply or an event to the tab: by postMessage to the frame, or through the tab's
   * window.onNativeMessage (set by teams-js once it starts; later, as a native call would be).
   */
  const toTab = frameless
    ? (message) =>
        setTimeout(() => {
          if (typeof window.onNativeMessage === 'function')
            window.onNativeMessage({ data: message });
        }, 0)
    : (message) => frame.contentWindow.postMessage(message, window.location.origin);
  window.__teamsHarness = {
    received,
    /** Sends an event to the tab, as Teams does (themeChange, settings.save…). */
    send(func, args) {
      toTab({ func, args });
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
  const naa = config.naa ?? null;
  const hostClientType = config.hostClientType ?? 'web';
  if (naa) {
    // teams-js checks only that supports.nestedAppAuth is there (nestedAppAuthUtils.js);
    // nestedAppAuth.isNAAChannelRecommended() reads isNAAChannelRecommended (public/nestedAppAuth).
    runtime.supports.nestedAppAuth = {};
    runtime.isNAAChannelRecommended = true;
  }

  // Nested app authentication (NAA), when the harness is opened with it. The tab's MSAL
  // (@azure/msal-browser 5: src/naa/BridgeProxy.ts) posts a JSON NestedAppAuthRequest
  // { messageType, method, requestId, sendTime, clientLibrary, clientLibraryVersion,
  // tokenParams? } to window.nestedAppAuthBridge; teams-js relays it to the host as
  // { id, uuid, func: 'nestedAppAuth.execute', args: [], data: <that JSON> }
  // (internal/communication sendNestedAuthRequestToTopWindow) and hands MSAL the second argument
  // of the host's answer, a JSON NestedAppAuthResponse (processAuthBridgeMessage). Methods MSAL 5
  // sends: GetInitContext, GetToken (silent), GetTokenPopup (src/naa/BridgeRequestEnvelope.ts).
  // Tokens are brokered by the test (window.__teamsHarnessBroker, a Playwright-exposed function),
  // as Teams brokers them from Entra for the nested app's client id.
  const BridgeStatus = {
    UserInteractionRequired: 'USER_INTERACTION_REQUIRED',
    UserCancel: 'USER_CANCEL',
    TransientError: 'TRANSIENT_ERROR',
    PersistentError: 'PERSISTENT_ERROR',
  };
  // What MSAL counts as "interaction required" (msal-common InteractionRequiredAuthError.ts:
  // InteractionRequiredServerErrorMessage and InteractionRequiredAuthSubErrorMessage).
  const INTERACTION_ERRORS = [
    'interaction_required',
    'consent_required',
    'login_required',
    'bad_token',
    'ui_not_allowed',
    'interrupted_user',
  ];
  const INTERACTION_SUBERRORS = [
    'message_only',
    'additional_action',
    'basic_action',
    'user_password_expired',
    'consent_required',
    'bad_token',
    'ui_not_allowed',
    'interrupted_user',
  ];
  /** The Teams user's account as the bridge reports it (src/naa/AccountInfo.ts). */
  const naaAccount = () => ({
    homeAccountId: `${config.user.oid}.${config.user.tid}`,
    environment: naa.environment,
    tenantId: config.user.tid,
    username: config.user.upn,
    localAccountId: config.user.oid,
    name: config.user.name,
    loginHint: config.user.upn,
  });
  /** A broker's OAuth error (Entra's token endpoint shape) as a BridgeError (src/naa/BridgeError.ts). */
  const bridgeErrorFrom = (status, body) => {
    const interaction =
      INTERACTION_ERRORS.includes(body.error) || INTERACTION_SUBERRORS.includes(body.suberror);
    const transient = status >= 500 || body.error === 'temporarily_unavailable';
    const error = {
      status: interaction
        ? BridgeStatus.UserInteractionRequired
        : transient
          ? BridgeStatus.TransientError
          : BridgeStatus.PersistentError,
      code: body.error,
    };
    if (body.suberror) error.subError = body.suberror;
    if (body.error_description) error.description = body.error_description;
    if (body.error_codes) error.properties = { error_codes: body.error_codes };
    return error;
  };
  async function answerNaa(message) {
    let request = null;
    try {
      request = JSON.parse(message.data);
    } catch {
      return;
    }
    if (!request || request.messageType !== 'NestedAppAuthRequest' || !request.requestId) return;
    const answer = (body) =>
      toTab({
        id: message.id,
        uuidAsString: message.uuidAsString,
        args: [
          null,
          JSON.stringify({
            messageType: 'NestedAppAuthResponse',
            requestId: request.requestId,
            ...body,
          }),
        ],
      });
    const fail = (error) => answer({ success: false, error });
    switch (request.method) {
      case 'GetInitContext': {
        // src/naa/InitContext.ts and BridgeAccountContext.ts: the signed-in Teams account, so
        // that MSAL finds it in its cache when the tab is opened again.
        const account = naaAccount();
        answer({
          success: true,
          initContext: {
            sdkName: naa.sdkName,
            sdkVersion: naa.sdkVersion,
            capabilities: { queryAccount: false },
            accountContext: {
              homeAccountId: account.homeAccountId,
              environment: account.environment,
              tenantId: account.tenantId,
            },
          },
        });
        return;
      }
      case 'GetToken':
      case 'GetTokenPopup': {
        // src/naa/TokenRequest.ts: scope is MSAL's scopes joined with spaces.
        const params = request.tokenParams;
        if (!params || typeof params.clientId !== 'string' || typeof params.scope !== 'string') {
          fail({
            status: BridgeStatus.PersistentError,
            code: 'invalid_request',
            description: 'tokenParams.clientId and tokenParams.scope are required',
          });
          return;
        }
        const brokerRequest = {
          kind: request.method === 'GetToken' ? 'silent' : 'popup',
          clientId: params.clientId,
          scopes: params.scope.split(' ').filter(Boolean),
          loginHint: config.user.upn,
          correlationId: params.correlationId,
        };
        if (params.claims) brokerRequest.claims = params.claims;
        if (params.authority) brokerRequest.authority = params.authority;
        if (params.forceRefresh) brokerRequest.forceRefresh = true;
        let result;
        try {
          result = await window.__teamsHarnessBroker(brokerRequest);
        } catch (error) {
          fail({
            status: BridgeStatus.TransientError,
            code: 'broker_failed',
            description: String(error && error.message ? error.message : error),
          });
          return;
        }
        if (result.ok) {
          // src/naa/AuthResult.ts: { token: TokenResponse, account: AccountInfo }.
          const token = {
            access_token: result.token.access_token,
            expires_in: Number(result.token.expires_in),
            id_token: result.token.id_token,
            scope: result.token.scope ?? params.scope,
            properties: null,
          };
          answer({ success: true, token, account: naaAccount() });
        } else if (result.cancelled) {
          fail({ status: BridgeStatus.UserCancel });
        } else {
          fail(bridgeErrorFrom(result.status, result.error));
        }
        return;
      }
      default:
        // Not a method of MSAL 5's bridge (GetActiveAccount, GetAllAccounts… were older ones).
        fail({
          status: BridgeStatus.PersistentError,
          code: 'unsupported_method',
          description: `The harness does not support the NAA method ${request.method}`,
        });
    }
  }

  /** One request of the tab (teams-js's serialized MessageRequest). */
  function fromTab(message) {
    if (!message || typeof message !== 'object' || typeof message.func !== 'string') return;
    received.push(
      message.data === undefined
        ? { func: message.func, args: message.args ?? [] }
        : { func: message.func, args: message.args ?? [], data: message.data },
    );
    const reply = (args) => toTab({ id: message.id, uuidAsString: message.uuidAsString, args });
    switch (message.func) {
      case 'initialize': {
        // [frameContext, hostClientType, runtimeConfig, clientSupportedSDKVersion]. With NAA the
        // runtime goes last: teams-js polyfills window.nestedAppAuthBridge from the *fourth*
        // value only (internal/communication initializeCommunication →
        // tryPolyfillWithNestedAppAuthBridge), and app initialization (appHelpers) takes a
        // third value that is an SDK version as such and parses the fourth as the runtime.
        const answer = naa
          ? [config.frameContext, hostClientType, '2.0.0', JSON.stringify(runtime)]
          : [config.frameContext, hostClientType, JSON.stringify(runtime), '2.0.0'];
        if (config.slowInitializeMs) setTimeout(() => reply(answer), config.slowInitializeMs);
        else reply(answer);
        break;
      }
      case 'nestedAppAuth.execute':
        // Sent by teams-js's bridge without an answer callback; the answer is an event-like
        // reply whose second argument is the NestedAppAuthResponse (see answerNaa).
        if (naa) answerNaa(message);
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
      case 'executeDeepLink':
        // app.openLink(url): [status, reason] (teams-js sendAndHandleStatusAndReason). Teams opens
        // the deep link or web address itself; the stand-in records it and reports success.
        reply([true]);
        break;
      default:
        // One-way messages (appInitialization.success, registerHandler,
        // settings.setValidityState, settings.save.success…) need no answer.
        break;
    }
  }

  if (frameless) {
    // The bridge Teams mobile gives the webview (teams-js's ExtendedWindow.nativeInterface).
    window.nativeInterface = {
      framelessPostMessage(serialized) {
        let message;
        try {
          message = JSON.parse(serialized);
        } catch {
          return; // Not JSON: nothing teams-js sends.
        }
        fromTab(message);
      },
    };
    return;
  }
  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow || event.origin !== window.location.origin) return;
    fromTab(event.data);
  });
  frame.src = config.tabUrl;
})();
