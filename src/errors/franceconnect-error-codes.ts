/**
 * FranceConnect's own error codes (`Y` + scope + number) as its pages and `error_uri` show them,
 * with their meaning in French and English. Source: FranceConnect's partner documentation.
 * Codes not listed here are still kept on errors as `franceConnectCode`, only without a description.
 */
export const franceConnectErrorCodes = {
  Y030007: {
    fr: "Paramètre de la demande d'autorisation manquant, inconnu ou invalide",
    en: 'An authorization request parameter is missing, unknown or invalid',
  },
  Y04EA6EF: { fr: 'Client inconnu ou désactivé (client_id)', en: 'Unknown or deactivated client (client_id)' },
  Y04C013C: { fr: "L'URL de retour (redirect_uri) n'est pas enregistrée", en: 'The redirect_uri is not registered' },
  Y04A8220: {
    fr: 'Le sector_identifier_uri du client est injoignable',
    en: "The client's sector_identifier_uri cannot be fetched",
  },
  Y040001: { fr: 'Erreur générique du fournisseur OpenID Connect', en: 'Generic OpenID Connect provider error' },
  Y100001: {
    fr: "Le fournisseur d'identité a renvoyé un niveau eIDAS inférieur à celui demandé",
    en: 'The identity provider returned a lower eIDAS level than requested',
  },
  Y100018: {
    fr: "Niveau eIDAS non autorisé pour ce fournisseur d'identité",
    en: 'eIDAS level not allowed for this identity provider',
  },
  Y100009: {
    fr: "Le claim amr est demandé mais le service n'y est pas habilité",
    en: 'The amr claim was requested but the service is not authorised for it',
  },
  Y0434A7B: { fr: 'Authentification du client échouée (secret invalide)', en: 'Client authentication failed (invalid secret)' },
  Y048017B: { fr: 'Paramètre code manquant', en: 'Missing code parameter' },
  Y049E20B: {
    fr: "Code d'autorisation introuvable, expiré ou déjà utilisé",
    en: 'Authorization code not found, expired or already used',
  },
  Y04146A2: { fr: "Aucun jeton d'accès fourni", en: 'No access token provided' },
  Y030111: {
    fr: "L'URL de retour après déconnexion n'est pas enregistrée (ProConnect)",
    en: 'The post_logout_redirect_uri is not registered (ProConnect)',
  },
  Y000400: {
    fr: "Paramètre de la demande d'autorisation invalide (ProConnect)",
    en: 'Invalid authorization request parameter (ProConnect)',
  },
} as const satisfies Record<string, { fr: string; en: string }>

/** A FranceConnect error code listed in {@link franceConnectErrorCodes}. */
export type KnownFranceConnectCode = keyof typeof franceConnectErrorCodes

/**
 * The French and English meaning of a FranceConnect `Y……` code, or `undefined` when unknown.
 *
 * @example
 * ```ts
 * describeFranceConnectCode('Y049E20B')?.fr // "Code d'autorisation introuvable, expiré ou déjà utilisé"
 * ```
 */
export function describeFranceConnectCode(code: string): { fr: string; en: string } | undefined {
  return Object.hasOwn(franceConnectErrorCodes, code) ? franceConnectErrorCodes[code as KnownFranceConnectCode] : undefined
}

const yCodePattern = /\bY[0-9A-F]{6,7}\b/

/**
 * Finds a FranceConnect `Y……` code in an error page, an `error_uri` (`?code=Y…`) or a description.
 *
 * @example
 * ```ts
 * findFranceConnectCode('<p>Code erreur : Y030007</p>') // 'Y030007'
 * ```
 */
export function findFranceConnectCode(text: string | undefined): string | undefined {
  if (!text) return undefined
  return yCodePattern.exec(text)?.[0]
}
