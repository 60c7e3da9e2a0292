import { StoreError } from '../errors/store-error.js'
import type { ClientContext } from './context.js'
import type { TransactionCookie } from './types.js'

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

/** Keeps a transaction under its state; returns the cookie to set when the store is stateless. */
export async function saveTransaction(
  context: ClientContext,
  state: string,
  transaction: Transaction,
): Promise<TransactionCookie | undefined> {
  const ttl = context.transactionTtlSec
  let sealed: string | undefined
  try {
    sealed = (await context.store.put(storeKey(transaction.kind, state), JSON.stringify(transaction), ttl)) ?? undefined
  } catch (cause) {
    throw asStoreError(cause)
  }
  if (typeof sealed !== 'string') return undefined
  return { name: context.store.cookieName ?? 'fc_tx', value: sealed, maxAgeSec: ttl }
}

/** Takes (and so consumes) the transaction of a state, or returns undefined when unknown or used. */
export async function takeTransaction<K extends Transaction['kind']>(
  context: ClientContext,
  kind: K,
  state: string,
  cookie: string | undefined,
): Promise<Extract<Transaction, { kind: K }> | undefined> {
  let value: string | undefined
  try {
    value = await context.store.take(storeKey(kind, state), cookie)
  } catch (cause) {
    throw asStoreError(cause)
  }
  if (value === undefined) return undefined
  let parsed: Transaction
  try {
    parsed = JSON.parse(value) as Transaction
  } catch (cause) {
    throw new StoreError('store_value_invalid', 'A stored transaction cannot be read', cause)
  }
  return parsed.kind === kind ? (parsed as Extract<Transaction, { kind: K }>) : undefined
}

function storeKey(kind: Transaction['kind'], state: string): string {
  return `${kind === 'sign-in' ? 'tx' : 'logout'}:${state}`
}

function asStoreError(cause: unknown): StoreError {
  if (cause instanceof StoreError) return cause
  return new StoreError('store_unavailable', 'The transaction store failed', cause)
}
