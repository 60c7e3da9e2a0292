/**
 * Type tests of the public API: `tsc --noEmit` (the first half of `npm test`) fails when one of
 * these no longer holds; the `it` blocks also run, so a type that lost its value shows here too.
 */
import { describe, expectTypeOf, it } from 'vitest'
import {
  type ApiResult,
  type CallbackError,
  type CallbackErrorCode,
  type Client,
  createClient,
  type FranceConnectSdkError,
  type FranceConnectClaims,
  type FranceConnectSdkErrorCode,
  franceConnect,
  isFranceConnectSdkError,
  oidcProvider,
  type ProConnectClaims,
  proConnect,
  type Session,
  type StandardClaims,
  type TokenValidationErrorCode,
  type TransactionCookie,
} from 'franceconnect-sdk'
import { type ImpotParticulier, type ImpotParticulierParams, impotParticulier } from 'franceconnect-sdk/apis/impot-particulier'
import { type StatutEtudiantBoursier, statutEtudiantBoursier } from 'franceconnect-sdk/apis/statut-etudiant-boursier'

const options = { clientId: 'client', clientSecret: 'secret', redirectUri: 'https://demarche.example.fr/callback' }
const client = createClient({ ...options, provider: franceConnect({ env: 'integration' }) })

describe('the public API, as the compiler sees it', () => {
  it('authorize() and callback() return what the README says', () => {
    expectTypeOf(client.authorize).returns.resolves.toEqualTypeOf<{ url: string; state: string; cookie: TransactionCookie }>()
    expectTypeOf(client.callback).returns.resolves.toEqualTypeOf<Session<FranceConnectClaims>>()
    expectTypeOf(client.callback).parameter(1).exclude<undefined>().toHaveProperty('cookie')
  })

  it('a session is typed by its preset', () => {
    const pro = createClient({ ...options, provider: proConnect({ env: 'integration' }) })
    const generic = createClient({ ...options, provider: oidcProvider({ issuer: 'https://op.example.fr' }) })
    expectTypeOf(pro.callback).returns.resolves.toEqualTypeOf<Session<ProConnectClaims>>()
    expectTypeOf(generic.callback).returns.resolves.toEqualTypeOf<Session<StandardClaims>>()
    expectTypeOf<Session<FranceConnectClaims>['claims']['given_name']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<Session<ProConnectClaims>['claims']['siret']>().toEqualTypeOf<string | null | undefined>()
    // what an adapter or a helper takes: any client, whatever its preset
    expectTypeOf(client).toMatchTypeOf<Client>()
    expectTypeOf(pro).toMatchTypeOf<Client>()
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
    const fetchBoursier = (session: Session) => client.getData(boursier, session)
    expectTypeOf(fetchBoursier).returns.resolves.toEqualTypeOf<ApiResult<StatutEtudiantBoursier>>()
  })

  it('getAllData() is typed by the connectors the client was given', () => {
    const boursier = statutEtudiantBoursier({ recipient: '13002526500013' })
    const impot = impotParticulier({ baseUrl: 'https://gateway.example.fr', idTeleservice: 'ts', gatewayToken: 'token' })
    const withApis = createClient({ ...options, provider: franceConnect({ env: 'integration' }), apis: [boursier, impot] })
    type Entry = Awaited<ReturnType<typeof withApis.getAllData>>[number]
    expectTypeOf<Entry['api']>().toEqualTypeOf<'statut-etudiant-boursier' | 'impot-particulier'>()
    type Boursier = Extract<Entry, { api: 'statut-etudiant-boursier'; status: 'fulfilled' }>
    expectTypeOf<Boursier['result']>().toEqualTypeOf<ApiResult<StatutEtudiantBoursier>>()
    type Impot = Extract<Entry, { api: 'impot-particulier'; status: 'fulfilled' }>
    expectTypeOf<Impot['result']>().toEqualTypeOf<ApiResult<ImpotParticulier>>()
    // params are each connector's own, under its id: a wrong type or an unknown id does not compile
    type Params = NonNullable<Parameters<typeof withApis.getAllData>[1]>
    expectTypeOf<keyof Params>().toEqualTypeOf<'statut-etudiant-boursier' | 'impot-particulier'>()
    expectTypeOf<Params['impot-particulier']>().toEqualTypeOf<ImpotParticulierParams | undefined>()
    // @ts-expect-error: annee is a number
    const wrong = (session: Session) => withApis.getAllData(session, { 'impot-particulier': { annee: '2024' } })
    // @ts-expect-error: no such connector on this client
    const unknownId = (session: Session) => withApis.getAllData(session, { 'statut-etudiant': {} })
    expectTypeOf(wrong).toBeFunction()
    expectTypeOf(unknownId).toBeFunction()
  })

  it('a client given no connectors returns loose entries', () => {
    type Entry = Awaited<ReturnType<typeof client.getAllData>>[number]
    expectTypeOf<Entry['api']>().toEqualTypeOf<string>()
    expectTypeOf<Extract<Entry, { status: 'fulfilled' }>['result']>().toEqualTypeOf<ApiResult<unknown>>()
  })

  it("takes process.env values in an app compiled with exactOptionalPropertyTypes (this project's tsconfig)", () => {
    const env: Record<string, string | undefined> = {}
    // never called (without a secret it would throw): only that it compiles is looked at
    const fromEnv = () =>
      createClient({
        provider: franceConnect({ env: 'integration' }),
        clientId: 'client',
        clientSecret: env.FC_CLIENT_SECRET,
        redirectUri: 'https://demarche.example.fr/callback',
        postLogoutRedirectUri: env.FC_POST_LOGOUT_REDIRECT_URI,
        timeoutMs: undefined,
      })
    const signIn = (session: Session) =>
      fromEnv()
        .authorize({ acr: env.FC_ACR, prompt: undefined, signal: undefined })
        .then(() => session)
    expectTypeOf(signIn).toBeFunction()
  })
})
