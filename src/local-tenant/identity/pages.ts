/**
 * The identity provider's own pages, in Swedish: sign-in, "Godkännande krävs", sign-out and
 * errors. Small, accessible HTML (a `<main>`, one heading, labelled fields, errors in
 * `role="alert"`), no scripts except the sign-out form's automatic submit.
 */

export const escapeHtml = (value: string): string =>
  value.replace(
    /[&<>"']/g,
    (character) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ??
      character,
  );

const STYLE = `body{font-family:"Segoe UI",system-ui,sans-serif;background:#f3f2f1;color:#1b1a19;margin:0}
main{max-width:26rem;margin:4rem auto;background:#fff;padding:2rem 2.5rem;box-shadow:0 2px 6px rgba(0,0,0,.2)}
h1{font-size:1.5rem;font-weight:600;margin:0 0 1.25rem}
label{display:block;margin:1rem 0 .25rem;font-weight:600}
input{width:100%;box-sizing:border-box;padding:.5rem;font:inherit;border:1px solid #605e5c}
button{margin-top:1.5rem;padding:.5rem 1.5rem;font:inherit;background:#0067b8;color:#fff;border:0;cursor:pointer}
button:focus-visible,input:focus-visible{outline:2px solid #1b1a19;outline-offset:2px}
[role=alert]{color:#a4262c;margin:1rem 0 0}
.tenant{color:#605e5c;font-size:.875rem;margin:0 0 1rem}`;

function page(title: string, body: string, extraHead = ''): string {
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>${extraHead}
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export interface SignInPage {
  action: string;
  username: string;
  error?: string | undefined;
  clientName: string;
}

export function signInPage({ action, username, error, clientName }: SignInPage): string {
  const invalid = error === undefined ? '' : ' aria-invalid="true" aria-describedby="fel"';
  return page(
    'Logga in',
    `<h1>Logga in</h1>
<p class="tenant">till ${escapeHtml(clientName)}</p>
<form method="post" action="${escapeHtml(action)}" novalidate>
<label for="username">Användarnamn</label>
<input id="username" name="username" type="email" autocomplete="username" required value="${escapeHtml(username)}"${invalid}${username === '' ? ' autofocus' : ''}>
<label for="password">Lösenord</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}${username === '' ? '' : ' autofocus'}>
${error === undefined ? '' : `<p id="fel" role="alert">${escapeHtml(error)}</p>\n`}<button type="submit" name="action" value="login">Logga in</button>
</form>`,
  );
}

export interface ConsentPage {
  action: string;
  clientName: string;
  /** The missing permissions, grouped by resource: short names. */
  missing: readonly { resource: string; permissions: readonly string[] }[];
}

export function consentPage({ action, clientName, missing }: ConsentPage): string {
  const items = missing
    .map(
      ({ resource, permissions }) =>
        `<li>${permissions.map((permission) => `<strong>${escapeHtml(permission)}</strong>`).join(', ')} för ${escapeHtml(resource)}</li>`,
    )
    .join('\n');
  return page(
    'Godkännande krävs',
    `<h1>Godkännande krävs</h1>
<p>${escapeHtml(clientName)} behöver behörigheter som ingen administratör har godkänt för organisationen:</p>
<ul>
${items}
</ul>
<p>En administratör (IT) måste godkänna dem för organisationen innan appen kan användas. Du kan inte godkänna dem själv.</p>
<form method="post" action="${escapeHtml(action)}">
<button type="submit" name="action" value="back">Tillbaka till appen</button>
</form>`,
  );
}

export function signOutPage(form: string): string {
  return page(
    'Logga ut',
    `<h1>Logga ut</h1>
${form}
<p>Du loggas ut …</p>
<button type="submit" form="op.logoutForm" name="logout" value="yes">Logga ut</button>
<script>
(function () {
  var form = document.getElementById('op.logoutForm');
  var input = document.createElement('input');
  input.type = 'hidden'; input.name = 'logout'; input.value = 'yes';
  form.appendChild(input);
  form.submit();
})();
</script>`,
  );
}

export function signedOutPage(): string {
  return page('Utloggad', '<h1>Du är utloggad</h1>\n<p>Du kan stänga fönstret.</p>');
}

export function errorPage(error: string, description: string | undefined): string {
  return page(
    'Något gick fel',
    `<h1>Något gick fel</h1>
<div role="alert">
<p>Inloggningen kunde inte slutföras.</p>
<p><code>${escapeHtml(error)}</code>${description === undefined ? '' : `: ${escapeHtml(description)}`}</p>
</div>`,
  );
}
