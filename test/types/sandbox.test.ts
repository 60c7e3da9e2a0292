/**
 * Type tests of `franceconnect-sdk/testing`: what a user sees of the sandbox's per-connector members,
 * now derived from each manifest's `sandbox` part. `tsc --noEmit` fails when one no longer holds.
 */
import { describe, expectTypeOf, it } from 'vitest'
import type {
  JsonObject,
  Sandbox,
  SandboxApiId,
  SandboxConnectorOptions,
  SandboxCredentials,
  SandboxData,
} from 'franceconnect-sdk/testing'

type Particulier = { baseUrl: string; recipient: string }
type Cnam = { baseUrl: string; apiKey: string }

describe('the sandbox, as the compiler sees it', () => {
  // entry by entry, so that an 11th connector adds an entry without touching this test
  it('gives each connector factory its options', () => {
    type Options = SandboxConnectorOptions
    expectTypeOf<Sandbox['connectorOptions']>().toEqualTypeOf<Options>()
    expectTypeOf<keyof Options>().toEqualTypeOf<SandboxApiId>()
    expectTypeOf<Options['impot-particulier']>().toEqualTypeOf<{ baseUrl: string; gatewayToken: string; idTeleservice: string }>()
    expectTypeOf<Options['droits-assurance-maladie']>().toEqualTypeOf<Cnam>()
    expectTypeOf<Options['indemnites-journalieres']>().toEqualTypeOf<Cnam>()
    expectTypeOf<Options['statut-etudiant']>().toEqualTypeOf<Particulier>()
    expectTypeOf<Options['statut-etudiant-boursier']>().toEqualTypeOf<Particulier>()
    expectTypeOf<Options['complementaire-sante-solidaire']>().toEqualTypeOf<Particulier>()
    expectTypeOf<Options['revenu-solidarite-active']>().toEqualTypeOf<Particulier>()
    expectTypeOf<Options['quotient-familial']>().toEqualTypeOf<Particulier>()
    expectTypeOf<Options['france-travail-statut']>().toEqualTypeOf<{ baseUrl: string }>()
    expectTypeOf<Options['france-travail-paiements']>().toEqualTypeOf<{ baseUrl: string }>()
    expectTypeOf<Sandbox['apis']>().toEqualTypeOf<Record<SandboxApiId, string>>()
  })

  it('keeps its credentials by provider', () => {
    expectTypeOf<SandboxCredentials>().toEqualTypeOf<{
      apiParticulier: { recipient: string }
      dgfip: { gatewayToken: string; idTeleservice: string; tokenUrl: string; clientId: string; clientSecret: string }
      cnam: { apiKey: string }
    }>()
  })

  it('says what each mock API knows of a person, every entry optional', () => {
    expectTypeOf<keyof SandboxData>().toEqualTypeOf<SandboxApiId>()
    expectTypeOf<{}>().toExtend<SandboxData>()
    expectTypeOf<SandboxData['impot-particulier']>().toEqualTypeOf<Record<string, JsonObject> | undefined>()
    expectTypeOf<SandboxData['droits-assurance-maladie']>().toEqualTypeOf<
      | {
          me: JsonObject
          beneficiaires: JsonObject[]
          contrats: Record<string, JsonObject[]>
          caisse?: JsonObject
          medecinTraitant?: JsonObject
          exonerations?: JsonObject[]
        }
      | undefined
    >()
    expectTypeOf<SandboxData['indemnites-journalieres']>().toEqualTypeOf<{ paiements: JsonObject[] } | undefined>()
    expectTypeOf<SandboxData['statut-etudiant']>().toEqualTypeOf<{ admissions: JsonObject[] } | undefined>()
    for (const api of [
      'statut-etudiant-boursier',
      'complementaire-sante-solidaire',
      'revenu-solidarite-active',
      'quotient-familial',
      'france-travail-statut',
      'france-travail-paiements',
    ] as const) {
      expectTypeOf<SandboxData[typeof api]>().toEqualTypeOf<JsonObject | undefined>()
    }
  })
})
