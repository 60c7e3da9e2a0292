/**
 * Public types of `franceconnect-sdk/testing`: the sandbox, its people and their data.
 */
import type { JWK } from 'jose'
import type { EncryptionKey } from '../oidc/encryption-keys.js'
import type { ConnectorId } from '../registry/data-scopes.js'
import type { connectorSandboxes } from './connector-sandboxes.js'
import type { ApiParticulierRouteData } from './mock-apis/api-particulier.js'
import type { AuthorizeOptions, MockIdentity, OpEndpoints } from './mock-franceconnect/types.js'

/** The FranceConnect the sandbox impersonates. */
export type SandboxVariant = 'v2' | 'fcplus' | 'v1'

/** Every platform the sandbox impersonates: a FranceConnect, or ProConnect (agents, `startSandbox({ variant: 'proconnect' })`). */
export type SandboxPlatform = SandboxVariant | 'proconnect'

/** The ids of the data APIs the sandbox mocks: one per connector of the SDK. */
export type SandboxApiId = ConnectorId

/** A JSON object, as a provider sends it. */
export type JsonObject = Record<string, unknown>

/** How the sandbox serves one API: the `sandbox` export of its manifest (`src/apis/<id>/manifest.ts`). */
type SandboxPartOf<Id extends SandboxApiId> = (typeof connectorSandboxes)[Id]

/**
 * What each mock knows of a person for one API it serves, as the provider's raw payload before it
 * filters fields by scope. An API's entry in {@link SandboxData} has the shape of the mock its
 * manifest names, or of its route where the route reads a known one (`statut-etudiant`).
 */
interface SandboxMockData {
  /** API Particulier v3 (CNOUS: v4) `data` of the API's route, e.g. RSA's `{ est_beneficiaire, avec_majoration, date_debut_droit }`, QF's `{ quotient_familial, allocataires, enfants, adresse }`; CNOUS's v3 answer is derived from its v4 one. */
  'api-particulier': JsonObject
  /** DGFiP `SituationsIRAssiettesJAXBbean`, by year of income (`annrev`): `{ '2024': { rfr, nbPart, … } }`. */
  dgfip: Record<string, JsonObject>
  /** CNAM droits: the insured person (`/me`), the beneficiaries (`/me/beneficiaires`), each NIR's contracts (`/contrats`). */
  'cnam-droits': {
    me: JsonObject
    beneficiaires: JsonObject[]
    contrats: Record<string, JsonObject[]>
    caisse?: JsonObject | undefined
    medecinTraitant?: JsonObject | undefined
    exonerations?: JsonObject[] | undefined
  }
  /** CNAM IJ (provisional connector): `{ paiements: [{ date_debut, date_fin, montant_journalier, nombre_jours, montant_csg, montant_crds, … }] }`. */
  'cnam-ij': { paiements: JsonObject[] }
  /** France Travail's payload: statut `{ etatCivil, modalitesContact, adresse, situationInscription }`, paiements `{ statutInscription, listePaiement }`. */
  'france-travail': JsonObject
}

/** What the mock serving `Id` knows of a person: its route's own shape where it has one, else its mock's. */
type SandboxDataOf<Id extends SandboxApiId> = Id extends keyof ApiParticulierRouteData
  ? ApiParticulierRouteData[Id]
  : SandboxMockData[SandboxPartOf<Id>['mock']]

/**
 * What each mock API knows of a person, by API, as the provider's raw payload before it filters
 * fields by scope (each API's shape is its mock's: DGFiP's situations by year of income, CNAM droits'
 * `{ me, beneficiaires, contrats, … }`, CNAM IJ's `{ paiements }`, MESRI's `{ admissions }`, the
 * others' payload object). A missing entry means the provider does not know the person (404).
 */
export type SandboxData = { [Id in SandboxApiId]?: SandboxDataOf<Id> }

/** A person of the sandbox: the pivot identity FranceConnect releases, and what each API knows of them. */
export interface SandboxIdentity extends MockIdentity {
  data?: SandboxData | undefined
}

/** A sandbox person as `startSandbox` returns them: with the `sub` the sandbox's client receives. */
export type SandboxPerson = SandboxIdentity & { sub: string }

/** Options of `startSandbox`. */
export interface SandboxOptions {
  /** The mock FranceConnect's port on 127.0.0.1 (default: a free one). */
  port?: number | undefined
  /** The mock APIs' port (default: `port + 1` when `port` is given, else a free one). */
  apisPort?: number | undefined
  /** `v2` (default), `fcplus` (nested JWE, eIDAS 2/3), `v1` (legacy) or `proconnect` (agents, eidas0…eidas3). */
  variant?: SandboxPlatform | undefined
  /** The people of the login page; default {@link sandboxIdentities}() ({@link sandboxAgents}() on ProConnect). The first is pre-selected. */
  identities?: readonly SandboxIdentity[] | undefined
  /** The client's registered callback (default `http://127.0.0.1:3000/callback`). */
  redirectUri?: string | undefined
  /** The client's registered post-logout redirect (default `http://127.0.0.1:3000/logout-callback`). */
  postLogoutRedirectUri?: string | undefined
  /** Fixed client credentials (default: derived from `seed`, else random; 64 hex characters each). */
  clientId?: string | undefined
  clientSecret?: string | undefined
  /**
   * Derives every credential the sandbox makes up (client id and secret, data providers', data
   * APIs' keys) from this text: the same seed gives the same values at each start, so a pasted
   * `.env` keeps working. FranceConnect+'s encryption keys stay random. Default: random values.
   */
  seed?: string | undefined
  /**
   * The scopes the client is habilitated for: a sign-in asking any other scope ends in
   * `error=invalid_scope`, as at the real FranceConnect. Default: every scope the variant offers.
   */
  scopes?: readonly string[] | undefined
  /** ProConnect: `jwt` (default, signed userinfo) or `json` (a service registered without `userinfo_signed_response_alg`). */
  userinfo?: 'jwt' | 'json' | undefined
  /** The service's name on the consent page. */
  clientName?: string | undefined
}

