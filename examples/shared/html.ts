/**
 * The pages of the example apps, server-rendered: the welcome page with the FranceConnect button,
 * the signed-in page (identity and the data of each API as tables), and the error page. Every value
 * is escaped; styles are inline (no asset, no script), so the pages work under a strict CSP.
 */
import { apiTitle, claimLabels } from './apis.js'
import { tabulate, type DataTable } from './flatten.js'

/** What the signed-in page shows: the identity, and what each API answered. */
export interface SignedInView {
  sub: string
  acr?: string | undefined
  claims: Record<string, unknown>
  apis: ApiView[]
}

/** One API's answer, as kept in the session: its normalized data, or the error's code and message. */
export type ApiView =
  | { api: string; provider: string; status: 'fulfilled'; data: unknown; fetchedAt: string }
  | { api: string; status: 'rejected'; error: { code: string; message: string; status?: number; providerCode?: string } }

/** What every page needs to know about the app. */
export interface PageContext {
  /** The service's name, in the header. */
  serviceName: string
  /** Which example serves the page (`Express`, `node:http`…), in the footer. */
  framework: string
  /** Show the "bac à sable" badge: the provider is the SDK's sandbox. */
  sandbox: boolean
  /** The login route, the FranceConnect button's target. */
  loginPath: string
  /** The logout route (a POST form). */
  logoutPath: string
}

