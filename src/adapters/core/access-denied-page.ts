const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => escapes[char] ?? char)

/**
 * The French page shown when the person cancels at FranceConnect (`access_denied`): not an error
 * on their side, so it says what happened and offers to try again or go back.
 *
 * @example
 * ```ts
 * accessDeniedPage({ loginPath: '/auth/login', homePath: '/' }) // '<!doctype html>…Connexion annulée…'
 * ```
 */
export function accessDeniedPage(links: { loginPath: string; homePath: string }): string {
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Connexion annulée</title>
<style>body{font-family:Marianne,Arial,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#161616}a{color:#000091}</style></head>
<body>
<main id="access-denied">
<h1>Connexion annulée</h1>
<p>Vous avez annulé la connexion avec FranceConnect : vous n’êtes pas connecté(e) à ce service.</p>
<p><a href="${escapeHtml(links.loginPath)}">Réessayer</a> · <a href="${escapeHtml(links.homePath)}">Retour à l’accueil</a></p>
</main>
</body>
</html>
`
}
