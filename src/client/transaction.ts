import { CallbackError } from '../errors/callback-error.js'
import { LogoutError } from '../errors/logout-error.js'
import { StoreError } from '../errors/store-error.js'
import { randomTokens, sha256Base64url } from '../oidc/random.js'
import type { ClientContext } from './context.js'
import type { BindingOptions, TransactionCookie } from './types.js'

/** A sign-in between `authorize()` and `callback()`. */
export interface SignInTransaction {
  kind: 'sign-in'
  nonce: string
  codeVerifier?: string
  /** The level asked: the returned `acr` must be at least this. */
  acr?: string
  scopes: string[]
  amr: boolean
}

/** A logout between `logout()` and `logoutCallback()`. */
export interface LogoutTransaction {
  kind: 'logout'
}

type Transaction = SignInTransaction | LogoutTransaction

/** What the store keeps: the transaction, the client it belongs to and the hash of the browser's binding. */
type StoredTransaction = Transaction & { client: string; binding: string }

/**
 * Keeps a transaction under its client and state, and returns the cookie that binds it to the
 * browser: a random secret whose hash is stored with the transaction, or, with a stateless store,
 * the sealed transaction itself.
 */
export async function saveTransaction(
  context: ClientContext,
  state: string,
  transaction: Transaction,
): Promise<TransactionCookie> {
  const { store } = context
  const ttl = context.transactionTtlSec
  const [bindingSecret] = randomTokens(1) as [string]
  const stored: StoredTransaction = {
    ...transaction,
    client: await clientTag(context),
    binding: await sha256Base64url(bindingSecret),
  }
  let sealed: unknown
  try {
    sealed = await store.put(await storeKey(context, transaction.kind, state), JSON.stringify(stored), ttl)
  } catch (cause) {
    throw asStoreError(cause)
  }
  if (store.stateless && typeof sealed !== 'string') {
    throw new StoreError('store_value_invalid', 'A stateless store returned no sealed value to set as the cookie')
  }
  // A logout has a cookie of its own: started while a sign-in is pending, it must not overwrite it.
  const name = `${store.cookieName ?? 'fc_tx'}${transaction.kind === 'logout' ? '_logout' : ''}`
  return { name, value: store.stateless ? (sealed as string) : bindingSecret, maxAgeSec: ttl }
}

/**
 * Takes (and so consumes) the transaction of a state, once the browser's binding is checked: the
 * cookie `authorize()`/`logout()` returned, or the state the app kept in its own session. A
 * callback without its binding, or with another browser's, is refused before anything is consumed,
 * so a forged or stolen callback cannot burn the pending sign-in it names.
 */
export async function takeBoundTransaction<K extends Transaction['kind']>(
  context: ClientContext,
  kind: K,
  state: string,
  binding: BindingOptions,
): Promise<Extract<Transaction, { kind: K }>> {
  const fail = failureOf(kind)
  const { store } = context
  const { cookie, expectedState } = binding
  const hasCookie = typeof cookie === 'string' && cookie.length > 0
  if (expectedState === undefined && !hasCookie) {
    throw fail('binding_missing', 'No binding to the browser: pass { cookie } (from authorize()) or { expectedState }')
  }
  if (expectedState !== undefined && (await sha256Base64url(String(expectedState))) !== (await sha256Base64url(state))) {
    throw fail('binding_mismatch', 'The callback state is not the one this browser started')
  }
  // A stateless store's transaction travels in the cookie: it is needed whatever else binds.
  if (store.stateless && !hasCookie) throw fail('binding_missing', 'The transaction cookie is missing')

  const key = await storeKey(context, kind, state)
  const peeked = await readStore(() => store.get(key, hasCookie ? cookie : undefined), store.stateless === true)
  if (peeked === undefined) {
    // A sealed cookie that does not open for this client and state belongs to another sign-in.
    if (store.stateless) throw fail('binding_mismatch', 'The transaction cookie belongs to another sign-in')
    throw fail('state_unknown', `The ${kind === 'logout' ? 'logout' : 'callback'} state is unknown, expired or already used`)
  }
  const expectedClient = await clientTag(context)
  // hashed once: the binding is checked on the value read, then again on the value taken
  const cookieHash = !store.stateless && hasCookie ? await sha256Base64url(cookie) : undefined
  const checkBinding = (transaction: StoredTransaction) => {
    if (transaction.client !== expectedClient || transaction.kind !== kind) {
      throw fail('binding_mismatch', 'The transaction belongs to another client')
    }
    if (cookieHash !== undefined && cookieHash !== transaction.binding) {
      throw fail('binding_mismatch', 'The callback comes from another browser than the one that started it')
    }
  }
  checkBinding(parseTransaction(peeked))

  const taken = await readStore(() => store.take(key, hasCookie ? cookie : undefined), false)
  if (taken === undefined) {
    throw fail('state_unknown', `The ${kind === 'logout' ? 'logout' : 'callback'} state is unknown, expired or already used`)
  }
  const transaction = parseTransaction(taken)
  checkBinding(transaction)
  const { client: _client, binding: _binding, ...rest } = transaction
  return rest as Extract<Transaction, { kind: K }>
}

type BindingFailure = 'binding_missing' | 'binding_mismatch' | 'state_unknown'

function failureOf(kind: Transaction['kind']): (code: BindingFailure, message: string) => CallbackError | LogoutError {
  if (kind === 'sign-in') return (code, message) => new CallbackError(code, message)
  return (code, message) => new LogoutError(code === 'state_unknown' ? 'logout_state_unknown' : code, message)
}

/** Runs a store read; a sealed value that cannot be opened is a binding failure, reported as undefined. */
async function readStore(read: () => Promise<string | undefined>, unreadableIsUnknown: boolean): Promise<string | undefined> {
  try {
    return await read()
  } catch (cause) {
    if (unreadableIsUnknown && cause instanceof StoreError && cause.code === 'store_value_invalid') return undefined
    throw asStoreError(cause)
  }
}

function parseTransaction(value: string): StoredTransaction {
  let parsed: unknown
  try {
    parsed = JSON.parse(value)
  } catch (cause) {
    throw new StoreError('store_value_invalid', 'A stored transaction cannot be read', cause)
  }
  const candidate = parsed as Partial<StoredTransaction> | null
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    (candidate.kind !== 'sign-in' && candidate.kind !== 'logout') ||
    typeof candidate.client !== 'string' ||
    typeof candidate.binding !== 'string'
  ) {
    throw new StoreError('store_value_invalid', 'A stored transaction has not the expected shape')
  }
  return candidate as StoredTransaction
}

const clientTags = new WeakMap<ClientContext, Promise<string>>()

/**
 * Who a transaction belongs to: a digest of the issuer, client id and redirect URI, so that two
 * clients sharing a store (or a cookie secret) can never finish each other's sign-ins.
 */
function clientTag(context: ClientContext): Promise<string> {
  let tag = clientTags.get(context)
  if (!tag) {
    const { provider, options } = context
    tag = sha256Base64url(`${provider.issuer}\n${options.clientId}\n${options.redirectUri}`).then((digest) => digest.slice(0, 22))
    clientTags.set(context, tag)
  }
  return tag
}

async function storeKey(context: ClientContext, kind: Transaction['kind'], state: string): Promise<string> {
  return `${kind === 'sign-in' ? 'tx' : 'logout'}:${await clientTag(context)}:${state}`
}

function asStoreError(cause: unknown): StoreError {
  if (cause instanceof StoreError) return cause
  return new StoreError('store_unavailable', 'The transaction store failed', cause)
}
