/**
 * franceconnect-sdk/testing: the sandbox. A mock FranceConnect (v2, FranceConnect+, v1) and a mock of
 * every connector's API, on loopback, so that a whole sign-in and every data call run on a laptop
 * with nothing registered. Needs the optional peer dependency `oidc-provider` (`npm install -D
 * oidc-provider`), imported only when a sandbox starts.
 *
 * ```ts
 * import { startSandbox, sandboxConnectors } from 'franceconnect-sdk/testing'
 *
 * const sandbox = await startSandbox()                 // { issuer, clientId, clientSecret, redirectUri, apis, … }
 * const connectors = sandboxConnectors(sandbox)        // every connector, pointed at the mock APIs
 * const fc = createClient({ provider: franceConnect({ issuer: sandbox.issuer }), clientId: sandbox.clientId,
 *   clientSecret: sandbox.clientSecret, redirectUri: sandbox.redirectUri, apis: Object.values(connectors) })
 * const { url, cookie } = await fc.authorize()         // a web app sets `cookie` in the browser
 * const session = await fc.callback(await sandbox.signIn(url), { cookie: cookie.value })
 * const results = await fc.getAllData(session, sandbox.allDataParams)
 * await sandbox.close()
 * ```
 *
 * ## The people of the sandbox
 *
 * The login page lists them in this order; the first is pre-selected, so an untouched form signs in
 * as Angela Claire Louise DUBOIS (FranceConnect's public demo identity), who has data in every API.
 * Every other person and every datum is fictitious.
 *
 * | # | id | Person (pivot identity) | What the mock APIs know |
 * |---|----|--------|------|
 * | 0 | `angela-dubois` | Angela Claire Louise DUBOIS, F, 1962-08-24, born in Paris 7e (75107) | **every API**: impôt (divorcée, 1 child, parent isolé, the last 3 years of income), CNAM droits (+ 1 child, C2S contracts) and IJ (2 payments), MESRI (formation continue, inscrite), CNOUS (boursière, échelon 4), C2S (free), RSA, QF (CNAF), France Travail statut (catégorie 1) and paiements (3 months) |
 * | 1 | `carlos-garcia-lopez` | Carlos José GARCIA LOPEZ, M, 1985-03-01 (IdP: 1985-03-00), **born abroad** (Spain 99134, birthplace `""`) | impôt (célibataire, 2 years), CNAM droits (alone), France Travail statut (registration ended) and paiements (not registered, none) |
 * | 2 | `lea-martin` | Léa MARTIN, F, 2004-11-05, Bordeaux (33063) | **student**: MESRI only (2 admissions, 1 inscrite); CNOUS 404 |
 * | 3 | `karim-benali` | Karim BENALI, M, 2003-04-18, Lille (59350) | **boursier**: CNOUS (échelon 6), MESRI (inscrit) |
 * | 4 | `helene-rousseau` | Hélène ROUSSEAU, F, 1987-06-12, Lyon (69123) | **taxpayer** (mariée, 2 children, 2 déclarants, 3 years); **insured with beneficiaries** (conjoint + 2 children, maternity exonération) and **IJ payments** (3); QF (CNAF, couple); C2S and RSA: not beneficiary |
 * | 5 | `nadia-hamidi` | Nadia HAMIDI, F, 1994-02-17, Marseille (13055) | **C2S / RSA / QF household**: C2S (with participation), RSA (majoré), QF (MSA, single parent, 2 children), CNAM droits (+ 2 children) |
 * | 6 | `thomas-leroy` | Thomas LEROY, M, 1988-03-11, Lille (59350) | **job seeker with payments**: France Travail statut (catégorie 1) and paiements (3 months); impôt (pacsé, last year) |
 * | 7 | `lucie-fontaine` | Lucie FONTAINE, F, 1999-09-30, Nantes (44109) | **nothing anywhere**: every API answers 404 |
 *
 * ## What the mock APIs do
 *
 * Each API is served where its connector calls it, with the headers the real one requires (API
 * Particulier: `recipient`; DGFiP: gateway Bearer, `X-FranceConnect-OAuth`, `X-Correlation-ID`,
 * `ID_Teleservice`; CNAM: `X-API-Key`; values in `sandbox.credentials`). Each provider is a data
 * provider registered at the mock FranceConnect: it checks every access token with `/checktoken`
 * through `franceconnect-sdk/data-provider`, finds the person from the pivot identity (the data
 * provider's `sub` differs from the service provider's), keeps the fields the granted scopes open,
 * and answers 401 for a missing, expired or revoked token, 403 when no scope of the API was granted,
 * 404 (with each API's body) for a person it does not know.
 *
 * @module
 */
export { startSandbox } from './sandbox.js'
export { sandboxConnectors, type SandboxConnectors } from './connectors.js'
export { sandboxAgents, sandboxIdentities, sandboxIncomeYear } from './identities.js'
export { startMockFranceConnect, OpHttpError, DEFAULT_DATA_SCOPES } from './mock-franceconnect/index.js'
export type {
  JsonObject,
  ProConnectSandbox,
  Sandbox,
  SandboxApiId,
  SandboxConnectorOptions,
  SandboxCredentials,
  SandboxData,
  SandboxDataProvider,
  SandboxIdentity,
  SandboxOptions,
  SandboxPerson,
  SandboxPlatform,
  SandboxVariant,
  SignInOptions,
} from './types.js'
export type {
  AuthorizeOptions,
  MockDataProviderRegistration,
  MockIdentity,
  OpEndpoints,
  OpVariant,
  SignedInIdentity,
  StartedOp,
  StartOpOptions,
} from './mock-franceconnect/types.js'
