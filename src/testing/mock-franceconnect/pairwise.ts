import { createHash } from 'node:crypto'

/**
 * The pairwise subject the mock gives a person for one client (a service provider or a data
 * provider): `sha256hex(entityId + accountId + secret)` followed by `v1`, 64 lowercase hex characters
 * and `v1` (66 characters), the shape FranceConnect computes. The client id stands for the
 * entity; the secret is the mock's own, so two mocks give different subjects, and one mock always
 * gives the same subject to the same client for the same person.
 *
 * @example
 * ```ts
 * const sub = pairwiseSub('angela-dubois', clientId, secret) // '3f5c…a9v1'
 * pairwiseSub('angela-dubois', dataProviderId, secret) !== sub // a data provider sees another sub
 * ```
 */
export function pairwiseSub(accountId: string, clientId: string, secret: string): string {
  const digest = createHash('sha256')
    .update(clientId)
    .update('\u0000')
    .update(accountId)
    .update('\u0000')
    .update(secret)
    .digest('hex')
  return `${digest}v1`
}