/** What the mock APIs require besides the FranceConnect access token; fixed values in the sandbox. */
export interface SandboxCredentials {
  /** API Particulier's `recipient`: a valid SIRET (the one API Particulier's staging uses). */
  apiParticulier: { recipient: string }
  /**
   * DGFiP gateway: any non-empty gateway token is accepted (it is required); `tokenUrl` also serves
   * OAuth client credentials with `clientId` / `clientSecret`, for `dgfipGatewayToken`.
   */
  dgfip: { gatewayToken: string; idTeleservice: string; tokenUrl: string; clientId: string; clientSecret: string }
  /** CNAM `X-API-Key` (droits; checked on IJ when sent). */
  cnam: { apiKey: string }
}

/**
 * The options to give each connector factory so that it calls the sandbox: `baseUrl`, and the sandbox
 * credentials its manifest's `sandbox.options` names (`statut-etudiant`: `{ baseUrl: string; recipient: string }`).
 */
export type SandboxConnectorOptions = {
  [Id in SandboxApiId]: { [Option in 'baseUrl' | SandboxPartOf<Id>['options'][number]]: string }
}

/**
 * A data provider registered at the mock FranceConnect with every data scope of the variant, for
 * testing your own data provider's API against the sandbox:
 * `createAccessTokenVerifier({ issuer: sandbox.issuer, ...sandbox.dataProvider })` (v1:
 * `{ version: 'v1', issuer: sandbox.issuer }`).
 */
export interface SandboxDataProvider {
  clientId: string
  clientSecret: string
  /** Its private decryption keys (ECDH-ES), for checktoken's JWE. */
  decryptionKeys: EncryptionKey[]
  /** Their public halves, as registered (its `jwks_uri`). */
  jwks: { keys: JWK[] }
  /** The scopes it is registered with: checktoken's `scope` is the granted ones among these. */
  registeredScopes: string[]
}

/** Options of `sandbox.signIn`. */
export interface SignInOptions {
  /** The person: index in `identities`, its `id`, its `sub`, or its family name (default: the first). */
  identity?: number | string | undefined
  /** Click "Annuler": the callback carries `error=access_denied`. */
  cancel?: boolean | undefined
  /** The level picked on the login page (FranceConnect+: `eidas2` or `eidas3`; ProConnect: `eidas0` … `eidas3`). */
  acr?: AuthorizeOptions['acr'] | undefined
}

/** A running sandbox. */
export interface Sandbox {
  variant: SandboxVariant
  /** The mock FranceConnect's issuer: `http://127.0.0.1:PORT/api/v2` (v1: `http://127.0.0.1:PORT`). */
  issuer: string
  clientId: string
  clientSecret: string
  /** The scopes the client is habilitated for. */
  registeredScopes: string[]
  redirectUri: string
  postLogoutRedirectUri: string
  /** FranceConnect+ only: the client's private decryption keys (give them to `createClient`). */
  encryptionKeys?: EncryptionKey[] | undefined
  /** Each connector's `baseUrl`. */
  apis: Record<SandboxApiId, string>
  /** What the mock APIs require besides the FranceConnect token. */
  credentials: SandboxCredentials
  /** Each connector factory's options (`statutEtudiant(sandbox.connectorOptions['statut-etudiant'])`). */
  connectorOptions: SandboxConnectorOptions
  /** `getAllData` params that suit the sandbox's data (the year of income of `impot-particulier`). */
  allDataParams: Record<string, unknown>
  /** The people of the login page, with the `sub` the sandbox's client receives for each. */
  identities: SandboxPerson[]
  /** A data provider registered with every data scope, for your own API's tests. */
  dataProvider: SandboxDataProvider
  /** The mock FranceConnect's endpoints. */
  endpoints: OpEndpoints
  /**
   * Drives the mock FranceConnect's pages with plain HTTP and a fresh cookie jar (concurrent sign-ins
   * never share a session): from the authorization URL through the login and consent pages to the
   * callback URL, which it returns (with `code`, `state`, `iss`; or `error=access_denied` on cancel).
   * Rejects with an `OpHttpError` (status, FranceConnect code such as `Y030007`) on an error page.
   */
  signIn(authorizationUrl: string, options?: SignInOptions): Promise<string>
  /** Follows an end-session URL through the logout confirmation; returns the post-logout redirect URL. */
  signOut(endSessionUrl: string): Promise<string>
  /** Requests counted by endpoint (FranceConnect's, and `api:<id>` for the mock APIs). */
  requests: Record<string, number>
  /** Stops both servers. */
  close(): Promise<void>
}

/**
 * A running ProConnect sandbox: agents on the login page, ProConnect's levels, refresh tokens. Its
 * data-API members are there (the mock APIs run) but ProConnect tokens open no FranceConnect data.
 */
export type ProConnectSandbox = Omit<Sandbox, 'variant'> & { variant: 'proconnect' }
