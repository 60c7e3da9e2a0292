/**
 * The French sentence to show the person for each error code, as docs/errors.md gives it in its
 * "What to show" column (a test keeps the two equal). Messages of the SDK's errors are English
 * sentences for logs; these are for the page.
 */
const messages: Readonly<Record<string, string>> = {
  configuration_invalid: 'Le service rencontre un problème technique. Veuillez réessayer plus tard.',
  insecure_url: 'Le service rencontre un problème technique. Veuillez réessayer plus tard.',
  issuer_mismatch: 'Le service rencontre un problème technique. Veuillez réessayer plus tard.',
  endpoint_not_allowed: 'Le service rencontre un problème technique. Veuillez réessayer plus tard.',
  logout_redirect_invalid: 'Le service rencontre un problème technique. Veuillez réessayer plus tard.',
  parameter_invalid: 'Le service rencontre un problème technique. Veuillez réessayer plus tard.',
  access_denied: 'Vous avez annulé la connexion avec FranceConnect.',
  invalid_acr: 'Ce service demande un niveau de sécurité que ce moyen de connexion ne propose pas.',
  invalid_idp_hint: 'Ce moyen de connexion n’est pas disponible. Veuillez en choisir un autre.',
  scope_not_allowed: 'Ce service n’est pas autorisé à demander ces données.',
  authorization_error: 'La connexion avec FranceConnect n’a pas abouti. Veuillez réessayer.',
  token_error: 'La connexion avec FranceConnect n’a pas abouti. Veuillez réessayer.',
  userinfo_error: 'La connexion avec FranceConnect n’a pas abouti. Veuillez réessayer.',
  state_missing: 'Votre connexion a expiré. Veuillez vous reconnecter.',
  state_unknown: 'Votre connexion a expiré. Veuillez vous reconnecter.',
  binding_missing: 'Votre connexion a expiré. Veuillez vous reconnecter.',
  store_value_invalid: 'Votre connexion a expiré. Veuillez vous reconnecter.',
  binding_mismatch: 'La connexion n’a pas pu être vérifiée. Veuillez vous reconnecter.',
  iss_missing: 'La connexion n’a pas pu être vérifiée. Veuillez réessayer.',
  iss_mismatch: 'La connexion n’a pas pu être vérifiée. Veuillez réessayer.',
  acr_missing: 'La connexion n’a pas pu être vérifiée. Veuillez réessayer.',
  acr_invalid: 'La connexion n’a pas pu être vérifiée. Veuillez réessayer.',
  callback_invalid: 'La connexion n’a pas pu aboutir. Veuillez réessayer.',
  store_unavailable: 'Le service est momentanément indisponible. Veuillez réessayer dans quelques instants.',
  store_full: 'Le service est momentanément indisponible. Veuillez réessayer dans quelques instants.',
  timeout: 'Le service est momentanément indisponible. Veuillez réessayer dans quelques instants.',
  network_error: 'Le service est momentanément indisponible. Veuillez réessayer dans quelques instants.',
  discovery_error: 'FranceConnect est momentanément indisponible. Veuillez réessayer dans quelques instants.',
  jwks_error: 'FranceConnect est momentanément indisponible. Veuillez réessayer dans quelques instants.',
  response_too_large: 'Le service est momentanément indisponible. Veuillez réessayer plus tard.',
  response_invalid: 'Le service est momentanément indisponible. Veuillez réessayer plus tard.',
  redirect_refused: 'Le service est momentanément indisponible. Veuillez réessayer plus tard.',
  acr_too_low: 'Ce service demande un niveau de sécurité plus élevé que celui de votre moyen de connexion.',
  claims_invalid: 'Les informations d’identité reçues sont incomplètes. Veuillez réessayer plus tard.',
  logout_state_missing: 'Vous êtes déconnecté(e) de ce service.',
  logout_state_unknown: 'Vous êtes déconnecté(e) de ce service.',
  scope_missing: 'Vous n’avez pas autorisé le partage de ces informations.',
  access_token_expired: 'Le délai pour récupérer vos informations est dépassé. Veuillez vous reconnecter.',
  api_unauthorized: 'Le délai pour récupérer vos informations est dépassé. Veuillez vous reconnecter.',
  api_not_found: 'Aucune information vous concernant n’a été trouvée auprès de cet organisme.',
  api_forbidden: 'Ces informations ne peuvent pas être récupérées pour cette démarche.',
  api_bad_request: 'Ces informations ne peuvent pas être récupérées pour le moment.',
  api_conflict: 'Ces informations ne peuvent pas être récupérées pour le moment.',
  api_error: 'Ces informations ne peuvent pas être récupérées pour le moment.',
  api_rate_limited: 'Le service est très sollicité. Veuillez réessayer dans quelques minutes.',
  api_unavailable: 'Cet organisme est momentanément indisponible. Vos informations n’ont pas pu être récupérées.',
  too_many_beneficiaries: 'Ces informations ne peuvent pas être récupérées en ligne.',
  schema_mismatch: 'Les informations reçues de cet organisme sont inexploitables. Veuillez réessayer plus tard.',
}

const verificationFailed = 'La connexion n’a pas pu être vérifiée. Veuillez réessayer.'
const fallback = 'Une erreur est survenue. Veuillez réessayer plus tard.'
const tokenProblem = /^(?:id_token|userinfo|checktoken)_[a-z_]+$/

/**
 * What to tell the person, in French, for an SDK error (or its `code`): a fixed sentence that holds
 * no personal datum, from docs/errors.md. `undefined` for the codes where nothing should be shown
 * (`aborted`, `revocation_error`); a general sentence for a code it does not know.
 *
 * @example
 * ```ts
 * try {
 *   await fc.callback(url, { cookie })
 * } catch (error) {
 *   if (isFranceConnectSdkError(error)) res.status(400).send(messageFr(error))
 * }
 * messageFr('access_denied') // 'Vous avez annulé la connexion avec FranceConnect.'
 * ```
 */
export function messageFr(error: string | { code: string }): string | undefined {
  const code = typeof error === 'string' ? error : error.code
  if (code === 'aborted' || code === 'revocation_error') return undefined
  return messages[code] ?? (tokenProblem.test(code) ? verificationFailed : fallback)
}
