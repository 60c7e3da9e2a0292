/**
 * Type tests of the public API: `tsc --noEmit` (the first half of `npm test`) fails when one of
 * these no longer holds; the `it` blocks also run, so a type that lost its value shows here too.
 */
import { describe, expectTypeOf, it } from 'vitest'
import {
  type ApiResult,
  type CallbackError,
  type CallbackErrorCode,
  createClient,
  type FranceConnectSdkError,
  type FranceConnectSdkErrorCode,
  franceConnect,
  isFranceConnectSdkError,
  type Session,
  type TokenValidationErrorCode,
  type TransactionCookie,
} from 'franceconnect-sdk'
import { type StatutEtudiantBoursier, statutEtudiantBoursier } from 'franceconnect-sdk/apis/statut-etudiant-boursier'

const client = createClient({
  provider: franceConnect({ env: 'integration' }),
  clientId: 'client',
  clientSecret: 'secret',
  redirectUri: 'https://demarche.example.fr/callback',
})

describe('the public API, as the compiler sees it', () => {
  it('authorize() and callback() return what the README says', () => {
    expectTypeOf(client.authorize).returns.resolves.toEqualTypeOf<{ url: string; state: string; cookie: TransactionCookie }>()
    expectTypeOf(client.callback).returns.resolves.toEqualTypeOf<Session>()
    expectTypeOf(client.callback).parameter(1).exclude<undefined>().toHaveProperty('cookie')
  })

  it('error codes are unions a switch is checked against', () => {
    expectTypeOf<'access_denied'>().toMatchTypeOf<FranceConnectSdkErrorCode>()
    expectTypeOf<'binding_missing'>().toMatchTypeOf<CallbackErrorCode>()
    expectTypeOf<'id_token_signature'>().toMatchTypeOf<TokenValidationErrorCode>()
    expectTypeOf<'no_such_code'>().not.toMatchTypeOf<FranceConnectSdkErrorCode>()
    expectTypeOf<CallbackError['code']>().toEqualTypeOf<CallbackErrorCode>()
    expectTypeOf<FranceConnectSdkError['code']>().toEqualTypeOf<FranceConnectSdkErrorCode>()
    const error: unknown = new Error('x')
    if (isFranceConnectSdkError(error)) expectTypeOf(error.code).toEqualTypeOf<FranceConnectSdkErrorCode>()
  })

  it('a connector types its parameters and its data', () => {
    const boursier = statutEtudiantBoursier({ recipient: '13002526500013' })
    // never called: only its type is looked at
    const fetchBoursier = (session: Session) => client.fetch(boursier, session)
    expectTypeOf(fetchBoursier).returns.resolves.toEqualTypeOf<ApiResult<StatutEtudiantBoursier>>()
  })
})
