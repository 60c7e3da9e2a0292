/**
 * Every data scope FranceConnect v2 enables for the API FranceConnectées
 *, as data: its French label, who serves it, the SDK
 * connector that asks for it, the response fields it unlocks, and the platforms that offer it.
 * The scopes a connector asks come from its manifest (`src/apis/<id>/manifest.ts`, listed in
 * ./connector-manifests.ts); the scopes no connector asks are written here.
 *
 * Labels come from reference/franceconnect-apis.md where it gives a French one (`labelSource:
 * 'reference'`, wording kept, capital added); otherwise they are written from the scope's name and
 * the API's documentation (`labelSource: 'derived'`). The C2S, RSA and quotient familial labels are
 * FranceConnect's own wording for those scopes. Fields are the provider's raw field names
 * (`a.b` a nested field, `a[]` an array, a capitalised name a whole object of the published
 * schema); where the reference does not say, `fields` is empty and `fieldsNote` says why. Mappings
 * marked ⚠️ in `fieldsNote` are inferred from names, not published.
 *
 * @module
 */

import { type ConnectorId, connectorManifests } from './connector-manifests.js'
import type { ConnectorManifest, DataScopePlatform, DataScopeProvider } from './manifest.js'

export type { ConnectorId } from './connector-manifests.js'
export type { DataScopePlatform, DataScopeProvider } from './manifest.js'

/** One data scope of FranceConnect. */
export interface DataScope {
  /** The scope string sent to FranceConnect, e.g. `cnous_statut_boursier`. */
  readonly scope: string
  /** Its French label, for consent screens and logs. */
  readonly label: string
  /** `reference`: the label of the APIs reference; `derived`: written from the scope's name. */
  readonly labelSource: 'reference' | 'derived'
  /** The data provider owning the scope. */
  readonly provider: DataScopeProvider
  /** The SDK connector that asks for it, when there is one. */
  readonly api?: ConnectorId
  /** The raw response fields it unlocks; empty when not known (see `fieldsNote`). */
  readonly fields: readonly string[]
  /** Why `fields` is empty, or how sure the mapping is. */
  readonly fieldsNote?: string
  /** Platforms that offer it: FranceConnect+ maps only the CNAM, CNOUS and DGFiP scopes. */
  readonly platforms: readonly DataScopePlatform[]
}

const v2Only = ['franceconnect'] as const

const unknownFields = (what: string) => `Not known: ${what}.`
const v2Scope = (scope: string, label: string, provider: DataScopeProvider, fieldsNote: string): DataScope => ({
  scope,
  label,
  labelSource: 'derived',
  provider,
  fields: [],
  fieldsNote,
  platforms: v2Only,
})

const ants = (suffix: string, label: string): DataScope =>
  v2Scope(
    `ants_extrait_immatriculation_vehicule_${suffix}`,
    `Extrait d’immatriculation du véhicule : ${label}`,
    'ANTS',
    unknownFields('the APIs reference documents no ANTS API'),
  )
const asc = (suffix: string, label: string): DataScope =>
  v2Scope(
    `gip_mds_service_civique_${suffix}`,
    `Service civique : ${label}`,
    'ASC',
    unknownFields('the APIs reference documents no service civique API'),
  )
const apiParticulierOnly = unknownFields('the route exists in API Particulier v3 but its schema is not in the reference')

/** The data scopes no connector of the SDK asks, in the order of FranceConnect's scope registry. */
const scopesWithoutConnector: readonly DataScope[] = [
  v2Scope(
    'mi_siv_carte_grise',
    'Certificat d’immatriculation (carte grise) du système d’immatriculation des véhicules',
    'MI',
    unknownFields('the APIs reference documents no MI API'),
  ),
  v2Scope(
    'dsnj_statut_service_national',
    'Statut au regard du service national',
    'DSNJ',
    unknownFields('the APIs reference documents no DSNJ API'),
  ),
  v2Scope('allocation_adulte_handicape', 'Allocation aux adultes handicapés (AAH)', 'CNAF/MSA', apiParticulierOnly),
  v2Scope('allocation_soutien_familial', 'Allocation de soutien familial (ASF)', 'CNAF/MSA', apiParticulierOnly),
  v2Scope('prime_activite', 'Prime d’activité', 'CNAF/MSA', apiParticulierOnly),
  v2Scope('prime_activite_majoration', 'Majoration de la prime d’activité', 'CNAF/MSA', apiParticulierOnly),
  ants('identite_particulier', 'identité du titulaire'),
  ants('adresse_particulier', 'adresse du titulaire'),
  ants('statut_rattachement', 'statut de rattachement au véhicule'),
  ants('donnees_immatriculation_vehicule', 'données d’immatriculation du véhicule'),
  ants('caracteristiques_techniques_vehicule', 'caractéristiques techniques du véhicule'),
  asc('statut_actuel', 'statut actuel'),
  asc('statut_passe', 'statuts passés'),
  asc('organisme_accueil', 'organisme d’accueil'),
  asc('dates', 'dates de la mission'),
]

/** The providers in the order of FranceConnect's scope registry. */
const providerOrder: readonly DataScopeProvider[] = [
  'DGFiP',
  'CNAM',
  'CNOUS',
  'MESRI',
  'MI',
  'France Travail',
  'DSS',
  'DSNJ',
  'CNAF/MSA',
  'ANTS',
  'ASC',
]

function rowOf(manifest: ConnectorManifest, scope: string): DataScope {
  const detail = manifest.scopeDetails[scope]
  if (detail === undefined) throw new Error(`${manifest.id}: no scopeDetails for ${scope}`)
  return {
    scope,
    label: detail.label,
    labelSource: detail.labelSource,
    provider: manifest.provider,
    api: manifest.id as ConnectorId,
    fields: detail.fields,
    ...(detail.fieldsNote === undefined ? {} : { fieldsNote: detail.fieldsNote }),
    platforms: detail.platforms,
  }
}

/**
 * The data scopes of FranceConnect v2, grouped by provider in the order of FranceConnect's scope registry: for each
 * provider, the scopes no connector asks, then those of its connectors (by id), each in its
 * manifest's order.
 */
export const dataScopes: readonly DataScope[] = providerOrder.flatMap((provider) => [
  ...scopesWithoutConnector.filter((row) => row.provider === provider),
  ...[...connectorManifests]
    .filter((manifest) => manifest.provider === provider)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .flatMap((manifest: ConnectorManifest) => manifest.scopes.map((scope) => rowOf(manifest, scope))),
])
