/** Query parameters whose values are neither secret nor personal, kept in hook payloads. */
const safeQueryParameters = new Set(['recipient', 'annee', 'mois', 'dateDebut', 'dateFin', 'version'])

/**
 * A URL fit for logs: origin and path kept, query values replaced by `[redacted]` except a few known
 * to be harmless (SIRET of the recipient, year, month, dates).
 *
 * @example
 * ```ts
 * redactUrl('https://api.example.fr/v1/x?recipient=13002526500013&token=abc')
 * // 'https://api.example.fr/v1/x?recipient=13002526500013&token=%5Bredacted%5D'
 * ```
 */
export function redactUrl(url: string): string {
  const parsed = new URL(url)
  parsed.username = ''
  parsed.password = ''
  for (const name of [...new Set(parsed.searchParams.keys())]) {
    if (!safeQueryParameters.has(name)) parsed.searchParams.set(name, '[redacted]')
  }
  return parsed.href
}
