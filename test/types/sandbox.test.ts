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
  it('gives each connector factory its options', () => {
    expectTypeOf<Sandbox['connectorOptions']>().toEqualTypeOf<SandboxConnectorOptions>()
    expectTypeOf<SandboxConnectorOptions>().toEqualTypeOf<{
      'impot-particulier': { baseUrl: string; gatewayToken: string; idTeleservice: string }
      'droits-assurance-maladie': Cnam
      'indemnites-journalieres': Cnam
      'statut-etudiant': Particulier
      'statut-etudiant-boursier': Particulier
      'complementaire-sante-solidaire': Particulier
      'revenu-solidarite-active': Particulier
      'quotient-familial': Particulier
      'france-travail-statut': { baseUrl: string }
      'france-travail-paiements': { baseUrl: string }
    }>()
    expectTypeOf<Sandbox['apis']>().toEqualTypeOf<Record<SandboxApiId, string>>()
  })

  it('keeps its credentials by provider', () => {
    expectTypeOf<SandboxCredentials>().toEqualTypeOf<{
      apiParticulier: { recipient: string }
      dgfip: { gatewayToken: string; idTeleservice: string; tokenUrl: string; clientId: string; clientSecret: string }
      cnam: { apiKey: string }
    }>()
  })

  it('says what each mock API knows of a person', () => {
    expectTypeOf<SandboxData>().toEqualTypeOf<{
      'impot-particulier'?: Record<string, JsonObject>
      'droits-assurance-maladie'?: {
        me: JsonObject
        beneficiaires: JsonObject[]
        contrats: Record<string, JsonObject[]>
        caisse?: JsonObject
        medecinTraitant?: JsonObject
        exonerations?: JsonObject[]
      }
      'indemnites-journalieres'?: { paiements: JsonObject[] }
      'statut-etudiant'?: { admissions: JsonObject[] }
      'statut-etudiant-boursier'?: JsonObject
      'complementaire-sante-solidaire'?: JsonObject
      'revenu-solidarite-active'?: JsonObject
      'quotient-familial'?: JsonObject
      'france-travail-statut'?: JsonObject
      'france-travail-paiements'?: JsonObject
    }>()
  })
})
