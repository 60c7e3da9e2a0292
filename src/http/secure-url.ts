import { ConfigurationError } from '../errors/configuration-error.js'

/**
 * Whether a host name is a loopback address: 127.0.0.0/8, `localhost` or `[::1]`.
 *
 * @example
 * ```ts
 * isLoopbackHost('127.0.0.1') // true
 * ```
 */
export function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]' || hostname === '::1') return true
  return /^127(\.\d{1,3}){3}$/.test(hostname)
}

/**
 * Parses a URL and refuses anything but HTTPS, except on loopback where plain HTTP is allowed so that
 * a local provider or the sandbox works without a flag.
 *
 * @example
 * ```ts
 * assertSecureUrl('https://oidc.franceconnect.gouv.fr/api/v2', 'issuer') // URL
 * assertSecureUrl('http://oidc.example.fr', 'issuer') // throws ConfigurationError { code: 'insecure_url' }
 * ```
 */
export function assertSecureUrl(value: string | URL, what: string, options: { allowHttp?: boolean } = {}): URL {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new ConfigurationError('configuration_invalid', `${what} is not a valid URL`)
  }
  if (url.protocol === 'https:') return url
  if (url.protocol === 'http:' && (isLoopbackHost(url.hostname) || options.allowHttp === true)) return url
  throw new ConfigurationError('insecure_url', `${what} must use https (plain http is allowed on loopback only)`)
}

/**
 * Checks an endpoint of a provider against its issuer: HTTPS (plain HTTP only when the issuer itself
 * is on loopback), and on the issuer's host, one of `otherHosts`, or any loopback host under a
 * loopback issuer. A discovery document or an option that points the client secret at another host
 * is refused before anything is sent.
 *
 * @example
 * ```ts
 * assertEndpointOfIssuer('https://oidc.franceconnect.gouv.fr/api/v2', 'https://oidc.franceconnect.gouv.fr/api/v2/token', 'token_endpoint')
 * assertEndpointOfIssuer(issuer, 'http://127.0.0.1:9/token', 'token_endpoint') // throws: insecure_url
 * ```
 */
export function assertEndpointOfIssuer(
  issuer: string,
  endpoint: string,
  what: string,
  rules: { otherHosts?: readonly string[] | undefined; pinned?: boolean; insecureIssuer?: boolean } = {},
): URL {
  const issuerUrl = new URL(issuer)
  const url = assertSecureUrl(endpoint, what, { allowHttp: rules.insecureIssuer === true })
  // a development issuer the app opted in to (plain HTTP off loopback): on its own host only
  const insecureOnIssuerHost = rules.insecureIssuer === true && issuerUrl.protocol === 'http:' && url.host === issuerUrl.host
  const loopbackIssuer = isLoopbackHost(issuerUrl.hostname)
  if (url.protocol !== 'https:' && !loopbackIssuer && !insecureOnIssuerHost) {
    throw new ConfigurationError('insecure_url', `${what} must use https: plain http is allowed under a loopback issuer only`)
  }
  if (rules.pinned === false) return url
  const onIssuerHost =
    url.host === issuerUrl.host || (rules.otherHosts ?? []).includes(url.host) || (loopbackIssuer && isLoopbackHost(url.hostname))
  if (!onIssuerHost) {
    throw new ConfigurationError(
      'endpoint_not_allowed',
      `${what} is not on the issuer's host (${issuerUrl.host}) nor on one the provider lists (endpointHosts)`,
    )
  }
  return url
}
