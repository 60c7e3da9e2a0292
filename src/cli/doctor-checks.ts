/**
 * What `franceconnect-sdk doctor` checks, as pure functions of the provider's discovery document,
 * its key set and the SDK's preset: each check says whether the provider is as the preset expects
 * (`ok`), differs without stopping a sign-in (`warn`), or differs so that a sign-in fails (`fail`).
 */
import { importJWK, type JWK } from 'jose'
import type { Provider } from '../index.js'
import { assertSecureUrl } from '../http/secure-url.js'

/** One line of the report. */
export interface Check {
  level: 'ok' | 'warn' | 'fail' | 'skip'
  /** What is checked: a metadata field, `jwks`, `client`. */
  subject: string
  message: string
}

type Metadata = Record<string, unknown>

const list = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : undefined
const names = (values: readonly string[]) => values.join(', ')

/**
 * The checks of a discovery document against a preset.
 *
 * @example
 * ```ts
 * checkDiscovery(franceConnect({ issuer }), await (await fetch(`${issuer}/.well-known/openid-configuration`)).json())
 * ```
 */
export function checkDiscovery(provider: Provider, metadata: Metadata): Check[] {
  const checks: Check[] = []
  const add = (level: Check['level'], subject: string, message: string) => checks.push({ level, subject, message })

  // issuer: the ID token's iss must be exactly the configured issuer
  if (metadata.issuer === provider.issuer) add('ok', 'issuer', 'equals the configured issuer')
  else
    add(
      'fail',
      'issuer',
      `is "${String(metadata.issuer)}", not the configured "${provider.issuer}": discovery and every ID token would be refused`,
    )

  if (list(metadata.response_types_supported)?.includes('code') === false)
    add('fail', 'response_types_supported', 'does not offer "code": the authorization code flow is impossible')
  const grants = list(metadata.grant_types_supported)
  if (grants && !grants.includes('authorization_code')) add('fail', 'grant_types_supported', 'does not offer authorization_code')

  // endpoints the sign-in needs, and those of logout and revocation
  const needed = [
    'authorization_endpoint',
    'token_endpoint',
    'jwks_uri',
    ...(provider.userinfo === 'auto' ? [] : ['userinfo_endpoint']),
  ]
  const missing = needed.filter((name) => typeof metadata[name] !== 'string')
  const insecure = [...needed, 'end_session_endpoint', 'revocation_endpoint', 'userinfo_endpoint'].filter((name) => {
    const value = metadata[name]
    if (typeof value !== 'string') return false
    try {
      assertSecureUrl(value, name)
      return false
    } catch {
      return true
    }
  })
  if (missing.length > 0) add('fail', 'endpoints', `missing: ${names(missing)}`)
  else if (insecure.length === 0)
    add('ok', 'endpoints', `${names(needed.map((name) => name.replace('_endpoint', '')))} present, HTTPS (or loopback)`)
  if (insecure.length > 0)
    add('fail', 'endpoints', `not HTTPS: ${names([...new Set(insecure)])} (the SDK allows plain HTTP on loopback only)`)
  if (typeof metadata.end_session_endpoint === 'string')
    add('ok', 'end_session_endpoint', 'present: logout() can end the provider session')
  else add('warn', 'end_session_endpoint', 'missing: logout() cannot end the session at the provider')
  if (typeof metadata.revocation_endpoint === 'string') add('ok', 'revocation_endpoint', 'present: revoke() works')
  else add('warn', 'revocation_endpoint', 'missing: revoke() is not possible')

  checks.push(
    checkAlgorithms(
      'id_token_signing_alg_values_supported',
      list(metadata.id_token_signing_alg_values_supported),
      provider.signingAlgorithms,
      'ID tokens',
    ),
  )
  if (provider.userinfo === 'jwt' || provider.userinfo === 'jwe') {
    checks.push(
      checkAlgorithms(
        'userinfo_signing_alg_values_supported',
        list(metadata.userinfo_signing_alg_values_supported),
        provider.signingAlgorithms,
        'userinfo',
      ),
    )
  }

  checks.push(...checkAcr(provider, metadata))
  checks.push(...checkEncryption(provider, metadata))
  checks.push(checkTokenAuth(provider, list(metadata.token_endpoint_auth_methods_supported)))

  const iss = metadata.authorization_response_iss_parameter_supported === true
  if (provider.callbackIssRequired) {
    if (iss)
      add(
        'ok',
        'authorization_response_iss_parameter_supported',
        'true: callbacks carry iss, which the preset requires and checks',
      )
    else
      add(
        'fail',
        'authorization_response_iss_parameter_supported',
        'not true: the preset refuses callbacks without iss (RFC 9207)',
      )
  } else {
    add(
      'ok',
      'authorization_response_iss_parameter_supported',
      iss ? 'true: the callback’s iss is checked' : 'absent: callbacks without iss are accepted by this preset',
    )
  }

  if (provider.pkce) {
    const methods = list(metadata.code_challenge_methods_supported)
    if (methods?.includes('S256')) add('ok', 'code_challenge_methods_supported', 'S256: PKCE as the preset sends it')
    else
      add(
        'warn',
        'code_challenge_methods_supported',
        'S256 not advertised: the preset sends PKCE S256; a provider that rejects it fails the sign-in',
      )
  }

  const scopes = list(metadata.scopes_supported)
  if (scopes) {
    const absent = provider.defaultScopes.filter((scope) => !scopes.includes(scope))
    if (absent.length === 0) add('ok', 'scopes_supported', `lists the preset’s scopes (${names(provider.defaultScopes)})`)
    else add('warn', 'scopes_supported', `does not list ${names(absent)}, which the preset asks by default`)
  }
  return checks
}

