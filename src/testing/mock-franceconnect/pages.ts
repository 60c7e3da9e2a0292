/**
 * The HTML pages of the mock FranceConnect: the identity provider's login page, the consent page,
 * the error page (with FranceConnect's code, such as Y030007) and the logout pages. Plain HTML forms with
 * inline CSS and no external asset; each form's default submission (no field changed, no button
 * named) continues with what is pre-selected, so a script or a plain HTTP client can drive them.
 * Machine-readable bits live in `id` and `data-*` attributes.
 */
import { describeScope } from '../../registry/planner.js'
import type { MockIdentity } from './types.js'

/** `value` as HTML text or attribute value. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

const styles = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;background:#f6f6f6;color:#161616;line-height:1.5}
header{background:#fff;border-bottom:1px solid #ddd}
.bar{max-width:44rem;margin:0 auto;padding:.9rem 1.25rem;display:flex;align-items:center;gap:.75rem;flex-wrap:wrap}
.brand{font-weight:800;font-size:1.15rem;color:#000091;letter-spacing:-.01em}
.brand span{color:#e1000f}
.badge{font-size:.75rem;font-weight:700;text-transform:uppercase;background:#fee7fc;color:#6e445a;border-radius:.25rem;padding:.1rem .5rem}
main{max-width:44rem;margin:1.5rem auto;padding:0 1.25rem}
.card{background:#fff;border:1px solid #ddd;border-radius:.5rem;padding:1.5rem}
h1{font-size:1.4rem;margin:0 0 .5rem}
h2{font-size:1rem;margin:1.25rem 0 .5rem;color:#3a3a3a}
p{margin:.25rem 0 1rem}
.muted{color:#666;font-size:.9rem}
.people{display:grid;gap:.5rem;margin:1rem 0}
.person{display:flex;gap:.75rem;align-items:flex-start;border:1px solid #ddd;border-radius:.375rem;padding:.75rem;cursor:pointer;background:#fff}
.person:hover{border-color:#000091}
.person:has(input:checked){border-color:#000091;box-shadow:inset 0 0 0 1px #000091;background:#f5f5fe}
.person input{margin-top:.3rem;accent-color:#000091}
.name{font-weight:700}
.detail{font-size:.85rem;color:#555}
.scopes{list-style:none;padding:0;margin:0}
.scopes li{padding:.45rem .6rem;border-bottom:1px solid #eee;display:flex;justify-content:space-between;gap:1rem}
.scopes li:last-child{border-bottom:0}
.scopes code{font-size:.75rem;color:#666}
.provider{font-size:.75rem;font-weight:700;color:#000091;white-space:nowrap}
label.level{display:block;margin:1rem 0}
select{font:inherit;padding:.35rem .5rem;border:1px solid #bbb;border-radius:.25rem}
.actions{display:flex;gap:.75rem;flex-wrap:wrap;margin-top:1.5rem}
button{font:inherit;font-weight:600;border-radius:.25rem;padding:.6rem 1.25rem;cursor:pointer;border:1px solid #000091}
button.primary{background:#000091;color:#fff}
button.primary:hover{background:#1212ff}
button.secondary{background:#fff;color:#000091}
button.secondary:hover{background:#f5f5fe}
.error{border-left:4px solid #e1000f}
.code{font-family:ui-monospace,Menlo,Consolas,monospace;background:#f0f0f0;padding:.1rem .35rem;border-radius:.25rem}
footer{max-width:44rem;margin:0 auto 2rem;padding:0 1.25rem;font-size:.8rem;color:#666}
`

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — FranceConnect (bac à sable)</title>
<style>${styles}</style>
</head>
<body>
<header><div class="bar"><div class="brand">France<span>Connect</span></div><div class="badge">Bac à sable — données fictives</div></div></header>
${body}
<footer>Fournisseur d’identité de test de franceconnect-sdk. Aucune donnée réelle : les personnes et leurs données sont fictives.</footer>
</body>
</html>`
}

/**
 * FranceConnect shows its errors on an HTML page with a code such as Y030007, not as a
 * redirect. The code is also in `data-error-code` so a driver can read it back.
 */
export function errorPage(input: { code: string | undefined; error: string; description?: string | undefined }): string {
  const code = input.code ?? ''
  return page(
    'Une erreur est survenue',
    `<main id="fc-error" data-error-code="${escapeHtml(code)}" data-error="${escapeHtml(input.error)}" data-error-description="${escapeHtml(input.description)}">
  <div class="card error">
    <h1>Une erreur est survenue</h1>
    ${code ? `<p>Code erreur : <span class="code">${escapeHtml(code)}</span></p>` : ''}
    <p><span class="code">${escapeHtml(input.error)}</span>${input.description ? ` : ${escapeHtml(input.description)}` : ''}</p>
    <p class="muted">Retournez sur le service et recommencez la connexion.</p>
  </div>
</main>`,
  )
}

function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso
}

/** "Née le 24/08/1962, commune 75107" / "Né le 01/03/1985 à l'étranger (pays 99134)". */
export function describeBirth(identity: MockIdentity): string {
  const born = identity.gender === 'female' ? 'Née' : 'Né'
  const where =
    identity.birthcountry === '99100'
      ? `en France, commune INSEE ${identity.birthplace}`
      : `à l’étranger, pays INSEE ${identity.birthcountry}`
  return `${born} le ${formatDate(identity.birthdate)} ${where}`
}