/** Escapes text for HTML content and quoted attribute values. */
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
html{-webkit-text-size-adjust:100%}
body{margin:0;min-height:100vh;display:flex;flex-direction:column;font-family:Marianne,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1rem;line-height:1.5;color:#161616;background:#f6f6f6}
a{color:#000091}
.wrap{max-width:72rem;margin:0 auto;padding:0 1.5rem}
header.site{background:#fff;border-bottom:1px solid #ddd;box-shadow:0 1px 3px rgba(0,0,18,.08)}
header.site .wrap{display:flex;align-items:center;gap:1rem;flex-wrap:wrap;min-height:4.5rem}
.service{font-weight:700;font-size:1.25rem}
.service small{display:block;font-weight:400;font-size:.85rem;color:#666}
.badge{display:inline-block;font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.02em;border-radius:.25rem;padding:.1rem .5rem;background:#fee7fc;color:#6e445a}
.badge.ok{background:#b8fec9;color:#18753c}
.badge.ko{background:#ffe9e9;color:#ce0500}
header.site .badge{margin-left:auto}
main.wrap{flex:1 0 auto;width:100%;padding-top:2.5rem;padding-bottom:3rem}
h1{font-size:2rem;line-height:1.25;margin:0 0 .75rem}
h2{font-size:1.5rem;margin:2.5rem 0 1rem}
h3{font-size:1.15rem;margin:0}
p{margin:0 0 1rem}
.lead{font-size:1.1rem;color:#3a3a3a;max-width:48rem}
.card{background:#fff;border:1px solid #ddd;border-radius:.25rem;padding:1.5rem;margin-bottom:1.5rem}
.card-head{display:flex;align-items:baseline;gap:.75rem;flex-wrap:wrap;margin-bottom:1rem}
.card-head .meta{color:#666;font-size:.85rem}
.card-head .badge{margin-left:auto}
.notice{border-left:4px solid #000091;background:#f5f5fe;padding:.75rem 1rem;margin:0 0 1.5rem}
.notice.error{border-color:#ce0500;background:#fff4f4}
.apis{margin:0 0 1.5rem;padding-left:1.25rem;color:#3a3a3a}
.table-wrap{overflow-x:auto;margin:0 0 1rem}
.table-wrap:last-child{margin-bottom:0}
table{border-collapse:collapse;width:100%;font-size:.9rem;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:700;font-size:.85rem;color:#3a3a3a;padding:.25rem 0 .4rem;font-family:ui-monospace,Menlo,Consolas,monospace}
th,td{text-align:left;vertical-align:top;padding:.4rem .65rem;border-bottom:1px solid #e5e5e5}
td{overflow-wrap:anywhere}
td.nowrap{white-space:nowrap;overflow-wrap:normal}
thead th{background:#eee;border-bottom:2px solid #3a3a3a;white-space:nowrap;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.8rem}
table.rows{font-size:.85rem}
tbody tr:nth-child(even){background:#fafafa}
table.fields th{width:34%;font-weight:500;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.8rem;color:#3a3a3a;word-break:break-word}
table.identity th{width:34%;font-weight:500}
table.identity code{color:#666;font-size:.75rem;margin-left:.35rem}
code{font-family:ui-monospace,Menlo,Consolas,monospace}
.who{display:flex;align-items:center;gap:1rem;flex-wrap:wrap;margin-bottom:1rem}
.who p{margin:0;color:#3a3a3a}
button.secondary{font:inherit;font-weight:500;color:#000091;background:#fff;border:1px solid #000091;padding:.45rem 1rem;cursor:pointer}
button.secondary:hover{background:#f5f5fe}
.fc-connect{margin:2rem 0 1rem}
.fc-connect form{margin:0}
.fc-button{display:inline-flex;align-items:center;gap:.85rem;min-height:3.5rem;padding:.5rem 1.5rem .5rem 1rem;border:0;border-radius:0;background:#000091;color:#fff;font:inherit;text-align:left;cursor:pointer}
.fc-button:hover{background:#1212ff}
.fc-button:active{background:#2323ff}
.fc-button:focus-visible{outline:2px solid #0a76f6;outline-offset:2px}
.fc-mark{flex:none;position:relative;width:2.25rem;height:2.25rem;border-radius:.3rem;background:#fff}
.fc-mark::before{content:"";position:absolute;inset:.45rem;border-radius:.15rem;background:linear-gradient(135deg,#000091 0 46%,#fff 46% 54%,#e1000f 54% 100%)}
.fc-text{display:flex;flex-direction:column;line-height:1.25}
.fc-login{font-size:1rem}
.fc-brand{font-size:1.25rem;font-weight:700}
.fc-connect p{margin:.75rem 0 0;font-size:.9rem}
footer{border-top:1px solid #ddd;background:#fff;color:#666;font-size:.8rem;padding:1rem 0}
`

function page(context: PageContext, title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — ${escapeHtml(context.serviceName)}</title>
<style>${styles}</style>
</head>
<body>
<header class="site"><div class="wrap">
  <div class="service">${escapeHtml(context.serviceName)}<small>Exemple de service en ligne utilisant FranceConnect</small></div>
  ${context.sandbox ? '<span class="badge">Bac à sable — données fictives</span>' : ''}
</div></header>
<main class="wrap">
${body}
</main>
<footer><div class="wrap">Exemple ${escapeHtml(context.framework)} de franceconnect-sdk. Les personnes et les données du bac à sable sont fictives.</div></footer>
</body>
</html>`
}

/**
 * The "S’identifier avec FranceConnect" button, drawn in HTML and CSS after the official one: a
 * blue France (#000091) button with the wording on two lines, and the "Qu’est-ce que FranceConnect ?"
 * link under it. A GET form, so that it also works without JavaScript and with keyboard only.
 */
export function franceConnectButton(loginPath: string): string {
  return `<div class="fc-connect">
  <form method="get" action="${escapeHtml(loginPath)}">
    <button class="fc-button" type="submit" id="franceconnect-button">
      <span class="fc-mark" aria-hidden="true"></span>
      <span class="fc-text"><span class="fc-login">S’identifier avec</span><span class="fc-brand">FranceConnect</span></span>
    </button>
  </form>
  <p><a href="https://franceconnect.gouv.fr/" target="_blank" rel="noopener" title="Qu’est-ce que FranceConnect ? — nouvelle fenêtre">Qu’est-ce que FranceConnect ?</a></p>
</div>`
}

/** The welcome page, signed out: what the service will ask for, and the FranceConnect button. */
export function renderSignedOut(
  context: PageContext,
  input: { apis: readonly string[]; notice?: { text: string; error?: boolean } },
): string {
  const notice = input.notice
    ? `<div class="notice${input.notice.error ? ' error' : ''}" id="notice" role="status">${escapeHtml(input.notice.text)}</div>`
    : ''
  const apis = input.apis.length
    ? `<p>Avec votre accord, le service recevra aussi :</p>
<ul class="apis">${input.apis.map((api) => `<li>${escapeHtml(apiTitle(api))}</li>`).join('')}</ul>`
    : ''
  return page(
    context,
    'Accueil',
    `<div id="signed-out">
${notice}
<h1>Faites votre démarche en ligne</h1>
<p class="lead">Connectez-vous avec FranceConnect : le service reçoit votre identité sans que vous ayez à la saisir.</p>
${apis}
${franceConnectButton(context.loginPath)}
</div>`,
  )
}

/** A dotted key (or a reference to one) that may wrap after its dots (`regimeFormation.<wbr>libelle`) in a narrow column. */
function breakable(key: string): string {
  return escapeHtml(key).replace(/\./g, '.<wbr>')
}

/** Dates, amounts and codes read badly when split over two lines. */
function keepTogether(cell: string): boolean {
  return cell.length <= 16 && !cell.includes(' ')
}

function tableHtml(table: DataTable): string {
  const caption = table.path ? `<caption>${escapeHtml(table.path)}</caption>` : ''
  if (table.kind === 'fields') {
    const rows = table.rows
      .map(([key, value]) => `<tr><th scope="row">${escapeHtml(key)}</th><td>${escapeHtml(value)}</td></tr>`)
      .join('')
    return `<div class="table-wrap"><table class="fields">${caption}<tbody>${rows}</tbody></table></div>`
  }
  const head = table.columns.map((column) => `<th scope="col">${breakable(column)}</th>`).join('')
  const rows = table.rows
    .map(
      (row) =>
        `<tr>${row.map((cell) => `<td${keepTogether(cell) ? ' class="nowrap"' : ''}>${breakable(cell)}</td>`).join('')}</tr>`,
    )
    .join('')
  return `<div class="table-wrap"><table class="rows">${caption}<thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`
}

function identityHtml(view: SignedInView): string {
  const entries: [string, unknown][] = [
    ...Object.entries(view.claims).filter(([name]) => name !== 'sub'),
    ['acr', view.acr],
    ['sub', view.sub],
  ]
  const rows = entries
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => {
      const shown = Array.isArray(value) ? value.join(', ') : value === '' ? '(vide)' : String(value)
      return `<tr data-claim="${escapeHtml(name)}"><th scope="row">${escapeHtml(claimLabels[name] ?? name)}<code>${escapeHtml(name)}</code></th><td>${escapeHtml(shown)}</td></tr>`
    })
    .join('')
  return `<div class="card" id="identity"><div class="table-wrap"><table class="identity"><tbody>${rows}</tbody></table></div></div>`
}

function apiHtml(entry: ApiView): string {
  if (entry.status === 'rejected') {
    const { code, message } = entry.error
    return `<section class="card api" id="api-${escapeHtml(entry.api)}" data-api="${escapeHtml(entry.api)}" data-status="rejected">
  <div class="card-head"><h3>${escapeHtml(apiTitle(entry.api))}</h3><span class="meta"><code>${escapeHtml(entry.api)}</code></span><span class="badge ko">${escapeHtml(code)}</span></div>
  <p>${escapeHtml(message)}</p>
</section>`
  }
  const tables = tabulate(entry.data).map(tableHtml).join('\n  ')
  return `<section class="card api" id="api-${escapeHtml(entry.api)}" data-api="${escapeHtml(entry.api)}" data-status="fulfilled">
  <div class="card-head"><h3>${escapeHtml(apiTitle(entry.api))}</h3><span class="meta">${escapeHtml(entry.provider)} · <code>${escapeHtml(entry.api)}</code></span><span class="badge ok">Données reçues</span></div>
  ${tables || '<p>Aucune donnée.</p>'}
</section>`
}

/** The signed-in page: who is connected, the identity, each API's data; the logout button. */
export function renderSignedIn(context: PageContext, view: SignedInView): string {
  const name = [view.claims.given_name, view.claims.family_name].filter((part) => typeof part === 'string' && part).join(' ')
  return page(
    context,
    'Vos informations',
    `<div id="signed-in">
<h1>Bonjour ${escapeHtml(name || 'et bienvenue')}</h1>
<div class="who">
  <p>Vous êtes connecté(e) avec FranceConnect${view.acr ? ` (niveau <code>${escapeHtml(view.acr)}</code>)` : ''}.</p>
  <form method="post" action="${escapeHtml(context.logoutPath)}"><button class="secondary" type="submit" id="logout-button">Se déconnecter</button></form>
</div>
<h2>Votre identité</h2>
${identityHtml(view)}
<h2>Vos données, transmises par les administrations</h2>
${view.apis.length ? view.apis.map(apiHtml).join('\n') : '<p>Aucune API n’est configurée.</p>'}
</div>`,
  )
}

/** The error page: what failed, with the SDK error's code (messages of the SDK are safe to show). */
export function renderError(context: PageContext, input: { title: string; code?: string; message: string }): string {
  return page(
    context,
    input.title,
    `<div id="error">
<h1>${escapeHtml(input.title)}</h1>
<div class="notice error" role="alert">${input.code ? `<p><code id="error-code">${escapeHtml(input.code)}</code></p>` : ''}<p>${escapeHtml(input.message)}</p></div>
<p><a href="/">Revenir à l’accueil</a></p>
</div>`,
  )
}
