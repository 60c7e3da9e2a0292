/**
 * oidc-provider (panva's, what FranceConnect's own core runs on) is an optional peer dependency of
 * `franceconnect-sdk/testing` only: imported lazily, the first time a mock starts, never by the root
 * entry. It ships no type declarations: the few members used here are typed loosely below.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ConfigurationError } from '../../errors/configuration-error.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type KoaishContext = any

export interface OidcGrant {
  addOIDCScope(scope: string): void
  addOIDCClaims(claims: string[]): void
  save(): Promise<string>
}

export interface OidcInteraction {
  uid: string
  params: Record<string, string | undefined>
  prompt: { name: string; reasons: string[] }
}

export interface OidcAccessToken {
  jti: string
  accountId: string
  clientId: string
  scope?: string
  iat: number
  exp: number
  extra?: Record<string, unknown>
}

export interface OidcProvider {
  issuer: string
  callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>
  on(event: string, listener: (...args: any[]) => void): void
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<OidcInteraction>
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: object,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>
  Grant: new (init: { accountId: string; clientId: string }) => OidcGrant
  AccessToken: { find(value: string): Promise<OidcAccessToken | undefined> }
}

export interface OidcProviderModule {
  Provider: new (issuer: string, configuration: object) => OidcProvider
  interactionPolicy: {
    base(): any
    Check: new (reason: string, description: string, check: (ctx: KoaishContext) => boolean | Promise<boolean>) => unknown
  }
}

/** How the module is imported; replaceable to test the "not installed" path. */
export type ModuleImporter = (specifier: string) => Promise<unknown>

let cached: Promise<OidcProviderModule> | undefined

/**
 * Imports oidc-provider once, or throws a ConfigurationError telling how to install it. On Node 20
 * its entry point prints "Unsupported runtime. Use Node.js v22.x LTS" (it runs fine on 20): that
 * single line is filtered while importing.
 *
 * @example
 * ```ts
 * const { Provider, interactionPolicy } = await loadOidcProvider()
 * ```
 */
export function loadOidcProvider(importer?: ModuleImporter): Promise<OidcProviderModule> {
  if (importer) return importModule(importer)
  cached ??= importModule((specifier) => import(specifier)).catch((error: unknown) => {
    cached = undefined
    throw error
  })
  return cached
}

async function importModule(importer: ModuleImporter): Promise<OidcProviderModule> {
  const warn = console.warn
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('oidc-provider WARNING: Unsupported runtime')) return
    warn(...args)
  }
  try {
    // A variable specifier: bundlers leave the optional peer dependency alone.
    const specifier = 'oidc-provider'
    const loaded = (await importer(specifier)) as Partial<OidcProviderModule> & { default?: Partial<OidcProviderModule> }
    const module = loaded.Provider ? loaded : loaded.default
    if (!module?.Provider || !module.interactionPolicy) {
      throw new ConfigurationError(
        'configuration_invalid',
        'franceconnect-sdk/testing needs oidc-provider 9 (npm install -D oidc-provider@9)',
      )
    }
    return module as OidcProviderModule
  } catch (error) {
    if (error instanceof ConfigurationError) throw error
    if (isModuleNotFound(error)) {
      throw new ConfigurationError(
        'configuration_invalid',
        'franceconnect-sdk/testing runs its mock FranceConnect on oidc-provider, which is not installed: npm install -D oidc-provider',
      )
    }
    throw error
  } finally {
    console.warn = warn
  }
}

function isModuleNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND'
}