/** A ProConnect agent's line on the login page: e-mail, organisation, SIRET. */
export function agentSummary(agent: MockIdentity): string {
  return [agent.email, agent.organizational_unit, agent.siret ? `SIRET ${String(agent.siret)}` : undefined]
    .filter((part) => typeof part === 'string' && part !== '')
    .join(' — ')
}

/** The identity provider's page: pick a person (the first is pre-selected) and, where it matters, a level. */
export function loginPage(input: {
  uid: string
  action: string
  clientName: string
  identities: readonly MockIdentity[]
  /** The line under each name (default: birth date and place). */
  describe?: (identity: MockIdentity) => string
  acrChoices: string[]
  defaultAcr: string | undefined
}): string {
  const people = input.identities
    .map(
      (identity, index) => `<label class="person">
        <input type="radio" name="identity" value="${escapeHtml(identity.id)}"${index === 0 ? ' checked' : ''}>
        <span><span class="name">${escapeHtml(identity.given_name)} ${escapeHtml(identity.family_name)}</span><br>
        <span class="detail">${escapeHtml((input.describe ?? describeBirth)(identity))}</span>${
          identity.description ? `<br><span class="detail">${escapeHtml(identity.description)}</span>` : ''
        }</span>
      </label>`,
    )
    .join('\n      ')
  const levels = input.acrChoices
    .map((acr) => `<option value="${escapeHtml(acr)}"${acr === input.defaultAcr ? ' selected' : ''}>${escapeHtml(acr)}</option>`)
    .join('')
  return page(
    'Connexion',
    `<main id="fc-interaction" data-uid="${escapeHtml(input.uid)}" data-step="login">
  <div class="card">
    <h1>Connexion à ${escapeHtml(input.clientName)}</h1>
    <p class="muted">Choisissez la personne fictive avec laquelle vous connecter.</p>
    <form id="fc-login" method="post" action="${escapeHtml(input.action)}">
      <div class="people">
      ${people}
      </div>
      ${levels ? `<label class="level">Niveau auquel le fournisseur d’identité authentifie <select name="acr">${levels}</select></label>` : ''}
      <div class="actions">
        <button class="primary" type="submit" name="action" value="login">Se connecter</button>
        <button class="secondary" type="submit" name="action" value="cancel">Annuler</button>
      </div>
    </form>
  </div>
</main>`,
  )
}

interface ScopeLine {
  scope: string
  label: string
  provider?: string
}

function scopeLines(scope: string): { identity: ScopeLine[]; data: ScopeLine[] } {
  const identity: ScopeLine[] = []
  const data: ScopeLine[] = []
  for (const name of scope.split(' ').filter(Boolean)) {
    if (name === 'openid') continue
    const described = describeScope(name)
    if (described?.kind === 'data')
      data.push({ scope: name, label: described.label, ...(described.provider ? { provider: described.provider } : {}) })
    else identity.push({ scope: name, label: described?.label ?? name })
  }
  return { identity, data }
}

function list(lines: ScopeLine[]): string {
  return `<ul class="scopes">${lines
    .map(
      (line) =>
        `<li data-scope="${escapeHtml(line.scope)}"><span>${escapeHtml(line.label)}<br><code>${escapeHtml(line.scope)}</code></span>${
          line.provider ? `<span class="provider">${escapeHtml(line.provider)}</span>` : ''
        }</li>`,
    )
    .join('')}</ul>`
}

/** The consent page: who is signed in, what the service asks, in French (the scope registry's labels). */
export function consentPage(input: {
  uid: string
  action: string
  clientName: string
  identity: MockIdentity
  scope: string
}): string {
  const { identity, data } = scopeLines(input.scope)
  return page(
    'Consentement',
    `<main id="fc-interaction" data-uid="${escapeHtml(input.uid)}" data-step="consent" data-identity="${escapeHtml(input.identity.id)}">
  <div class="card">
    <h1>${escapeHtml(input.clientName)} souhaite accéder à vos informations</h1>
    <p class="muted">Connecté(e) en tant que <strong>${escapeHtml(input.identity.given_name)} ${escapeHtml(input.identity.family_name)}</strong>.</p>
    ${identity.length ? `<h2>Votre identité</h2>${list(identity)}` : ''}
    ${data.length ? `<h2>Vos données, transmises par les administrations</h2>${list(data)}` : ''}
    <form id="fc-consent" method="post" action="${escapeHtml(input.action)}">
      <div class="actions">
        <button class="primary" type="submit" name="action" value="consent">Continuer sur ${escapeHtml(input.clientName)}</button>
        <button class="secondary" type="submit" name="action" value="cancel">Annuler</button>
      </div>
    </form>
  </div>
</main>`,
  )
}

/** The logout confirmation page around oidc-provider's form. */
export function logoutPage(form: string): string {
  return page(
    'Déconnexion',
    `<main id="fc-logout">
  <div class="card">
    <h1>Voulez-vous vous déconnecter de FranceConnect ?</h1>
    ${form}
    <div class="actions">
      <button class="primary" type="submit" form="op.logoutForm" name="logout" value="yes">Me déconnecter</button>
      <button class="secondary" type="submit" form="op.logoutForm">Rester connecté</button>
    </div>
  </div>
</main>`,
  )
}

/** The page shown after a logout with no post-logout redirect. */
export function loggedOutPage(): string {
  return page('Déconnecté', '<main id="fc-logged-out"><div class="card"><h1>Vous êtes bien déconnecté</h1></div></main>')
}
