/** Minimal HTML pages of the test OP. Machine-readable bits live in data-* attributes. */
import type { TestIdentity } from './types.js'

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body>
${body}
</body>
</html>`
}

/**
 * FranceConnect shows its errors on an HTML page with a code such as Y030007 (§4, §13), not as a
 * redirect. The code is also in `data-error-code` so the test driver can read it back.
 */
export function errorPage(input: { code: string | undefined; error: string; description?: string | undefined }): string {
  const code = input.code ?? ''
  return page(
    'Une erreur est survenue',
    `<main id="fc-error" data-error-code="${escapeHtml(code)}" data-error="${escapeHtml(input.error)}" data-error-description="${escapeHtml(input.description)}">
  <h1>Une erreur est survenue</h1>
  ${code ? `<p>Code erreur : <strong>${escapeHtml(code)}</strong></p>` : ''}
  <p><code>${escapeHtml(input.error)}</code>${input.description ? ` : ${escapeHtml(input.description)}` : ''}</p>
</main>`,
  )
}

/** The identity-provider + consent page, one step: pick a person, a level, and continue or cancel. */
export function interactionPage(input: {
  uid: string
  action: string
  clientId: string
  scope: string
  identities: TestIdentity[]
  acrChoices: string[]
  defaultAcr: string | undefined
}): string {
  const people = input.identities
    .map(
      (identity, index) =>
        `<label><input type="radio" name="identity" value="${escapeHtml(identity.sub)}"${index === 0 ? ' checked' : ''}> ${escapeHtml(identity.given_name)} ${escapeHtml(identity.family_name)}</label><br>`,
    )
    .join('\n    ')
  const levels = input.acrChoices
    .map((acr) => `<option value="${escapeHtml(acr)}"${acr === input.defaultAcr ? ' selected' : ''}>${escapeHtml(acr)}</option>`)
    .join('')
  return page(
    'Connexion',
    `<main id="fc-interaction" data-uid="${escapeHtml(input.uid)}">
  <h1>Connexion avec le fournisseur d'identité de test</h1>
  <p>Le service <code>${escapeHtml(input.clientId)}</code> demande : <code>${escapeHtml(input.scope)}</code></p>
  <form id="fc-login" method="post" action="${escapeHtml(input.action)}">
    ${people}
    ${levels ? `<label>Niveau eIDAS <select name="acr">${levels}</select></label>` : ''}
    <button type="submit" name="action" value="login">Continuer sur le service</button>
    <button type="submit" name="action" value="cancel">Annuler</button>
  </form>
</main>`,
  )
}

export function logoutPage(form: string): string {
  return page(
    'Déconnexion',
    `<main id="fc-logout">
  <h1>Voulez-vous vous déconnecter ?</h1>
  ${form}
  <button type="submit" form="op.logoutForm" name="logout" value="yes">Me déconnecter</button>
  <button type="submit" form="op.logoutForm">Rester connecté</button>
</main>`,
  )
}

export function loggedOutPage(): string {
  return page('Déconnecté', '<main id="fc-logged-out"><h1>Vous êtes bien déconnecté</h1></main>')
}