function checkAlgorithms(subject: string, offered: string[] | undefined, accepted: readonly string[], what: string): Check {
  if (!offered) return { level: 'warn', subject, message: `not advertised: the preset accepts ${names(accepted)} for ${what}` }
  const usable = offered.filter((alg) => accepted.includes(alg))
  if (usable.length === 0)
    return {
      level: 'fail',
      subject,
      message: `offers ${names(offered)}; the preset accepts only ${names(accepted)}: ${what} would be refused`,
    }
  const ignored = offered.filter((alg) => !accepted.includes(alg))
  return {
    level: 'ok',
    subject,
    message: `${names(usable)} accepted${ignored.length ? ` (${names(ignored)} offered, not accepted by the preset)` : ''}`,
  }
}

function checkAcr(provider: Provider, metadata: Metadata): Check[] {
  const acr = provider.acr
  if (!acr) return []
  const subject = 'acr_values_supported'
  const offered = list(metadata.acr_values_supported)
  const checks: Check[] = []
  if (acr.parameter === 'claims' && metadata.claims_parameter_supported !== true) {
    checks.push({
      level: 'warn',
      subject: 'claims_parameter_supported',
      message: 'not true: the preset asks levels through claims.id_token.acr',
    })
  }
  if (!offered)
    return [
      ...checks,
      { level: acr.required ? 'warn' : 'ok', subject, message: `not advertised; the preset asks ${names(acr.allowed)}` },
    ]
  const missing = acr.allowed.filter((level) => !offered.includes(level))
  if (acr.default !== undefined && !offered.includes(acr.default)) {
    checks.push({
      level: acr.required ? 'fail' : 'warn',
      subject,
      message: `offers ${names(offered)}; the preset asks ${acr.default} by default: the provider would answer invalid_acr`,
    })
  } else if (!acr.allowed.some((level) => offered.includes(level))) {
    checks.push({ level: 'fail', subject, message: `offers ${names(offered)}; the preset allows only ${names(acr.allowed)}` })
  } else if (missing.length > 0) {
    checks.push({
      level: 'warn',
      subject,
      message: `offers ${names(offered)}; ${names(missing)}, allowed by the preset, cannot be asked`,
    })
  } else {
    checks.push({
      level: 'ok',
      subject,
      message: `${names(offered)}${acr.default ? ` (the preset asks ${acr.default} by default)` : ''}`,
    })
  }
  return checks
}

function checkEncryption(provider: Provider, metadata: Metadata): Check[] {
  const fields = ['id_token', ...(provider.userinfo === 'jwe' || provider.encryption ? ['userinfo'] : [])]
  const encryption = provider.encryption
  if (!encryption?.required) {
    const advertised = list(metadata.id_token_encryption_alg_values_supported)
    return advertised?.length
      ? [
          {
            level: 'warn',
            subject: 'id_token_encryption_alg_values_supported',
            message: `offers encryption (${names(advertised)}); the ${provider.id} preset expects signed tokens only: is this FranceConnect+?`,
          },
        ]
      : []
  }
  const checks: Check[] = []
  for (const field of fields) {
    const algs = list(metadata[`${field}_encryption_alg_values_supported`])
    const encs = list(metadata[`${field}_encryption_enc_values_supported`])
    const usableAlgs = algs?.filter((alg) => encryption.keyManagementAlgorithms.includes(alg)) ?? []
    const usableEncs = encs?.filter((enc) => encryption.contentEncryptionAlgorithms.includes(enc)) ?? []
    const subject = `${field}_encryption_*_values_supported`
    if (usableAlgs.length === 0 || usableEncs.length === 0) {
      checks.push({
        level: 'fail',
        subject,
        message: `${algs ? `offers ${names(algs)} / ${names(encs ?? [])}` : 'not advertised'}; the preset needs one of ${names(encryption.keyManagementAlgorithms)} with ${names(encryption.contentEncryptionAlgorithms)}`,
      })
    } else {
      checks.push({
        level: 'ok',
        subject,
        message: `${names(usableAlgs)} with ${names(usableEncs)}: give the client encryptionKeys of one of these algorithms`,
      })
    }
  }
  return checks
}

