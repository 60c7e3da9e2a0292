/** How a started mock signs a person in and out: its scripted browser through its own pages. */
import { type FormDecision, ScriptedBrowser } from './browser.js'
import type { AuthorizeOptions, MockIdentity } from './types.js'

/**
 * The person `StartedOp.authorize` signs in as: by index, id, the client's `sub`, or family name
 * (default: the first).
 *
 * @example
 * ```ts
 * resolveIdentity(people, (id) => subFor(id, clientId), 'DUBOIS')
 * ```
 */
export function resolveIdentity(
  identities: readonly MockIdentity[],
  clientSub: (accountId: string) => string,
  choice: AuthorizeOptions['identity'],
): MockIdentity {
  if (choice === undefined) return identities[0] as MockIdentity
  const found =
    typeof choice === 'number'
      ? identities[choice]
      : (identities.find((identity) => identity.id === choice) ??
        identities.find((identity) => clientSub(identity.id) === choice) ??
        identities.find((identity) => identity.family_name === choice))
  if (!found) throw new RangeError(`no identity ${String(choice)} in the mock FranceConnect`)
  return found
}

/**
 * Follows an authorization URL through the login and consent pages, as `identity`, and resolves with
 * the callback URL. One browser, one cookie jar per sign-in: concurrent sign-ins never share a session.
 *
 * @example
 * ```ts
 * const callback = await signIn(op.origin, authorizationUrl, identity, { acr: 'eidas2' })
 * ```
 */
export function signIn(
  origin: string,
  authorizationUrl: string,
  identity: MockIdentity,
  opts: AuthorizeOptions,
): Promise<string> {
  return new ScriptedBrowser(origin).navigate(authorizationUrl, (form): FormDecision => {
    if (opts.cancel && (form.id === 'fc-login' || form.id === 'fc-consent')) return { fields: { action: 'cancel' } }
    if (form.id === 'fc-login') return { fields: { identity: identity.id, ...(opts.acr ? { acr: opts.acr } : {}) } }
    // the consent form, and any other form the OP puts on the way: submitted as it is
    return { fields: {} }
  })
}

/**
 * Follows an end-session URL, confirms the logout form, and resolves with the final URL.
 *
 * @example
 * ```ts
 * const back = await signOut(op.origin, endSessionUrl) // the post-logout redirect URI, with state
 * ```
 */
export function signOut(origin: string, endSessionUrl: string): Promise<string> {
  return new ScriptedBrowser(origin).navigate(
    endSessionUrl,
    (form): FormDecision => ({ fields: form.id === 'op.logoutForm' ? { logout: 'yes' } : {} }),
    { acceptFinalPage: true },
  )
}