function checkTokenAuth(provider: Provider, advertised: string[] | undefined): Check {
  const subject = 'token_endpoint_auth_methods_supported'
  // OpenID Connect Discovery: absent means client_secret_basic
  const offered = advertised ?? ['client_secret_basic']
  const usable = provider.tokenAuthMethods.filter((method) => offered.includes(method))
  const withSecret = usable.find((method) => method === 'client_secret_post' || method === 'client_secret_basic')
  if (withSecret) {
    const others = usable.filter((method) => method !== withSecret)
    return {
      level: 'ok',
      subject,
      message: `${withSecret} (the SDK’s choice with a client secret)${others.length ? `; also ${names(others)}` : ''}${advertised ? '' : ', by default: not advertised'}`,
    }
  }
  if (usable.includes('private_key_jwt'))
    return {
      level: 'warn',
      subject,
      message: 'private_key_jwt only: give createClient a privateKeyJwt, a client secret will not do',
    }
  return {
    level: 'fail',
    subject,
    message: `offers ${names(offered)}; the preset authenticates with ${names(provider.tokenAuthMethods)}`,
  }
}

/** Kinds of key each family of JWS algorithms needs. */
const ktyOf = (alg: string) => ({ ES: 'EC', RS: 'RSA', PS: 'RSA', Ed: 'OKP' })[alg.slice(0, 2)]

/**
 * The checks of a key set: signing keys usable for the algorithms both sides accept, each with a
 * `kid` (tokens name their key), an `alg`, and `use: sig` (or none); no two keys sharing kid and alg.
 *
 * @example
 * ```ts
 * await checkJwks(franceConnect({ issuer }), { keys: [...] }, ['ES256', 'RS256'])
 * ```
 */
export async function checkJwks(
  provider: Provider,
  jwks: Record<string, unknown>,
  offeredAlgorithms: readonly string[] | undefined,
): Promise<Check[]> {
  if (!Array.isArray(jwks.keys)) return [{ level: 'fail', subject: 'jwks', message: 'the key set has no "keys" array' }]
  const keys = (jwks.keys as unknown[]).filter((key): key is JWK => typeof key === 'object' && key !== null)
  const accepted = provider.signingAlgorithms.filter(
    (alg) => alg !== 'HS256' && (offeredAlgorithms ?? provider.signingAlgorithms).includes(alg),
  )
  const checks: Check[] = []
  const usable: string[] = []
  const seen = new Set<string>()
  let encryptionKeys = 0
  for (const [index, key] of keys.entries()) {
    if (key.use === 'enc') {
      encryptionKeys++
      continue
    }
    const label = `key ${key.kid ?? `#${index}`}`
    if (key.use !== undefined && key.use !== 'sig') {
      checks.push({ level: 'warn', subject: 'jwks', message: `${label}: use "${key.use}" is neither sig nor enc; ignored` })
      continue
    }
    const algs = key.alg ? [key.alg] : accepted.filter((alg) => ktyOf(alg) === key.kty)
    const forPreset = algs.filter((alg) => accepted.includes(alg))
    if (forPreset.length === 0) {
      checks.push({ level: 'ok', subject: 'jwks', message: `${label}: ${key.alg ?? key.kty}, not used by this preset` })
      continue
    }
    if (!key.kid)
      checks.push({
        level: 'warn',
        subject: 'jwks',
        message: `${label}: no kid; tokens that name their key (FranceConnect’s do) never select it`,
      })
    if (!key.alg)
      checks.push({
        level: 'warn',
        subject: 'jwks',
        message: `${label}: no alg; matched to ${names(forPreset)} by its type ${String(key.kty)}`,
      })
    const duplicate = forPreset.find((alg) => seen.has(`${key.kid}|${alg}`))
    if (duplicate) {
      checks.push({
        level: 'fail',
        subject: 'jwks',
        message: `${label}: two keys share kid and ${duplicate}; the SDK refuses to guess between them`,
      })
      continue
    }
    for (const alg of forPreset) seen.add(`${key.kid}|${alg}`)
    try {
      await importJWK(key, forPreset[0])
      if (key.kid) usable.push(`${forPreset.join('/')} (kid ${key.kid})`)
    } catch {
      checks.push({ level: 'fail', subject: 'jwks', message: `${label}: cannot be imported as ${forPreset[0]}` })
    }
  }
  if (usable.length === 0) {
    checks.unshift({
      level: 'fail',
      subject: 'jwks',
      message: `no usable signing key for ${names(accepted)} (${keys.length} keys in the set)`,
    })
  } else {
    checks.unshift({
      level: 'ok',
      subject: 'jwks',
      message: `${usable.length} usable signing key${usable.length > 1 ? 's' : ''}: ${names(usable)}${encryptionKeys ? `; ${encryptionKeys} encryption key(s) ignored` : ''}`,
    })
  }
  return checks
}
